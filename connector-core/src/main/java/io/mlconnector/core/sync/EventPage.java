package io.mlconnector.core.sync;

import java.util.List;
import java.util.Objects;

/**
 * A page of the source's event list, read by the webhook backstop.
 *
 * @param events the events, oldest first
 * @param nextCursor where the next read starts; saved once the page is in the inbox
 * @param hasMore true when another page follows right away
 */
public record EventPage(List<WebhookEvent> events, String nextCursor, boolean hasMore) {
  /**
   * Copies {@code events} (not null).
   *
   * @param events the events, oldest first
   * @param nextCursor where the next read starts; saved once the page is in the inbox
   * @param hasMore true when another page follows right away
   */
  public EventPage {
    events = List.copyOf(Objects.requireNonNull(events, "events"));
  }

  /**
   * No events.
   *
   * @param cursor the cursor to keep
   * @return a page with no events and no more to read
   */
  public static EventPage empty(String cursor) {
    return new EventPage(List.of(), cursor, false);
  }
}
