package io.mlconnector.core.sync;

import io.mlconnector.core.model.ExternalRef;
import java.util.Objects;

/**
 * What a {@link Sink} needs besides the record to write it exactly once.
 *
 * @param tenant the tenant
 * @param flow the flow
 * @param operationKey the deterministic operation key: send it as the idempotency key where the
 *     target supports one
 * @param source the source record: stamp it on the target (Stripe metadata, an ERP reference
 *     field) so {@link Sink#findByStamp} can find the target later
 * @param sourceVersion the source version being written
 */
public record WriteContext(
    String tenant, String flow, String operationKey, ExternalRef source, String sourceVersion) {
  /**
   * Checks that every field is set.
   *
   * @param tenant the tenant
   * @param flow the flow
   * @param operationKey the deterministic operation key: send it as the idempotency key where the
   *     target supports one
   * @param source the source record: stamp it on the target (Stripe metadata, an ERP reference
   *     field) so {@link Sink#findByStamp} can find the target later
   * @param sourceVersion the source version being written
   */
  public WriteContext {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(operationKey, "operationKey");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceVersion, "sourceVersion");
  }
}
