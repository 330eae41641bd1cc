package io.mlconnector.stripe;

import com.stripe.model.Event;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A batch of events read by the backstop, oldest first.
 *
 * @param events the events, oldest first
 * @param lastEventId the id of the newest event read (the next call's cursor), or the previous
 *     cursor when nothing new was found
 * @param hasMore true when the batch stopped at its size limit and newer events are waiting
 */
record StripeEvents(List<Event> events, @Nullable String lastEventId, boolean hasMore) {
  /** Copies the events. */
  StripeEvents {
    events = List.copyOf(events);
  }
}
