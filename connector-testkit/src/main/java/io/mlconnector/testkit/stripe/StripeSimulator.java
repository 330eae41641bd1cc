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
import org.jspecify.annotations.Nullable;

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
 *
 * <p>The test-control methods throw {@link IllegalArgumentException} when the object they name
 * does not exist and {@link IllegalStateException} when Stripe would refuse the change (an invoice
 * that is not open, a charge already fully refunded).
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

  /**
   * A builder with test-mode defaults (one API key, no rate limit, no indexing delay).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The API base for stripe-java ({@code setApiBase}).
   *
   * @return {@code http://127.0.0.1:<port>}, without a trailing slash
   */
  public String baseUrl() {
    return server.baseUri().toString();
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
   * The API version events use when a request sent none.
   *
   * @return the builder's API version, {@link #DEFAULT_API_VERSION} by default
   */
  public String apiVersion() {
    return apiVersion;
  }

  /**
   * The fault injector (latency, 5xx, dropped connections, responses lost after commit).
   *
   * @return the injector; requests under {@code /_sim/} are exempt from it
   */
  public FaultInjector faults() {
    return faults;
  }

  /**
   * Webhook endpoints, secrets and delivery controls.
   *
   * @return the controls of this simulator's webhooks
   */
  public WebhookControls webhooks() {
    return engine.webhooks();
  }

  /**
   * HTTP requests received so far (faulted and test-control ones included).
   *
   * @return the count since start
   */
  public long requestCount() {
    return server.requestCount();
  }

  /**
   * The next {@code count} API requests are answered {@code 429} with Stripe's {@code rate_limit}
   * error, whatever the configured rate.
   *
   * @param count how many requests; adds to a storm still running
   * @return this simulator
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
   *
   * @param count how many requests (not negative)
   * @param status the HTTP status, 400 to 599
   * @param code Stripe's error {@code code}, or null for none
   * @param shouldRetry the {@code Stripe-Should-Retry} value, or null to send no such header
   * @return this simulator
   * @throws IllegalArgumentException if {@code count} is negative or {@code status} is not a 4xx or
   *     5xx
   */
  public StripeSimulator failNextWith(
      int count, int status, @Nullable String code, @Nullable Boolean shouldRetry) {
    engine.scriptErrors(count, status, code, shouldRetry);
    return this;
  }

  /**
   * The next {@code count} API requests run (their effects land) and are then answered {@code 500
   * api_error}. Stripe stores a result once execution began, 500s included: a repeat with the same
   * {@code Idempotency-Key} replays the 500 (with {@code Idempotent-Replayed: true}) and never runs
   * again, so a client learns the outcome only by looking the object up. {@link #failNextWith}
   * fails before execution, and nothing is stored then.
   *
   * @param count how many requests; adds to those still scripted
   * @return this simulator
   */
  public StripeSimulator failNextAfterExecution(int count) {
    engine.failAfterExecution(count);
    return this;
  }

  /**
   * Changes the per-key requests-per-second limit while the simulator runs.
   *
   * @param requestsPerSecond requests per second per API key; 0 for unlimited
   * @return this simulator
   */
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
   * @param invoiceId the invoice ({@code in_...})
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
   * @param invoiceId the invoice ({@code in_...})
   * @param amount the amount in the invoice currency's minor units, or null for all that remains
   * @return the charge id
   * @throws IllegalArgumentException if {@code amount} is not positive or there is no such invoice
   * @throws IllegalStateException if the invoice is not open or uncollectible
   */
  public String payInvoice(String invoiceId, @Nullable Long amount) {
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
   *
   * @param invoiceId the invoice ({@code in_...})
   */
  public void failInvoicePayment(String invoiceId) {
    engine.failInvoicePayment(Objects.requireNonNull(invoiceId, "invoiceId"), "generic_decline");
  }

  /**
   * The charges made against an invoice, failed ones included.
   *
   * @param invoiceId the invoice ({@code in_...})
   * @return the charge ids, newest first; empty when none was made
   * @throws IllegalArgumentException if there is no such invoice
   */
  public List<String> chargesOfInvoice(String invoiceId) {
    List<String> ids = new ArrayList<>();
    for (Map<String, Object> c : engine.chargesOfInvoice(Objects.requireNonNull(invoiceId, "invoiceId"))) {
      ids.add((String) c.get("id"));
    }
    return ids;
  }

  /**
   * Refunds what remains of a charge.
   *
   * @param chargeId the charge ({@code ch_...})
   * @return the refund id
   */
  public String refund(String chargeId) {
    return refund(chargeId, null);
  }

  /**
   * Refunds {@code amount} (null: all that remains) of a charge, as a refund from the Dashboard
   * would: a negative balance transaction, {@code charge.refunded} with {@code amount_refunded}.
   *
   * @param chargeId the charge ({@code ch_...})
   * @param amount the amount in the charge currency's minor units, or null for all that remains
   * @return the refund id
   */
  public String refund(String chargeId, @Nullable Long amount) {
    Objects.requireNonNull(chargeId, "chargeId");
    return (String) engine.refund(chargeId, amount, "requested_by_customer").get("id");
  }

  /**
   * The cardholder disputes the whole charge ({@code fraudulent}).
   *
   * @param chargeId the charge ({@code ch_...})
   * @return the dispute id
   */
  public String openDispute(String chargeId) {
    return openDispute(chargeId, "fraudulent");
  }

  /**
   * The cardholder disputes a charge: the amount and a 15.00 dispute fee are withdrawn (a negative
   * balance transaction), {@code charge.dispute.created} is emitted.
   *
   * @param chargeId the charge ({@code ch_...}); the whole of it is disputed
   * @param reason Stripe's dispute reason, for example {@code fraudulent} or {@code duplicate}
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
   *
   * @param disputeId the dispute ({@code dp_...})
   * @param won true if the merchant won
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

  /**
   * Pays out the balance, one paid payout per currency.
   *
   * @param includePending true to settle pending balance transactions first, so they are paid out
   *     too
   * @return the payout ids (empty when nothing is available)
   */
  public List<String> payOut(boolean includePending) {
    List<String> ids = new ArrayList<>();
    for (Map<String, Object> po : engine.payOut(includePending)) {
      ids.add((String) po.get("id"));
    }
    return ids;
  }

  /**
   * Moves the simulated clock forward: settlement, auto-finalization and search indexing follow it.
   *
   * @param by how far (not negative)
   * @throws IllegalArgumentException if {@code by} is negative
   */
  public void advanceClock(Duration by) {
    engine.advanceClock(Objects.requireNonNull(by, "by"));
  }

  /**
   * The simulated time.
   *
   * @return the base clock's time plus every {@link #advanceClock advance}
   */
  public Instant now() {
    return Instant.ofEpochMilli(engine.clock().millis());
  }

  /**
   * How many live objects of a type ({@code customer}, {@code invoice}, {@code invoiceitem}, {@code
   * charge}, {@code refund}, ...) carry {@code metadata[key] = value}.
   *
   * @param objectType Stripe's {@code object} name of the type
   * @param key the metadata key
   * @param value the metadata value, compared exactly
   * @return the count; 0 for an unknown type
   */
  public int countWithMetadata(String objectType, String key, String value) {
    Objects.requireNonNull(objectType, "objectType");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    return engine.count(objectType, o -> o.get("metadata") instanceof Map<?, ?> m && value.equals(m.get(key)));
  }

  /**
   * How many live objects of a type match {@code filter}.
   *
   * @param objectType Stripe's {@code object} name of the type, for example {@code invoice}
   * @param filter tests the object's JSON as maps (maps, lists, strings, longs, booleans)
   * @return the count; 0 for an unknown type
   */
  public int count(String objectType, Predicate<Map<String, Object>> filter) {
    return engine.count(Objects.requireNonNull(objectType, "objectType"), Objects.requireNonNull(filter, "filter"));
  }

  /**
   * A copy of an object's JSON.
   *
   * @param id the object's id, for example {@code cus_...}
   * @return its JSON as maps, lists, strings, longs and booleans, or null if unknown or deleted
   */
  public @Nullable Map<String, Object> object(String id) {
    return engine.object(Objects.requireNonNull(id, "id"));
  }

  /**
   * Every event so far.
   *
   * @return copies of the events' JSON, oldest first
   */
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
    private @Nullable Boolean rateLimitShouldRetry;
    private long feeBasisPoints = 290;
    private long feeFixed = 30;
    private Duration settlementDelay = Duration.ofDays(2);
    private Clock clock = Clock.systemUTC();
    private @Nullable FaultInjector faults;
    private int threads = 8;
    private boolean sendFinalizesDrafts = true;

    private Builder() {}

    /**
     * Accepts this secret or restricted test key; repeatable. The first key given is {@link
     * StripeSimulator#apiKey()}; with none, {@link #DEFAULT_API_KEY} is accepted.
     *
     * @param key {@code sk_test_...} or {@code rk_test_...}, letters and digits after the prefix
     * @return this builder
     * @throws IllegalArgumentException if the key does not look like a test key
     */
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
     *
     * @param key {@code rk_test_...}, letters and digits after the prefix
     * @param readableResources path segments of lower-case letters and underscores; none makes a
     *     key that can read nothing
     * @return this builder
     * @throws IllegalArgumentException if the key or a resource is malformed
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

    /**
     * The account's default API version (events of test-control calls use it).
     *
     * @param apiVersion a version such as {@code 2026-07-29.dahlia}; default {@link
     *     #DEFAULT_API_VERSION}
     * @return this builder
     * @throws IllegalArgumentException if it does not look like a Stripe API version
     */
    public Builder apiVersion(String apiVersion) {
      Objects.requireNonNull(apiVersion, "apiVersion");
      if (!apiVersion.matches("\\d{4}-\\d{2}-\\d{2}(\\.[a-z]+)?")) {
        throw new IllegalArgumentException("apiVersion must look like 2026-07-29.dahlia, was " + apiVersion);
      }
      this.apiVersion = apiVersion;
      return this;
    }

    /**
     * Seed of every generated id and shuffle, so a run can be replayed.
     *
     * @param seed the seed; default 42
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * How long (simulated time) a write takes to become visible to search; default zero. Stripe's
     * search is eventually consistent (normally under a minute), so a positive delay catches
     * clients that search right after writing.
     *
     * @param delay the delay in simulated time, not negative
     * @return this builder
     */
    public Builder searchIndexingDelay(Duration delay) {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative, was " + delay);
      }
      this.searchDelay = delay;
      return this;
    }

    /**
     * Requests per second per API key before 429s.
     *
     * @param requestsPerSecond the limit; 0 (the default) for unlimited; Stripe test mode allows 25
     * @return this builder
     */
    public Builder rateLimit(int requestsPerSecond) {
      if (requestsPerSecond < 0) {
        throw new IllegalArgumentException("requestsPerSecond must be >= 0, was " + requestsPerSecond);
      }
      this.rateLimit = requestsPerSecond;
      return this;
    }

    /**
     * Stripe's test-mode limit: 25 requests per second per API key.
     *
     * @return this builder
     */
    public Builder testModeRateLimit() {
      return rateLimit(25);
    }

    /**
     * The {@code Stripe-Should-Retry} header sent with 429 answers: null (default) sends none,
     * which the reference leaves open for real Stripe; stripe-java retries a 429 only when it is
     * {@code true}.
     *
     * @param shouldRetry the header's value, or null for no header
     * @return this builder
     */
    public Builder rateLimitShouldRetry(@Nullable Boolean shouldRetry) {
      this.rateLimitShouldRetry = shouldRetry;
      return this;
    }

    /**
     * The card fee each charge's balance transaction carries.
     *
     * @param basisPoints the share of the amount in hundredths of a percent; default 290 (2.9%)
     * @param fixed the fixed part in minor units of the charge currency; default 30
     * @return this builder
     * @throws IllegalArgumentException if either is negative
     */
    public Builder cardFee(long basisPoints, long fixed) {
      if (basisPoints < 0 || fixed < 0) {
        throw new IllegalArgumentException("basisPoints and fixed must be >= 0");
      }
      this.feeBasisPoints = basisPoints;
      this.feeFixed = fixed;
      return this;
    }

    /**
     * How long charges stay {@code pending} before they are available.
     *
     * @param delay the delay in simulated time, not negative; default 2 days
     * @return this builder
     */
    public Builder settlementDelay(Duration delay) {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative, was " + delay);
      }
      this.settlementDelay = delay;
      return this;
    }

    /**
     * The base clock; {@link StripeSimulator#advanceClock} adds to it.
     *
     * @param clock the clock; default the system clock (UTC)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Shares a fault injector (e.g. with other simulators); default a fresh one. The simulator sets
     * the injector's {@link FaultInjector#exempt exempt} predicate to its {@code /_sim/} control path.
     *
     * @param faults the injector to use
     * @return this builder
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
     *
     * @param sendFinalizesDrafts whether sending a draft finalizes it
     * @return this builder
     */
    public Builder sendFinalizesDrafts(boolean sendFinalizesDrafts) {
      this.sendFinalizesDrafts = sendFinalizesDrafts;
      return this;
    }

    /**
     * Requests served at once.
     *
     * @param threads worker threads, at least 1; default 8
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Starts the simulator on a free loopback port.
     *
     * @return the running simulator; close it to stop it
     */
    public StripeSimulator build() {
      return new StripeSimulator(this);
    }
  }
}
