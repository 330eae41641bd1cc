package io.mlconnector.core.state.internal;

import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.state.Page;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The in-memory store's audit trail. Not thread-safe on its own: {@link
 * io.mlconnector.core.state.InMemoryStateStore} calls every part under one lock.
 */
public final class MemoryAudit {
  private final Map<Long, AuditEntry> audit = new LinkedHashMap<>();
  private final LongSupplier ids;

  /** A trail whose entries take their ids from {@code ids}. */
  public MemoryAudit(LongSupplier ids) {
    this.ids = ids;
  }

  /** Appends {@code e} under a new id. */
  public void append(AuditEntry e) {
    Checks.notNull(e, "entry");
    long id = ids.getAsLong();
    audit.put(
        id,
        new AuditEntry(
            id,
            e.tenant(),
            e.flow(),
            e.runId(),
            e.source(),
            e.target(),
            e.action(),
            e.outcome(),
            e.error(),
            e.payloadDigest(),
            e.at()));
  }

  /** See {@link io.mlconnector.core.state.StateStore#audit(AuditQuery)}. */
  public Page<AuditEntry> query(AuditQuery q) {
    Checks.notNull(q, "query");
    PageToken before = PageToken.decode(q.pageToken());
    List<AuditEntry> rows =
        audit.values().stream()
            .filter(e -> e.tenant().equals(q.tenant()))
            .filter(e -> q.source() == null || q.source().equals(e.source()))
            .filter(e -> q.target() == null || q.target().equals(e.target()))
            .filter(e -> q.flow() == null || q.flow().equals(e.flow()))
            .filter(e -> q.from() == null || !e.at().isBefore(q.from()))
            .filter(e -> q.to() == null || e.at().isBefore(q.to()))
            .filter(e -> q.outcome() == null || q.outcome() == e.outcome())
            .filter(
                e ->
                    before == null
                        || e.at().isBefore(before.at())
                        || (e.at().equals(before.at()) && e.id() < before.id()))
            .sorted(
                Comparator.comparing(AuditEntry::at).thenComparingLong(AuditEntry::id).reversed())
            .limit(q.limit() + 1L)
            .toList();
    boolean more = rows.size() > q.limit();
    List<AuditEntry> page = more ? rows.subList(0, q.limit()) : rows;
    String next = null;
    if (more) {
      AuditEntry last = page.get(page.size() - 1);
      next = new PageToken(last.at(), last.id()).encode();
    }
    return new Page<>(page, next);
  }

  /** Deletes entries dated before {@code cutoff}; returns how many. */
  public long purge(Instant cutoff) {
    long n = 0;
    for (Iterator<AuditEntry> it = audit.values().iterator(); it.hasNext(); ) {
      if (it.next().at().isBefore(cutoff)) {
        it.remove();
        n++;
      }
    }
    return n;
  }
}
