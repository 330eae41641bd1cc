package io.mlconnector.core.state;

import io.mlconnector.core.state.internal.Checks;
import java.util.Objects;

/**
 * A successful write to record with {@link io.mlconnector.core.state.spi.StateStoreSpi#complete}.
 *
 * @param tenant the tenant
 * @param operationKey the PENDING operation that succeeded
 * @param mapping the source-to-target mapping to save
 * @param audit the audit entry to append
 */
public record Completion(String tenant, String operationKey, Mapping mapping, AuditEntry audit) {
  /**
   * Checks the components.
   *
   * @param tenant the tenant
   * @param operationKey the PENDING operation that succeeded
   * @param mapping the source-to-target mapping to save
   * @param audit the audit entry to append
   */
  public Completion {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(operationKey, "operationKey");
    Objects.requireNonNull(mapping, "mapping");
    Objects.requireNonNull(audit, "audit");
    Checks.sameTenant(tenant, mapping.source().tenant(), "completion.mapping");
    Checks.sameTenant(tenant, audit.tenant(), "completion.audit");
  }
}
