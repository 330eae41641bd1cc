package io.mlconnector.samples;

import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.credential.Credentials;
import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.http.CredentialKey;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.RateBudgetConfig;
import io.mlconnector.core.http.RateBudgetRegistry;
import io.mlconnector.stripe.StripeConfig;
import io.mlconnector.stripe.StripeConnector;
import io.mlconnector.stripe.StripeWebhookVerifier;
import io.mlconnector.syspro.SysproClient;
import io.mlconnector.syspro.SysproConfig;
import io.mlconnector.syspro.SysproCredentials;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The sample's settings for real systems, read from a properties file. Secrets (the SYSPRO
 * operator, company and OData passwords, the Stripe key and the webhook signing secret) may be
 * given once in the file: {@link #storeSecrets} moves them into the {@link CredentialStore}
 * (encrypted at rest), after which they can be deleted from the file.
 *
 * <table>
 *   <caption>properties</caption>
 *   <tr><th>key</th><th>meaning</th></tr>
 *   <tr><td>{@code tenant}</td><td>tenant name (default {@code default})</td></tr>
 *   <tr><td>{@code syspro.rest.url}</td><td>e.net REST base, ending in {@code /SYSPROWCFService/Rest}</td></tr>
 *   <tr><td>{@code syspro.odata.url}</td><td>OData service root of the company</td></tr>
 *   <tr><td>{@code syspro.operator}, {@code syspro.company}</td><td>operator code, company id</td></tr>
 *   <tr><td>{@code syspro.odata.user}</td><td>OData user (default: the operator)</td></tr>
 *   <tr><td>{@code syspro.customer.tax.column}</td><td>the {@code ArCustomer} column holding the tax
 *       registration number (default {@code TaxRegnNum}; unconfirmed, check the site's OData
 *       {@code $metadata})</td></tr>
 *   <tr><td>{@code syspro.operator.password}, {@code syspro.company.password}, {@code
 *       syspro.odata.password}</td><td>secrets</td></tr>
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
 *   <tr><td>{@code stripe.backstop.lookback}</td><td>how far back the events backstop reads on its
 *       first run (ISO-8601; default 3 days)</td></tr>
 *   <tr><td>{@code engine.claim.ttl}, {@code engine.lease.ttl}</td><td>how long a webhook-event claim and a
 *       flow lease last when their node dies (engine defaults 5 min and 30 s)</td></tr>
 *   <tr><td>{@code engine.parallelism}, {@code engine.pending.grace}, {@code node.id}</td><td>records
 *       written at once; age of an open write before recovery looks it up by stamp (default {@code
 *       PT2M}); this node's id (keep it across restarts to take leases back at once)</td></tr>
 *   <tr><td>{@code data.dir}</td><td>store and credential directory (default {@code ./data})</td></tr>
 *   <tr><td>{@code store}</td><td>{@code h2} (default) or {@code postgresql}</td></tr>
 *   <tr><td>{@code store.jdbc.url}, {@code store.jdbc.user}, {@code store.jdbc.password}, {@code
 *       store.table.prefix}</td><td>PostgreSQL (table prefix default {@code mlc_})</td></tr>
 *   <tr><td>{@code webhook.host}, {@code webhook.port}</td><td>where Stripe's webhooks are received
 *       (default {@code 0.0.0.0:8080})</td></tr>
 *   <tr><td>{@code poll.interval}</td><td>ISO-8601 duration between polls (default {@code PT1M})</td></tr>
 * </table>
 *
 * <p>The credential store's key comes from the environment ({@code MLC_KEY_CURRENT} names the key
 * id, {@code MLC_KEY_<ID>} holds the base64 of a 32-byte key).
 */
public final class SampleConfig {
  /** The CredentialStore system name of the SYSPRO secrets. */
  public static final String SYSPRO = "syspro";
  /** The CredentialStore system name of the Stripe secrets. */
  public static final String STRIPE = "stripe";
  static final String OPERATOR_PASSWORD = "operatorPassword";
  static final String COMPANY_PASSWORD = "companyPassword";
  static final String ODATA_PASSWORD = "odataPassword";
  static final String API_KEY = "apiKey";
  static final String WEBHOOK_SECRET = "webhookSecret";

  private static final Map<String, String[]> SECRET_KEYS =
      Map.of(
          "syspro.operator.password", new String[] {SYSPRO, OPERATOR_PASSWORD},
          "syspro.company.password", new String[] {SYSPRO, COMPANY_PASSWORD},
          "syspro.odata.password", new String[] {SYSPRO, ODATA_PASSWORD},
          "stripe.api.key", new String[] {STRIPE, API_KEY},
          "stripe.webhook.secret", new String[] {STRIPE, WEBHOOK_SECRET});

  private final Map<String, String> values;
  private final Map<String, Secret> secrets;

  private SampleConfig(Map<String, String> values, Map<String, Secret> secrets) {
    this.values = Map.copyOf(values);
    this.secrets = Map.copyOf(secrets);
  }

  /**
   * Reads and checks a properties file.
   *
   * @throws IllegalArgumentException naming the file and the key when a value is missing or wrong
   */
  public static SampleConfig load(Path file) {
    Objects.requireNonNull(file, "file");
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> map = new TreeMap<>();
    for (String k : p.stringPropertyNames()) {
      map.put(k, p.getProperty(k).trim());
    }
    return of(map, file.toString());
  }

  /** Settings from a map of the same keys ({@code where} names it in error messages). */
  public static SampleConfig of(Map<String, String> properties, String where) {
    Map<String, String> values = new TreeMap<>();
    Map<String, Secret> secrets = new TreeMap<>();
    for (Map.Entry<String, String> e : properties.entrySet()) {
      if (SECRET_KEYS.containsKey(e.getKey())) {
        secrets.put(e.getKey(), Secret.of(e.getValue()));
      } else {
        values.put(e.getKey(), e.getValue());
      }
    }
    SampleConfig c = new SampleConfig(values, secrets);
    List<String> problems = new ArrayList<>();
    for (String required : List.of("syspro.rest.url", "syspro.odata.url", "syspro.operator", "syspro.company")) {
      if (c.value(required).isEmpty()) {
        problems.add(required + " is missing");
      }
    }
    c.value("store").ifPresent(s -> {
      if (!s.equals("h2") && !s.equals("postgresql")) {
        problems.add("store must be h2 or postgresql, was '" + s + "'");
      }
    });
    if ("postgresql".equals(c.value("store").orElse("h2")) && c.value("store.jdbc.url").isEmpty()) {
      problems.add("store.jdbc.url is missing (store=postgresql)");
    }
    try {
      c.pollInterval();
    } catch (DateTimeParseException e) {
      problems.add("poll.interval is not an ISO-8601 duration (e.g. PT1M): '" + c.value("poll.interval").orElse("") + "'");
    }
    try {
      c.webhookPort();
    } catch (NumberFormatException e) {
      problems.add("webhook.port is not a port number: '" + c.value("webhook.port").orElse("") + "'");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("config " + where + ": " + String.join("; ", problems));
    }
    return c;
  }

  /** A plain (non-secret) value. */
  public Optional<String> value(String key) {
    return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
  }

  /** The tenant. */
  public String tenant() {
    return value("tenant").orElse("default");
  }

  /** The data directory. */
  public Path dataDir() {
    return Path.of(value("data.dir").orElse("data"));
  }

  /** The poll interval. */
  public Duration pollInterval() {
    return Duration.parse(value("poll.interval").orElse("PT1M"));
  }

  /** The webhook port. */
  public int webhookPort() {
    int port = Integer.parseInt(value("webhook.port").orElse("8080"));
    if (port < 0 || port > 65535) {
      throw new NumberFormatException("out of range");
    }
    return port;
  }

  /** True when the file carries secrets (to be moved into the credential store). */
  public boolean hasSecrets() {
    return !secrets.isEmpty();
  }

  /**
   * Encrypts the secrets given in the file into {@code store} (merged with what it holds) and
   * returns how many were stored.
   */
  public int storeSecrets(CredentialStore store) {
    Objects.requireNonNull(store, "store");
    int n = 0;
    for (String system : List.of(SYSPRO, STRIPE)) {
      Map<String, Secret> fields = new TreeMap<>();
      store.get(tenant(), system).ifPresent(h -> fields.putAll(h.fields()));
      boolean changed = false;
      for (Map.Entry<String, Secret> e : secrets.entrySet()) {
        String[] target = SECRET_KEYS.get(e.getKey());
        if (target[0].equals(system)) {
          fields.put(target[1], e.getValue());
          changed = true;
          n++;
        }
      }
      if (changed) {
        Credentials.Builder b = Credentials.builder();
        fields.forEach(b::put);
        store.put(tenant(), system, b.build());
      }
    }
    return n;
  }

  /**
   * The tenant's clients, with secrets decrypted from {@code credentials}.
   *
   * @throws IllegalArgumentException when a secret is in neither the file nor the store
   */
  public Systems systems(CredentialStore credentials, HttpTransport transport) {
    Credentials syspro = credentials.get(tenant(), SYSPRO)
        .orElseThrow(() -> new IllegalArgumentException("no SYSPRO credentials stored for tenant " + tenant()
            + "; put syspro.operator.password (and the others) in the config file once"));
    Credentials stripe = credentials.get(tenant(), STRIPE)
        .orElseThrow(() -> new IllegalArgumentException("no Stripe credentials stored for tenant " + tenant()
            + "; put stripe.api.key and stripe.webhook.secret in the config file once"));
    String operator = value("syspro.operator").orElseThrow();
    SysproConfig sc =
        SysproConfig.builder(tenant(), tenant() + "/syspro")
            .restBaseUrl(value("syspro.rest.url").orElseThrow())
            .credentials(SysproCredentials.of(operator, reveal(syspro, OPERATOR_PASSWORD),
                value("syspro.company").orElseThrow(), reveal(syspro, COMPANY_PASSWORD)))
            .odata(value("syspro.odata.url").orElseThrow(), value("syspro.odata.user").orElse(operator),
                reveal(syspro, ODATA_PASSWORD))
            .customerTaxIdColumn(value("syspro.customer.tax.column").orElse("TaxRegnNum"))
            .build();
    StripeConfig.Builder stb =
        StripeConfig.builder().tenant(tenant()).credentialId(tenant() + "/stripe")
            .apiKey(stripe.find(API_KEY).orElseThrow(
                () -> new IllegalArgumentException("stripe.api.key is not stored for tenant " + tenant())).reveal());
    value("stripe.api.base").ifPresent(stb::apiBase);
    value("stripe.send.finalizes.drafts").ifPresent(v -> stb.sendFinalizesDrafts(bool("stripe.send.finalizes.drafts", v)));
    // the request budget, registered before the connector asks for it: at most `stripe.burst`
    // requests at once above the steady rate, so a strict per-second limit sees no burst
    boolean live = stripe.find(API_KEY).map(k -> k.reveal().startsWith("sk_live_") || k.reveal().startsWith("rk_live_")).orElse(false);
    double limit = live ? StripeConfig.LIVE_MODE_REQUESTS_PER_SECOND : StripeConfig.TEST_MODE_REQUESTS_PER_SECOND;
    double rps = value("stripe.requests.per.second").map(Double::parseDouble).orElse(limit * StripeConfig.PACING);
    RateBudgetRegistry budgets = RateBudgetRegistry.create();
    budgets.budget(new CredentialKey("stripe", tenant() + "/stripe"),
        RateBudgetConfig.builder(rps).burst(Integer.parseInt(value("stripe.burst").orElse("1")))
            .defaultPause(value("stripe.rate.limit.backoff").map(Duration::parse).orElse(Duration.ofMillis(500)))
            .decreaseFactor(Double.parseDouble(value("stripe.rate.decrease").orElse("0.9")))
            .maxWait(Duration.ofSeconds(60)).build());
    stb.rateBudgets(budgets).requestsPerSecond(Math.max(rps, limit));
    value("stripe.rate.limit.backoff").ifPresent(v -> stb.rateLimitBackoff(Duration.parse(v),
        Duration.parse(value("stripe.rate.limit.backoff.max").orElse("PT30S"))));
    String whsec = stripe.find(WEBHOOK_SECRET).orElseThrow(
        () -> new IllegalArgumentException("stripe.webhook.secret is not stored for tenant " + tenant())).reveal();
    return new Systems(
        SysproClient.create(transport, sc),
        StripeConnector.create(stb.build()),
        StripeWebhookVerifier.builder().secret(whsec).build());
  }

  private static boolean bool(String key, String value) {
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException(key + " must be true or false, was '" + value + "'");
  }

  private static String reveal(Credentials c, String name) {
    return c.find(name).map(Secret::reveal).orElse("");
  }

  @Override
  public String toString() {
    return "SampleConfig{" + values + ", secrets given for " + secrets.keySet() + "}";
  }
}
