package io.mlconnector.chargebee;

import io.mlconnector.chargebee.internal.CbErrorDecoder;
import io.mlconnector.chargebee.internal.CbJson;
import io.mlconnector.chargebee.internal.SlidingWindowBudget;
import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.RateBudgetConfig;
import io.mlconnector.core.http.Redactor;
import io.mlconnector.core.http.RequestOptions;
import io.mlconnector.core.http.TenantClient;
import io.mlconnector.core.http.TenantConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * A Chargebee (API v2) client for one tenant's site, on the project's OkHttp transport.
 *
 * <pre>{@code
 * ChargebeeClient cb = ChargebeeClient.create(transport, config);
 * ChargebeeResponse r = cb.post("invoices/create_for_charge_items_and_charges",
 *     ChargebeeForm.create().put("customer_id", "C-1").put("currency_code", "USD")
 *         .putList("charges", 0, "amount", 1250L).putList("charges", 0, "description", "Widget"),
 *     operationKey);                              // the chargebee-idempotency-key
 * ChargebeeResource invoice = r.get("invoice");
 * }</pre>
 *
 * <p><b>Requests.</b> HTTP Basic with the API key; bodies in Chargebee's form encoding ({@link
 * ChargebeeForm}); answers wrapped by resource name ({@link ChargebeeResponse}) or lists paged by
 * {@code next_offset} ({@link ChargebeePage}). Every POST carries {@code
 * chargebee-idempotency-key} (a random one when the caller gives none), so the transport may repeat
 * it after a 429, a 5xx or a lost answer; a replayed answer says so ({@link
 * ChargebeeResponse#replayed()}). Chargebee keeps keys for 30 minutes: past that window a repeat is
 * a new request, and callers needing exactly-once (the collector's sinks) look the record up by its
 * stamp first.
 *
 * <p><b>Limits.</b> A rate budget per credential id ({@link ChargebeeConfig}), {@code Retry-After}
 * honoured on 429 ({@code api_request_limit_exceeded}, {@code lock_timeout}), at most {@link
 * ChargebeeConfig#maxConcurrentCalls()} requests in flight.
 *
 * <p><b>Errors</b> map onto the core tree with Chargebee's {@code api_error_code} and message:
 * 400 {@link io.mlconnector.core.error.RejectedException}, 401/403 {@link AuthenticationException},
 * 404 {@link NotFoundException}, 409 {@link io.mlconnector.core.error.ConflictException}, 429
 * {@link io.mlconnector.core.error.RateLimitedException}, 5xx transient. Thread-safe, no static
 * state: one instance per tenant.
 */
public final class ChargebeeClient {
  /** The request header carrying the idempotency key. */
  public static final String IDEMPOTENCY_KEY_HEADER = "chargebee-idempotency-key";
  /** The answer header saying a stored answer was replayed. */
  public static final String REPLAYED_HEADER = "chargebee-idempotency-replayed";
  /** The system name. */
  public static final String SYSTEM = "chargebee";

  private final ChargebeeConfig config;
  private final TenantClient http;
  private final String authorization;
  private final Clock clock;

  private ChargebeeClient(HttpTransport transport, ChargebeeConfig config) {
    this.config = config;
    this.clock = transport.clock();
    RateBudgetConfig budget = RateBudgetConfig.builder(config.budgetLimit() / 60.0)
        .defaultPause(config.defaultRetryAfter)
        .maxWait(config.maxBudgetWait)
        .build();
    Redactor redactor = Redactor.builder().secrets(config.credentials.apiKey()).build();
    TenantConfig tc = TenantConfig.builder(SYSTEM, config.tenant, config.credentialId)
        .baseUrl(config.baseUrl)
        .readTimeout(config.readTimeout)
        .retryPolicy(config.retryPolicy)
        .rateBudget(budget)
        .errorDecoder(CbErrorDecoder.INSTANCE)
        .maxConcurrentCalls(config.maxConcurrentCalls)
        .redactor(redactor)
        .logLevel(config.logLevel)
        .build();
    // Chargebee's limit is a sliding window, which core's token bucket cannot follow without giving
    // up the first window's allowance: the credential's budget is this module's, registered first
    // so the transport's clients of the same credential share it.
    transport.rateBudgets().budget(tc.credentialKey(), k -> new SlidingWindowBudget(k, config.budgetLimit(),
        config.budgetWindow(), budget, transport.clock(), transport.sleeper(), transport.listener()));
    this.http = transport.newClient(tc);
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(
        (config.credentials.apiKey().reveal() + ":").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A client on {@code transport} (one per process) with {@code config}.
   *
   * @param transport the process's HTTP transport; the client's rate budget is registered in its
   *     registry under the config's credential id
   * @param config the tenant's settings
   * @return the client; it makes no request until called
   */
  public static ChargebeeClient create(HttpTransport transport, ChargebeeConfig config) {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(config, "config");
    return new ChargebeeClient(transport, config);
  }

  /**
   * The config.
   *
   * @return the settings this client was created with
   */
  public ChargebeeConfig config() {
    return config;
  }

  /**
   * {@code POST <path>} with a form body and {@code chargebee-idempotency-key}.
   *
   * @param path relative to {@code /api/v2/}, for example {@code customers}
   * @param form the body
   * @param idempotencyKey the key (at most 100 characters); null: a random UUID, which only makes
   *     the transport's own retries safe
   * @return the answer; {@link ChargebeeResponse#replayed()} tells a replayed one
   * @throws IllegalArgumentException if the key is blank or longer than 100 characters
   */
  public ChargebeeResponse post(String path, ChargebeeForm form, @Nullable String idempotencyKey) {
    Objects.requireNonNull(form, "form");
    String key = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
    if (key.isBlank() || key.length() > 100) {
      throw new IllegalArgumentException("idempotencyKey must be 1 to 100 characters, was " + key.length());
    }
    Request request = new Request.Builder().url(url(path))
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .header(IDEMPOTENCY_KEY_HEADER, key)
        .post(form.toBody())
        .tag(RequestOptions.class, RequestOptions.builder().operation("POST " + operationName(path)).build())
        .build();
    return http.execute(request, response -> CbJson.single(body(response),
        "true".equalsIgnoreCase(response.header(REPLAYED_HEADER))));
  }

  /**
   * {@code GET <path>}; empty on {@code 404 resource_not_found} (any other 404, such as {@code
   * site_not_found}, is thrown).
   *
   * @param path relative to {@code /api/v2/}, for example {@code customers/cus_1}
   * @return the answer, or empty when Chargebee answers {@code resource_not_found}
   */
  public Optional<ChargebeeResponse> get(String path) {
    Request request = new Request.Builder().url(url(path))
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .tag(RequestOptions.class, RequestOptions.builder().operation("GET " + operationName(path)).build())
        .build();
    try {
      return Optional.of(http.execute(request, response -> CbJson.single(body(response), false)));
    } catch (NotFoundException e) {
      if ("resource_not_found".equals(e.remoteCode())) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * {@code GET <path>} of a list of {@code resource} (the wrapper name) with {@code query}.
   *
   * @param path relative to {@code /api/v2/}, for example {@code invoices}
   * @param resource the wrapper name of each entry, for example {@code invoice}
   * @param query filters, sort, limit and offset
   * @return one page, with the offset of the next one
   */
  public ChargebeePage list(String path, String resource, ChargebeeQuery query) {
    Objects.requireNonNull(resource, "resource");
    HttpUrl.Builder u = url(path).newBuilder();
    for (String[] p : Objects.requireNonNull(query, "query").params()) {
      u.addQueryParameter(p[0], p[1]);
    }
    Request request = new Request.Builder().url(u.build())
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .tag(RequestOptions.class, RequestOptions.builder().operation("GET " + operationName(path)).build())
        .build();
    return http.execute(request, response -> CbJson.page(body(response), resource));
  }

  /**
   * Every {@code resource} whose {@code field} (a Unix-seconds attribute such as {@code
   * updated_at} or {@code occurred_at}) is at or after {@code sinceSeconds - readOverlap}, all
   * pages, ordered by ({@code field}, {@code id}).
   *
   * <p>Chargebee's {@code [after]} is strict and its timestamps have one-second resolution: a
   * reader that asks for "after the last value seen" skips records changed later in that same
   * second, and records whose change committed after the read began. Reaching back by {@link
   * ChargebeeConfig#readOverlap()} reads those again instead; the caller dedupes by id and {@code
   * resource_version} (the sync engine does so by operation key). Deleted records are included.
   *
   * @param path the list path, for example {@code invoices}
   * @param resource the wrapper name, for example {@code invoice}
   * @param field the watermark field
   * @param sinceSeconds the watermark: the largest {@code field} value already processed
   * @param filters further filters (no sort, limit or offset)
   * @param maxRecords stop after this many (the rest is read next time from the new watermark)
   * @return the records read, oldest first; possibly more than {@code maxRecords} (whole pages are
   *     kept)
   */
  public List<ChargebeeResource> readSince(String path, String resource, String field, long sinceSeconds,
      ChargebeeQuery filters, int maxRecords) {
    long after = sinceSeconds - config.readOverlap.getSeconds() - 1;
    ChargebeeQuery q = filters.filter(field, "after", Math.max(0, after)).sortAsc(field).limit(100);
    if (!"event".equals(resource)) {
      q = q.includeDeleted();
    }
    List<ChargebeeResource> out = new ArrayList<>();
    String offset = null;
    do {
      ChargebeePage page = list(path, resource, q.offset(offset));
      out.addAll(page.items());
      offset = page.nextOffset();
    } while (offset != null && out.size() < maxRecords);
    out.sort(Comparator.comparingLong((ChargebeeResource r) -> r.number(field, 0)).thenComparing(ChargebeeResource::id));
    return out;
  }

  /**
   * {@code GET /customers/{id}}.
   *
   * @param id the customer id
   * @return the customer, or empty when there is none
   */
  public Optional<ChargebeeResource> customer(String id) {
    return retrieve("customers", "customer", id);
  }

  /**
   * {@code GET /invoices/{id}}.
   *
   * @param id the invoice id
   * @return the invoice, or empty when there is none
   */
  public Optional<ChargebeeResource> invoice(String id) {
    return retrieve("invoices", "invoice", id);
  }

  /**
   * {@code GET /subscriptions/{id}}.
   *
   * @param id the subscription id
   * @return the subscription, or empty when there is none
   */
  public Optional<ChargebeeResource> subscription(String id) {
    return retrieve("subscriptions", "subscription", id);
  }

  /**
   * {@code GET /transactions/{id}}.
   *
   * @param id the transaction id
   * @return the transaction, or empty when there is none
   */
  public Optional<ChargebeeResource> transaction(String id) {
    return retrieve("transactions", "transaction", id);
  }

  /**
   * {@code GET /credit_notes/{id}}.
   *
   * @param id the credit note id
   * @return the credit note, or empty when there is none
   */
  public Optional<ChargebeeResource> creditNote(String id) {
    return retrieve("credit_notes", "credit_note", id);
  }

  /**
   * {@code GET /events/{id}}: the event as Chargebee recorded it (the only trustworthy copy).
   *
   * @param id the event id ({@code ev_...})
   * @return the event, or empty when there is none
   */
  public Optional<ChargebeeResource> event(String id) {
    return retrieve("events", "event", id);
  }

  private Optional<ChargebeeResource> retrieve(String path, String resource, String id) {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException(resource + " id must not be blank");
    }
    return get(path + "/" + encode(id)).map(r -> r.get(resource));
  }

  /**
   * Checks the site: reachable (an unauthenticated request answered by Chargebee, not {@code
   * site_not_found}), the API key accepted, one read, the event list, and the configured plan
   * limit (Chargebee does not expose the plan over the API, so this reports the configured value).
   * Each check carries its latency; a failed check says why, never with the key.
   *
   * @return the checks in the order they ran; the first failure ends the run except for the events
   *     check
   */
  public ChargebeePing ping() {
    List<ChargebeePing.Check> checks = new ArrayList<>();
    long t0 = System.nanoTime();
    try (Response r = http.execute(new Request.Builder().url(url("customers?limit=1"))
        .header("Accept", "application/json").build())) {
      String body = r.body() == null ? "" : r.body().string();
      boolean siteMissing = r.code() == 404 && body.contains("site_not_found");
      checks.add(new ChargebeePing.Check("site", !siteMissing, since(t0),
          siteMissing ? "site " + config.site + " not found" : "reachable (HTTP " + r.code() + ")"));
      if (siteMissing) {
        return new ChargebeePing(checks);
      }
    } catch (ConnectorException | java.io.IOException e) {
      checks.add(new ChargebeePing.Check("site", false, since(t0), describe(e)));
      return new ChargebeePing(checks);
    }
    long t1 = System.nanoTime();
    try {
      ChargebeePage p = list("customers", "customer", ChargebeeQuery.all().limit(1));
      checks.add(new ChargebeePing.Check("auth", true, since(t1), "API key accepted"));
      checks.add(new ChargebeePing.Check("read", true, since(t1), "customers readable (" + p.items().size()
          + " on the first page)"));
    } catch (AuthenticationException e) {
      checks.add(new ChargebeePing.Check("auth", false, since(t1), describe(e)));
      return new ChargebeePing(checks);
    } catch (ConnectorException e) {
      checks.add(new ChargebeePing.Check("auth", false, since(t1), describe(e)));
      return new ChargebeePing(checks);
    }
    long t2 = System.nanoTime();
    try {
      list("events", "event", ChargebeeQuery.all().limit(1));
      checks.add(new ChargebeePing.Check("events", true, since(t2), "event list readable (webhook backstop)"));
    } catch (ConnectorException e) {
      checks.add(new ChargebeePing.Check("events", false, since(t2), describe(e)));
    }
    checks.add(new ChargebeePing.Check("plan", true, Duration.ZERO, "configured limit " + config.requestsPerMinute
        + " requests/minute (not readable over the API), budget " + config.budgetLimit()
        + " in any " + config.budgetWindow().toSeconds() + " s"));
    return new ChargebeePing(checks);
  }

  private static Duration since(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  private static String describe(Exception e) {
    if (e instanceof ConnectorException ce) {
      return "HTTP " + ce.httpStatus() + " " + (ce.remoteCode() == null ? "" : ce.remoteCode() + ": ")
          + (ce.remoteMessage() == null ? ce.getClass().getSimpleName() : ce.remoteMessage());
    }
    return e.getClass().getSimpleName();
  }

  private HttpUrl url(String path) {
    Objects.requireNonNull(path, "path");
    if (path.startsWith("/") || path.contains("..")) {
      throw new IllegalArgumentException("path must be relative to /api/v2/, was " + path);
    }
    return http.url(path);
  }

  private static String operationName(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  static String encode(String id) {
    return HttpUrl.parse("http://x/").newBuilder().addPathSegment(id).build().encodedPath().substring(1);
  }

  private static String body(Response response) throws java.io.IOException {
    return response.body() == null ? "" : response.body().string();
  }

  /** Seconds now, on the transport's clock. */
  long nowSeconds() {
    return clock.millis() / 1000;
  }
}
