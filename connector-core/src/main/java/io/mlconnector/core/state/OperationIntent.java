package io.mlconnector.core.state;

import io.mlconnector.core.model.ExternalRef;
import java.util.Objects;

/**
 * What the engine is about to write, before it calls the sink.
 *
 * @param key deterministic operation key: hash(tenant, flow, source ref, source version)
 * @param tenant the tenant
 * @param flow the flow name
 * @param source the source record
 * @param sourceVersion the source record's version (modified time, row version or content hash)
 * @param action what the write does, for example {@code create} or {@code update}
 */
public record OperationIntent(
    String key, String tenant, String flow, ExternalRef source, String sourceVersion, String action) {

  /**
   * Checks the components.
   *
   * @param key deterministic operation key: hash(tenant, flow, source ref, source version)
   * @param tenant the tenant
   * @param flow the flow name
   * @param source the source record
   * @param sourceVersion the source record's version (modified time, row version or content hash)
   * @param action what the write does, for example {@code create} or {@code update}
   */
  public OperationIntent {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceVersion, "sourceVersion");
    Objects.requireNonNull(action, "action");
    if (!tenant.equals(source.tenant())) {
      throw new IllegalArgumentException("source belongs to tenant " + source.tenant() + ", not " + tenant);
    }
  }
}
