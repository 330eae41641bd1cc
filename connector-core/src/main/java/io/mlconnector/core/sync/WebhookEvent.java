package io.mlconnector.core.sync;

import java.util.Objects;

/**
 * A verified webhook event, or one read from the source's event list by the backstop.
 *
 * @param eventId the sender's event id (unique per tenant and source)
 * @param type the event type, for example {@code invoice.paid}
 * @param payload the raw event body
 */
public record WebhookEvent(String eventId, String type, String payload) {
  /**
   * Checks that the event id and type are not blank and the payload is set.
   *
   * @param eventId the sender's event id (unique per tenant and source)
   * @param type the event type, for example {@code invoice.paid}
   * @param payload the raw event body
   */
  public WebhookEvent {
    if (eventId == null || eventId.isBlank()) {
      throw new IllegalArgumentException("eventId must not be blank");
    }
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("type must not be blank");
    }
    Objects.requireNonNull(payload, "payload");
  }
}
