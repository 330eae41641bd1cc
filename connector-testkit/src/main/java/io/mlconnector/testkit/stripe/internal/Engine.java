package io.mlconnector.testkit.stripe.internal;

import io.mlconnector.testkit.SimClock;
import io.mlconnector.testkit.http.SimHandler;
import io.mlconnector.testkit.http.SimRequest;
import io.mlconnector.testkit.http.SimResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * The simulator's request pipeline (authentication, rate limit, idempotency, routing, Stripe's
 * error JSON) and the operations behind its test-control API. One lock (the store) serialises
 * every change, so the simulated account is always consistent.
 */
public final class Engine implements SimHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(\\.[a-z]+)?");
  /** Path prefix of the HTTP test-control API (never faulted, rate limited or authenticated). */
  public static final String CONTROL_PREFIX = "/_sim/";

  /** Everything the engine is configured with. */
  public record Settings(
      Set<String> apiKeys,
      String apiVersion,
      String accountId,
      long seed,
      Duration searchDelay,
      int rateLimitPerSecond,
      @Nullable Boolean rateLimitShouldRetry,
      long feeBasisPoints,
      long feeFixed,
      Duration settlementDelay,
      Clock clock,
      Map<String, Set<String>> restrictedReads,
      boolean sendFinalizesDrafts) {}

  private final Settings settings;
  private final SimClock clock;
  private final Store store;
  private final CustomerApi customers;
  private final InvoiceApi invoices;
  private final PaymentApi payments;
  private final CreditNoteApi creditNotes;
  private final IdempotencyStore idempotency;
  private final RateLimiter rateLimiter;
  private final WebhookDispatcher webhooks;
  private final Random requestIds;
  private final ControlApi control;
  private final ArrayDeque<ScriptedError> scripted = new ArrayDeque<>();

  /** A Stripe error answered instead of running the next API request. */
  private record ScriptedError(int status, String type, @Nullable String code, @Nullable Boolean shouldRetry) {}

  private int failAfterExecution;

  /** An engine with a fresh, empty account. */
  public Engine(Settings settings) {
    this.settings = settings;
    this.clock = new SimClock(settings.clock());
    this.store = new Store(clock, settings.seed(), settings.searchDelay(), settings.accountId());
    this.customers = new CustomerApi(store);
    this.invoices = new InvoiceApi(store, settings.sendFinalizesDrafts());
    this.payments = new PaymentApi(store, settings.feeBasisPoints(), settings.feeFixed(),
        settings.settlementDelay().toSeconds());
    invoices.payments(payments);
    this.creditNotes = new CreditNoteApi(store, invoices);
    creditNotes.payments(payments);
    this.idempotency = new IdempotencyStore(clock::millis);
    this.rateLimiter = new RateLimiter(settings.rateLimitPerSecond(), System::nanoTime);
    this.webhooks = new WebhookDispatcher(clock, store, settings.seed() + 1);
    store.onEvent(webhooks::onEvent);
    this.requestIds = new Random(settings.seed() + 2);
    this.control = new ControlApi(this);
  }

  /** Webhook endpoints and delivery controls. */
  public WebhookDispatcher webhooks() {
    return webhooks;
  }

  /** The rate limiter. */
  public RateLimiter rateLimiter() {
    return rateLimiter;
  }

  /** The simulated clock. */
  public SimClock clock() {
    return clock;
  }

  /** The idempotency store. */
  public IdempotencyStore idempotency() {
    return idempotency;
  }

  // ---------------------------------------------------------------- request pipeline

  @Override
  public SimResponse handle(SimRequest request) {
    String requestId = nextRequestId();
    if (request.path().startsWith(CONTROL_PREFIX)) {
      return control.handle(request, requestId);
    }
    String apiKey = apiKey(request);
    if (apiKey == null || !(settings.apiKeys().contains(apiKey) || settings.restrictedReads().containsKey(apiKey))) {
      String message = apiKey == null || apiKey.isEmpty()
          ? "You did not provide an API key. You need to provide your API key in the Authorization header, "
              + "using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."
          : "Invalid API Key provided: " + mask(apiKey);
      return error(401, ApiError.body("invalid_request_error", null, null, message, requestId), requestId, null)
          .withHeader("WWW-Authenticate", "Bearer realm=\"Stripe\"");
    }
    Set<String> readable = settings.restrictedReads().get(apiKey);
    if (readable != null && !settings.apiKeys().contains(apiKey)) {
      String[] parts = request.path().split("/");
      String resource = parts.length > 2 ? parts[2] : "";
      if (!request.method().equals("GET") || !readable.contains(resource)) {
        String permission = "rak_" + (resource.endsWith("s") ? resource.substring(0, resource.length() - 1) : resource)
            + (request.method().equals("GET") ? "_read" : "_write");
        return error(403, ApiError.body("invalid_request_error", null, null,
            "The provided key '" + mask(apiKey) + "' does not have the required permissions for this endpoint on account '"
                + settings.accountId() + "'. Having the '" + permission + "' permission would allow this request to continue.",
            requestId), requestId, null);
      }
    }
    String version = request.header("Stripe-Version");
    if (version != null && !VERSION.matcher(version).matches()) {
      return error(400, ApiError.body("invalid_request_error", null, null,
          "Invalid Stripe API version: " + version, requestId), requestId, null);
    }
    String apiVersion = version != null ? version : settings.apiVersion();
    if (!rateLimiter.tryAcquire(apiKey)) {
      SimResponse r = error(429, ApiError.body("invalid_request_error", "rate_limit", null,
          "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.",
          requestId), requestId, apiVersion).withHeader("Stripe-Rate-Limited-Reason", "global-rate");
      if (settings.rateLimitShouldRetry() != null) {
        r = r.withHeader("Stripe-Should-Retry", settings.rateLimitShouldRetry().toString());
      }
      return r;
    }
    ScriptedError scriptedError = nextScripted();
    if (scriptedError != null) {
      SimResponse r = error(scriptedError.status(), ApiError.body(scriptedError.type(), scriptedError.code(), null,
          "Simulated Stripe error (" + scriptedError.status() + ").", requestId), requestId, apiVersion);
      return scriptedError.shouldRetry() == null ? r
          : r.withHeader("Stripe-Should-Retry", scriptedError.shouldRetry().toString());
    }
    String method = request.method();
    Params params;
    try {
      params = Params.decode(method.equals("POST") ? request.form() : request.query());
    } catch (ApiError e) {
      return error(e.status(), e.body(requestId), requestId, apiVersion);
    }
    String key = method.equals("POST") ? request.header("Idempotency-Key") : null;
    if (key != null) {
      if (key.length() > 255) {
        return error(400, ApiError.body("invalid_request_error", null, null,
            "Idempotency keys can be no longer than 255 characters.", requestId), requestId, apiVersion);
      }
      String fingerprint = method + " " + request.path() + " " + Json.write(sorted(params.tree()));
      IdempotencyStore.Outcome outcome = idempotency.begin(apiKey, key, fingerprint);
      switch (outcome.verdict()) {
        case REPLAY:
          return outcome.stored().withHeader("Request-Id", requestId).withHeader("Idempotent-Replayed", "true");
        case MISMATCH:
          return error(400, ApiError.body("idempotency_error", null, null,
              "Keys for idempotent requests can only be used with the same parameters they were first used "
                  + "with. Try using a key other than '" + key + "' if you meant to execute a different request.",
              requestId), requestId, apiVersion).withHeader("Idempotency-Key", key);
        case IN_USE:
          return error(409, ApiError.body("invalid_request_error", "idempotency_key_in_use", null,
              "There is currently another in-progress request using this Idempotent Key (that probably means "
                  + "you submitted twice, and the other request is still going through): " + key
                  + ". Please try again later.", requestId), requestId, apiVersion)
              .withHeader("Idempotency-Key", key);
        default:
          break;
      }
    }
    Ctx ctx = new Ctx(requestId, key, apiVersion);
    SimResponse response;
    boolean keep = true;
    try {
      Map<String, Object> body;
      synchronized (store) {
        tick(ctx);
        body = route(ctx, method, request.path(), params);
      }
      response = body == null
          ? notFoundRoute(method, request.path(), requestId, apiVersion)
          : json(200, body, requestId, apiVersion);
      keep = body != null;
      if (body != null && takeFailAfterExecution()) {
        // execution began (and here, finished): Stripe stores the 500 for the key and replays it
        response = error(500, ApiError.body("api_error", null, null,
            "An unknown error occurred while processing the request (simulated).", requestId),
            requestId, apiVersion);
      }
    } catch (ApiError e) {
      keep = e.stored();
      response = error(e.status(), e.body(requestId), requestId, apiVersion);
    } catch (RuntimeException e) {
      LOG.warn("Stripe simulator failed on {} {}", method, request.path(), e);
      response = error(500, ApiError.body("api_error", null, null,
          "An unknown error occurred in the simulator: " + e, requestId), requestId, apiVersion);
    }
    LOG.debug("{} {} -> {} ({})", method, request.path(), response.status(), requestId);
    if (key != null) {
      response = response.withHeader("Idempotency-Key", key);
      if (keep) {
        idempotency.complete(apiKey, key, response);
      } else {
        idempotency.abandon(apiKey, key);
      }
    }
    return response;
  }

  private @Nullable Map<String, Object> route(Ctx ctx, String method, String path, Params p) {
    List<String> segments = new ArrayList<>(Arrays.asList(path.split("/")));
    segments.remove(0); // leading empty segment
    if (segments.size() < 2 || !segments.get(0).equals("v1")) {
      return null;
    }
    Map<String, Object> out = customers.route(ctx, method, segments, p);
    if (out == null) {
      out = invoices.route(ctx, method, segments, p);
    }
    if (out == null) {
      out = payments.route(ctx, method, segments, p);
    }
    if (out == null) {
      out = creditNotes.route(ctx, method, segments, p);
    }
    if (out == null && segments.get(1).equals("events") && method.equals("GET")) {
      out = events(segments, p);
    }
    if (out == null && segments.size() == 2 && segments.get(1).equals("account") && method.equals("GET")) {
      out = account(p);
    }
    return out;
  }

  /** {@code GET /v1/account}: the account the API key belongs to (what a client's ping reads). */
  private Map<String, Object> account(Params p) {
    p.allow();
    Map<String, Object> account = new java.util.LinkedHashMap<>();
    account.put("id", store.accountId);
    account.put("object", "account");
    account.put("type", "standard");
    account.put("country", "US");
    account.put("default_currency", "usd");
    account.put("charges_enabled", true);
    account.put("payouts_enabled", true);
    account.put("details_submitted", true);
    account.put("created", clock.instant().getEpochSecond());
    return account;
  }

  private @Nullable Map<String, Object> events(List<String> path, Params p) {
    if (path.size() == 3) {
      p.allow();
      return store.render(store.require("event", path.get(2)), p.expand());
    }
    if (path.size() != 2) {
      return null;
    }
    p.allow("type", "types", "created", "delivery_success", "limit", "starting_after", "ending_before");
    String type = p.string("type");
    List<String> types = p.stringList("types");
    if (type != null && !types.isEmpty()) {
      throw ApiError.invalid(null, "types", "You may only specify one of these parameters: type, types.");
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (Map<String, Object> e : store.all("event")) {
      String t = (String) e.get("type");
      if (type != null && !matchesType(type, t)) {
        continue;
      }
      if (!types.isEmpty() && types.stream().noneMatch(x -> matchesType(x, t))) {
        continue;
      }
      if (Filters.created(p, e)) {
        items.add(e);
      }
    }
    return store.page(items, p, "/v1/events");
  }

  private static boolean matchesType(String pattern, String type) {
    return pattern.equals(type)
        || (pattern.endsWith(".*") && type.startsWith(pattern.substring(0, pattern.length() - 1)));
  }

  private void tick(Ctx ctx) {
    payments.tick();
    invoices.tick(Ctx.control(ctx.apiVersion()));
  }

  // ---------------------------------------------------------------- responses

  private synchronized String nextRequestId() {
    StringBuilder b = new StringBuilder("req_");
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    for (int i = 0; i < 14; i++) {
      b.append(alphabet.charAt(requestIds.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private SimResponse json(int status, Map<String, Object> body, String requestId, @Nullable String apiVersion) {
    SimResponse r = SimResponse.json(status, Json.write(body)).withHeader("Request-Id", requestId);
    return apiVersion == null ? r : r.withHeader("Stripe-Version", apiVersion);
  }

  private SimResponse error(int status, Map<String, Object> body, String requestId, @Nullable String apiVersion) {
    return json(status, body, requestId, apiVersion);
  }

  private SimResponse notFoundRoute(String method, String path, String requestId, String apiVersion) {
    return error(404, ApiError.body("invalid_request_error", null, null,
        "Unrecognized request URL (" + method + ": " + path + "). Please see https://stripe.com/docs or we can "
            + "help at https://support.stripe.com/.", requestId), requestId, apiVersion);
  }

  /** The body of an injected 5xx (SERVER_ERROR fault) or a handler crash. */
  public SimResponse serverError(@Nullable Exception cause) {
    String requestId = nextRequestId();
    return SimResponse.json(500, Json.write(ApiError.body("api_error", null, null,
            "An unknown error occurred while processing this request.", requestId)))
        .withHeader("Request-Id", requestId);
  }

  private static @Nullable String apiKey(SimRequest request) {
    String auth = request.header("Authorization");
    if (auth == null) {
      return null;
    }
    if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return auth.substring(7).trim();
    }
    if (auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? decoded : decoded.substring(0, colon);
      } catch (IllegalArgumentException e) {
        return "";
      }
    }
    return "";
  }

  /** Masks a key as Stripe does in its 401 message: only the last four characters stay. */
  static String mask(String key) {
    int keep = Math.min(4, key.length());
    int prefixEnd = key.startsWith("sk_test_") || key.startsWith("rk_test_") ? 8 : 0;
    StringBuilder b = new StringBuilder(key.substring(0, Math.min(prefixEnd, key.length() - keep)));
    for (int i = b.length(); i < key.length() - keep; i++) {
      b.append('*');
    }
    return b.append(key.substring(key.length() - keep)).toString();
  }

  @SuppressWarnings("unchecked")
  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new TreeMap<>();
      m.forEach((k, v) -> out.put((String) k, sorted(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) {
        out.add(sorted(o));
      }
      return out;
    }
    return value;
  }

  // ---------------------------------------------------------------- test-control operations

  private synchronized ScriptedError nextScripted() {
    return scripted.pollFirst();
  }

  private synchronized boolean takeFailAfterExecution() {
    if (failAfterExecution > 0) {
      failAfterExecution--;
      return true;
    }
    return false;
  }

  /**
   * The next {@code count} API requests run (their effects land) and are then answered {@code 500
   * api_error}; with an {@code Idempotency-Key} the 500 is stored and replayed for that key, as
   * Stripe does once execution began.
   */
  public synchronized void failAfterExecution(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    failAfterExecution += count;
  }

  /**
   * The next {@code count} API requests (after authentication and rate limiting, before anything
   * runs) are answered with this error; {@code shouldRetry} sets {@code Stripe-Should-Retry}.
   */
  public synchronized void scriptErrors(int count, int status, @Nullable String code, @Nullable Boolean shouldRetry) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be a 4xx or 5xx, was " + status);
    }
    String type = status >= 500 ? "api_error" : "invalid_request_error";
    for (int i = 0; i < count; i++) {
      scripted.addLast(new ScriptedError(status, type, code, shouldRetry));
    }
  }

  private Ctx controlCtx() {
    return Ctx.control(settings.apiVersion());
  }

  /** Runs {@code op} under the lock, turning API errors into IllegalStateException/IllegalArgumentException. */
  private <T> T locked(Supplier<T> op) {
    synchronized (store) {
      try {
        tick(controlCtx());
        return op.get();
      } catch (ApiError e) {
        if (e.status() == 404 || "resource_missing".equals(e.code())) {
          throw new IllegalArgumentException(e.getMessage(), e);
        }
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
  }

  /** Pays {@code amount} (null: all that remains) of an open invoice by card; returns the invoice JSON. */
  public Map<String, Object> payInvoice(String invoiceId, @Nullable Long amount) {
    return locked(() -> {
      Map<String, Object> inv = store.require("invoice", invoiceId);
      long value = amount == null ? (Long) inv.get("amount_remaining") : amount;
      return Json.copy(invoices.collect(controlCtx(), inv, value));
    });
  }

  /** A declined card payment attempt on an open invoice. */
  public Map<String, Object> failInvoicePayment(String invoiceId, String declineCode) {
    return locked(() -> Json.copy(invoices.recordFailure(controlCtx(), store.require("invoice", invoiceId),
        "card_declined", declineCode)));
  }

  /** The charges that paid an invoice, newest first. */
  public List<Map<String, Object>> chargesOfInvoice(String invoiceId) {
    return locked(() -> {
      store.require("invoice", invoiceId);
      List<Map<String, Object>> out = new ArrayList<>();
      for (Map<String, Object> c : store.all("charge")) {
        if (invoiceId.equals(store.hidden((String) c.get("id")).get("invoice"))) {
          out.add(Json.copy(c));
        }
      }
      return out;
    });
  }

  /** Refunds {@code amount} (null: the rest) of a charge. */
  public Map<String, Object> refund(String chargeId, @Nullable Long amount, @Nullable String reason) {
    return locked(() -> Json.copy(payments.refund(controlCtx(), store.require("charge", chargeId), amount, reason, null)));
  }

  /** Opens a dispute on a charge. */
  public Map<String, Object> openDispute(String chargeId, @Nullable String reason, @Nullable Long amount) {
    return locked(() -> Json.copy(payments.openDispute(controlCtx(), store.require("charge", chargeId), reason,
        amount)));
  }

  /** Closes a dispute as won or lost. */
  public Map<String, Object> closeDispute(String disputeId, boolean won) {
    return locked(() -> Json.copy(payments.closeDispute(controlCtx(), store.require("dispute", disputeId), won)));
  }

  /** Pays out the available (optionally also the pending) balance; one payout per currency. */
  public List<Map<String, Object>> payOut(boolean includePending) {
    return locked(() -> {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Map<String, Object> po : payments.payOut(controlCtx(), includePending)) {
        out.add(Json.copy(po));
      }
      return out;
    });
  }

  /** Moves the simulated clock forward (and runs what became due: settlement, auto-finalization). */
  public void advanceClock(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("by must not be negative, was " + by);
    }
    clock.advance(by);
    locked(() -> null);
  }

  /** Live objects of a type ({@code customer}, {@code invoice}, ...) matching a filter. */
  public int count(String type, Predicate<Map<String, Object>> filter) {
    return locked(() -> store.count(type, filter));
  }

  /** A copy of one object by id, or null. */
  public @Nullable Map<String, Object> object(String id) {
    return locked(() -> {
      Map<String, Object> o = store.get(id);
      return o == null || store.isDeleted(id) ? null : Json.copy(o);
    });
  }

  /** Every event so far, oldest first. */
  public List<Map<String, Object>> events() {
    return locked(() -> {
      List<Map<String, Object>> all = new ArrayList<>();
      for (Map<String, Object> e : store.all("event")) {
        all.add(0, Json.copy(e));
      }
      return all;
    });
  }

  /** Serialises a control result for the HTTP control API. */
  static String toJson(Object value) {
    return Json.write(value);
  }

  /** An unmodifiable view helper for control results. */
  static Map<String, Object> result(String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(key, value);
    return m;
  }

  /** Shuts down webhook delivery. */
  public void close() {
    webhooks.close();
  }
}
