package io.mlconnector.stripe;

import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.ErrorDetails;

/**
 * A webhook delivery failed signature verification: missing or malformed {@code Stripe-Signature},
 * no {@code v1} signature matching any configured secret, or a timestamp older than the tolerance.
 * The delivery must be refused (the engine answers 401) and nothing stored. The message names the reason, never
 * a secret or a signature.
 */
public final class StripeSignatureException extends AuthenticationException {
  private static final long serialVersionUID = 1L;

  /**
   * A verification failure for {@code reason}.
   *
   * @param reason why the delivery was refused, e.g. a missing header or a stale timestamp; never a
   *     secret or a signature
   */
  public StripeSignatureException(String reason) {
    super(ErrorDetails.of("stripe", "webhook signature check").withRemote("signature_verification_failed", reason));
  }
}
