package io.mlconnector.chargebee;

import io.mlconnector.core.mapping.Mapper;
import io.mlconnector.core.role.Collector;
import java.util.Objects;
import java.util.function.Function;

/**
 * The Chargebee collector for the integrations: system {@code chargebee}, request types, default
 * mappers (with each tenant's options) and a collector per tenant.
 *
 * <pre>{@code
 * Collector.Provider<ChargebeeCustomerRequest, ChargebeeInvoiceRequest> chargebee =
 *     new ChargebeeCollectorProvider(tenant -> ChargebeeClient.create(transport, configs.get(tenant)),
 *         tenant -> ChargebeeCollectorOptions.defaults());
 * }</pre>
 */
public final class ChargebeeCollectorProvider
    implements Collector.Provider<ChargebeeCustomerRequest, ChargebeeInvoiceRequest> {
  private final Function<String, ChargebeeClient> clients;
  private final Function<String, ChargebeeCollectorOptions> options;

  /**
   * A provider.
   *
   * @param clients the client of each tenant (called once per tenant by the integration)
   * @param options the options of each tenant (called by the mappers and the collector)
   */
  public ChargebeeCollectorProvider(Function<String, ChargebeeClient> clients,
      Function<String, ChargebeeCollectorOptions> options) {
    this.clients = Objects.requireNonNull(clients, "clients");
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public String system() {
    return ChargebeeClient.SYSTEM;
  }

  @Override
  public Class<ChargebeeCustomerRequest> customerType() {
    return ChargebeeCustomerRequest.class;
  }

  @Override
  public Class<ChargebeeInvoiceRequest> invoiceType() {
    return ChargebeeInvoiceRequest.class;
  }

  @Override
  public Mapper.Factory defaultMappers() {
    return ChargebeeMappers.factory(options);
  }

  @Override
  public ChargebeeCollector forTenant(String tenant) {
    ChargebeeClient client = Objects.requireNonNull(clients.apply(tenant), "no Chargebee client for tenant " + tenant);
    if (!client.config().tenant().equals(tenant)) {
      throw new IllegalArgumentException("the client for tenant " + tenant + " is configured for tenant "
          + client.config().tenant());
    }
    return new ChargebeeCollector(client, options.apply(tenant));
  }
}
