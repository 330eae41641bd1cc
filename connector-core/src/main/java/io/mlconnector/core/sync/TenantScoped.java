package io.mlconnector.core.sync;

/**
 * Creates a tenant's own instance of a source, sink or verifier, built from that tenant's
 * credentials. The engine asks once per tenant and keeps the instance for that tenant only, so no
 * client, credential or rate budget is shared across tenants by accident.
 *
 * @param <T> what is created
 */
@FunctionalInterface
public interface TenantScoped<T> {

  /**
   * The instance serving {@code tenant}; never null.
   *
   * @param tenant the tenant id
   * @return the tenant's instance
   */
  T forTenant(String tenant);
}
