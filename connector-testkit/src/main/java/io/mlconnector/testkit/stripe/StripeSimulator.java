package io.mlconnector.testkit.stripe;

import io.mlconnector.testkit.http.FaultInjector;
import io.mlconnector.testkit.http.SimServer;
import io.mlconnector.testkit.stripe.internal.Engine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A stateful Stripe (API v1) on a free loopback port: customers, invoices and invoice items with
 * Stripe's invoice state machine, payment intents, charges, refunds, disputes, balance
 * transactions with fees, payouts and events, spoken at the wire level (form-encoded requests with
 * bracket notation, JSON answers, Stripe's error JSON, list pagination, {@code expand[]}, search,
 * idempotency keys, rate limiting) and signed webhooks. Point stripe-java at it with {@code
 * StripeClient.builder().setApiKey(sim.apiKey()).setApiBase(sim.baseUrl())}.
 *
 * <pre>{@code
 * try (StripeSimulator sim = StripeSimulator.builder().build()) {
 *   StripeClient stripe = StripeClient.builder()
 *       .setApiKey(sim.apiKey()).setApiBase(sim.baseUrl()).build();
 *   // ... create a customer, a draft invoice, items; finalize ...
 *   String chargeId = sim.payInvoice(invoiceId);       // the customer pays
 *   sim.refund(chargeId, 500L);                         // a partial refund
 *   sim.faults().failNext(1, Fault.RESPONSE_LOST_AFTER_COMMIT);
 * }
 * }</pre>
 *
 * <p>Test-control calls (the Java methods below, or HTTP under {@code /_sim/}: see the module
 * README) change the account as Stripe would when a customer pays, disputes or Stripe pays out;
 * they emit the same events as the real thing. Thread-safe.
 *
 * <p>Where the reference did not settle a Stripe behaviour the simulator picks one and says so:
 * the {@code Idempotent-Replayed: true} header on replays, the 409 {@code idempotency_key_in_use}
 * answer to a concurrent request with the same key, the {@code invoice_not_editable} code on
 * every invoice state violation, and whether a 429 carries {@code Stripe-Should-Retry} (see
 * {@link Builder#rateLimitShouldRetry(Boolean)}).
 */
public final class StripeSimulator implements AutoCloseable {
  /** The API version stripe-java 33.3.0 pins, used when a request sends no {@code Stripe-Version}. */
  public static final String DEFAULT_API_VERSION = "2026-07-29.dahlia";
  /** The API key accepted when the builder names none. */
  public static final String DEFAULT_API_KEY = "sk_test_mlconnectorSimulator0000";

  private final Engine engine;
  private final SimServer server;
  private final FaultInjector faults;
  private final String apiKey;
  private final String apiVersion;

  private StripeSimulator(Builder b) {
    Set<String> keys = new LinkedHashSet<>(b.apiKeys);
    if (keys.isEmpty()) {
      keys.add(DEFAULT_API_KEY);
    }
    this.apiKey = keys.iterator().next();
    this.apiVersion = b.apiVersion;
    this.engine = new Engine(new Engine.Settings(Set.copyOf(keys), b.apiVersion, "acct_" + "1SimMlConnector0",
        b.seed, b.searchDelay, b.rateLimit, b.rateLimitShouldRetry, b.feeBasisPoints, b.feeFixed,
        b.settlementDelay, b.clock, Map.copyOf(b.restrictedReads), b.sendFinalizesDrafts));
    this.faults = b.faults != null ? b.faults : new FaultInjector();
    faults.exempt(r -> r.path().startsWith(Engine.CONTROL_PREFIX));
    this.server = SimServer.start(engine, faults, engine::serverError, b.threads);
  }

  /** A builder with test-mode defaults (one API key, no rate limit, no indexing delay). */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:<port>}: the API base for stripe-java ({@code setApiBase}). */
  public String baseUrl() {
    return server.baseUri().toString();
  }

  /** The first accepted API key. */
  public String apiKey() {
    return apiKey;
  }

  /** The API version events use when a request sent none. */
  public String apiVersion() {
    return apiVersion;
  }

  /** The fault injector (latency, 5xx, dropped connections, responses lost after commit). */
  public FaultInjector faults() {
    return faults;
  }

  /** Webhook endpoints, secrets and delivery controls. */
  public WebhookControls webhooks() {
    return engine.webhooks();
  }

  /** HTTP requests received so far (faulted and test-control ones included). */
  public long requestCount() {
    return server.requestCount();
  }

  /**
   * The next {@code count} API requests are answered {@code 429} with Stripe's {@code rate_limit}
   * error, whatever the configured rate.
   */
  public StripeSimulator rateLimitStorm(int count) {
    engine.rateLimiter().storm(count);
    return this;
  }

  /**
   * The next {@code count} API requests are answered with a Stripe error of this status (5xx:
   * {@code api_error}; 4xx: {@code invalid_request_error}) and {@code code} (may be null, e.g.
   * {@code lock_timeout} for a 409 or 429), without running; {@code shouldRetry} non-null sends
   * {@code Stripe-Should-Retry}. For exercising a client's retry rules (stripe-java retries 409 and
   * 5xx unless told not to).
   */
  public StripeSimulator failNextWith(int count, int status, String code, Boolean shouldRetry) {
    engine.scriptErrors(count, status, code, shouldRetry);
    return this;
  }

  /**
   * The next {@code count} API requests run (their effects land) and are then answered {@code 500
   * api_error}. Stripe stores a result once execution began, 500s included: a repeat with the same
   * {@code Idempotency-Key} replays the 500 (with {@code Idempotent-Replayed: true}) and never runs
   * again, so a client learns the outcome only by looking the object up. {@link #failNextWith}
   * fails before execution, and nothing is stored then.
   */
  public StripeSimulator failNextAfterExecution(int count) {
    engine.failAfterExecution(count);
    return this;
  }

  /** Changes the per-key requests-per-second limit (0 = unlimited). */
  public StripeSimulator rateLimit(int requestsPerSecond) {
    engine.rateLimiter().perSecond(requestsPerSecond);
    return this;
  }

  /**
   * The customer pays everything that remains on an open (or uncollectible) invoice by card: a
   * payment intent, a charge with its balance transaction (fee and net) and an invoice payment
   * are created, the invoice becomes {@code paid}, and {@code payment_intent.succeeded}, {@code
   * charge.succeeded}, {@code invoice.payment_succeeded} and {@code invoice.paid} are emitted.
   *
   * @return the charge id
   * @throws IllegalArgumentException if there is no such invoice
   * @throws IllegalStateException if the invoice is not open or uncollectible
   */
  public String payInvoice(String invoiceId) {
    return payInvoice(invoiceId, null);
  }

  /**
   * The customer pays {@code amount} (minor units; null: all that remains) of an open invoice. A
   * partial payment leaves the invoice open with a smaller {@code amount_remaining} (Stripe's
   * invoice partial payments); the last one marks it paid.
   *
   * @return the charge id
   */
  public String payInvoice(String invoiceId, Long amount) {
    Objects.requireNonNull(invoiceId, "invoiceId");
    if (amount != null && amount <= 0) {
      throw new IllegalArgumentException("amount must be positive, was " + amount);
    }
    engine.payInvoice(invoiceId, amount);
    return (String) engine.chargesOfInvoice(invoiceId).get(0).get("id");
  }

  /**
   * A card payment attempt on an open invoice is declined ({@code decline_code} generic_decline):
   * a failed charge, {@code charge.failed}, {@code payment_intent.payment_failed} and {@code
   * invoice.payment_failed}; the invoice stays open with one more {@code attempt_count}.
   */
  public void failInvoicePayment(String invoiceId) {
    engine.failInvoicePayment(Objects.requireNonNull(invoiceId, "invoiceId"), "generic_decline");
  }

  /** The charges made against an invoice, newest first (ids). */
  public List<String> chargesOfInvoice(String invoiceId) {
    List<String> ids = new ArrayList<>();
    for (Map<String, Object> c : engine.chargesOfInvoice(Objects.requireNonNull(invoiceId, "invoiceId"))) {
      ids.add((String) c.get("id"));
    }
    return ids;
  }

  /** Refunds what remains of a charge; returns the refund id. */
  public String refund(String chargeId) {
    return refund(chargeId, null);
  }

  /**
   * Refunds {@code amount} (null: all that remains) of a charge, as a refund from the Dashboard
   * would: a negative balance transaction, {@code charge.refunded} with {@code amount_refunded}.
   *
   * @return the refund id
   */
  public String refund(String chargeId, Long amount) {
    Objects.requireNonNull(chargeId, "chargeId");
    return (String) engine.refund(chargeId, amount, "requested_by_customer").get("id");
  }

  /** The cardholder disputes the whole charge ({@code fraudulent}); returns the dispute id. */
  public String openDispute(String chargeId) {
    return openDispute(chargeId, "fraudulent");
  }

  /**
   * The cardholder disputes a charge: the amount and a 15.00 dispute fee are withdrawn (a negative
   * balance transaction), {@code charge.dispute.created} is emitted.
   *
   * @return the dispute id
   */
  public String openDispute(String chargeId, String reason) {
    Objects.requireNonNull(chargeId, "chargeId");
    Objects.requireNonNull(reason, "reason");
    return (String) engine.openDispute(chargeId, reason, null).get("id");
  }

  /**
   * The network decides a dispute: won reinstates the funds (a positive balance transaction), lost
   * keeps them; {@code charge.dispute.closed} is emitted.
   */
  public void closeDispute(String disputeId, boolean won) {
    engine.closeDispute(Objects.requireNonNull(disputeId, "disputeId"), won);
  }

  /**
   * Pays out the available balance (charges settle after the settlement delay; see {@link
   * #advanceClock(Duration)}): one paid payout per currency, each with its own balance transaction;
   * the swept transactions are listed by {@code GET /v1/balance_transactions?payout=po_...}.
   *
   * @return the payout ids (empty when nothing is available)
   */
  public List<String> payOut() {
    return payOut(false);
  }

  /** Pays out; with {@code includePending}, pending balance transactions settle first. */
  public List<String> payOut(boolean includePending) {
    List<String> ids = new ArrayList<>();
    for (Map<String, Object> po : engine.payOut(includePending)) {
      ids.add((String) po.get("id"));
    }
    return ids;
  }

  /** Moves the simulated clock forward: settlement, auto-finalization and search indexing follow it. */
  public void advanceClock(Duration by) {
    engine.advanceClock(Objects.requireNonNull(by, "by"));
  }

  /** The simulated time. */
  public Instant now() {
    return Instant.ofEpochMilli(engine.clock().nowMillis());
  }

  /**
   * How many live objects of a type ({@code customer}, {@code invoice}, {@code invoiceitem}, {@code
   * charge}, {@code refund}, ...) carry {@code metadata[key] = value}.
   */
  public int countWithMetadata(String objectType, String key, String value) {
    Objects.requireNonNull(objectType, "objectType");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    return engine.count(objectType, o -> o.get("metadata") instanceof Map<?, ?> m && value.equals(m.get(key)));
  }

  /** How many live objects of a type match {@code filter} (applied to the object's JSON as maps). */
  public int count(String objectType, Predicate<Map<String, Object>> filter) {
    return engine.count(Objects.requireNonNull(objectType, "objectType"), Objects.requireNonNull(filter, "filter"));
  }

  /** A copy of an object's JSON (maps, lists, strings, longs, booleans), or null if unknown or deleted. */
  public Map<String, Object> object(String id) {
    return engine.object(Objects.requireNonNull(id, "id"));
  }

  /** Every event so far, oldest first, as JSON maps. */
  public List<Map<String, Object>> events() {
    return engine.events();
  }

  /** Stops the server and webhook delivery. */
  @Override
  public void close() {
    server.close();
    engine.close();
  }

  /** Configures a {@link StripeSimulator}. */
  public static final class Builder {
    private final Set<String> apiKeys = new LinkedHashSet<>();
    private final Map<String, Set<String>> restrictedReads = new java.util.LinkedHashMap<>();
    private String apiVersion = DEFAULT_API_VERSION;
    private long seed = 42;
    private Duration searchDelay = Duration.ZERO;
    private int rateLimit;
    private Boolean rateLimitShouldRetry;
    private long feeBasisPoints = 290;
    private long feeFixed = 30;
    private Duration settlementDelay = Duration.ofDays(2);
    private Clock clock = Clock.systemUTC();
    private FaultInjector faults;
    private int threads = 8;
    private boolean sendFinalizesDrafts = true;

    private Builder() {}

    /** Accepts this secret or restricted test key ({@code sk_test_...}/{@code rk_test_...}); repeatable. */
    public Builder apiKey(String key) {
      Objects.requireNonNull(key, "key");
      if (!key.matches("(sk|rk)_test_[A-Za-z0-9]+")) {
        throw new IllegalArgumentException("apiKey must look like sk_test_... or rk_test_... (letters and digits)");
      }
      apiKeys.add(key);
      return this;
    }

    /**
     * Also accepts a restricted key ({@code rk_test_...}) that may only read ({@code GET}) the
     * named resources, the first path segment after {@code /v1/} ({@code "account"}, {@code
     * "customers"}, {@code "invoices"}, {@code "events"} ...); any other request gets Stripe's
     * {@code 403} permission error. For testing a client's permission checks.
     */
    public Builder restrictedKey(String key, String... readableResources) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(readableResources, "readableResources");
      if (!key.matches("rk_test_[A-Za-z0-9]+")) {
        throw new IllegalArgumentException("restrictedKey must look like rk_test_... (letters and digits)");
      }
      for (String r : readableResources) {
        if (r == null || !r.matches("[a-z_]+")) {
          throw new IllegalArgumentException("readableResources must be path segments such as customers, was " + r);
        }
      }
      restrictedReads.put(key, Set.of(readableResources));
      return this;
    }

    /** The account's default API version (events of test-control calls use it). */
    public Builder apiVersion(String apiVersion) {
      Objects.requireNonNull(apiVersion, "apiVersion");
      if (!apiVersion.matches("\\d{4}-\\d{2}-\\d{2}(\\.[a-z]+)?")) {
        throw new IllegalArgumentException("apiVersion must look like 2026-07-29.dahlia, was " + apiVersion);
      }
      this.apiVersion = apiVersion;
      return this;
    }

    /** Seed of every generated id and shuffle, so a run can be replayed. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * How long (simulated time) a write takes to become visible to search; default zero. Stripe's
     * search is eventually consistent (normally under a minute), so a positive delay catches
     * clients that search right after writing.
     */
    public Builder searchIndexingDelay(Duration delay) {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative, was " + delay);
      }
      this.searchDelay = delay;
      return this;
    }

    /** Requests per second per API key before 429s (0 = unlimited, the default; Stripe test mode: 25). */
    public Builder rateLimit(int requestsPerSecond) {
      if (requestsPerSecond < 0) {
        throw new IllegalArgumentException("requestsPerSecond must be >= 0, was " + requestsPerSecond);
      }
      this.rateLimit = requestsPerSecond;
      return this;
    }

    /** Stripe's test-mode limit: 25 requests per second. */
    public Builder testModeRateLimit() {
      return rateLimit(25);
    }

    /**
     * The {@code Stripe-Should-Retry} header sent with 429 answers: null (default) sends none,
     * which the reference leaves open for real Stripe; stripe-java retries a 429 only when it is
     * {@code true}.
     */
    public Builder rateLimitShouldRetry(Boolean shouldRetry) {
      this.rateLimitShouldRetry = shouldRetry;
      return this;
    }

    /** Card fee: {@code basisPoints} of the amount plus {@code fixed} minor units (default 290 + 30). */
    public Builder cardFee(long basisPoints, long fixed) {
      if (basisPoints < 0 || fixed < 0) {
        throw new IllegalArgumentException("basisPoints and fixed must be >= 0");
      }
      this.feeBasisPoints = basisPoints;
      this.feeFixed = fixed;
      return this;
    }

    /** How long charges stay {@code pending} before they are available (default 2 days, simulated). */
    public Builder settlementDelay(Duration delay) {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative, was " + delay);
      }
      this.settlementDelay = delay;
      return this;
    }

    /** The base clock (default the system clock); {@link #advanceClock} adds to it. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Shares a fault injector (e.g. with other simulators); default a fresh one. The simulator sets
     * the injector's {@link FaultInjector#exempt exempt} predicate to its {@code /_sim/} control path.
     */
    public Builder faults(FaultInjector faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /**
     * What {@code POST /v1/invoices/{id}/send} does with a draft. True (the default) finalizes it
     * first and then sends it, as Stripe's API reference describes ("Stripe automatically
     * finalizes drafts before sending"); false answers {@code 400 invoice_not_editable} ("finalize
     * it first"), for testing a client against the stricter reading, which the project's
     * reference does not rule out.
     */
    public Builder sendFinalizesDrafts(boolean sendFinalizesDrafts) {
      this.sendFinalizesDrafts = sendFinalizesDrafts;
      return this;
    }

    /** Requests served at once (default 8). */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** Starts the simulator. */
    public StripeSimulator build() {
      return new StripeSimulator(this);
    }
  }
}
