package io.mlconnector.spring.boot.internal;

import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.ChargebeeCollectorOptions;
import io.mlconnector.chargebee.ChargebeeCollectorProvider;
import io.mlconnector.chargebee.ChargebeeConfig;
import io.mlconnector.chargebee.ChargebeeCredentials;
import io.mlconnector.chargebee.ChargebeePing;
import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.role.Collector;
import io.mlconnector.core.sync.TenantScoped;
import io.mlconnector.spring.boot.ConnectorCheck;
import io.mlconnector.spring.boot.ConnectorFactory;
import io.mlconnector.spring.boot.SettingException;
import io.mlconnector.spring.boot.SystemSettings;
import io.mlconnector.spring.boot.TenantConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Chargebee. Keys under {@code ...tenants.<tenant>.chargebee}: {@code site} (the site name, e.g.
 * {@code acme-test}), {@code webhook-username} (with the secret {@code webhook-password}), {@code
 * host-suffix}, {@code api-base}, {@code plan}, {@code max-concurrent}, {@code billing-model} ({@code
 * ad_hoc_charges} or {@code subscription_items}), {@code customer-id-prefix}; secrets {@code
 * api-key}, {@code webhook-password}.
 */
final class ChargebeeFactory implements ConnectorFactory {
  private static final String SYSTEM = "chargebee";

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public Set<String> secretKeys() {
    return Set.of("api-key", "webhook-password");
  }

  @Override
  public TenantConnection open(SystemSettings s, HttpTransport transport) {
    String tenant = s.tenant();
    String site = s.require("site");
    Secret apiKey = s.requireSecret("api-key");
    String user = s.value("webhook-username").orElse(null);
    Secret password = s.secret("webhook-password").orElse(null);
    if ((user == null) != (password == null)) {
      throw new SettingException(s.property("webhook-username"), "and webhook-password go together");
    }
    ChargebeeConfig.Builder b = ChargebeeConfig.builder(tenant, tenant + "/chargebee", site,
        ChargebeeCredentials.of(apiKey, user, password));
    s.value("host-suffix").ifPresent(b::hostSuffix);
    s.value("api-base").ifPresent(b::baseUrl);
    s.value("plan").ifPresent(b::plan);
    s.integer("max-concurrent").ifPresent(b::maxConcurrentCalls);
    ChargebeeCollectorOptions o = ChargebeeCollectorOptions.defaults();
    Optional<String> model = s.value("billing-model");
    if (model.isPresent()) {
      try {
        o = o.withBillingModel(ChargebeeCollectorOptions.BillingModel.valueOf(model.get().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new SettingException(s.property("billing-model"),
            "must be ad_hoc_charges or subscription_items, was '" + model.get() + "'");
      }
    }
    o = o.withCustomerIdPrefix(s.value("customer-id-prefix").orElse(""));
    return new Connection(ChargebeeClient.create(transport, b.build()), o);
  }

  @Override
  public Optional<Collector.Provider<?, ?>> collector(TenantScoped<TenantConnection> connections) {
    return Optional.of(new ChargebeeCollectorProvider(t -> ((Connection) connections.forTenant(t)).client,
        t -> ((Connection) connections.forTenant(t)).options));
  }

  static final class Connection implements TenantConnection {
    final ChargebeeClient client;
    final ChargebeeCollectorOptions options;

    Connection(ChargebeeClient client, ChargebeeCollectorOptions options) {
      this.client = client;
      this.options = options;
    }

    @Override
    public List<ConnectorCheck> ping() {
      List<ConnectorCheck> out = new ArrayList<>();
      for (ChargebeePing.Check c : client.ping().checks()) {
        out.add(new ConnectorCheck(SYSTEM, c.name(), c.ok(), c.latency(), c.detail()));
      }
      return out;
    }

    @Override
    public void close() {
      // stateless over the shared transport: nothing to log off
    }
  }
}
