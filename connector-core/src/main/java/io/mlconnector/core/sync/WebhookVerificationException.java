package io.mlconnector.core.sync;

import io.mlconnector.core.error.ConnectorException;
import java.util.Objects;

/**
 * A webhook request was refused: a bad or missing signature, a stale timestamp, a body that is not
 * an event. The endpoint answers 4xx with {@link #getMessage()} and stores nothing.
 */
public final class WebhookVerificationException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /** The 4xx status to answer. */
  private final int status;

  /**
   * @param status the 4xx status to answer: 400 for a bad body, 401 for a bad signature
   * @param reason why, safe to send back (never a secret or the expected signature)
   */
  public WebhookVerificationException(int status, String reason) {
    super("webhook", Objects.requireNonNull(reason, "reason"), null, false);
    if (status < 400 || status > 499) {
      throw new IllegalArgumentException("status must be 4xx, was " + status);
    }
    this.status = status;
  }

  /** {@return the 4xx status to answer} */
  public int status() {
    return status;
  }
}
