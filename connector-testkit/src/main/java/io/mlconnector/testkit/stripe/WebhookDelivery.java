package io.mlconnector.testkit.stripe;

import org.jspecify.annotations.Nullable;

/**
 * One attempt to deliver an event to an endpoint, as the simulator recorded it.
 *
 * @param endpointId the endpoint
 * @param eventId the event ({@code evt_...})
 * @param eventType the event type
 * @param attempt 1 for the first attempt, 2 for the first retry, ...
 * @param statusCode the endpoint's HTTP status; 0 when the delivery was dropped on purpose, -1
 *     when the endpoint could not be reached
 * @param payload the exact body sent
 * @param signatureHeader the {@code Stripe-Signature} header sent, or null when the delivery was
 *     dropped
 */
public record WebhookDelivery(
    String endpointId,
    String eventId,
    String eventType,
    int attempt,
    int statusCode,
    String payload,
    @Nullable String signatureHeader) {

  /**
   * Whether the endpoint accepted the delivery.
   *
   * @return true for any 2xx status
   */
  public boolean succeeded() {
    return statusCode >= 200 && statusCode < 300;
  }

  /**
   * Whether the simulator dropped this delivery on purpose ({@link WebhookControls#dropNext}).
   *
   * @return true when nothing was sent
   */
  public boolean dropped() {
    return statusCode == 0;
  }

  @Override
  public String toString() {
    return "WebhookDelivery{" + eventType + " " + eventId + " -> " + endpointId + ", attempt " + attempt
        + ", status " + statusCode + "}";
  }
}
