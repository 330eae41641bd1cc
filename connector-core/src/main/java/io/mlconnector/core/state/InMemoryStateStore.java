package io.mlconnector.core.state;

import io.mlconnector.core.state.spi.StateStoreSpi;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.internal.Checks;
import io.mlconnector.core.state.internal.MemoryAudit;
import io.mlconnector.core.state.internal.MemoryCursors;
import io.mlconnector.core.state.internal.MemoryFiles;
import io.mlconnector.core.state.internal.MemoryInbox;
import io.mlconnector.core.state.internal.MemoryLeases;
import io.mlconnector.core.state.internal.MemoryMappings;
import io.mlconnector.core.state.internal.MemoryOperations;
import io.mlconnector.core.state.internal.MemoryRetries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A {@link StateStore} held in memory, for tests and trials: it forgets everything when the process
 * ends. Every method runs under one lock, so each is atomic and the store is safe for any number of
 * threads; it keeps every promise of the interface, including the all-or-nothing ones.
 */
public final class InMemoryStateStore implements StateStoreSpi {
  private final Clock clock;
  private final Object lock = new Object();
  private long nextId = 1;
  private boolean closed;

  // One part per state kind; ids come from one sequence, as rows of one database would.
  private final LongSupplier ids = () -> nextId++;
  private final MemoryCursors cursors = new MemoryCursors();
  private final MemoryMappings mappings = new MemoryMappings();
  private final MemoryOperations operations = new MemoryOperations();
  private final MemoryInbox inbox = new MemoryInbox(ids);
  private final MemoryFiles files = new MemoryFiles();
  private final MemoryRetries retries = new MemoryRetries(ids);
  private final MemoryAudit audit = new MemoryAudit(ids);
  private final MemoryLeases leases = new MemoryLeases();

  /** A store on the system clock. */
  public InMemoryStateStore() {
    this(Clock.systemUTC());
  }

  /**
   * A store that reads the time from {@code clock} (for tests that move time).
   *
   * @param clock the clock for every time the store writes and every expiry it checks
   */
  public InMemoryStateStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Runs {@code call} under the store's lock, once the store is known to be open. */
  private <T> T locked(Supplier<T> call) {
    synchronized (lock) {
      if (closed) {
        throw new StateStoreException("the state store is closed", null);
      }
      return call.get();
    }
  }

  private void locked(Runnable call) {
    locked(
        () -> {
          call.run();
          return null;
        });
  }

  // ---------------------------------------------------------------- cursors and mappings

  @Override
  public Optional<String> cursor(String tenant, String flow, String stream) {
    return locked(() -> cursors.cursor(tenant, flow, stream));
  }

  @Override
  public void saveCursor(String tenant, String flow, String stream, String checkpoint) {
    locked(() -> cursors.saveCursor(tenant, flow, stream, checkpoint));
  }

  @Override
  public Optional<Mapping> mappingBySource(ExternalRef source, String targetSystem) {
    return locked(() -> mappings.bySource(source, targetSystem));
  }

  @Override
  public Optional<Mapping> mappingByTarget(ExternalRef target) {
    return locked(() -> mappings.byTarget(target));
  }

  @Override
  public void saveMapping(Mapping mapping) {
    locked(() -> mappings.save(mapping));
  }

  // ---------------------------------------------------------------- operation log

  @Override
  public Claim begin(OperationIntent intent) {
    return locked(() -> operations.begin(intent, clock.instant()));
  }

  @Override
  public Optional<Operation> operation(String tenant, String key) {
    return locked(() -> operations.operation(tenant, key));
  }

  @Override
  public List<Operation> pendingOperations(
      String tenant, String flow, Instant olderThan, int limit) {
    return locked(() -> operations.pending(tenant, flow, olderThan, limit));
  }

  @Override
  public void complete(Completion completion) {
    Checks.notNull(completion, "completion");
    locked(
        () -> {
          Operation op =
              operations.requirePending(
                  completion.tenant(), completion.operationKey(), "complete");
          mappings.check(completion.mapping());
          // Every check passed: apply all changes (nothing below can fail).
          mappings.put(completion.mapping());
          operations.done(op, completion.mapping().target(), clock.instant());
          audit.append(completion.audit());
          retries.removeSubject(op.tenant(), op.flow(), op.source());
        });
  }

  @Override
  public void fail(Failure failure) {
    Checks.notNull(failure, "failure");
    locked(
        () -> {
          Instant now = clock.instant();
          Operation op = operations.requirePending(failure.tenant(), failure.operationKey(), "fail");
          operations.failed(op, failure.status(), failure.error(), now);
          boolean dead = failure.status() == OperationStatus.PARKED;
          retries.upsert(
              new RetryItem(
                  0,
                  op.tenant(),
                  op.flow(),
                  op.source(),
                  op.key(),
                  failure.payload(),
                  op.attempts(),
                  dead ? now : failure.retryAt(),
                  failure.error(),
                  dead),
              dead ? now : null);
          audit.append(failure.audit());
        });
  }

  // ---------------------------------------------------------------- webhook inbox

  @Override
  public boolean receive(InboxEvent event) {
    return locked(() -> inbox.receive(event));
  }

  @Override
  public boolean hasWaitingWork(
      String tenant, String flow, @Nullable String inboxSource, Instant now) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.notNull(now, "now");
    return locked(
        () ->
            !operations.pending(tenant, flow, Instant.MAX, 1).isEmpty()
                || retries.hasDue(tenant, flow, now)
                || (inboxSource != null
                    && inbox.hasClaimable(tenant, Checks.text(inboxSource, "inboxSource"), now)));
  }

  @Override
  public List<InboxEvent> claimInbox(
      String tenant, String source, String owner, Duration claimTtl, int max) {
    return locked(() -> inbox.claim(tenant, source, owner, claimTtl, max, clock.instant()));
  }

  @Override
  public void finishInbox(String tenant, long eventId, InboxEvent.Status status, String note) {
    locked(() -> inbox.finish(tenant, eventId, status, note));
  }

  @Override
  public void finishInbox(
      String tenant, Collection<Long> eventIds, InboxEvent.Status status, String note) {
    locked(() -> inbox.finish(tenant, eventIds, status, note));
  }

  @Override
  public int ignoreInbox(String tenant, String source, Set<String> handledTypes, String note) {
    return locked(() -> inbox.ignore(tenant, source, handledTypes, note, clock.instant()));
  }

  @Override
  public void releaseInbox(String tenant, long eventId, String owner) {
    locked(() -> inbox.release(tenant, eventId, owner));
  }

  // ---------------------------------------------------------------- seen files and documents

  @Override
  public boolean recordFile(SeenFile file) {
    return locked(() -> files.record(file));
  }

  @Override
  public Optional<SeenFile> file(String tenant, String flow, String contentHash) {
    return locked(() -> files.file(tenant, flow, contentHash));
  }

  @Override
  public void updateFile(String tenant, String flow, String contentHash, SeenFile.Status status) {
    locked(() -> files.update(tenant, flow, contentHash, status));
  }

  @Override
  public boolean claimFile(
      String tenant, String flow, String contentHash, String name, String owner, Duration ttl) {
    return locked(() -> files.claim(tenant, flow, contentHash, name, owner, ttl, clock.instant()));
  }

  @Override
  public void moveFile(
      String tenant,
      String flow,
      String contentHash,
      String owner,
      SeenFile.Status status,
      int posted,
      int parked,
      String reason) {
    locked(() -> files.move(tenant, flow, contentHash, owner, status, posted, parked, reason, clock.instant()));
  }

  @Override
  public boolean claimDocument(String tenant, String flow, String naturalKey, String contentHash) {
    return locked(() -> files.claimDocument(tenant, flow, naturalKey, contentHash));
  }

  // ---------------------------------------------------------------- retry queue and dead letters

  @Override
  public void scheduleRetry(RetryItem item) {
    Checks.notNull(item, "item");
    locked(() -> retries.upsert(item, item.dead() ? clock.instant() : null));
  }

  @Override
  public List<RetryItem> claimDueRetries(
      String tenant, String flow, Instant now, String owner, Duration claimTtl, int max) {
    return locked(() -> retries.claimDue(tenant, flow, now, owner, claimTtl, max));
  }

  @Override
  public void removeRetry(String tenant, long itemId) {
    locked(() -> retries.remove(tenant, itemId));
  }

  @Override
  public Page<RetryItem> deadLetters(DeadLetterQuery query) {
    return locked(() -> retries.deadLetters(query));
  }

  @Override
  public int replay(DeadLetterQuery query) {
    return locked(
        () -> {
          Instant now = clock.instant();
          List<RetryItem> replayed = retries.replay(query, now);
          for (RetryItem i : replayed) {
            if (i.operationKey() != null) {
              operations.unpark(i.tenant(), i.operationKey(), now);
            }
          }
          return replayed.size();
        });
  }

  // ---------------------------------------------------------------- audit and leases

  @Override
  public void audit(AuditEntry entry) {
    locked(() -> audit.append(entry));
  }

  @Override
  public Page<AuditEntry> audit(AuditQuery query) {
    return locked(() -> audit.query(query));
  }

  @Override
  public boolean tryAcquireLease(String tenant, String flow, String owner, Duration ttl) {
    return locked(() -> leases.tryAcquire(tenant, flow, owner, ttl, clock.instant()));
  }

  @Override
  public void releaseLease(String tenant, String flow, String owner) {
    locked(() -> leases.release(tenant, flow, owner));
  }

  @Override
  public Optional<Lease> lease(String tenant, String flow) {
    return locked(() -> leases.lease(tenant, flow, clock.instant()));
  }

  // ---------------------------------------------------------------- retention

  @Override
  public PurgeResult purge(Instant cutoff) {
    Checks.notNull(cutoff, "cutoff");
    return locked(
        () -> new PurgeResult(operations.purge(cutoff), audit.purge(cutoff), inbox.purge(cutoff)));
  }

  /** Marks the store closed; later calls fail with a {@link StateStoreException}. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
    }
  }
}
