package io.mlconnector.core.state;

import io.mlconnector.core.state.internal.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A received webhook event, stored before the sender is answered.
 *
 * @param id the store's id (0 before it is stored)
 * @param tenant the tenant
 * @param source the inbox: the SyncEngine stores each webhook flow's events under {@code
 *     <sending system>/<flow>}, for example {@code stripe/payments}
 * @param eventId the sender's event id, unique per (tenant, source)
 * @param type the event type, for example {@code invoice.paid}
 * @param payload the verified raw body
 * @param receivedAt when it was received
 * @param status where its processing stands
 * @param attempts how many times it was claimed
 * @param note the outcome note (why ignored or parked), or null
 */
public record InboxEvent(
    long id,
    String tenant,
    String source,
    String eventId,
    String type,
    String payload,
    Instant receivedAt,
    Status status,
    int attempts,
    @Nullable String note) {

  /**
   * Checks the fields: tenant, source, event id and type must not be null or blank; payload,
   * received time and status must not be null.
   *
   * @param id the store's id (0 before it is stored)
   * @param tenant the tenant
   * @param source the inbox: the SyncEngine stores each webhook flow's events under {@code <sending
   *     system>/<flow>}, for example {@code stripe/payments}
   * @param eventId the sender's event id, unique per (tenant, source)
   * @param type the event type, for example {@code invoice.paid}
   * @param payload the verified raw body
   * @param receivedAt when it was received
   * @param status where its processing stands
   * @param attempts how many times it was claimed
   * @param note the outcome note (why ignored or parked), or null
   */
  public InboxEvent {
    Checks.text(tenant, "event.tenant");
    Checks.text(source, "event.source");
    Checks.text(eventId, "event.eventId");
    Checks.text(type, "event.type");
    Checks.notNull(payload, "event.payload");
    Checks.notNull(receivedAt, "event.receivedAt");
    Checks.notNull(status, "event.status");
  }

  /** Processing state of an inbox event. */
  public enum Status {
    /** Stored and waiting to be processed (or claimed and being processed). */
    RECEIVED,
    /** Processed: the flow acted on it. */
    PROCESSED,
    /** Finished without action: its flow ignores its type, or the object it names is gone. */
    IGNORED,
    /** Its processing failed permanently; the note says why. */
    PARKED
  }

  /**
   * A new event to hand to {@link io.mlconnector.core.state.spi.StateStoreSpi#receive}.
   *
   * @param tenant the tenant
   * @param source the inbox the event is stored under
   * @param eventId the sender's event id, unique per (tenant, source)
   * @param type the event type, for example {@code invoice.paid}
   * @param payload the verified raw body
   * @param receivedAt when it was received
   * @return an event with id 0, status RECEIVED, no attempts and no note
   */
  public static InboxEvent received(
      String tenant, String source, String eventId, String type, String payload, Instant receivedAt) {
    return new InboxEvent(0, tenant, source, eventId, type, payload, receivedAt, Status.RECEIVED, 0, null);
  }
}
