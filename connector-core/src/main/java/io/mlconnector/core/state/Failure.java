package io.mlconnector.core.state;

import io.mlconnector.core.state.internal.Checks;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A failed write to record with {@link io.mlconnector.core.state.spi.StateStoreSpi#fail}.
 *
 * @param tenant the tenant
 * @param operationKey the PENDING operation that failed
 * @param status {@link OperationStatus#FAILED} (transient: retried at {@code retryAt}) or {@link
 *     OperationStatus#PARKED} (permanent: a dead letter)
 * @param error what went wrong, naming the bad field or remote message; never a secret
 * @param retryAt when to try again (FAILED only; ignored for PARKED)
 * @param payload what the retry needs to rebuild the record (opaque to the store), or null when the
 *     engine re-reads the source by ref
 * @param audit the audit entry to append
 */
public record Failure(
    String tenant,
    String operationKey,
    OperationStatus status,
    String error,
    Instant retryAt,
    @Nullable String payload,
    AuditEntry audit) {
  /**
   * Checks the components.
   *
   * @param tenant the tenant
   * @param operationKey the PENDING operation that failed
   * @param status {@link OperationStatus#FAILED} (transient: retried at {@code retryAt}) or {@link
   *     OperationStatus#PARKED} (permanent: a dead letter)
   * @param error what went wrong, naming the bad field or remote message; never a secret
   * @param retryAt when to try again (FAILED only; ignored for PARKED)
   * @param payload what the retry needs to rebuild the record (opaque to the store), or null when
   *     the engine re-reads the source by ref
   * @param audit the audit entry to append
   */
  public Failure {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(operationKey, "operationKey");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(audit, "audit");
    Checks.sameTenant(tenant, audit.tenant(), "failure.audit");
    if (status != OperationStatus.FAILED && status != OperationStatus.PARKED) {
      throw new IllegalArgumentException("status must be FAILED or PARKED, was " + status);
    }
    if (status == OperationStatus.FAILED) {
      Objects.requireNonNull(retryAt, "retryAt (required for FAILED)");
    }
  }
}
