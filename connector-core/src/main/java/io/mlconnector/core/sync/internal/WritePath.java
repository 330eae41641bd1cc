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
import io.mlconnector.core.state.spi.StateStoreSpi;
import io.mlconnector.core.state.StateStoreException;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.PlannedWrite;
import io.mlconnector.core.sync.RunInfo;
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
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The write path of one record, top to bottom: operation key, mapping, PENDING intent, sink call, completion (mapping + DONE + audit in one transaction), and what happens when any step says no. */
final class WritePath<S, T> {
  private static final Logger log = LoggerFactory.getLogger(FlowRun.class);

  private final FlowRun<S, T> run;
  private final EngineCore core;
  private final StateStoreSpi store;
  private final TenantFlow<S, T> tf;
  private final Flow<S, T> flow;
  private final String tenant;
  private final RunInfo info;
  private final boolean dryRun;
  private final int depth;
  private final FlowRun.Counters counters;
  private final List<PlannedWrite> planned;
  private final Set<String> pendingSources;

  WritePath(FlowRun<S, T> run) {
    this.run = run;
    this.core = run.core;
    this.store = run.store;
    this.tf = run.tf;
    this.flow = run.flow;
    this.tenant = run.tenant;
    this.info = run.info;
    this.dryRun = run.dryRun;
    this.depth = run.depth;
    this.counters = run.counters;
    this.planned = run.planned;
    this.pendingSources = run.pendingSources;
  }


  /** Takes one record through the exactly-once write path. */
  Result process(S record, RetryItem retry, Doc doc) {
    ExternalRef ref = flow.identity().ref(record);
    String version = flow.identity().version(record);
    if (ref == null || version == null) {
      throw new IllegalStateException(
          "identity of flow " + flow.name() + " returned a null ref or version for " + record);
    }
    if (!tenant.equals(ref.tenant())) {
      throw new IllegalStateException(
          "source of flow " + flow.name() + " for tenant " + tenant + " returned " + ref
              + " of another tenant");
    }
    Result[] outcome = new Result[1];
    withRecord(ref, () -> outcome[0] = processRecord(record, ref, version, retry, doc));
    return outcome[0];
  }

  Result processRecord(
      S record, ExternalRef ref, String version, RetryItem retry, Doc doc) {
    counters.read.incrementAndGet();
    core.listener.recordRead(info, ref, version);
    String key = Hashing.operationKey(tenant, flow.name(), ref, version);
    Optional<Operation> existing = store.operation(tenant, key);
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
    core.listener.recordMapped(info, ref, mapped);
    Sink<T> sink = tf.sink();
    Optional<Mapping> mapping = store.mappingBySource(ref, sink.system());
    String action = mapping.isPresent() ? "update" : "create";
    if (dryRun) {
      PlannedWrite write =
          new PlannedWrite(ref, version, action, mapping.map(Mapping::target).orElse(null), mapped);
      planned.add(write);
      core.listener.wouldWrite(info, write);
      return Result.PLANNED;
    }
    Claim claim = store.begin(new OperationIntent(key, tenant, flow.name(), ref, version, action));
    if (!claim.won()) {
      return skip(ref, "operation is " + claim.operation().status());
    }
    Operation op = claim.operation();
    if (doc != null
        && op.attempts() == 1
        && !store.claimDocument(tenant, flow.name(), doc.naturalKey(), doc.fileHash())) {
      return failPark(op, ref, action, "document " + doc.naturalKey()
          + " was already taken from another file with other content");
    }
    boolean uncertain =
        op.attempts() > 1
            || pendingSources.contains(ref.key())
            || (mapping.isEmpty() && hasHistory(ref));
    return write(op, ref, version, mapped, mapping, uncertain);
  }

  AuditEntry.Outcome lastOutcome(ExternalRef ref) {
    List<AuditEntry> last =
        store.audit(AuditQuery.all(tenant).withSource(ref).withLimit(1)).items();
    return last.isEmpty() ? null : last.get(0).outcome();
  }

  boolean hasHistory(ExternalRef ref) {
    return !store.audit(AuditQuery.all(tenant).withSource(ref).withLimit(1)).items().isEmpty();
  }

  T map(S record, ExternalRef ref) {
    MappingContextImpl context =
        new MappingContextImpl(
            store, core.referenceTables, tenant, flow.name(), tf.sink().system(), ref, dryRun);
    try {
      return Objects.requireNonNull(tf.mapper().map(record, context), "mapper returned null");
    } catch (MappingDeferredException deferred) {
      if (flow.dependencyPolicy() != io.mlconnector.core.sync.DependencyPolicy.SYNC_ON_DEMAND
          || dryRun
          || depth >= 3) {
        throw deferred;
      }
      Optional<Flow<?, ?>> other = core.flowHandling(deferred.dependency());
      if (other.isEmpty() || !syncOnDemand(other.get(), deferred.dependency())) {
        throw deferred;
      }
      return Objects.requireNonNull(tf.mapper().map(record, context), "mapper returned null");
    }
  }

  <X, Y> boolean syncOnDemand(Flow<X, Y> other, ExternalRef dependency) {
    FlowRun<X, Y> child = new FlowRun<>(core, core.tenantFlow(tenant, other), run);
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
    Sink<T> sink = tf.sink();
    WriteContext context = new WriteContext(tenant, flow.name(), op.key(), ref, version);
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
      store.complete(
          new Completion(
              tenant,
              op.key(),
              new Mapping(ref, result.target(), result.attributes()),
              audit(ref, result.target(), action, AuditEntry.Outcome.SUCCEEDED, null,
                  Hashing.digest(String.valueOf(mapped)))));
    } catch (StateConflictException e) {
      return failPark(op, ref, action, "wrote " + result.target() + " but could not record it: "
          + e.getMessage());
    }
    counters.written.incrementAndGet();
    core.listener.recordWritten(info, ref, result.target(), action);
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
    if (retryable && attempts < flow.retryPolicy().maxAttempts()) {
      Instant at = run.now().plus(Backoff.delay(flow.retryPolicy(), attempts, error, core.random));
      String reason = describe(error);
      store.fail(
          new Failure(
              tenant,
              op.key(),
              OperationStatus.FAILED,
              reason,
              at,
              null,
              audit(ref, null, op.action(), AuditEntry.Outcome.FAILED, reason, null)));
      counters.failed.incrementAndGet();
      core.listener.recordFailed(info, ref, error, at);
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
    store.fail(
        new Failure(
            tenant,
            op.key(),
            OperationStatus.PARKED,
            reason,
            null,
            null,
            audit(ref, null, action, AuditEntry.Outcome.PARKED, reason, null)));
    counters.parked.incrementAndGet();
    core.listener.recordParked(info, ref, reason);
    return Result.PARKED;
  }

  Result park(ExternalRef ref, String version, String key, String reason) {
    if (dryRun) {
      counters.parked.incrementAndGet();
      core.listener.recordParked(info, ref, reason);
      return Result.PARKED;
    }
    Claim claim = store.begin(new OperationIntent(key, tenant, flow.name(), ref, version, "map"));
    if (!claim.won()) {
      return skip(ref, "operation is " + claim.operation().status());
    }
    return failPark(claim.operation(), ref, "map", reason);
  }

  Result defer(
      ExternalRef ref, String version, String key, MappingDeferredException deferred,
      RetryItem retry) {
    if (retry == null && !dryRun && lastOutcome(ref) == AuditEntry.Outcome.DEFERRED) {
      // re-read while its deferral waits in the retry queue: keep that item and its attempts
      return skip(ref, "waiting in the retry queue for " + deferred.dependency());
    }
    int attempts = retry == null ? 1 : retry.attempts() + 1;
    if (attempts > flow.retryPolicy().maxAttempts()) {
      return park(ref, version, key, "dependency " + deferred.dependency()
          + " still not synced after " + (attempts - 1) + " attempts: " + deferred.getMessage());
    }
    Instant at = run.now().plus(Backoff.delay(flow.retryPolicy(), attempts, deferred, core.random));
    if (!dryRun) {
      store.scheduleRetry(
          new RetryItem(0, tenant, flow.name(), ref, null, null, attempts, at,
              deferred.getMessage(), false));
      store.audit(audit(ref, null, "map", AuditEntry.Outcome.DEFERRED, deferred.getMessage(), null));
    }
    counters.deferred.incrementAndGet();
    core.listener.recordDeferred(info, ref, deferred.dependency(), deferred.getMessage(), at);
    return Result.DEFERRED;
  }

  Result skip(ExternalRef ref, String reason) {
    counters.skipped.incrementAndGet();
    core.listener.recordSkipped(info, ref, reason);
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
        0, tenant, flow.name(), info.runId(), source, target, action, outcome, error, digest,
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
      counters.read.incrementAndGet();
      if (!replayed && !dryRun && lastOutcome(ref) == AuditEntry.Outcome.PARKED) {
        skip(ref, "parked: " + reason);
        return;
      }
      log.warn("record {} cannot be read and is parked: {}", ref, reason);
      if (!dryRun) {
        store.scheduleRetry(
            new RetryItem(0, tenant, flow.name(), ref, null, null, attempts, run.now(), reason, true));
        store.audit(audit(ref, null, "read", AuditEntry.Outcome.PARKED, reason, null));
      }
      counters.parked.incrementAndGet();
      core.listener.recordParked(info, ref, reason);
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
