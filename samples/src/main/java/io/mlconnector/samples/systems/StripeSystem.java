package io.mlconnector.samples.systems;

import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.credential.Credentials;
import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.http.CredentialKey;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.RateBudgetConfig;
import io.mlconnector.core.http.RateBudgetRegistry;
import io.mlconnector.core.role.Collector;
import io.mlconnector.samples.SampleConfig;
import io.mlconnector.stripe.PingCheck;
import io.mlconnector.stripe.StripeCollector;
import io.mlconnector.stripe.StripeConfig;
import io.mlconnector.stripe.StripeConnector;
import io.mlconnector.stripe.StripeWebhookVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Stripe as the sample opens it: a connector and a webhook verifier from the {@code stripe.*}
 * settings and the secrets stored under {@code stripe}.
 *
 * <table>
 *   <caption>properties</caption>
 *   <tr><th>key</th><th>meaning</th></tr>
 *   <tr><td>{@code stripe.api.key}, {@code stripe.webhook.secret}</td><td>secrets</td></tr>
 *   <tr><td>{@code stripe.api.base}</td><td>API base (default {@code https://api.stripe.com})</td></tr>
 *   <tr><td>{@code stripe.requests.per.second}, {@code stripe.burst}</td><td>request budget (default 96%
 *       of Stripe's limit: 24 test / 96 live), how many requests may go at once above it (default 1)
 *       and the factor the budget is multiplied by after a 429 ({@code stripe.rate.decrease}, default
 *       0.9)</td></tr>
 *   <tr><td>{@code stripe.rate.limit.backoff}, {@code stripe.rate.limit.backoff.max}</td><td>first and
 *       longest wait after a 429 (ISO-8601 durations; connector-stripe's defaults)</td></tr>
 *   <tr><td>{@code stripe.send.finalizes.drafts}</td><td>issue a draft with one {@code send}, which
 *       Stripe finalizes on the way (default true; unconfirmed, the connector falls back to finalize
 *       + send by itself if Stripe refuses; false always makes both requests)</td></tr>
 * </table>
 */
public final class StripeSystem implements CollectorSystem {
  /** The credential store's system name and the settings' prefix. */
  public static final String NAME = "stripe";
  /** Opens Stripe from the sample's settings. */
  public static final SystemOpener<StripeSystem> OPENER = StripeSystem::open;

  private final StripeConnector connector;
  private final StripeCollector collector;

  private StripeSystem(StripeConnector connector, StripeWebhookVerifier verifier) {
    this.connector = Objects.requireNonNull(connector, "connector");
    this.collector = StripeCollector.of(connector, verifier);
  }

  /**
   * Opens the connector of the sample's tenant.
   *
   * @throws IllegalArgumentException naming the setting that is missing or wrong
   */
  public static StripeSystem open(SampleConfig config, CredentialStore credentials, HttpTransport transport) {
    Credentials secrets = config.credentials(credentials, NAME, "stripe.api.key and stripe.webhook.secret");
    String tenant = config.tenant();
    String apiKey = secrets.find("apiKey").map(Secret::reveal)
        .orElseThrow(() -> new IllegalArgumentException("stripe.api.key is not stored for tenant " + tenant));
    StripeConfig.Builder stb = StripeConfig.builder().tenant(tenant).credentialId(tenant + "/stripe").apiKey(apiKey);
    config.value("stripe.api.base").ifPresent(stb::apiBase);
    config.bool("stripe.send.finalizes.drafts").ifPresent(stb::sendFinalizesDrafts);
    // the request budget, registered before the connector asks for it: at most `stripe.burst`
    // requests at once above the steady rate, so a strict per-second limit sees no burst
    boolean live = apiKey.startsWith("sk_live_") || apiKey.startsWith("rk_live_");
    double limit = live ? StripeConfig.LIVE_MODE_REQUESTS_PER_SECOND : StripeConfig.TEST_MODE_REQUESTS_PER_SECOND;
    double rps = config.value("stripe.requests.per.second").map(v -> number("stripe.requests.per.second", v))
        .orElse(limit * StripeConfig.PACING);
    RateBudgetRegistry budgets = RateBudgetRegistry.create();
    budgets.budget(new CredentialKey("stripe", tenant + "/stripe"),
        RateBudgetConfig.builder(rps).burst((int) number("stripe.burst", config.value("stripe.burst").orElse("1")))
            .defaultPause(config.duration("stripe.rate.limit.backoff").orElse(Duration.ofMillis(500)))
            .decreaseFactor(number("stripe.rate.decrease", config.value("stripe.rate.decrease").orElse("0.9")))
            .maxWait(Duration.ofSeconds(60)).build());
    stb.rateBudgets(budgets).requestsPerSecond(Math.max(rps, limit));
    config.duration("stripe.rate.limit.backoff").ifPresent(v -> stb.rateLimitBackoff(v,
        config.duration("stripe.rate.limit.backoff.max").orElse(Duration.ofSeconds(30))));
    String whsec = secrets.find("webhookSecret").map(Secret::reveal)
        .orElseThrow(() -> new IllegalArgumentException("stripe.webhook.secret is not stored for tenant " + tenant));
    return new StripeSystem(StripeConnector.create(stb.build()), StripeWebhookVerifier.builder().secret(whsec).build());
  }

  private static double number(String key, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not a number: '" + value + "'");
    }
  }

  /** The connector. */
  public StripeConnector connector() {
    return connector;
  }

  /** The collector over the connector. */
  public StripeCollector stripeCollector() {
    return collector;
  }

  @Override
  public Collector.Provider<?, ?> collector() {
    return StripeCollector.provider(t -> collector);
  }

  @Override
  public List<PingLine> ping() {
    List<PingLine> out = new ArrayList<>();
    for (PingCheck c : connector.ping().checks()) {
      out.add(new PingLine("Stripe", c.name(), c.ok(), c.latency(), c.detail()));
    }
    return out;
  }

  @Override
  public String toString() {
    return "StripeSystem{" + connector + "}";
  }
}
