package io.mlconnector.core.sync;

import io.mlconnector.core.model.ExternalRef;
import java.util.Optional;

/**
 * Writes mapped records to the target system. One instance serves one tenant (see {@link
 * TenantScoped}).
 *
 * <p>The engine's exactly-once protocol needs two things of every sink: writes carry the source
 * ref as a stamp on the target (and the operation key as idempotency key where the target
 * supports one), and {@link #findByStamp} finds a target by that stamp. After a crash or a lost
 * response the engine asks {@code findByStamp} whether the write landed: it adopts the target if
 * it did and writes again if it did not.
 *
 * <p>Throw {@link io.mlconnector.core.error.TransientException} (or {@link
 * io.mlconnector.core.error.RateLimitedException}) for failures worth retrying and {@link
 * io.mlconnector.core.error.RejectedException} when the target refused the data.
 *
 * @param <T> the record type written
 */
public interface Sink<T> {

  /**
   * {@return the target system, lower case, for example {@code stripe}: the mappings' target
   * system}
   */
  String system();

  /**
   * Creates the target record, stamping {@code context.source()} on it.
   *
   * @param record the mapped record
   * @param context the tenant, flow, operation key and source of the write
   * @return the created target
   */
  WriteResult create(T record, WriteContext context);

  /**
   * Updates the existing target record {@code target}. Must be safe to repeat.
   *
   * @param target the target record's ref, from the mapping
   * @param record the mapped record
   * @param context the tenant, flow, operation key and source of the write
   * @return the updated target
   */
  WriteResult update(ExternalRef target, T record, WriteContext context);

  /**
   * The target record stamped with {@code source}, or empty when there is none. Mandatory: the
   * engine resolves every uncertain write through it.
   *
   * @param source the source ref stamped on the target
   * @param context the tenant, flow and operation key of the write being resolved
   * @return the target; empty when none carries the stamp
   */
  Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context);

  /**
   * Reads the target record as it stands, for reconciliation. Sinks that cannot read leave the
   * default, and reconciliation of their flows reports that.
   *
   * @param target the target record's ref
   * @return the record; empty when it no longer exists
   * @throws UnsupportedOperationException when the sink cannot read
   */
  default Optional<T> read(ExternalRef target) {
    throw new UnsupportedOperationException(system() + " sink cannot read targets back");
  }
}
