package io.mlconnector.core.sync.internal;

import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.error.VersionMismatchException;
import io.mlconnector.core.mapping.MappingDeferredException;
import io.mlconnector.core.mapping.MappingRefusedException;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.state.Claim;
import io.mlconnector.core.state.Completion;
import io.mlconnector.core.state.Failure;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.state.Operation;
import io.mlconnector.core.state.OperationIntent;
import io.mlconnector.core.state.OperationStatus;
import io.mlconnector.core.state.RetryItem;
import io.mlconnector.core.state.StateConflictException;
import io.mlconnector.core.state.StateStoreException;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.PlannedWrite;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import io.mlconnector.core.sync.internal.FlowRun.Doc;
import io.mlconnector.core.sync.internal.FlowRun.Result;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The write path of one record, top to bottom: operation key, mapping, PENDING intent, sink call, completion (mapping + DONE + audit in one transaction), and what happens when any step says no. */
final class WritePath<S, T> {
  private static final Logger log = LoggerFactory.getLogger(FlowRun.class);

  private final FlowRun<S, T> run;

  WritePath(FlowRun<S, T> run) {
    this.run = run;
  }


  /** Takes one record through the exactly-once write path. */
  Result process(S record, RetryItem retry, Doc doc) {
    ExternalRef ref = run.flow.identity().ref(record);
    String version = run.flow.identity().version(record);
    if (ref == null || version == null) {
      throw new IllegalStateException(
          "identity of flow " + run.flow.name() + " returned a null ref or version for " + record);
    }
    if (!run.tenant.equals(ref.tenant())) {
      throw new IllegalStateException(
          "source of flow " + run.flow.name() + " for tenant " + run.tenant + " returned " + ref
              + " of another tenant");
    }
    Result[] outcome = new Result[1];
    withRecord(ref, () -> outcome[0] = processRecord(record, ref, version, retry, doc));
    return outcome[0];
  }

  Result processRecord(
      S record, ExternalRef ref, String version, RetryItem retry, Doc doc) {
    run.counters.read.incrementAndGet();
    run.core.listener.recordRead(run.info, ref, version);
    String key = Hashing.operationKey(run.tenant, run.flow.name(), ref, version);
    Optional<Operation> existing = run.store.operation(run.tenant, key);
    if (existing.isPresent()) {
      Operation op = existing.get();
      switch (op.status()) {
        case DONE:
          return skip(ref, "already done");
        case PARKED:
          return skip(ref, "parked: " + op.lastError());
        case PENDING:
          return skip(ref, "in flight; an open intent is resolved by recovery");
        case FAILED:
          if (retry == null) {
            // re-read by an overlap or a later event: the retry queue owns it, with its backoff
            return skip(ref, "waiting in the retry queue");
          }
          break;
        default:
          break;
      }
    }
    T mapped;
    try {
      mapped = map(record, ref);
    } catch (MappingDeferredException deferred) {
      return defer(ref, version, key, deferred, retry);
    } catch (MappingRefusedException refused) {
      return park(ref, version, key, "mapping refused: " + refused.getMessage());
    } catch (StopRun | StateStoreException e) {
      throw e;
    } catch (RuntimeException e) {
      return park(ref, version, key, "mapper failed: " + describe(e));
    }
    run.core.listener.recordMapped(run.info, ref, mapped);
    Sink<T> sink = run.tf.sink();
    Optional<Mapping> mapping = run.store.mappingBySource(ref, sink.system());
    String action = mapping.isPresent() ? "update" : "create";
    if (run.dryRun) {
      PlannedWrite write =
          new PlannedWrite(ref, version, action, mapping.map(Mapping::target).orElse(null), mapped);
      run.planned.add(write);
      run.core.listener.wouldWrite(run.info, write);
      return Result.PLANNED;
    }
    Claim claim = run.store.begin(new OperationIntent(key, run.tenant, run.flow.name(), ref, version, action));
    if (!claim.won()) {
      return skip(ref, "operation is " + claim.operation().status());
    }
    Operation op = claim.operation();
    if (doc != null
        && op.attempts() == 1
        && !run.store.claimDocument(run.tenant, run.flow.name(), doc.naturalKey(), doc.fileHash())) {
      return failPark(op, ref, action, "document " + doc.naturalKey()
          + " was already taken from another file with other content");
    }
    boolean uncertain =
        op.attempts() > 1
            || run.pendingSources.contains(ref.key())
            || (mapping.isEmpty() && hasHistory(ref));
    return write(op, ref, version, mapped, mapping, uncertain);
  }

  AuditEntry.Outcome lastOutcome(ExternalRef ref) {
    List<AuditEntry> last =
        run.store.audit(AuditQuery.all(run.tenant).withSource(ref).withLimit(1)).items();
    return last.isEmpty() ? null : last.get(0).outcome();
  }

  boolean hasHistory(ExternalRef ref) {
    return !run.store.audit(AuditQuery.all(run.tenant).withSource(ref).withLimit(1)).items().isEmpty();
  }

  T map(S record, ExternalRef ref) {
    MappingContextImpl context =
        new MappingContextImpl(
            run.store, run.core.referenceTables, run.tenant, run.flow.name(), run.tf.sink().system(), ref, run.dryRun);
    try {
      return Objects.requireNonNull(run.tf.mapper().map(record, context), "mapper returned null");
    } catch (MappingDeferredException deferred) {
      if (run.flow.dependencyPolicy() != io.mlconnector.core.sync.DependencyPolicy.SYNC_ON_DEMAND
          || run.dryRun
          || run.depth >= 3) {
        throw deferred;
      }
      Optional<Flow<?, ?>> other = run.core.flowHandling(deferred.dependency());
      if (other.isEmpty() || !syncOnDemand(other.get(), deferred.dependency())) {
        throw deferred;
      }
      return Objects.requireNonNull(run.tf.mapper().map(record, context), "mapper returned null");
    }
  }

  <X, Y> boolean syncOnDemand(Flow<X, Y> other, ExternalRef dependency) {
    FlowRun<X, Y> child = new FlowRun<>(run.core, run.core.tenantFlow(run.tenant, other), run);
    Optional<X> record = child.tf.source().fetch(dependency);
    if (record.isEmpty()) {
      return false;
    }
    Result result = child.writes.process(record.get(), null, null);
    log.debug("dependency {} synced on demand: {}", dependency, result);
    return result == Result.WRITTEN || result == Result.SKIPPED;
  }

  Result write(
      Operation op,
      ExternalRef ref,
      String version,
      T mapped,
      Optional<Mapping> mapping,
      boolean uncertain) {
    Sink<T> sink = run.tf.sink();
    WriteContext context = new WriteContext(run.tenant, run.flow.name(), op.key(), ref, version);
    WriteResult result;
    String action;
    try {
      if (mapping.isPresent()) {
        result = merge(mapping.get().attributes(),
            sink.update(mapping.get().target(), mapped, context));
        action = "update";
      } else {
        Optional<WriteResult> found =
            uncertain ? sink.findByStamp(ref, context) : Optional.empty();
        if (found.isPresent() && op.key().equals(found.get().operationKey())) {
          result = found.get();
          action = "adopt";
        } else if (found.isPresent()) {
          result = merge(found.get().attributes(),
              sink.update(found.get().target(), mapped, context));
          action = "adopt+update";
        } else {
          result = sink.create(mapped, context);
          action = "create";
        }
      }
    } catch (StateStoreException | StopRun e) {
      throw e;
    } catch (RuntimeException e) {
      return failed(op, ref, e);
    }
    Objects.requireNonNull(result, "sink returned a null result");
    try {
      run.store.complete(
          new Completion(
              run.tenant,
              op.key(),
              new Mapping(ref, result.target(), result.attributes()),
              audit(ref, result.target(), action, AuditEntry.Outcome.SUCCEEDED, null,
                  Hashing.digest(String.valueOf(mapped)))));
    } catch (StateConflictException e) {
      return failPark(op, ref, action, "wrote " + result.target() + " but could not record it: "
          + e.getMessage());
    }
    run.counters.written.incrementAndGet();
    run.core.listener.recordWritten(run.info, ref, result.target(), action);
    return Result.WRITTEN;
  }

  static WriteResult merge(Map<String, String> before, WriteResult after) {
    if (before.isEmpty()) {
      return after;
    }
    Map<String, String> attributes = new HashMap<>(before);
    attributes.putAll(after.attributes());
    return new WriteResult(after.target(), attributes, after.operationKey());
  }

  Result failed(Operation op, ExternalRef ref, RuntimeException error) {
    boolean retryable =
        error instanceof TransientException
            || error instanceof VersionMismatchException
            || error instanceof UncheckedIOException
            || error instanceof AuthenticationException
            || !(error instanceof ConnectorException c && c.isRemote());
    int attempts = op.attempts();
    if (retryable && attempts < run.flow.retryPolicy().maxAttempts()) {
      Instant at = run.now().plus(Backoff.delay(run.flow.retryPolicy(), attempts, error, run.core.random));
      String reason = describe(error);
      run.store.fail(
          new Failure(
              run.tenant,
              op.key(),
              OperationStatus.FAILED,
              reason,
              at,
              null,
              audit(ref, null, op.action(), AuditEntry.Outcome.FAILED, reason, null)));
      run.counters.failed.incrementAndGet();
      run.core.listener.recordFailed(run.info, ref, error, at);
      if (error instanceof AuthenticationException) {
        throw new StopRun(RunReport.Status.FAILED, "target authentication failed", error);
      }
      return Result.FAILED;
    }
    String reason =
        retryable
            ? "gave up after " + attempts + " attempts: " + describe(error)
            : describe(error);
    return failPark(op, ref, op.action(), reason);
  }

  Result failPark(Operation op, ExternalRef ref, String action, String reason) {
    run.store.fail(
        new Failure(
            run.tenant,
            op.key(),
            OperationStatus.PARKED,
            reason,
            null,
            null,
            audit(ref, null, action, AuditEntry.Outcome.PARKED, reason, null)));
    run.counters.parked.incrementAndGet();
    run.core.listener.recordParked(run.info, ref, reason);
    return Result.PARKED;
  }

  Result park(ExternalRef ref, String version, String key, String reason) {
    if (run.dryRun) {
      run.counters.parked.incrementAndGet();
      run.core.listener.recordParked(run.info, ref, reason);
      return Result.PARKED;
    }
    Claim claim = run.store.begin(new OperationIntent(key, run.tenant, run.flow.name(), ref, version, "map"));
    if (!claim.won()) {
      return skip(ref, "operation is " + claim.operation().status());
    }
    return failPark(claim.operation(), ref, "map", reason);
  }

  Result defer(
      ExternalRef ref, String version, String key, MappingDeferredException deferred,
      RetryItem retry) {
    if (retry == null && !run.dryRun && lastOutcome(ref) == AuditEntry.Outcome.DEFERRED) {
      // re-read while its deferral waits in the retry queue: keep that item and its attempts
      return skip(ref, "waiting in the retry queue for " + deferred.dependency());
    }
    int attempts = retry == null ? 1 : retry.attempts() + 1;
    if (attempts > run.flow.retryPolicy().maxAttempts()) {
      return park(ref, version, key, "dependency " + deferred.dependency()
          + " still not synced after " + (attempts - 1) + " attempts: " + deferred.getMessage());
    }
    Instant at = run.now().plus(Backoff.delay(run.flow.retryPolicy(), attempts, deferred, run.core.random));
    if (!run.dryRun) {
      run.store.scheduleRetry(
          new RetryItem(0, run.tenant, run.flow.name(), ref, null, null, attempts, at,
              deferred.getMessage(), false));
      run.store.audit(audit(ref, null, "map", AuditEntry.Outcome.DEFERRED, deferred.getMessage(), null));
    }
    run.counters.deferred.incrementAndGet();
    run.core.listener.recordDeferred(run.info, ref, deferred.dependency(), deferred.getMessage(), at);
    return Result.DEFERRED;
  }

  Result skip(ExternalRef ref, String reason) {
    run.counters.skipped.incrementAndGet();
    run.core.listener.recordSkipped(run.info, ref, reason);
    return Result.SKIPPED;
  }

  AuditEntry audit(
      ExternalRef source,
      ExternalRef target,
      String action,
      AuditEntry.Outcome outcome,
      String error,
      String digest) {
    return new AuditEntry(
        0, run.tenant, run.flow.name(), run.info.runId(), source, target, action, outcome, error, digest,
        run.now());
  }

  /**
   * Parks a record its source read but could not turn into a canonical record: there is no
   * canonical record, so no operation either; the record becomes a dead letter with the reason
   * (replayed, it is read again through the source's fetch) and a PARKED audit entry. Re-read by a
   * poll while it is still parked (an overlap, a later page), it is skipped, not parked twice;
   * {@code replayed} is true when a replay found it unreadable again.
   */
  void parkUnreadable(ExternalRef ref, String reason, int attempts, boolean replayed) {
    withRecord(ref, () -> {
      run.counters.read.incrementAndGet();
      if (!replayed && !run.dryRun && lastOutcome(ref) == AuditEntry.Outcome.PARKED) {
        skip(ref, "parked: " + reason);
        return;
      }
      log.warn("record {} cannot be read and is parked: {}", ref, reason);
      if (!run.dryRun) {
        run.store.scheduleRetry(
            new RetryItem(0, run.tenant, run.flow.name(), ref, null, null, attempts, run.now(), reason, true));
        run.store.audit(audit(ref, null, "read", AuditEntry.Outcome.PARKED, reason, null));
      }
      run.counters.parked.incrementAndGet();
      run.core.listener.recordParked(run.info, ref, reason);
    });
  }

  void withRecord(ExternalRef ref, Runnable body) {
    String previous = MDC.get("record");
    MDC.put("record", ref.key());
    try {
      body.run();
    } finally {
      if (previous == null) {
        MDC.remove("record");
      } else {
        MDC.put("record", previous);
      }
    }
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

}
