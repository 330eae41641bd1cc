package io.mlconnector.core.state;

import io.mlconnector.core.state.internal.Checks;
import io.mlconnector.core.model.ExternalRef;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One append-only audit row. Holds a digest of the payload, never the payload itself, and never a
 * secret.
 *
 * @param id the store's id (0 before it is stored)
 * @param tenant the tenant
 * @param flow the flow
 * @param runId the engine run that acted
 * @param source the source record, or null
 * @param target the target record, or null
 * @param action what was done: {@code create}, {@code update}, {@code adopt}, {@code skip} ...
 * @param outcome how it ended
 * @param error the reason of a failure, or null
 * @param payloadDigest hex SHA-256 of what was written, or null
 * @param at when
 */
public record AuditEntry(
    long id,
    String tenant,
    String flow,
    String runId,
    @Nullable ExternalRef source,
    @Nullable ExternalRef target,
    String action,
    Outcome outcome,
    @Nullable String error,
    @Nullable String payloadDigest,
    Instant at) {

  /** How an audited step ended. */
  public enum Outcome {
    /** The step was carried out: the record was written, adopted or linked. */
    SUCCEEDED,
    /** Nothing was written: the step was not needed; the action and error say why. */
    SKIPPED,
    /** The mapper deferred the record (something it needs is not there yet); tried again later. */
    DEFERRED,
    /** The step failed transiently and is scheduled for another attempt. */
    FAILED,
    /** The step failed permanently; the record waits as a dead letter. */
    PARKED,
    /** A dry run: the step was worked out but nothing was written. */
    DRY_RUN
  }

  /**
   * Checks the components.
   *
   * @param id the store's id (0 before it is stored)
   * @param tenant the tenant
   * @param flow the flow
   * @param runId the engine run that acted
   * @param source the source record, or null
   * @param target the target record, or null
   * @param action what was done: {@code create}, {@code update}, {@code adopt}, {@code skip} ...
   * @param outcome how it ended
   * @param error the reason of a failure, or null
   * @param payloadDigest hex SHA-256 of what was written, or null
   * @param at when
   */
  public AuditEntry {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(at, "at");
    if (source != null) {
      Checks.ref(source, "audit.source", tenant);
    }
    if (target != null) {
      Checks.ref(target, "audit.target", tenant);
    }
  }
}
