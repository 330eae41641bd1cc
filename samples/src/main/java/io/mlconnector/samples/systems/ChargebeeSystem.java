package io.mlconnector.samples.systems;

import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.ChargebeeCollector;
import io.mlconnector.chargebee.ChargebeeCollectorOptions;
import io.mlconnector.chargebee.ChargebeeCollectorProvider;
import io.mlconnector.chargebee.ChargebeeConfig;
import io.mlconnector.chargebee.ChargebeeCredentials;
import io.mlconnector.chargebee.ChargebeePing;
import io.mlconnector.chargebee.SubscriptionCancellation;
import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.credential.Credentials;
import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.role.Collector;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.sync.Flow;
import java.time.Clock;
import java.time.Duration;
import io.mlconnector.samples.SampleConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Chargebee as the sample opens it: a client and a collector from the {@code chargebee.*} settings
 * and the secrets stored under {@code chargebee}.
 *
 * <table>
 *   <caption>properties</caption>
 *   <tr><th>key</th><th>meaning</th></tr>
 *   <tr><td>{@code chargebee.api.key}, {@code chargebee.webhook.password}</td><td>secrets</td></tr>
 *   <tr><td>{@code chargebee.site}</td><td>the site name ({@code acme-test}); required</td></tr>
 *   <tr><td>{@code chargebee.webhook.username}</td><td>the webhook endpoint's Basic username</td></tr>
 *   <tr><td>{@code chargebee.api.base}, {@code chargebee.host.suffix}</td><td>API base (default
 *       {@code https://<site>.chargebee.com/api/v2}), or only the domain ({@code chargebee.com})</td></tr>
 *   <tr><td>{@code chargebee.plan}</td><td>{@code starter} (default), {@code performance},
 *       {@code enterprise}, {@code test_site}, or requests per minute</td></tr>
 *   <tr><td>{@code chargebee.max.concurrent}</td><td>requests in flight (default 50)</td></tr>
 *   <tr><td>{@code chargebee.billing.model}</td><td>{@code ad_hoc_charges} (default) or
 *       {@code subscription_items}</td></tr>
 *   <tr><td>{@code chargebee.customer.id.prefix}</td><td>put before the ERP customer code</td></tr>
 *   <tr><td>{@code chargebee.po.number.segment}</td><td>which {@code |}-separated part of the
 *       ledger's invoice id is the {@code po_number} (default: the whole id)</td></tr>
 * </table>
 */
public final class ChargebeeSystem implements CollectorSystem {
  /** The credential store's system name and the settings' prefix. */
  public static final String NAME = "chargebee";
  /** Opens Chargebee from the sample's settings. */
  public static final SystemOpener<ChargebeeSystem> OPENER = ChargebeeSystem::open;

  private final ChargebeeClient client;
  private final ChargebeeCollector collector;
  private final ChargebeeCollectorOptions options;

  private ChargebeeSystem(ChargebeeClient client, ChargebeeCollectorOptions options) {
    this.client = Objects.requireNonNull(client, "client");
    this.options = options;
    this.collector = new ChargebeeCollector(client, options);
  }

  /**
   * Opens the client of the sample's tenant.
   *
   * @throws IllegalArgumentException naming the setting that is missing or wrong
   */
  public static ChargebeeSystem open(SampleConfig config, CredentialStore credentials, HttpTransport transport) {
    Credentials secrets = config.credentials(credentials, NAME, "chargebee.api.key and chargebee.webhook.password");
    String tenant = config.tenant();
    Secret apiKey = secrets.find("apiKey")
        .orElseThrow(() -> new IllegalArgumentException("chargebee.api.key is not stored for tenant " + tenant));
    String user = config.value("chargebee.webhook.username").orElse(null);
    Secret password = secrets.find("webhookPassword").orElse(null);
    if ((user == null) != (password == null)) {
      throw new IllegalArgumentException("chargebee.webhook.username and chargebee.webhook.password go together");
    }
    String site = config.value("chargebee.site")
        .orElseThrow(() -> new IllegalArgumentException("chargebee.site is not set (the site name, e.g. acme-test)"));
    ChargebeeConfig.Builder b = ChargebeeConfig.builder(tenant, tenant + "/chargebee", site,
        ChargebeeCredentials.of(apiKey, user, password));
    config.value("chargebee.host.suffix").ifPresent(b::hostSuffix);
    config.value("chargebee.api.base").ifPresent(b::baseUrl);
    config.value("chargebee.plan").ifPresent(b::plan);
    config.value("chargebee.max.concurrent").ifPresent(v -> b.maxConcurrentCalls(integer("chargebee.max.concurrent", v)));
    ChargebeeCollectorOptions o = ChargebeeCollectorOptions.defaults();
    String model = config.value("chargebee.billing.model").orElse(null);
    if (model != null) {
      try {
        o = o.withBillingModel(ChargebeeCollectorOptions.BillingModel.valueOf(model.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("chargebee.billing.model must be ad_hoc_charges or subscription_items, was '"
            + model + "'");
      }
    }
    o = o.withCustomerIdPrefix(config.value("chargebee.customer.id.prefix").orElse(""));
    String segment = config.value("chargebee.po.number.segment").orElse(null);
    if (segment != null) {
      int n = integer("chargebee.po.number.segment", segment);
      Function<ExternalRef, String> rule = ref -> {
        String[] parts = ref.id().split("\\|");
        if (n >= parts.length) {
          throw new IllegalArgumentException("invoice id " + ref.id() + " has no part " + n);
        }
        return parts[n];
      };
      o = o.withPoNumber(rule);
    }
    return new ChargebeeSystem(ChargebeeClient.create(transport, b.build()), o);
  }

  private static int integer(String key, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not a whole number: '" + value + "'");
    }
  }

  /** The flow of {@code subscription_cancelled} events into {@link SubscriptionNotices}. */
  public static final String SUBSCRIPTION_CANCELLATIONS = "chargebee-subscription-cancellations";

  /**
   * Cancelled subscriptions (webhooks and the events backstop) into the tenant's notices file
   * {@code <data.dir>/notices/subscription-cancellations.csv}: audited, nothing posted to SYSPRO.
   */
  @Override
  public List<Flow<?, ?>> extraFlows(SampleConfig config, StateStore store) {
    Duration lookback = config.duration("backstop.lookback").or(() -> config.duration("chargebee.backstop.lookback"))
        .orElse(null);
    SubscriptionNotices notices = new SubscriptionNotices(config.tenant(), noticesFile(config), store::mappingByTarget,
        Clock.systemUTC());
    return List.of(Flow.webhook(SUBSCRIPTION_CANCELLATIONS, SubscriptionCancellation.class,
            t -> collector.subscriptionCancellations(lookback), t -> collector.webhookVerifier(),
            SubscriptionCancellation.class, t -> notices)
        .mapper((cancellation, context) -> cancellation)
        .schedule(config.pollInterval(), config.pollInterval().dividedBy(10))
        .build());
  }

  /** Where the sample's subscription notices go. */
  public static java.nio.file.Path noticesFile(SampleConfig config) {
    return config.dataDir().resolve("notices").resolve("subscription-cancellations.csv");
  }

  /** The collector over the client (for the sample's own reads). */
  public ChargebeeCollector chargebeeCollector() {
    return collector;
  }

  /** The client. */
  public ChargebeeClient client() {
    return client;
  }

  @Override
  public Collector.Provider<?, ?> collector() {
    return new ChargebeeCollectorProvider(t -> client, t -> options);
  }

  @Override
  public List<PingLine> ping() {
    List<PingLine> out = new ArrayList<>();
    for (ChargebeePing.Check c : client.ping().checks()) {
      out.add(new PingLine("Chargebee", c.name(), c.ok(), c.latency(), c.detail()));
    }
    return out;
  }

  @Override
  public String toString() {
    return "ChargebeeSystem{" + client.config() + "}";
  }
}
