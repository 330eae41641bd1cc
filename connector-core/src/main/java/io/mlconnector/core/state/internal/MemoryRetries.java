package io.mlconnector.core.state.internal;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.Page;
import io.mlconnector.core.state.RetryItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The in-memory store's retry queue and dead letters. Not thread-safe on its own: {@link
 * io.mlconnector.core.state.InMemoryStateStore} calls every part under one lock.
 */
public final class MemoryRetries {
  private final Map<Long, Row> retries = new TreeMap<>();
  private final LongSupplier ids;

  /** A queue whose items take their ids from {@code ids}. */
  public MemoryRetries(LongSupplier ids) {
    this.ids = ids;
  }

  /**
   * Saves {@code item}, replacing the item of the same (tenant, flow, source) and keeping its id;
   * {@code parkedAt} is when a dead letter was parked, or null.
   */
  public void upsert(RetryItem item, Instant parkedAt) {
    Checks.notNull(item, "item");
    Row existing = null;
    for (Row r : retries.values()) {
      if (r.sameSubject(item.tenant(), item.flow(), item.source())) {
        existing = r;
        break;
      }
    }
    long id = existing != null ? existing.item.id() : ids.getAsLong();
    Row row = new Row();
    row.item =
        new RetryItem(
            id,
            item.tenant(),
            item.flow(),
            item.source(),
            item.operationKey(),
            item.payload(),
            item.attempts(),
            item.nextAttemptAt(),
            item.lastError(),
            item.dead());
    row.parkedAt = parkedAt;
    retries.put(id, row);
  }

  /** Removes the item of this (tenant, flow, source), if any. */
  public void removeSubject(String tenant, String flow, ExternalRef source) {
    retries.values().removeIf(r -> r.sameSubject(tenant, flow, source));
  }

  /** Whether {@link #claimDue} would hand out an item of {@code flow} due at {@code now}. */
  public boolean hasDue(String tenant, String flow, Instant now) {
    return retries.values().stream()
        .anyMatch(
            r ->
                r.item.tenant().equals(tenant)
                    && r.item.flow().equals(flow)
                    && !r.item.dead()
                    && !r.item.nextAttemptAt().isAfter(now)
                    && (r.claimedUntil == null || !r.claimedUntil.isAfter(now)));
  }

  /** See {@link io.mlconnector.core.state.spi.StateStoreSpi#claimDueRetries}. */
  public List<RetryItem> claimDue(
      String tenant, String flow, Instant now, String owner, Duration claimTtl, int max) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.notNull(now, "now");
    Checks.text(owner, "owner");
    Checks.positive(claimTtl, "claimTtl");
    Checks.positive(max, "max");
    List<Row> due =
        retries.values().stream()
            .filter(r -> r.item.tenant().equals(tenant) && r.item.flow().equals(flow))
            .filter(r -> !r.item.dead() && !r.item.nextAttemptAt().isAfter(now))
            .filter(r -> r.claimedUntil == null || !r.claimedUntil.isAfter(now))
            .sorted(
                Comparator.comparing((Row r) -> r.item.nextAttemptAt())
                    .thenComparingLong(r -> r.item.id()))
            .limit(max)
            .toList();
    List<RetryItem> claimed = new ArrayList<>(due.size());
    for (Row row : due) {
      row.claimedBy = owner;
      row.claimedUntil = now.plus(claimTtl);
      claimed.add(row.item);
    }
    return claimed;
  }

  /** See {@link io.mlconnector.core.state.spi.StateStoreSpi#removeRetry}. */
  public void remove(String tenant, long itemId) {
    Checks.text(tenant, "tenant");
    Row row = retries.get(itemId);
    if (row != null && row.item.tenant().equals(tenant)) {
      retries.remove(itemId);
    }
  }

  /** See {@link io.mlconnector.core.state.StateStore#deadLetters}. */
  public Page<RetryItem> deadLetters(DeadLetterQuery query) {
    Checks.notNull(query, "query");
    PageToken after = PageToken.decode(query.pageToken());
    List<Row> rows =
        matching(query)
            .filter(
                r ->
                    after == null
                        || r.parkedAt.isAfter(after.at())
                        || (r.parkedAt.equals(after.at()) && r.item.id() > after.id()))
            .limit(query.limit() + 1L)
            .toList();
    boolean more = rows.size() > query.limit();
    List<Row> page = more ? rows.subList(0, query.limit()) : rows;
    String next = null;
    if (more) {
      Row last = page.get(page.size() - 1);
      next = new PageToken(last.parkedAt, last.item.id()).encode();
    }
    return new Page<>(page.stream().map(r -> r.item).toList(), next);
  }

  /**
   * Makes the matching dead letters due at {@code now}, resetting their claim; returns them as they
   * were (the caller moves their operations from PARKED to FAILED).
   */
  public List<RetryItem> replay(DeadLetterQuery query, Instant now) {
    Checks.notNull(query, "query");
    List<Row> rows = matching(query).toList();
    List<RetryItem> replayed = new ArrayList<>(rows.size());
    for (Row row : rows) {
      RetryItem i = row.item;
      replayed.add(i);
      row.item =
          new RetryItem(
              i.id(),
              i.tenant(),
              i.flow(),
              i.source(),
              i.operationKey(),
              i.payload(),
              i.attempts(),
              now,
              i.lastError(),
              false);
      row.parkedAt = null;
      row.claimedBy = null;
      row.claimedUntil = null;
    }
    return replayed;
  }

  private Stream<Row> matching(DeadLetterQuery q) {
    return retries.values().stream()
        .filter(r -> r.item.dead() && r.item.tenant().equals(q.tenant()))
        .filter(r -> q.itemId() == null || r.item.id() == q.itemId())
        .filter(r -> q.flow() == null || r.item.flow().equals(q.flow()))
        .filter(r -> q.sourceType() == null || r.item.source().type().equals(q.sourceType()))
        .filter(
            r ->
                q.errorContains() == null
                    || (r.item.lastError() != null
                        && r.item.lastError().contains(q.errorContains())))
        .filter(r -> q.parkedBefore() == null || r.parkedAt.isBefore(q.parkedBefore()))
        .sorted(Comparator.comparing((Row r) -> r.parkedAt).thenComparingLong(r -> r.item.id()));
  }

  private static final class Row {
    RetryItem item;
    Instant parkedAt;
    String claimedBy;
    Instant claimedUntil;

    boolean sameSubject(String tenant, String flow, ExternalRef source) {
      return item.tenant().equals(tenant)
          && item.flow().equals(flow)
          && item.source().equals(source);
    }
  }
}
