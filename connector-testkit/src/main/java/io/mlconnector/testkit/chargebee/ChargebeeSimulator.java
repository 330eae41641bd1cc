package io.mlconnector.testkit.chargebee;

import io.mlconnector.testkit.chargebee.internal.Engine;
import io.mlconnector.testkit.chargebee.internal.Json;
import io.mlconnector.testkit.SimClock;
import io.mlconnector.testkit.chargebee.internal.Store;
import io.mlconnector.testkit.http.FaultInjector;
import io.mlconnector.testkit.http.SimServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A stateful Chargebee site (API v2, Product Catalog 2.0) on a free loopback port: customers,
 * invoices from ad-hoc charges and charge item prices, items, item prices, subscriptions with
 * items, payments (transactions), refunds (refundable credit notes), voids and events, spoken at
 * the wire level: HTTP Basic auth with the API key, form bodies in Chargebee's list encoding
 * ({@code charges[amount][0]}), JSON answers wrapped by resource name, {@code next_offset} paging
 * and list filters, Chargebee's error JSON (with the legacy fields), {@code
 * chargebee-idempotency-key} with a 30-minute window, the per-minute and concurrency limits, and
 * webhooks with Basic auth and Chargebee's retry schedule.
 *
 * <pre>{@code
 * try (ChargebeeSimulator sim = ChargebeeSimulator.builder().requestsPerMinute(150).build()) {
 *   // point a client at sim.baseUrl() ("http://127.0.0.1:<port>/api/v2") with sim.apiKey()
 *   sim.webhooks().addEndpoint(URI.create("http://127.0.0.1:8080/hooks"), "hook", "s3cret");
 *   // ... create a customer and an invoice through the API ...
 *   String txn = sim.pay(invoiceId, null);           // the customer pays: payment_succeeded
 *   sim.refund(invoiceId, 500L);                     // credit note + refund: payment_refunded
 *   sim.advanceClock(Duration.ofMinutes(31));        // idempotency keys expire, retries fall due
 * }
 * }</pre>
 *
 * <p>The site is named by the {@code Host} header ({@code <site>.<hostSuffix>}); requests to the
 * loopback address itself are served as the configured site, and any other host is answered {@code
 * 404 site_not_found}. Thread-safe.
 *
 * <p>Where the reference left a Chargebee behaviour open the simulator picks one and says so: a
 * reused idempotency key with a different path or body gets {@code 400 invalid_request}, a repeat
 * while the first is running {@code 409 invalid_state_for_request}; 2xx and 4xx answers are kept
 * for replay, 429 and 5xx are not; lists are newest first unless {@code sort_by} says otherwise;
 * caller-chosen customer ids are limited to 50 characters of {@code [A-Za-z0-9_.-]} ({@link
 * Builder#maxCustomerIdLength}); an offset of the event list stays valid for ever unless {@link
 * Builder#eventOffsetLifetime} says otherwise; {@code record_payment} emits {@code payment_succeeded}; voiding
 * emits {@code invoice_updated}; no tax is computed.
 *
 * <p>The test-control methods throw {@link IllegalStateException} when Chargebee would refuse the
 * change or the record they name does not exist; the message starts with Chargebee's {@code
 * api_error_code}.
 */
public final class ChargebeeSimulator implements AutoCloseable {
  /** The API key accepted when the builder names none. */
  public static final String DEFAULT_API_KEY = "test_mlconnectorSimulatorKey0000";

  private final Engine engine;
  private final SimServer server;
  private final FaultInjector faults;
  private final String apiKey;
  private final String site;

  private ChargebeeSimulator(Builder b) {
    Set<String> keys = new LinkedHashSet<>(b.apiKeys);
    if (keys.isEmpty()) {
      keys.add(DEFAULT_API_KEY);
    }
    this.apiKey = keys.iterator().next();
    this.site = b.site;
    this.engine = new Engine(new Engine.Settings(b.site, b.hostSuffix, Set.copyOf(keys), b.baseCurrency,
        b.maxCustomerIdLength, b.sendRetryAfter, b.processing), new SimClock(b.clock), b.requestsPerMinute,
        b.concurrency, b.idempotencyWindow, b.seed);
    engine.eventOffsetLifetime(b.eventOffsetLifetime);
    this.faults = b.faults != null ? b.faults : new FaultInjector();
    this.server = SimServer.start(engine, faults, engine::serverError, b.threads);
  }

  /**
   * A builder with test-site defaults: 150 requests per minute, no concurrency cap, USD.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The API base URL.
   *
   * @return {@code http://127.0.0.1:<port>/api/v2}
   */
  public String baseUrl() {
    return server.baseUri() + Engine.PREFIX;
  }

  /**
   * The server's root URL.
   *
   * @return {@code http://127.0.0.1:<port>}, without the API path
   */
  public String rootUrl() {
    return server.baseUri().toString();
  }

  /**
   * The port the simulator listens on.
   *
   * @return the loopback port, chosen free at start
   */
  public int port() {
    return server.port();
  }

  /**
   * The site name, the first label of the {@code Host} a request names.
   *
   * @return the builder's site, {@code mlconnector-test} by default
   */
  public String site() {
    return site;
  }

  /**
   * The first accepted API key.
   *
   * @return the first key given to the builder, else {@link #DEFAULT_API_KEY}
   */
  public String apiKey() {
    return apiKey;
  }

  /**
   * The fault injector (latency, 5xx, dropped connections, responses lost after commit).
   *
   * @return the injector given to the builder, else this simulator's own
   */
  public FaultInjector faults() {
    return faults;
  }

  /**
   * Webhook endpoints and delivery controls.
   *
   * @return the controls of this simulator's webhooks
   */
  public ChargebeeWebhooks webhooks() {
    return engine.webhooks();
  }

  /**
   * HTTP requests received so far (faulted ones included).
   *
   * @return the count since start
   */
  public long requestCount() {
    return server.requestCount();
  }

  /**
   * Requests of the event list ({@code GET /events}, whatever the filters; retrieving one event by
   * id not included) served so far: how often a webhook backstop polls.
   *
   * @return the count since start
   */
  public long eventListReads() {
    return engine.eventListReads();
  }

  /**
   * Changes the per-minute limit while the simulator runs.
   *
   * @param perMinute requests per API key in any 60 seconds; 0 for no limit
   * @return this simulator
   */
  public ChargebeeSimulator requestsPerMinute(int perMinute) {
    engine.limits().perMinute(perMinute);
    return this;
  }

  /**
   * Changes the concurrency limit while the simulator runs.
   *
   * @param concurrent requests per API key in flight at once; 0 for no limit
   * @return this simulator
   */
  public ChargebeeSimulator concurrencyLimit(int concurrent) {
    engine.limits().concurrency(concurrent);
    return this;
  }

  /**
   * The next {@code count} API requests get {@code 429 api_request_limit_exceeded}, whatever the
   * configured limits.
   *
   * @param count how many requests
   * @return this simulator
   */
  public ChargebeeSimulator rateLimitStorm(int count) {
    engine.limits().storm(count);
    return this;
  }

  /**
   * The next {@code count} API requests are answered with this status and {@code api_error_code}
   * without running: {@code 500 internal_error}, {@code 503 site_not_ready}, {@code 429
   * lock_timeout}.
   *
   * @param count how many requests
   * @param status the HTTP status
   * @param apiErrorCode Chargebee's {@code api_error_code} for the error JSON
   * @return this simulator
   */
  public ChargebeeSimulator failNextWith(int count, int status, String apiErrorCode) {
    engine.scriptErrors(count, status, Objects.requireNonNull(apiErrorCode, "apiErrorCode"));
    return this;
  }

  /**
   * Moves the simulated clock forward; webhook retries that fall due are sent and idempotency
   * keys past their window expire.
   *
   * @param by how far (not negative)
   * @throws IllegalArgumentException if {@code by} is negative
   */
  public void advanceClock(Duration by) {
    engine.advance(Objects.requireNonNull(by, "by"));
  }

  /**
   * The customer pays {@code amount} (minor units; null: all that is due) of an invoice online (a
   * card through the site's gateway): a {@code payment} transaction, the invoice {@code paid} when
   * nothing remains, and {@code payment_succeeded}.
   *
   * @param invoiceId the invoice id
   * @param amount the amount in the invoice currency's minor units, or null for all that is due
   * @return the transaction id
   */
  public String pay(String invoiceId, @Nullable Long amount) {
    return engine.control(() -> (String) engine.invoices().pay(invoiceId, amount, "card", "chargebee", null).get("id"));
  }

  /**
   * A card payment attempt on an invoice is declined: a failed transaction and {@code
   * payment_failed}; the invoice stays as it was.
   *
   * @param invoiceId the invoice id
   * @return the failed transaction's id
   */
  public String failPayment(String invoiceId) {
    return engine.control(() -> (String) engine.invoices().fail(invoiceId).get("id"));
  }

  /**
   * Refunds {@code amount} (null: all that was paid and not refunded) of an invoice: a refundable
   * credit note, a refund transaction, {@code credit_note_created} and {@code payment_refunded}.
   *
   * @param invoiceId the invoice id
   * @param amount the amount in the invoice currency's minor units, or null for all that was paid
   *     and not refunded
   * @return the credit note id
   */
  public String refund(String invoiceId, @Nullable Long amount) {
    return engine.control(() -> (String) engine.invoices().refund(invoiceId, amount, "product_unsatisfactory").get("id"));
  }

  /**
   * Cancels a subscription at once ({@code subscription_cancelled}).
   *
   * @param subscriptionId the subscription id
   */
  public void cancelSubscription(String subscriptionId) {
    engine.control(() -> engine.subscriptions().cancelNow(subscriptionId, false));
  }

  /**
   * A copy of a record.
   *
   * @param type the record type: {@code customer}, {@code invoice}, {@code subscription}, {@code
   *     transaction}, ...
   * @param id the record's id
   * @return its JSON as maps, as the API renders it (a deleted record included), or null when
   *     there is no such record
   * @throws IllegalArgumentException if there is no such record type
   */
  public @Nullable Map<String, Object> record(String type, String id) {
    return engine.control(() -> {
      Map<String, Map<String, Object>> table = engine.store().table(type);
      if (table == null) {
        throw new IllegalArgumentException("no such record type: " + type);
      }
      Map<String, Object> r = table.get(id);
      return r == null ? null : Store.render(r);
    });
  }

  /**
   * Copies of every record of a type, oldest first (deleted ones included).
   *
   * @param type the record type: {@code customer}, {@code invoice}, {@code event}, ...
   * @return their JSON as maps; empty when there are none
   */
  public List<Map<String, Object>> records(String type) {
    return engine.control(() -> {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Map<String, Object> r : engine.store().table(type).values()) {
        out.add(Store.render(r));
      }
      return out;
    });
  }

  /**
   * Copies of every event, oldest first.
   *
   * @return the events' JSON as maps; empty when none happened
   */
  public List<Map<String, Object>> events() {
    return records("event");
  }

  /**
   * A record as JSON text.
   *
   * @param type the record type: {@code customer}, {@code invoice}, ...
   * @param id the record's id
   * @return the JSON, or null when there is no such record
   * @throws IllegalArgumentException if there is no such record type
   */
  public @Nullable String recordJson(String type, String id) {
    Map<String, Object> r = record(type, id);
    return r == null ? null : Json.write(r);
  }

  /** Stops the server and the webhook thread. */
  @Override
  public void close() {
    server.close();
    engine.webhooks().close();
  }

  /** Builds a {@link ChargebeeSimulator}. */
  public static final class Builder {
    private String site = "mlconnector-test";
    private String hostSuffix = "chargebee.com";
    private final Set<String> apiKeys = new LinkedHashSet<>();
    private String baseCurrency = "USD";
    private int requestsPerMinute = 150;
    private int concurrency;
    private Duration idempotencyWindow = Duration.ofMinutes(30);
    private boolean sendRetryAfter = true;
    private int maxCustomerIdLength = 50;
    private Duration processing = Duration.ZERO;
    private Clock clock = Clock.systemUTC();
    private @Nullable FaultInjector faults;
    private long seed = 42;
    private int threads = 16;
    private Duration eventOffsetLifetime = Duration.ZERO;

    private Builder() {}

    /**
     * The site name.
     *
     * @param site for example {@code acme-test}; default {@code mlconnector-test}
     * @return this builder
     */
    public Builder site(String site) {
      this.site = Objects.requireNonNull(site, "site");
      return this;
    }

    /**
     * The domain sites live under.
     *
     * @param hostSuffix the domain; default {@code chargebee.com}
     * @return this builder
     */
    public Builder hostSuffix(String hostSuffix) {
      this.hostSuffix = Objects.requireNonNull(hostSuffix, "hostSuffix");
      return this;
    }

    /**
     * Adds an accepted API key; with none, {@link #DEFAULT_API_KEY} is accepted.
     *
     * @param key the key; the first one added is {@link ChargebeeSimulator#apiKey()}
     * @return this builder
     */
    public Builder apiKey(String key) {
      apiKeys.add(Objects.requireNonNull(key, "key"));
      return this;
    }

    /**
     * The site's currency.
     *
     * @param code the ISO 4217 code; default {@code USD}
     * @return this builder
     */
    public Builder baseCurrency(String code) {
      this.baseCurrency = Objects.requireNonNull(code, "code");
      return this;
    }

    /**
     * Requests per API key in any 60 seconds.
     *
     * @param perMinute the limit; 0 for none; default 150 (a test site, Starter)
     * @return this builder
     */
    public Builder requestsPerMinute(int perMinute) {
      if (perMinute < 0) {
        throw new IllegalArgumentException("perMinute must be >= 0, was " + perMinute);
      }
      this.requestsPerMinute = perMinute;
      return this;
    }

    /**
     * Requests per API key in flight at once.
     *
     * @param concurrent the limit; 0 (the default) for none
     * @return this builder
     */
    public Builder concurrencyLimit(int concurrent) {
      if (concurrent < 0) {
        throw new IllegalArgumentException("concurrent must be >= 0, was " + concurrent);
      }
      this.concurrency = concurrent;
      return this;
    }

    /**
     * How long idempotency keys are kept.
     *
     * @param window simulated time; default 30 minutes
     * @return this builder
     */
    public Builder idempotencyWindow(Duration window) {
      this.idempotencyWindow = Objects.requireNonNull(window, "window");
      return this;
    }

    /**
     * Whether a 429 carries {@code Retry-After} (unconfirmed for Chargebee); default true.
     *
     * @param send whether to send it
     * @return this builder
     */
    public Builder sendRetryAfter(boolean send) {
      this.sendRetryAfter = send;
      return this;
    }

    /**
     * How long a {@code next_offset} of {@code GET /events} stays valid (unconfirmed: Chargebee
     * documents the offset as opaque and says nothing of its lifetime). An older offset is refused
     * with {@code 400 param_wrong_value} on {@code offset}, as a client resuming a read after a long
     * stop might meet.
     *
     * @param lifetime simulated time; zero (the default) for offsets that never expire
     * @return this builder
     */
    public Builder eventOffsetLifetime(Duration lifetime) {
      Objects.requireNonNull(lifetime, "lifetime");
      if (lifetime.isNegative()) {
        throw new IllegalArgumentException("lifetime must not be negative, was " + lifetime);
      }
      this.eventOffsetLifetime = lifetime;
      return this;
    }

    /**
     * The longest caller-chosen customer id (unconfirmed; commonly given as 50).
     *
     * @param max the length in characters; default 50
     * @return this builder
     */
    public Builder maxCustomerIdLength(int max) {
      this.maxCustomerIdLength = max;
      return this;
    }

    /**
     * Time each admitted request takes, to make the concurrency limit observable.
     *
     * @param processing real time; default zero
     * @return this builder
     */
    public Builder processingTime(Duration processing) {
      this.processing = Objects.requireNonNull(processing, "processing");
      return this;
    }

    /**
     * The base of the simulated clock.
     *
     * @param clock the clock; default the system clock (UTC)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * A shared fault injector.
     *
     * @param faults the injector; default a new one
     * @return this builder
     */
    public Builder faults(FaultInjector faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /**
     * The seed of ids and shuffles, so a run can be replayed.
     *
     * @param seed the seed; default 42
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Server worker threads, i.e. requests served at once.
     *
     * @param threads at least 1; default 16
     * @return this builder
     */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /**
     * Starts the simulator on a free loopback port.
     *
     * @return the running simulator; close it to stop it
     */
    public ChargebeeSimulator build() {
      return new ChargebeeSimulator(this);
    }
  }
}
