package io.mlconnector.core.sync.internal;

import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.mapping.MappingRefusedException;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.Completion;
import io.mlconnector.core.state.Failure;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.state.Operation;
import io.mlconnector.core.state.OperationStatus;
import io.mlconnector.core.state.RetryItem;
import io.mlconnector.core.state.StateConflictException;
import io.mlconnector.core.state.StateStoreException;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import io.mlconnector.core.sync.internal.FlowRun.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Recovery of the intents a crash or a lost answer left open, and the retry queue, for one run. */
final class Recovery<S, T> {
  private static final Logger log = LoggerFactory.getLogger(FlowRun.class);

  private final FlowRun<S, T> run;

  Recovery(FlowRun<S, T> run) {
    this.run = run;
  }


  void snapshotPending() {
    for (Operation op :
        run.store.pendingOperations(run.tenant, run.flow.name(), run.now().plus(Duration.ofDays(3650)), 10_000)) {
      run.pendingSources.add(op.source().key());
    }
  }

  /** Resolves PENDING intents older than the grace period through the sink's find-by-stamp. */
  void resolvePending() {
    Instant cutoff = run.now().minus(run.core.pendingGrace);
    Set<String> seen = new HashSet<>();
    while (true) {
      run.checkContinue();
      List<Operation> ops =
          run.store.pendingOperations(run.tenant, run.flow.name(), cutoff, 100).stream()
              .filter(op -> !seen.contains(op.key()))
              .toList();
      if (ops.isEmpty()) {
        return;
      }
      for (Operation op : ops) {
        seen.add(op.key());
        run.writes.withRecord(op.source(), () -> resolvePendingOne(op));
      }
    }
  }

  void resolvePendingOne(Operation op) {
    Sink<T> sink = run.tf.sink();
    ExternalRef source = op.source();
    WriteContext context =
        new WriteContext(run.tenant, run.flow.name(), op.key(), source, op.sourceVersion());
    Optional<WriteResult> found;
    try {
      found = sink.findByStamp(source, context);
    } catch (StateStoreException | StopRun e) {
      throw e;
    } catch (RuntimeException e) {
      log.warn("could not resolve open intent {} yet", op.key(), e);
      return;
    }
    boolean sameOperation = found.isPresent() && op.key().equals(found.get().operationKey());
    boolean createLanded =
        found.isPresent() && "create".equals(op.action()) && found.get().operationKey() == null;
    if (sameOperation || createLanded) {
      WriteResult result = found.get();
      try {
        run.store.complete(
            new Completion(
                run.tenant,
                op.key(),
                new Mapping(source, result.target(), result.attributes()),
                run.writes.audit(source, result.target(), "adopt", AuditEntry.Outcome.SUCCEEDED, null, null)));
      } catch (StateConflictException e) {
        run.writes.failPark(op, source, "adopt", "found " + result.target() + " but could not adopt it: "
            + e.getMessage());
        return;
      }
      run.counters.written.incrementAndGet();
      run.core.listener.recordWritten(run.info, source, result.target(), "adopt");
      return;
    }
    if (found.isPresent() && run.store.mappingBySource(source, sink.system()).isEmpty()) {
      WriteResult result = found.get();
      try {
        run.store.saveMapping(new Mapping(source, result.target(), result.attributes()));
      } catch (StateConflictException e) {
        run.writes.failPark(op, source, op.action(), "found " + result.target() + " but could not map it: "
            + e.getMessage());
        return;
      }
    }
    String reason =
        found.isPresent()
            ? "interrupted write; target exists from an earlier version, updating it"
            : "interrupted write did not land; writing again";
    Instant at = run.now();
    run.store.fail(
        new Failure(
            run.tenant,
            op.key(),
            OperationStatus.FAILED,
            reason,
            at,
            null,
            run.writes.audit(source, null, op.action(), AuditEntry.Outcome.FAILED, reason, null)));
    run.counters.failed.incrementAndGet();
    run.core.listener.recordFailed(run.info, source, new IllegalStateException(reason), at);
  }

  /**
   * Takes the retry items that were due before this run started: an item that fails again during
   * the run waits for its backoff and a later run.
   */
  void processRetries() {
    Set<String> processed = new HashSet<>();
    Instant dueBefore = run.now().minusNanos(1);
    while (true) {
      run.checkContinue();
      List<RetryItem> items =
          run.store.claimDueRetries(
              run.tenant, run.flow.name(), dueBefore, run.core.node, run.core.claimTtl, run.flow.pageSize());
      if (items.isEmpty()) {
        return;
      }
      boolean repeat = false;
      for (RetryItem item : items) {
        repeat |= !processed.add(item.source().key());
      }
      Set<Long> started = ConcurrentHashMap.newKeySet();
      try {
        run.parallel(
            items,
            item -> item.source().key(),
            item -> {
              started.add(item.id());
              processRetry(item);
            });
      } catch (RuntimeException e) {
        releaseRetries(items, started);
        throw e;
      }
      if (repeat) {
        return;
      }
    }
  }

  /**
   * Gives back the claims of retry items this run never started (it is stopping): scheduling an
   * item again as it was clears its claim, so another run or node takes it at once instead of
   * after the claim lapses.
   */
  void releaseRetries(List<RetryItem> claimed, Set<Long> started) {
    for (RetryItem item : claimed) {
      if (started.contains(item.id())) {
        continue;
      }
      try {
        run.store.scheduleRetry(item);
      } catch (RuntimeException e) {
        log.warn("could not release retry item {}; its claim lapses on its own", item.id(), e);
      }
    }
  }

  void processRetry(RetryItem item) {
    run.writes.withRecord(
        item.source(),
        () -> {
          Optional<S> current;
          try {
            current = run.tf.source().fetch(item.source());
          } catch (StateStoreException | StopRun e) {
            throw e;
          } catch (MappingRefusedException e) {
            // read again (a replay) and still unreadable: parked again with today's reason
            run.writes.parkUnreadable(item.source(), e.getMessage(), item.attempts() + 1, true);
            return;
          } catch (RuntimeException e) {
            if (e instanceof AuthenticationException) {
              throw new StopRun(RunReport.Status.FAILED, "source authentication failed", e);
            }
            int attempts = item.attempts() + 1;
            Instant at = run.now().plus(Backoff.delay(run.flow.retryPolicy(), attempts, e, run.core.random));
            run.store.scheduleRetry(
                new RetryItem(0, run.tenant, run.flow.name(), item.source(), item.operationKey(),
                    item.payload(), attempts, at, run.writes.describe(e), false));
            run.counters.failed.incrementAndGet();
            run.core.listener.recordFailed(run.info, item.source(), e, at);
            return;
          }
          if (current.isEmpty()) {
            run.store.removeRetry(run.tenant, item.id());
            run.store.audit(
                run.writes.audit(item.source(), null, "retry", AuditEntry.Outcome.SKIPPED,
                    "source record no longer exists", null));
            run.counters.skipped.incrementAndGet();
            run.core.listener.recordSkipped(run.info, item.source(), "source record no longer exists");
            return;
          }
          Result result = run.writes.process(current.get(), item, null);
          if (result == Result.SKIPPED) {
            run.store.removeRetry(run.tenant, item.id());
          }
        });
  }

}
