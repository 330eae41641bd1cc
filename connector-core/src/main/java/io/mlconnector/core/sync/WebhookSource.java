package io.mlconnector.core.sync;

import io.mlconnector.core.model.ExternalRef;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The source side of a webhook flow: says which object an event is about (the engine then
 * re-fetches it, so the current state wins over the event's snapshot) and lists past events for
 * the backstop.
 *
 * @param <S> the record type
 */
public interface WebhookSource<S> extends RecordSource<S> {

  /** {@return the sending system, for example {@code stripe}: the inbox's source name} */
  String system();

  /**
   * The object {@code event} is about, or empty when the flow ignores this event type.
   *
   * @param event a verified event
   * @return the ref of the object to fetch; empty when the event is ignored
   * @throws IllegalArgumentException when the payload is malformed (the event is parked)
   */
  Optional<ExternalRef> objectOf(WebhookEvent event);

  /**
   * The event types {@link #objectOf} may turn into an object, when the source can say: events of
   * other types waiting in the inbox are then marked IGNORED in one step before a run claims any,
   * so after a restart the run starts posting at once instead of working through thousands of
   * unrelated events one by one. Empty (the default): every event is classified as it is claimed.
   *
   * @return the handled event types; empty when the source cannot say
   */
  default Set<String> eventTypes() {
    return Set.of();
  }

  /**
   * Events after {@code cursor} (null: the source's default look-back), for anything the webhooks
   * missed. The default has no event list.
   *
   * @param cursor the saved cursor, or null on the first read
   * @return the next page of events; the default returns an empty page
   */
  default EventPage eventsSince(@Nullable String cursor) {
    return EventPage.empty(cursor);
  }

  /**
   * True when {@link #eventsSince(String, Set)} lists the events of any types it is given, not only
   * this source's own. The engine then reads a tenant's events once for all its webhook flows fed by
   * {@link #system()} whose sources say so (one request per page instead of one per flow), with one
   * cursor they share, and stores each event in the inbox of every such flow that handles its type.
   * False (the default): each flow reads its own events with {@link #eventsSince(String)}.
   *
   * @return whether one events read may serve every webhook flow of this source's system
   */
  default boolean listsEventsOfAnyType() {
    return false;
  }

  /**
   * Events of {@code types} after {@code cursor} (null: the source's default look-back; {@code
   * types} empty: events of every type). Called only when {@link #listsEventsOfAnyType()} is true;
   * the cursor it returns must be one that any source of the same system accepts.
   *
   * @param cursor the cursor the shared read saved, or null on the first read
   * @param types the event types any of the tenant's webhook flows of this system handles; empty
   *     for every type
   * @return the next page of events of those types, with the cursor to save
   * @throws UnsupportedOperationException when the source lists only its own types (the default)
   */
  default EventPage eventsSince(@Nullable String cursor, Set<String> types) {
    throw new UnsupportedOperationException(
        getClass().getName() + " lists only its own event types; see listsEventsOfAnyType()");
  }
}
