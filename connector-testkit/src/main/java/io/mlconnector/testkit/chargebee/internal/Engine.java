package io.mlconnector.testkit.chargebee.internal;

import io.mlconnector.testkit.SimClock;
import io.mlconnector.testkit.http.SimHandler;
import io.mlconnector.testkit.http.SimRequest;
import io.mlconnector.testkit.http.SimResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The simulated site: routing under {@code /api/v2}, site check by {@code Host}, Basic auth,
 * rate and concurrency limits, idempotency keys, scripted errors, then the resource APIs under one
 * lock.
 */
public final class Engine implements SimHandler {
  /** The API prefix. */
  public static final String PREFIX = "/api/v2";

  static final Lists.Spec EVENT_LIST = new Lists.Spec("event",
      Map.of("id", Lists.Kind.STRING, "event_type", Lists.Kind.STRING, "source", Lists.Kind.STRING,
          "webhook_status", Lists.Kind.STRING, "occurred_at", Lists.Kind.TIMESTAMP),
      Set.of("occurred_at"), "occurred_at", Set.of());

  /**
   * The settings.
   *
   * @param site the site name ({@code acme-test})
   * @param hostSuffix the domain the site lives under ({@code chargebee.com})
   * @param apiKeys accepted API keys
   * @param baseCurrency the site currency
   * @param maxCustomerIdLength the longest caller-chosen customer id
   * @param sendRetryAfter whether a 429 carries {@code Retry-After}
   * @param processing time each admitted request takes (real time, outside the lock)
   */
  public record Settings(String site, String hostSuffix, Set<String> apiKeys, String baseCurrency,
      int maxCustomerIdLength, boolean sendRetryAfter, Duration processing) {}

  private record Scripted(int status, String code) {}

  private final Object lock = new Object();
  private final Settings settings;
  private final SimClock clock;
  private final Store store;
  private final Limits limits;
  private final IdempotencyStore idempotency;
  private final WebhookDispatcher webhooks;
  private final CustomerApi customers;
  private final InvoiceApi invoices;
  private final SubscriptionApi subscriptions;
  private final Deque<Scripted> scripted = new ArrayDeque<>();
  private volatile long eventOffsetLifetimeSeconds;
  private final java.util.concurrent.atomic.AtomicLong eventListReads = new java.util.concurrent.atomic.AtomicLong();

  /** A site with the given settings, limits, idempotency window and seed. */
  public Engine(Settings settings, SimClock clock, int perMinute, int concurrency, Duration idempotencyWindow,
      long seed) {
    this.settings = settings;
    this.clock = clock;
    this.store = new Store(clock, seed);
    this.limits = new Limits(clock, perMinute, concurrency);
    this.idempotency = new IdempotencyStore(clock, idempotencyWindow.toMillis());
    this.webhooks = new WebhookDispatcher(clock, lock, seed);
    store.onEvent(webhooks::onEvent);
    this.customers = new CustomerApi(store, settings.maxCustomerIdLength());
    this.invoices = new InvoiceApi(store, settings.baseCurrency());
    this.subscriptions = new SubscriptionApi(store, invoices);
  }

  /**
   * How long an offset of the event list stays valid, in simulated seconds; 0 (the default): for
   * ever.
   */
  public void eventOffsetLifetime(Duration lifetime) {
    this.eventOffsetLifetimeSeconds = lifetime.getSeconds();
  }

  /** Requests of the event list ({@code GET /events}) served so far. */
  public long eventListReads() {
    return eventListReads.get();
  }

  /** The lock every state access holds. */
  public Object lock() {
    return lock;
  }

  /** The records. */
  public Store store() {
    return store;
  }

  /** The invoice operations (for test controls). */
  public InvoiceApi invoices() {
    return invoices;
  }

  /** The subscription operations (for test controls). */
  public SubscriptionApi subscriptions() {
    return subscriptions;
  }

  /** The limits. */
  public Limits limits() {
    return limits;
  }

  /** The webhook dispatcher. */
  public WebhookDispatcher webhooks() {
    return webhooks;
  }

  /** The next {@code count} API requests get this error without running. */
  public void scriptErrors(int count, int status, String code) {
    synchronized (scripted) {
      for (int i = 0; i < count; i++) {
        scripted.add(new Scripted(status, code));
      }
    }
  }

  /** The 500 answer for handler failures and injected faults. */
  public SimResponse serverError(@Nullable Exception e) {
    return ApiError.render(500, null, "internal_error", "Sorry, something went wrong when trying to process the "
        + "request. If this problem persists, contact us at support@chargebee.com.", null);
  }

  @Override
  public SimResponse handle(SimRequest request) {
    String path = request.path();
    if (!path.startsWith(PREFIX + "/")) {
      return ApiError.render(404, "invalid_request", "resource_not_found", "Sorry, we couldn't find that resource", null);
    }
    String host = request.header("host");
    if (host != null) {
      String h = host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
      boolean loopback = h.equals("127.0.0.1") || h.equals("localhost") || h.equals("[::1]");
      if (!loopback && !h.equals(settings.site() + "." + settings.hostSuffix())) {
        return ApiError.render(404, "invalid_request", "site_not_found", "Sorry, we couldn't find the site " + h, null);
      }
    }
    String key = apiKey(request.header("authorization"));
    if (key == null) {
      return ApiError.render(401, "invalid_request", "api_authentication_failed",
          "Sorry, authentication failed. Invalid api key", null);
    }
    if (!request.method().equals("GET") && !request.method().equals("POST")) {
      return ApiError.render(405, "invalid_request", "http_method_not_supported",
          "Sorry, the http method " + request.method() + " is not supported for this URL.", null);
    }
    Scripted s;
    synchronized (scripted) {
      s = scripted.pollFirst();
    }
    if (s != null) {
      return scriptedError(s);
    }
    long wait = limits.admit(key);
    if (wait >= 0) {
      SimResponse r = ApiError.render(429, null, "api_request_limit_exceeded",
          "Sorry, access has been blocked temporarily due to request count exceeding acceptable limits. Please "
              + "try after some time.", null);
      return settings.sendRetryAfter() ? r.withHeader("Retry-After", String.valueOf(Math.max(1, wait))) : r;
    }
    try {
      if (!settings.processing().isZero()) {
        try {
          Thread.sleep(settings.processing().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return idempotent(request, key);
    } finally {
      limits.release(key);
    }
  }

  private SimResponse scriptedError(Scripted s) {
    String message = switch (s.code()) {
      case "lock_timeout" -> "Sorry, could not acquire the lock on the resource. Please retry.";
      case "site_not_ready" -> "Sorry, the site is not ready yet. Please try again later.";
      default -> "Sorry, something went wrong when trying to process the request.";
    };
    return ApiError.render(s.status(), null, s.code(), message, null);
  }

  private SimResponse idempotent(SimRequest request, String apiKey) {
    String idemKey = request.method().equals("POST") ? request.header("chargebee-idempotency-key") : null;
    if (idemKey == null) {
      return route(request);
    }
    if (idemKey.isEmpty() || idemKey.length() > 100) {
      return ApiError.render(400, "invalid_request", "invalid_request",
          "chargebee-idempotency-key : must be 1 to 100 characters", "chargebee-idempotency-key");
    }
    String fingerprint = request.path() + '\n' + request.bodyText();
    IdempotencyStore.Outcome o = idempotency.begin(apiKey, idemKey, fingerprint);
    switch (o.verdict()) {
      case REPLAY:
        return o.stored().withHeader("chargebee-idempotency-replayed", "true");
      case MISMATCH:
        return ApiError.render(400, "invalid_request", "invalid_request",
            "The idempotency key was already used with a different request", "chargebee-idempotency-key");
      case IN_USE:
        return ApiError.render(409, "invalid_request", "invalid_state_for_request",
            "A request with this idempotency key is still being processed", null);
      default:
        break;
    }
    SimResponse r;
    try {
      r = route(request);
    } catch (RuntimeException e) {
      idempotency.abandon(apiKey, idemKey);
      throw e;
    }
    if (r.status() >= 500 || r.status() == 429) {
      idempotency.abandon(apiKey, idemKey);
    } else {
      idempotency.complete(apiKey, idemKey, r);
    }
    return r;
  }

  private @Nullable String apiKey(@Nullable String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    String key = colon < 0 ? decoded : decoded.substring(0, colon);
    return settings.apiKeys().contains(key) ? key : null;
  }

  private SimResponse route(SimRequest r) {
    String[] seg = r.path().substring(PREFIX.length() + 1).split("/");
    boolean get = r.method().equals("GET");
    synchronized (lock) {
      try {
        Params p = Params.parse(get ? r.query() : r.form());
        return dispatch(seg, get, p);
      } catch (ApiError e) {
        return e.response();
      }
    }
  }

  private SimResponse dispatch(String[] seg, boolean get, Params p) {
    String res = seg[0];
    String id = seg.length > 1 ? seg[1] : null;
    String action = seg.length > 2 ? seg[2] : null;
    if (seg.length > 3) {
      return notFound();
    }
    switch (res) {
      case "customers":
        if (id == null) {
          return get ? customers.list(p) : customers.create(p);
        }
        if (action == null) {
          return get ? customers.retrieve(id) : customers.update(id, p);
        }
        requirePost(get);
        return switch (action) {
          case "update_billing_info" -> customers.updateBillingInfo(id, p);
          case "delete" -> customers.delete(id, p);
          case "subscription_for_items" -> subscriptions.create(id, p);
          default -> notFound();
        };
      case "invoices":
        if (id == null) {
          requireGet(get);
          return invoices.list(p);
        }
        if (action == null) {
          if (id.equals("create_for_charge_items_and_charges")) {
            requirePost(get);
            return invoices.createForCharges(p);
          }
          requireGet(get);
          return invoices.retrieve(id);
        }
        requirePost(get);
        return switch (action) {
          case "record_payment" -> invoices.recordPayment(id, p);
          case "void" -> invoices.voidInvoice(id, p);
          case "refund" -> invoices.refundApi(id, p);
          case "update_details" -> invoices.updateDetails(id, p);
          default -> notFound();
        };
      case "subscriptions":
        if (id == null) {
          requireGet(get);
          return subscriptions.list(p);
        }
        if (action == null) {
          requireGet(get);
          return subscriptions.retrieve(id);
        }
        requirePost(get);
        return switch (action) {
          case "update_for_items" -> subscriptions.update(id, p);
          case "cancel_for_items" -> subscriptions.cancel(id, p);
          default -> notFound();
        };
      case "items":
        if (id == null && !get) {
          return subscriptions.createItem(p);
        }
        return notFound();
      case "item_prices":
        if (id == null) {
          return get ? subscriptions.itemPrices(p) : subscriptions.createItemPrice(p);
        }
        requireGet(get);
        return action == null ? subscriptions.itemPrice(id) : notFound();
      case "transactions":
        requireGet(get);
        return id == null ? invoices.transactions(p) : action == null ? invoices.transaction(id) : notFound();
      case "credit_notes":
        requireGet(get);
        return id == null ? invoices.creditNotes(p) : action == null ? invoices.creditNote(id) : notFound();
      case "events":
        requireGet(get);
        if (id == null) {
          eventListReads.incrementAndGet();
          return Lists.page(EVENT_LIST, new ArrayList<>(store.table("event").values()), p, clock.instant().getEpochSecond(),
              eventOffsetLifetimeSeconds);
        }
        return action == null ? SimResponse.json(200, Json.write(Store.wrap("event", store.get("event", id))))
            : notFound();
      default:
        return notFound();
    }
  }

  private static void requirePost(boolean get) {
    if (get) {
      throw new ApiError(405, "invalid_request", "http_method_not_supported",
          "Sorry, the http method GET is not supported for this URL.", null);
    }
  }

  private static void requireGet(boolean get) {
    if (!get) {
      throw new ApiError(405, "invalid_request", "http_method_not_supported",
          "Sorry, the http method POST is not supported for this URL.", null);
    }
  }

  private static SimResponse notFound() {
    return ApiError.render(404, "invalid_request", "resource_not_found", "Sorry, we couldn't find that resource", null);
  }

  /** Runs {@code action} under the lock, turning Chargebee errors into exceptions for Java callers. */
  public <T> T control(java.util.function.Supplier<T> action) {
    synchronized (lock) {
      try {
        return action.get();
      } catch (ApiError e) {
        throw new IllegalStateException(e.code + ": " + e.getMessage(), e);
      }
    }
  }

  /** Moves the clock and sends the webhook retries that fell due. */
  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("cannot move the clock back: " + by);
    }
    clock.advance(by);
    synchronized (lock) {
      invoices.refreshStatuses();
    }
    webhooks.tick();
  }
}
