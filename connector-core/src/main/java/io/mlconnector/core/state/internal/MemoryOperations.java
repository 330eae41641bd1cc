package io.mlconnector.core.state.internal;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.Claim;
import io.mlconnector.core.state.Operation;
import io.mlconnector.core.state.OperationIntent;
import io.mlconnector.core.state.OperationStatus;
import io.mlconnector.core.state.StateConflictException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory store's operation log. Not thread-safe on its own: {@link
 * io.mlconnector.core.state.InMemoryStateStore} calls every part under one lock, and composes
 * complete and fail from this part and the others.
 */
public final class MemoryOperations {
  /** (tenant, key) to operation. */
  private final Map<List<String>, Operation> operations = new HashMap<>();

  /** See {@link io.mlconnector.core.state.spi.StateStoreSpi#begin}. */
  public Claim begin(OperationIntent intent, Instant now) {
    Checks.notNull(intent, "intent");
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

  /** See {@link io.mlconnector.core.state.StateStore#operation}. */
  public Optional<Operation> operation(String tenant, String key) {
    return Optional.ofNullable(
        operations.get(List.of(Checks.text(tenant, "tenant"), Checks.text(key, "key"))));
  }

  /** See {@link io.mlconnector.core.state.spi.StateStoreSpi#pendingOperations}. */
  public List<Operation> pending(String tenant, String flow, Instant olderThan, int limit) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.notNull(olderThan, "olderThan");
    Checks.positive(limit, "limit");
    return operations.values().stream()
        .filter(o -> o.tenant().equals(tenant) && o.flow().equals(flow))
        .filter(o -> o.status() == OperationStatus.PENDING && o.updatedAt().isBefore(olderThan))
        .sorted(Comparator.comparing(Operation::updatedAt).thenComparing(Operation::key))
        .limit(limit)
        .toList();
  }

  /**
   * The PENDING operation {@code key} of {@code tenant}; throws a conflict when it was never begun
   * or is not PENDING. {@code verb} names the call in the message.
   */
  public Operation requirePending(String tenant, String key, String verb) {
    Operation op = operations.get(List.of(tenant, key));
    if (op == null) {
      throw new StateConflictException(
          "cannot " + verb + " operation " + key + ": it was never begun");
    }
    if (op.status() != OperationStatus.PENDING) {
      throw new StateConflictException(
          "cannot " + verb + " operation " + key + ": it is " + op.status() + ", not PENDING");
    }
    return op;
  }

  /** Moves {@code op} to DONE with its target. */
  public void done(Operation op, ExternalRef target, Instant now) {
    put(withStatus(op, OperationStatus.DONE, op.attempts(), target, op.lastError(), now));
  }

  /** Moves {@code op} to FAILED or PARKED with the error. */
  public void failed(Operation op, OperationStatus status, String error, Instant now) {
    put(withStatus(op, status, op.attempts(), null, error, now));
  }

  /** Moves a PARKED operation back to FAILED (a replayed dead letter); others stay as they are. */
  public void unpark(String tenant, String key, Instant now) {
    Operation op = operations.get(List.of(tenant, key));
    if (op != null && op.status() == OperationStatus.PARKED) {
      put(withStatus(op, OperationStatus.FAILED, op.attempts(), null, op.lastError(), now));
    }
  }

  /** Deletes DONE operations last changed before {@code cutoff}; returns how many. */
  public long purge(Instant cutoff) {
    long n = 0;
    for (Iterator<Operation> it = operations.values().iterator(); it.hasNext(); ) {
      Operation op = it.next();
      if (op.status() == OperationStatus.DONE && op.updatedAt().isBefore(cutoff)) {
        it.remove();
        n++;
      }
    }
    return n;
  }

  private void put(Operation op) {
    operations.put(List.of(op.tenant(), op.key()), op);
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
}
