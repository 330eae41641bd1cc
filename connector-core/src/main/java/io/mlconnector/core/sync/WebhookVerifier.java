package io.mlconnector.core.sync;

import java.util.List;
import java.util.Map;

/**
 * Verifies a webhook request (signature, timestamp tolerance) and reads its event id and type.
 * One instance serves one tenant and holds that tenant's signing secret; compare signatures in
 * constant time.
 */
@FunctionalInterface
public interface WebhookVerifier {

  /**
   * The verified event.
   *
   * @param headers the request headers; look names up case-insensitively
   * @param rawBody the body exactly as received
   * @return the event's id, type and payload
   * @throws WebhookVerificationException when the request must be refused
   */
  WebhookEvent verify(Map<String, List<String>> headers, byte[] rawBody);
}
