package io.mlconnector.spring.boot;

import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.role.Collector;
import io.mlconnector.core.role.PayablesLedger;
import io.mlconnector.core.role.PayablesSource;
import io.mlconnector.core.role.ReceivablesLedger;
import io.mlconnector.core.sync.TenantScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Opens one system for a tenant from its {@code mlc.integrations.<name>.tenants.<tenant>.<system>.*}
 * settings and hands its roles to the integrations. The starter ships factories for the systems of
 * the connector modules on the class path ({@code syspro}, {@code stripe}, {@code chargebee}, {@code
 * sap-b1}, {@code acumatica}); others come from {@link java.util.ServiceLoader} ({@code
 * META-INF/services/io.mlconnector.spring.boot.ConnectorFactory}) or from beans of this type, which
 * win over a built-in factory of the same system.
 *
 * <pre>{@code
 * public final class AcmeErpFactory implements ConnectorFactory {
 *   public String system() { return "acme-erp"; }
 *   public Set<String> secretKeys() { return Set.of("api-key"); }
 *   public TenantConnection open(SystemSettings s, HttpTransport transport) {
 *     AcmeClient client = AcmeClient.create(transport, s.require("url"), s.requireSecret("api-key").reveal());
 *     return new AcmeConnection(client);
 *   }
 *   public Optional<ReceivablesLedger.Provider> receivablesLedger(TenantScoped<TenantConnection> c) {
 *     return Optional.of(AcmeLedger.provider(t -> ((AcmeConnection) c.forTenant(t)).ledger()));
 *   }
 * }
 * }</pre>
 */
public interface ConnectorFactory {

  /**
   * The system's name, lower case, as pairs name it ({@code syspro} in {@code syspro-stripe}).
   *
   * @return the name; also the key of its settings under {@code tenants.<tenant>}
   */
  String system();

  /**
   * The setting keys that hold secrets. Given in the properties, they are encrypted into the
   * credential store at start-up (and may then be removed from the properties); {@link
   * SystemSettings#secret} reads them back from the store.
   *
   * @return the keys, as written in the properties (default none)
   */
  default Set<String> secretKeys() {
    return Set.of();
  }

  /**
   * Opens the system's clients for {@code settings.tenant()}. No remote call is made here.
   *
   * @param settings the tenant's settings of this system
   * @param transport the application's shared HTTP transport, for the clients to derive theirs from
   * @return the tenant's open clients; the starter closes them when the application stops
   * @throws SettingException naming the property when a setting is missing or wrong (see {@link
   *     SystemSettings#require})
   */
  TenantConnection open(SystemSettings settings, HttpTransport transport);

  /**
   * The system as an ERP receivables ledger over the tenants' connections, when it is one.
   *
   * @param connections each tenant's connection, as {@link #open} returned it
   * @return the provider, or empty when the system is no receivables ledger (the default)
   */
  default Optional<ReceivablesLedger.Provider> receivablesLedger(TenantScoped<TenantConnection> connections) {
    return Optional.empty();
  }

  /**
   * The system as a collector (payments) over the tenants' connections, when it is one.
   *
   * @param connections each tenant's connection, as {@link #open} returned it
   * @return the provider, or empty when the system is no collector (the default)
   */
  default Optional<Collector.Provider<?, ?>> collector(TenantScoped<TenantConnection> connections) {
    return Optional.empty();
  }

  /**
   * The system as an AP source (approved invoices, AP payments, vendors), when it is one.
   *
   * @param connections each tenant's connection, as {@link #open} returned it
   * @return the provider, or empty when the system is no AP source (the default)
   */
  default Optional<PayablesSource.Provider> payablesSource(TenantScoped<TenantConnection> connections) {
    return Optional.empty();
  }

  /**
   * The system as an ERP payables ledger, when it is one.
   *
   * @param connections each tenant's connection, as {@link #open} returned it
   * @return the provider, or empty when the system is no payables ledger (the default)
   */
  default Optional<PayablesLedger.Provider> payablesLedger(TenantScoped<TenantConnection> connections) {
    return Optional.empty();
  }
}
