package io.mlconnector.core.state.internal;

import io.mlconnector.core.state.InboxEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The in-memory store's webhook inbox. Not thread-safe on its own: {@link
 * io.mlconnector.core.state.InMemoryStateStore} calls every part under one lock.
 */
public final class MemoryInbox {
  private final Map<Long, Row> inbox = new TreeMap<>();
  private final Map<List<String>, Long> keys = new HashMap<>();
  private final LongSupplier ids;

  /** An inbox whose events take their ids from {@code ids}. */
  public MemoryInbox(LongSupplier ids) {
    this.ids = ids;
  }

  /** See {@link io.mlconnector.core.state.spi.StateStoreSpi#receive}. */
  public boolean receive(InboxEvent event) {
    Checks.notNull(event, "event");
    List<String> key = List.of(event.tenant(), event.source(), event.eventId());
    if (keys.containsKey(key)) {
      return false;
    }
    long id = ids.getAsLong();
    inbox.put(
        id,
        new Row(
            new InboxEvent(
                id,
                event.tenant(),
                event.source(),
                event.eventId(),
                event.type(),
                event.payload(),
                event.receivedAt(),
                InboxEvent.Status.RECEIVED,
                0,
                null)));
    keys.put(key, id);
    return true;
  }

  /** Whether {@link #claim} would hand out an event of {@code source} now. */
  public boolean hasClaimable(String tenant, String source, Instant now) {
    return inbox.values().stream()
        .anyMatch(
            r ->
                r.event.tenant().equals(tenant)
                    && r.event.source().equals(source)
                    && r.event.status() == InboxEvent.Status.RECEIVED
                    && r.claimFree(now));
  }

  /** See {@link io.mlconnector.core.state.spi.StateStoreSpi#claimInbox}. */
  public List<InboxEvent> claim(
      String tenant, String source, String owner, Duration claimTtl, int max, Instant now) {
    Checks.text(tenant, "tenant");
    Checks.text(source, "source");
    Checks.text(owner, "owner");
    Checks.positive(claimTtl, "claimTtl");
    Checks.positive(max, "max");
    List<Row> due =
        inbox.values().stream()
            .filter(r -> r.event.tenant().equals(tenant) && r.event.source().equals(source))
            .filter(r -> r.event.status() == InboxEvent.Status.RECEIVED && r.claimFree(now))
            .sorted(
                Comparator.comparing((Row r) -> r.event.receivedAt())
                    .thenComparingLong(r -> r.event.id()))
            .limit(max)
            .toList();
    List<InboxEvent> claimed = new ArrayList<>(due.size());
    for (Row row : due) {
      row.claimedBy = owner;
      row.claimedUntil = now.plus(claimTtl);
      InboxEvent e = row.event;
      row.event =
          new InboxEvent(
              e.id(),
              e.tenant(),
              e.source(),
              e.eventId(),
              e.type(),
              e.payload(),
              e.receivedAt(),
              e.status(),
              e.attempts() + 1,
              e.note());
      claimed.add(row.event);
    }
    return claimed;
  }

  /** See {@link io.mlconnector.core.state.spi.StateStoreSpi#finishInbox(String, long, InboxEvent.Status, String)}. */
  public void finish(String tenant, long eventId, InboxEvent.Status status, String note) {
    finish(tenant, List.of(eventId), status, note);
  }

  /**
   * See {@link io.mlconnector.core.state.spi.StateStoreSpi#finishInbox(String, Collection,
   * InboxEvent.Status, String)}: every id is checked before any event changes.
   */
  public void finish(
      String tenant, Collection<Long> eventIds, InboxEvent.Status status, String note) {
    Checks.text(tenant, "tenant");
    Checks.notNull(status, "status");
    Checks.notNull(eventIds, "eventIds");
    if (status == InboxEvent.Status.RECEIVED) {
      throw new IllegalArgumentException(
          "status must be PROCESSED, IGNORED or PARKED, was RECEIVED");
    }
    for (long id : eventIds) {
      Row row = inbox.get(id);
      if (row == null || !row.event.tenant().equals(tenant)) {
        throw new IllegalArgumentException("no inbox event " + id + " for tenant " + tenant);
      }
    }
    for (long id : eventIds) {
      inbox.get(id).end(status, note);
    }
  }

  /** See {@link io.mlconnector.core.state.spi.StateStoreSpi#ignoreInbox}. */
  public int ignore(
      String tenant, String source, Set<String> handledTypes, String note, Instant now) {
    Checks.text(tenant, "tenant");
    Checks.text(source, "source");
    Checks.notNull(handledTypes, "handledTypes");
    if (handledTypes.isEmpty()) {
      throw new IllegalArgumentException("handledTypes must not be empty");
    }
    int n = 0;
    for (Row row : inbox.values()) {
      InboxEvent e = row.event;
      if (e.tenant().equals(tenant)
          && e.source().equals(source)
          && e.status() == InboxEvent.Status.RECEIVED
          && row.claimFree(now)
          && !handledTypes.contains(e.type())) {
        row.end(InboxEvent.Status.IGNORED, note);
        n++;
      }
    }
    return n;
  }

  /** See {@link io.mlconnector.core.state.spi.StateStoreSpi#releaseInbox}. */
  public void release(String tenant, long eventId, String owner) {
    Checks.text(tenant, "tenant");
    Checks.text(owner, "owner");
    Row row = inbox.get(eventId);
    if (row != null && row.event.tenant().equals(tenant) && owner.equals(row.claimedBy)) {
      row.claimedBy = null;
      row.claimedUntil = null;
    }
  }

  /** Deletes PROCESSED or IGNORED events received before {@code cutoff}; returns how many. */
  public long purge(Instant cutoff) {
    long n = 0;
    for (Iterator<Row> it = inbox.values().iterator(); it.hasNext(); ) {
      InboxEvent e = it.next().event;
      if ((e.status() == InboxEvent.Status.PROCESSED || e.status() == InboxEvent.Status.IGNORED)
          && e.receivedAt().isBefore(cutoff)) {
        it.remove();
        keys.remove(List.of(e.tenant(), e.source(), e.eventId()));
        n++;
      }
    }
    return n;
  }

  private static final class Row {
    InboxEvent event;
    String claimedBy;
    Instant claimedUntil;

    Row(InboxEvent event) {
      this.event = event;
    }

    boolean claimFree(Instant now) {
      return claimedUntil == null || !claimedUntil.isAfter(now);
    }

    void end(InboxEvent.Status status, String note) {
      InboxEvent e = event;
      event =
          new InboxEvent(
              e.id(),
              e.tenant(),
              e.source(),
              e.eventId(),
              e.type(),
              e.payload(),
              e.receivedAt(),
              status,
              e.attempts(),
              note);
      claimedBy = null;
      claimedUntil = null;
    }
  }
}
