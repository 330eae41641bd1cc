package io.mlconnector.testkit.chargebee;

/**
 * One attempt to deliver an event to a webhook endpoint, as the simulator recorded it.
 *
 * @param endpointId the endpoint
 * @param eventId the event ({@code ev_...})
 * @param eventType the event type, for example {@code payment_succeeded}
 * @param attempt 1 for the first attempt, 2 for the first retry, ... (8 at most)
 * @param statusCode the endpoint's HTTP status; 0 when the delivery was dropped on purpose, -1
 *     when the endpoint could not be reached
 * @param payload the exact body sent
 * @param basicAuth whether an {@code Authorization: Basic} header was sent
 * @param simulatedAtSeconds the simulated time of the attempt (Unix seconds)
 */
public record ChargebeeWebhookDelivery(
    String endpointId, String eventId, String eventType, int attempt, int statusCode, String payload,
    boolean basicAuth, long simulatedAtSeconds) {

  /**
   * Whether the endpoint accepted the delivery.
   *
   * @return true for any 2xx status
   */
  public boolean succeeded() {
    return statusCode >= 200 && statusCode < 300;
  }

  @Override
  public String toString() {
    return "ChargebeeWebhookDelivery{" + eventType + " " + eventId + " -> " + endpointId + ", attempt " + attempt
        + ", status " + statusCode + "}";
  }
}
