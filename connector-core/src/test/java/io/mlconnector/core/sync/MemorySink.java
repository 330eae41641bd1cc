package io.mlconnector.core.sync;

import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.model.ExternalRef;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A target system of one tenant: stores records stamped with their source ref and operation key,
 * and fails the way remote systems do when its fault plan says so. It does NOT dedupe by
 * idempotency key, so only the engine's protocol keeps writes exactly-once.
 */
final class MemorySink implements Sink<Target> {

  enum Fault {
    NONE,
    CONNECTION_RESET,
    SERVER_ERROR,
    RATE_LIMITED,
    LOST_AFTER_COMMIT,
    REJECTED
  }

  @FunctionalInterface
  interface FaultPlan {
    Fault next(String call, WriteContext context);
  }

  record Stored(String id, ExternalRef stamp, String operationKey, Target record, int writes) {
    ExternalRef stampTarget() {
      return ExternalRef.of("crm", stamp.tenant(), "invoice", id);
    }
  }

  private final String tenant;
  private final String system;
  private final Map<String, Stored> targets = new ConcurrentHashMap<>();
  private final Map<ExternalRef, AtomicInteger> creates = new ConcurrentHashMap<>();
  private final AtomicInteger sequence = new AtomicInteger();
  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger updates = new AtomicInteger();
  volatile FaultPlan plan = (call, context) -> Fault.NONE;
  volatile Runnable beforeCall = () -> {};
  volatile boolean stampsOperationKey = true;

  MemorySink(String tenant) {
    this(tenant, "crm");
  }

  /** A sink of another target system (two flows writing one source to two systems). */
  MemorySink(String tenant, String system) {
    this.tenant = tenant;
    this.system = system;
  }

  @Override
  public String system() {
    return system;
  }

  private ExternalRef ref(String id) {
    return ExternalRef.of(system, tenant, "invoice", id);
  }

  private void before(String call, WriteContext context, boolean write) {
    beforeCall.run();
    calls.incrementAndGet();
    if (!tenant.equals(context.tenant())) {
      throw new AssertionError("sink of " + tenant + " called for tenant " + context.tenant());
    }
    Fault fault = plan.next(call, context);
    ErrorDetails details = ErrorDetails.of(system, call);
    switch (fault) {
      case CONNECTION_RESET -> throw new TransientException(details, new IOException("connection reset"));
      case SERVER_ERROR -> throw new TransientException(details.withHttpStatus(503));
      case RATE_LIMITED -> throw new RateLimitedException(details.withHttpStatus(429), Duration.ZERO);
      case REJECTED -> throw new RejectedException(details.withHttpStatus(400).withRemote("invalid", "bad amount"));
      case LOST_AFTER_COMMIT -> {
        if (write) {
          lostAfterCommit.set(true);
        } else {
          throw new TransientException(details.withHttpStatus(502));
        }
      }
      default -> { }
    }
  }

  private final ThreadLocal<Boolean> lostAfterCommit = ThreadLocal.withInitial(() -> false);

  private WriteResult answer(Stored stored, String call) {
    if (lostAfterCommit.get()) {
      lostAfterCommit.set(false);
      throw new TransientException(
          ErrorDetails.of(system, call), new IOException("response lost after commit"));
    }
    return new WriteResult(ref(stored.id()), Map.of("number", "N-" + stored.id()),
        stampsOperationKey ? stored.operationKey() : null);
  }

  @Override
  public WriteResult create(Target record, WriteContext context) {
    before("create", context, true);
    String id = "T" + sequence.incrementAndGet();
    Stored stored = new Stored(id, context.source(), context.operationKey(), record, 1);
    targets.put(id, stored);
    creates.computeIfAbsent(context.source(), k -> new AtomicInteger()).incrementAndGet();
    return answer(stored, "create");
  }

  @Override
  public WriteResult update(ExternalRef target, Target record, WriteContext context) {
    before("update", context, true);
    Stored old = targets.get(target.id());
    if (old == null) {
      lostAfterCommit.set(false);
      throw new NotFoundException(ErrorDetails.of(system, "update").withHttpStatus(404));
    }
    Stored stored = new Stored(old.id(), old.stamp(), context.operationKey(), record, old.writes() + 1);
    targets.put(old.id(), stored);
    updates.incrementAndGet();
    return answer(stored, "update");
  }

  @Override
  public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
    before("findByStamp", context, false);
    return targets.values().stream()
        .filter(s -> s.stamp().equals(source))
        .findFirst()
        .map(s -> new WriteResult(ref(s.id()), Map.of("number", "N-" + s.id()),
            stampsOperationKey ? s.operationKey() : null));
  }

  @Override
  public Optional<Target> read(ExternalRef target) {
    return Optional.ofNullable(targets.get(target.id())).map(Stored::record);
  }

  /** How many target records carry {@code source}'s stamp. */
  int copiesOf(ExternalRef source) {
    return (int) targets.values().stream().filter(s -> s.stamp().equals(source)).count();
  }

  List<Stored> stored() {
    return new ArrayList<>(targets.values());
  }

  Optional<Stored> byStamp(ExternalRef source) {
    return targets.values().stream().filter(s -> s.stamp().equals(source)).findFirst();
  }

  /** Deletes a target behind the engine's back (reconciliation tests). */
  void delete(ExternalRef target) {
    targets.remove(target.id());
  }

  /** Changes a target behind the engine's back (reconciliation tests). */
  void tamper(ExternalRef target, Target record) {
    targets.computeIfPresent(target.id(),
        (k, s) -> new Stored(s.id(), s.stamp(), s.operationKey(), record, s.writes()));
  }
}
