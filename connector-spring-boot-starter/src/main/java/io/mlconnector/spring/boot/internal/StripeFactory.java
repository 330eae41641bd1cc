package io.mlconnector.spring.boot.internal;

import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.role.Collector;
import io.mlconnector.core.sync.TenantScoped;
import io.mlconnector.spring.boot.ConnectorCheck;
import io.mlconnector.spring.boot.ConnectorFactory;
import io.mlconnector.spring.boot.SystemSettings;
import io.mlconnector.spring.boot.TenantConnection;
import io.mlconnector.stripe.PingCheck;
import io.mlconnector.stripe.StripeCollector;
import io.mlconnector.stripe.StripeConfig;
import io.mlconnector.stripe.StripeConnector;
import io.mlconnector.stripe.StripeWebhookVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stripe. Keys under {@code ...tenants.<tenant>.stripe}: {@code api-base} (default {@code
 * https://api.stripe.com}), {@code requests-per-second} (default Stripe's limit for the key's mode),
 * {@code rate-limit-backoff} and {@code rate-limit-backoff-max} (first and longest wait after a
 * 429), {@code send-finalizes-drafts} (default true); secrets {@code api-key}, {@code
 * webhook-secret}.
 */
final class StripeFactory implements ConnectorFactory {
  private static final String SYSTEM = "stripe";

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public Set<String> secretKeys() {
    return Set.of("api-key", "webhook-secret");
  }

  @Override
  public TenantConnection open(SystemSettings s, HttpTransport transport) {
    String tenant = s.tenant();
    Secret apiKey = s.requireSecret("api-key");
    Secret webhookSecret = s.requireSecret("webhook-secret");
    StripeConfig.Builder b = StripeConfig.builder().tenant(tenant).credentialId(tenant + "/stripe").apiKey(apiKey);
    s.value("api-base").ifPresent(b::apiBase);
    s.bool("send-finalizes-drafts").ifPresent(b::sendFinalizesDrafts);
    s.number("requests-per-second").ifPresent(b::requestsPerSecond);
    Optional<Duration> backoff = s.duration("rate-limit-backoff");
    if (backoff.isPresent()) {
      b.rateLimitBackoff(backoff.get(), s.duration("rate-limit-backoff-max").orElse(Duration.ofSeconds(30)));
    }
    StripeWebhookVerifier verifier = StripeWebhookVerifier.builder().secret(webhookSecret).build();
    return new Connection(StripeConnector.create(b.build()), verifier);
  }

  @Override
  public Optional<Collector.Provider<?, ?>> collector(TenantScoped<TenantConnection> connections) {
    return Optional.of(StripeCollector.provider(t -> ((Connection) connections.forTenant(t)).collector));
  }

  static final class Connection implements TenantConnection {
    final StripeConnector connector;
    final StripeCollector collector;

    Connection(StripeConnector connector, StripeWebhookVerifier verifier) {
      this.connector = connector;
      this.collector = StripeCollector.of(connector, verifier);
    }

    @Override
    public List<ConnectorCheck> ping() {
      List<ConnectorCheck> out = new ArrayList<>();
      for (PingCheck c : connector.ping().checks()) {
        out.add(new ConnectorCheck(SYSTEM, c.name(), c.ok(), c.latency(), c.detail()));
      }
      return out;
    }

    @Override
    public void close() {
      // the connector holds no session; its HTTP client's pool is released with the process
    }
  }
}
