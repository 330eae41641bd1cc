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

  /** The target system, lower case, for example {@code stripe}: the mappings' target system. */
  String system();

  /** Creates the target record, stamping {@code context.source()} on it. */
  WriteResult create(T record, WriteContext context);

  /** Updates the existing target record {@code target}. Must be safe to repeat. */
  WriteResult update(ExternalRef target, T record, WriteContext context);

  /**
   * The target record stamped with {@code source}, or empty when there is none. Mandatory: the
   * engine resolves every uncertain write through it.
   */
  Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context);

  /**
   * Reads the target record as it stands, for reconciliation. Sinks that cannot read leave the
   * default, and reconciliation of their flows reports that.
   *
   * @throws UnsupportedOperationException when the sink cannot read
   */
  default Optional<T> read(ExternalRef target) {
    throw new UnsupportedOperationException(system() + " sink cannot read targets back");
  }
}
