package io.mlconnector.core.state;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.internal.Checks;
import io.mlconnector.core.state.internal.PageToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link StateStore} held in memory, for tests and trials: it forgets everything when the process
 * ends. Every method runs under one lock, so each is atomic and the store is safe for any number of
 * threads; it keeps every promise of the interface, including the all-or-nothing ones.
 */
public final class InMemoryStateStore implements StateStore {
  private final Clock clock;
  private final Object lock = new Object();

  private final Map<List<String>, String> cursors = new HashMap<>();

  /** (tenant, source system, type, id, target system) to mapping. */
  private final Map<List<String>, Mapping> mappingsBySource = new HashMap<>();

  /** (tenant, target system, type, id) to mapping. */
  private final Map<List<String>, Mapping> mappingsByTarget = new HashMap<>();

  /** (tenant, key) to operation. */
  private final Map<List<String>, Operation> operations = new HashMap<>();

  private final Map<Long, InboxRow> inbox = new TreeMap<>();
  private final Map<List<String>, Long> inboxKeys = new HashMap<>();
  private final Map<List<String>, SeenFile> files = new HashMap<>();
  private final Map<List<String>, String> documents = new HashMap<>();
  private final Map<Long, RetryRow> retries = new TreeMap<>();
  private final Map<Long, AuditEntry> audit = new LinkedHashMap<>();
  private final Map<List<String>, Lease> leases = new HashMap<>();
  private long nextId = 1;
  private boolean closed;

  /** A store on the system clock. */
  public InMemoryStateStore() {
    this(Clock.systemUTC());
  }

  /** A store that reads the time from {@code clock} (for tests that move time). */
  public InMemoryStateStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  // ---------------------------------------------------------------- cursors

  @Override
  public Optional<String> cursor(String tenant, String flow, String stream) {
    List<String> key = List.of(text(tenant, "tenant"), text(flow, "flow"), text(stream, "stream"));
    synchronized (lock) {
      open();
      return Optional.ofNullable(cursors.get(key));
    }
  }

  @Override
  public void saveCursor(String tenant, String flow, String stream, String checkpoint) {
    List<String> key = List.of(text(tenant, "tenant"), text(flow, "flow"), text(stream, "stream"));
    Checks.notNull(checkpoint, "checkpoint");
    synchronized (lock) {
      open();
      cursors.put(key, checkpoint);
    }
  }

  // ---------------------------------------------------------------- mappings

  @Override
  public Optional<Mapping> mappingBySource(ExternalRef source, String targetSystem) {
    Checks.notNull(source, "source");
    text(targetSystem, "targetSystem");
    synchronized (lock) {
      open();
      return Optional.ofNullable(mappingsBySource.get(sourceKey(source, targetSystem)));
    }
  }

  @Override
  public Optional<Mapping> mappingByTarget(ExternalRef target) {
    Checks.notNull(target, "target");
    synchronized (lock) {
      open();
      return Optional.ofNullable(mappingsByTarget.get(targetKey(target)));
    }
  }

  @Override
  public void saveMapping(Mapping mapping) {
    Checks.notNull(mapping, "mapping");
    synchronized (lock) {
      open();
      checkMapping(mapping);
      putMapping(mapping);
    }
  }

  private void checkMapping(Mapping mapping) {
    Mapping bySource = mappingsBySource.get(sourceKey(mapping.source(), mapping.target().system()));
    if (bySource != null && !bySource.target().equals(mapping.target())) {
      throw new StateConflictException(
          "source " + mapping.source() + " is already mapped to " + bySource.target());
    }
    Mapping byTarget = mappingsByTarget.get(targetKey(mapping.target()));
    if (byTarget != null && !byTarget.source().equals(mapping.source())) {
      throw new StateConflictException(
          "target " + mapping.target() + " is already mapped to " + byTarget.source());
    }
  }

  private void putMapping(Mapping mapping) {
    mappingsBySource.put(sourceKey(mapping.source(), mapping.target().system()), mapping);
    mappingsByTarget.put(targetKey(mapping.target()), mapping);
  }

  // ---------------------------------------------------------------- operation log

  @Override
  public Claim begin(OperationIntent intent) {
    Checks.notNull(intent, "intent");
    synchronized (lock) {
      open();
      Instant now = clock.instant();
      List<String> key = List.of(intent.tenant(), intent.key());
      Operation existing = operations.get(key);
      if (existing == null) {
        Operation created =
            new Operation(
                intent.key(),
                intent.tenant(),
                intent.flow(),
                intent.source(),
                intent.sourceVersion(),
                intent.action(),
                OperationStatus.PENDING,
                1,
                null,
                null,
                now,
                now);
        operations.put(key, created);
        return new Claim(true, created);
      }
      if (existing.status() == OperationStatus.FAILED) {
        Operation retried =
            withStatus(
                existing,
                OperationStatus.PENDING,
                existing.attempts() + 1,
                null,
                existing.lastError(),
                now);
        operations.put(key, retried);
        return new Claim(true, retried);
      }
      return new Claim(false, existing);
    }
  }

  @Override
  public Optional<Operation> operation(String tenant, String key) {
    List<String> id = List.of(text(tenant, "tenant"), text(key, "key"));
    synchronized (lock) {
      open();
      return Optional.ofNullable(operations.get(id));
    }
  }

  @Override
  public List<Operation> pendingOperations(
      String tenant, String flow, Instant olderThan, int limit) {
    text(tenant, "tenant");
    text(flow, "flow");
    Checks.notNull(olderThan, "olderThan");
    Checks.positive(limit, "limit");
    synchronized (lock) {
      open();
      return operations.values().stream()
          .filter(o -> o.tenant().equals(tenant) && o.flow().equals(flow))
          .filter(o -> o.status() == OperationStatus.PENDING && o.updatedAt().isBefore(olderThan))
          .sorted(Comparator.comparing(Operation::updatedAt).thenComparing(Operation::key))
          .limit(limit)
          .toList();
    }
  }

  @Override
  public void complete(Completion completion) {
    Checks.notNull(completion, "completion");
    String tenant = completion.tenant();
    Checks.sameTenant(tenant, completion.mapping().source().tenant(), "completion.mapping");
    Checks.sameTenant(tenant, completion.audit().tenant(), "completion.audit");
    synchronized (lock) {
      open();
      List<String> key = List.of(tenant, completion.operationKey());
      Operation op = requirePending(key, "complete");
      checkMapping(completion.mapping());
      // Every check passed: apply all changes (nothing below can fail).
      putMapping(completion.mapping());
      operations.put(
          key,
          withStatus(
              op,
              OperationStatus.DONE,
              op.attempts(),
              completion.mapping().target(),
              op.lastError(),
              clock.instant()));
      appendAudit(completion.audit());
      retries.values().removeIf(r -> r.sameSubject(tenant, op.flow(), op.source()));
    }
  }

  @Override
  public void fail(Failure failure) {
    Checks.notNull(failure, "failure");
    String tenant = failure.tenant();
    Checks.sameTenant(tenant, failure.audit().tenant(), "failure.audit");
    synchronized (lock) {
      open();
      Instant now = clock.instant();
      List<String> key = List.of(tenant, failure.operationKey());
      Operation op = requirePending(key, "fail");
      operations.put(
          key, withStatus(op, failure.status(), op.attempts(), null, failure.error(), now));
      boolean dead = failure.status() == OperationStatus.PARKED;
      Instant due = dead ? now : failure.retryAt();
      upsertRetry(
          new RetryItem(
              0,
              tenant,
              op.flow(),
              op.source(),
              op.key(),
              failure.payload(),
              op.attempts(),
              due,
              failure.error(),
              dead),
          dead ? now : null);
      appendAudit(failure.audit());
    }
  }

  private Operation requirePending(List<String> key, String what) {
    Operation op = operations.get(key);
    if (op == null) {
      throw new StateConflictException(
          "cannot " + what + " operation " + key.get(1) + ": it was never begun");
    }
    if (op.status() != OperationStatus.PENDING) {
      throw new StateConflictException(
          "cannot "
              + what
              + " operation "
              + key.get(1)
              + ": it is "
              + op.status()
              + ", not PENDING");
    }
    return op;
  }

  private static Operation withStatus(
      Operation op,
      OperationStatus status,
      int attempts,
      ExternalRef target,
      String error,
      Instant now) {
    return new Operation(
        op.key(),
        op.tenant(),
        op.flow(),
        op.source(),
        op.sourceVersion(),
        op.action(),
        status,
        attempts,
        target,
        error,
        op.createdAt(),
        now);
  }

  // ---------------------------------------------------------------- webhook inbox

  @Override
  public boolean receive(InboxEvent event) {
    Checks.notNull(event, "event");
    text(event.tenant(), "event.tenant");
    text(event.source(), "event.source");
    text(event.eventId(), "event.eventId");
    text(event.type(), "event.type");
    Checks.notNull(event.payload(), "event.payload");
    Checks.notNull(event.receivedAt(), "event.receivedAt");
    synchronized (lock) {
      open();
      List<String> key = List.of(event.tenant(), event.source(), event.eventId());
      if (inboxKeys.containsKey(key)) {
        return false;
      }
      long id = nextId++;
      InboxEvent stored =
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
              null);
      inbox.put(id, new InboxRow(stored));
      inboxKeys.put(key, id);
      return true;
    }
  }

  @Override
  public List<InboxEvent> claimInbox(
      String tenant, String source, String owner, Duration claimTtl, int max) {
    text(tenant, "tenant");
    text(source, "source");
    text(owner, "owner");
    Checks.positive(claimTtl, "claimTtl");
    Checks.positive(max, "max");
    synchronized (lock) {
      open();
      Instant now = clock.instant();
      List<InboxRow> due =
          inbox.values().stream()
              .filter(r -> r.event.tenant().equals(tenant) && r.event.source().equals(source))
              .filter(r -> r.event.status() == InboxEvent.Status.RECEIVED && r.claimFree(now))
              .sorted(
                  Comparator.comparing((InboxRow r) -> r.event.receivedAt())
                      .thenComparingLong(r -> r.event.id()))
              .limit(max)
              .toList();
      List<InboxEvent> claimed = new ArrayList<>(due.size());
      for (InboxRow row : due) {
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
  }

  @Override
  public void finishInbox(String tenant, long eventId, InboxEvent.Status status, String note) {
    text(tenant, "tenant");
    Checks.notNull(status, "status");
    if (status == InboxEvent.Status.RECEIVED) {
      throw new IllegalArgumentException(
          "status must be PROCESSED, IGNORED or PARKED, was RECEIVED");
    }
    synchronized (lock) {
      open();
      InboxRow row = inbox.get(eventId);
      if (row == null || !row.event.tenant().equals(tenant)) {
        throw new IllegalArgumentException("no inbox event " + eventId + " for tenant " + tenant);
      }
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
              status,
              e.attempts(),
              note);
      row.claimedBy = null;
      row.claimedUntil = null;
    }
  }

  @Override
  public void finishInbox(
      String tenant, java.util.Collection<Long> eventIds, InboxEvent.Status status, String note) {
    text(tenant, "tenant");
    Checks.notNull(status, "status");
    Checks.notNull(eventIds, "eventIds");
    synchronized (lock) {
      open();
      for (long id : eventIds) {
        InboxRow row = inbox.get(id);
        if (row == null || !row.event.tenant().equals(tenant)) {
          throw new IllegalArgumentException("no inbox event " + id + " for tenant " + tenant);
        }
      }
      for (long id : eventIds) {
        finishInbox(tenant, id, status, note);
      }
    }
  }

  @Override
  public int ignoreInbox(
      String tenant, String source, java.util.Set<String> handledTypes, String note) {
    text(tenant, "tenant");
    text(source, "source");
    Checks.notNull(handledTypes, "handledTypes");
    if (handledTypes.isEmpty()) {
      throw new IllegalArgumentException("handledTypes must not be empty");
    }
    synchronized (lock) {
      open();
      Instant now = clock.instant();
      int n = 0;
      for (InboxRow row : inbox.values()) {
        InboxEvent e = row.event;
        if (e.tenant().equals(tenant)
            && e.source().equals(source)
            && e.status() == InboxEvent.Status.RECEIVED
            && row.claimFree(now)
            && !handledTypes.contains(e.type())) {
          row.event =
              new InboxEvent(e.id(), e.tenant(), e.source(), e.eventId(), e.type(), e.payload(),
                  e.receivedAt(), InboxEvent.Status.IGNORED, e.attempts(), note);
          row.claimedBy = null;
          row.claimedUntil = null;
          n++;
        }
      }
      return n;
    }
  }

  @Override
  public void releaseInbox(String tenant, long eventId, String owner) {
    text(tenant, "tenant");
    text(owner, "owner");
    synchronized (lock) {
      open();
      InboxRow row = inbox.get(eventId);
      if (row != null && row.event.tenant().equals(tenant) && owner.equals(row.claimedBy)) {
        row.claimedBy = null;
        row.claimedUntil = null;
      }
    }
  }

  // ---------------------------------------------------------------- seen files and documents

  @Override
  public boolean recordFile(SeenFile file) {
    Checks.notNull(file, "file");
    text(file.tenant(), "file.tenant");
    text(file.flow(), "file.flow");
    text(file.contentHash(), "file.contentHash");
    Checks.notNull(file.name(), "file.name");
    Checks.notNull(file.status(), "file.status");
    Checks.notNull(file.recordedAt(), "file.recordedAt");
    synchronized (lock) {
      open();
      return files.putIfAbsent(List.of(file.tenant(), file.flow(), file.contentHash()), file)
          == null;
    }
  }

  @Override
  public Optional<SeenFile> file(String tenant, String flow, String contentHash) {
    List<String> key =
        List.of(text(tenant, "tenant"), text(flow, "flow"), text(contentHash, "contentHash"));
    synchronized (lock) {
      open();
      return Optional.ofNullable(files.get(key));
    }
  }

  @Override
  public void updateFile(String tenant, String flow, String contentHash, SeenFile.Status status) {
    List<String> key =
        List.of(text(tenant, "tenant"), text(flow, "flow"), text(contentHash, "contentHash"));
    Checks.notNull(status, "status");
    synchronized (lock) {
      open();
      SeenFile f = files.get(key);
      if (f == null) {
        throw new IllegalArgumentException(
            "no file " + contentHash + " recorded for flow " + flow + " of tenant " + tenant);
      }
      files.put(
          key,
          new SeenFile(f.tenant(), f.flow(), f.contentHash(), f.name(), status, f.recordedAt()));
    }
  }

  @Override
  public boolean claimDocument(String tenant, String flow, String naturalKey, String contentHash) {
    List<String> key =
        List.of(text(tenant, "tenant"), text(flow, "flow"), text(naturalKey, "naturalKey"));
    text(contentHash, "contentHash");
    synchronized (lock) {
      open();
      return documents.putIfAbsent(key, contentHash) == null;
    }
  }

  // ---------------------------------------------------------------- retry queue and dead letters

  @Override
  public void scheduleRetry(RetryItem item) {
    Checks.notNull(item, "item");
    text(item.tenant(), "item.tenant");
    text(item.flow(), "item.flow");
    Checks.ref(item.source(), "item.source", item.tenant());
    Checks.notNull(item.nextAttemptAt(), "item.nextAttemptAt");
    synchronized (lock) {
      open();
      upsertRetry(item, item.dead() ? clock.instant() : null);
    }
  }

  private void upsertRetry(RetryItem item, Instant parkedAt) {
    RetryRow existing = null;
    for (RetryRow r : retries.values()) {
      if (r.sameSubject(item.tenant(), item.flow(), item.source())) {
        existing = r;
        break;
      }
    }
    long id = existing != null ? existing.item.id() : nextId++;
    RetryRow row = new RetryRow();
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

  @Override
  public List<RetryItem> claimDueRetries(
      String tenant, String flow, Instant now, String owner, Duration claimTtl, int max) {
    text(tenant, "tenant");
    text(flow, "flow");
    Checks.notNull(now, "now");
    text(owner, "owner");
    Checks.positive(claimTtl, "claimTtl");
    Checks.positive(max, "max");
    synchronized (lock) {
      open();
      List<RetryRow> due =
          retries.values().stream()
              .filter(r -> r.item.tenant().equals(tenant) && r.item.flow().equals(flow))
              .filter(r -> !r.item.dead() && !r.item.nextAttemptAt().isAfter(now))
              .filter(r -> r.claimedUntil == null || !r.claimedUntil.isAfter(now))
              .sorted(
                  Comparator.comparing((RetryRow r) -> r.item.nextAttemptAt())
                      .thenComparingLong(r -> r.item.id()))
              .limit(max)
              .toList();
      List<RetryItem> claimed = new ArrayList<>(due.size());
      for (RetryRow row : due) {
        row.claimedBy = owner;
        row.claimedUntil = now.plus(claimTtl);
        claimed.add(row.item);
      }
      return claimed;
    }
  }

  @Override
  public void removeRetry(String tenant, long itemId) {
    text(tenant, "tenant");
    synchronized (lock) {
      open();
      RetryRow row = retries.get(itemId);
      if (row != null && row.item.tenant().equals(tenant)) {
        retries.remove(itemId);
      }
    }
  }

  @Override
  public Page<RetryItem> deadLetters(DeadLetterQuery query) {
    Checks.notNull(query, "query");
    PageToken after = PageToken.decode(query.pageToken());
    synchronized (lock) {
      open();
      List<RetryRow> rows =
          matchingDeadLetters(query)
              .filter(
                  r ->
                      after == null
                          || r.parkedAt.isAfter(after.at())
                          || (r.parkedAt.equals(after.at()) && r.item.id() > after.id()))
              .limit(query.limit() + 1L)
              .toList();
      boolean more = rows.size() > query.limit();
      List<RetryRow> page = more ? rows.subList(0, query.limit()) : rows;
      String next = null;
      if (more) {
        RetryRow last = page.get(page.size() - 1);
        next = new PageToken(last.parkedAt, last.item.id()).encode();
      }
      return new Page<>(page.stream().map(r -> r.item).toList(), next);
    }
  }

  private java.util.stream.Stream<RetryRow> matchingDeadLetters(DeadLetterQuery q) {
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
        .sorted(
            Comparator.comparing((RetryRow r) -> r.parkedAt).thenComparingLong(r -> r.item.id()));
  }

  @Override
  public int replay(DeadLetterQuery query) {
    Checks.notNull(query, "query");
    synchronized (lock) {
      open();
      Instant now = clock.instant();
      List<RetryRow> rows = matchingDeadLetters(query).toList();
      for (RetryRow row : rows) {
        RetryItem i = row.item;
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
        if (i.operationKey() != null) {
          List<String> key = List.of(i.tenant(), i.operationKey());
          Operation op = operations.get(key);
          if (op != null && op.status() == OperationStatus.PARKED) {
            operations.put(
                key,
                withStatus(op, OperationStatus.FAILED, op.attempts(), null, op.lastError(), now));
          }
        }
      }
      return rows.size();
    }
  }

  // ---------------------------------------------------------------- audit

  @Override
  public void audit(AuditEntry entry) {
    Checks.notNull(entry, "entry");
    synchronized (lock) {
      open();
      appendAudit(entry);
    }
  }

  private void appendAudit(AuditEntry e) {
    if (e.source() != null) {
      Checks.ref(e.source(), "audit.source", e.tenant());
    }
    if (e.target() != null) {
      Checks.ref(e.target(), "audit.target", e.tenant());
    }
    long id = nextId++;
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

  @Override
  public Page<AuditEntry> audit(AuditQuery q) {
    Checks.notNull(q, "query");
    PageToken before = PageToken.decode(q.pageToken());
    synchronized (lock) {
      open();
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
  }

  // ---------------------------------------------------------------- leases

  @Override
  public boolean tryAcquireLease(String tenant, String flow, String owner, Duration ttl) {
    List<String> key = List.of(text(tenant, "tenant"), text(flow, "flow"));
    text(owner, "owner");
    Checks.positive(ttl, "ttl");
    synchronized (lock) {
      open();
      Instant now = clock.instant();
      Lease held = leases.get(key);
      if (held != null && !held.owner().equals(owner) && held.expiresAt().isAfter(now)) {
        return false;
      }
      leases.put(key, new Lease(tenant, flow, owner, now.plus(ttl)));
      return true;
    }
  }

  @Override
  public void releaseLease(String tenant, String flow, String owner) {
    List<String> key = List.of(text(tenant, "tenant"), text(flow, "flow"));
    text(owner, "owner");
    synchronized (lock) {
      open();
      Lease held = leases.get(key);
      if (held != null && held.owner().equals(owner)) {
        leases.remove(key);
      }
    }
  }

  @Override
  public Optional<Lease> lease(String tenant, String flow) {
    List<String> key = List.of(text(tenant, "tenant"), text(flow, "flow"));
    synchronized (lock) {
      open();
      Lease held = leases.get(key);
      return held != null && held.expiresAt().isAfter(clock.instant())
          ? Optional.of(held)
          : Optional.empty();
    }
  }

  // ---------------------------------------------------------------- retention

  @Override
  public PurgeResult purge(Instant cutoff) {
    Checks.notNull(cutoff, "cutoff");
    synchronized (lock) {
      open();
      long ops = 0;
      for (Iterator<Operation> it = operations.values().iterator(); it.hasNext(); ) {
        Operation op = it.next();
        if (op.status() == OperationStatus.DONE && op.updatedAt().isBefore(cutoff)) {
          it.remove();
          ops++;
        }
      }
      long entries = 0;
      for (Iterator<AuditEntry> it = audit.values().iterator(); it.hasNext(); ) {
        if (it.next().at().isBefore(cutoff)) {
          it.remove();
          entries++;
        }
      }
      long events = 0;
      for (Iterator<InboxRow> it = inbox.values().iterator(); it.hasNext(); ) {
        InboxEvent e = it.next().event;
        if ((e.status() == InboxEvent.Status.PROCESSED || e.status() == InboxEvent.Status.IGNORED)
            && e.receivedAt().isBefore(cutoff)) {
          it.remove();
          inboxKeys.remove(List.of(e.tenant(), e.source(), e.eventId()));
          events++;
        }
      }
      return new PurgeResult(ops, entries, events);
    }
  }

  /** Marks the store closed; later calls fail with a {@link StateStoreException}. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
    }
  }

  // ---------------------------------------------------------------- internals

  private void open() {
    if (closed) {
      throw new StateStoreException("the state store is closed", null);
    }
  }

  private static String text(String value, String name) {
    return Checks.text(value, name);
  }

  private static List<String> sourceKey(ExternalRef source, String targetSystem) {
    return List.of(source.tenant(), source.system(), source.type(), source.id(), targetSystem);
  }

  private static List<String> targetKey(ExternalRef target) {
    return List.of(target.tenant(), target.system(), target.type(), target.id());
  }

  private static final class InboxRow {
    InboxEvent event;
    String claimedBy;
    Instant claimedUntil;

    InboxRow(InboxEvent event) {
      this.event = event;
    }

    boolean claimFree(Instant now) {
      return claimedUntil == null || !claimedUntil.isAfter(now);
    }
  }

  private static final class RetryRow {
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
