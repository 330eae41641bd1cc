package io.mlconnector.core.http;

import io.mlconnector.core.http.internal.SafeTransportListener;
import io.mlconnector.core.http.internal.SessionHolder;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide HTTP transport: one OkHttp client (connection pool, dispatcher), the registry of
 * rate budgets and the sessions of every credential. Build one per process and derive a {@link
 * TenantClient} per tenant and system; all of them share its pools.
 *
 * <pre>{@code
 * HttpTransport transport = HttpTransport.builder().build();
 * TenantClient stripe = transport.newClient(
 *     TenantConfig.builder("stripe", "acme", "acme/live").baseUrl("https://api.stripe.com/").build());
 * }</pre>
 *
 * <p>The shared client never repeats a request on its own ({@code retryOnConnectionFailure} is
 * off): only the {@link RetryPolicy} decides, so a POST is never sent twice behind the caller's
 * back. Immutable and thread-safe; {@link #close()} logs the open sessions out (unless turned off
 * with {@link Builder#logoutOnClose(boolean)}) and releases its threads and connections.
 *
 * <p>A {@link TransportListener} that throws does not fail a call: its exception is logged and
 * ignored.
 */
public final class HttpTransport implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
  private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(60);

  private final OkHttpClient okHttpClient;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Random random;
  private final TransportListener listener;
  private final RateBudgetRegistry rateBudgets;
  private final Map<CredentialKey, SessionHolder> sessions = new ConcurrentHashMap<>();
  private final Map<CredentialKey, Semaphore> callSlots = new ConcurrentHashMap<>();
  private final Map<CredentialKey, TenantClient> sessionClients = new ConcurrentHashMap<>();
  private final boolean logoutOnClose;
  private final AtomicBoolean closed = new AtomicBoolean();

  private HttpTransport(Builder b) {
    OkHttpClient.Builder ok = b.base != null ? b.base.newBuilder() : new OkHttpClient.Builder();
    if (b.base == null) {
      ok.connectionPool(
          new ConnectionPool(b.maxIdleConnections, b.keepAlive.toMillis(), TimeUnit.MILLISECONDS));
      Dispatcher dispatcher = new Dispatcher();
      dispatcher.setMaxRequests(b.maxRequests);
      dispatcher.setMaxRequestsPerHost(b.maxRequestsPerHost);
      ok.dispatcher(dispatcher);
    }
    // a host's own client keeps its timeouts unless this builder was given some
    if (b.base == null || b.connectTimeout != null) {
      ok.connectTimeout(b.connectTimeout != null ? b.connectTimeout : DEFAULT_CONNECT_TIMEOUT);
    }
    if (b.base == null || b.readTimeout != null) {
      ok.readTimeout(b.readTimeout != null ? b.readTimeout : DEFAULT_READ_TIMEOUT);
    }
    if (b.base == null || b.writeTimeout != null) {
      ok.writeTimeout(b.writeTimeout != null ? b.writeTimeout : DEFAULT_WRITE_TIMEOUT);
    }
    ok.retryOnConnectionFailure(false);
    this.okHttpClient = ok.build();
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.random = b.random != null ? b.random : new Random();
    this.listener = SafeTransportListener.wrap(b.listener);
    this.logoutOnClose = b.logoutOnClose;
    this.rateBudgets =
        b.rateBudgets != null ? b.rateBudgets : RateBudgetRegistry.create(clock, sleeper, listener);
  }

  /**
   * {@return a builder with defaults: connect 10 s, read 60 s, write 60 s, 5 idle connections kept
   * 5 min}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client for one tenant of one system, sharing this transport's pools. Clients of the same
   * {@link CredentialKey} share the rate budget, the session and the concurrent-call limit; the
   * first client's session authenticator, budget config and call limit are the ones used for that
   * key.
   *
   * @param config the tenant's base URL, credential key, timeouts, retry policy, budget and session
   * @return a new client using this transport's pools
   */
  public TenantClient newClient(TenantConfig config) {
    Objects.requireNonNull(config, "config");
    if (!config.tlsVerification()) {
      LOG.warn(
          "TLS certificate and host name verification is OFF for system {} tenant {}: use only"
              + " against a test server",
          config.system(),
          config.tenant());
    }
    SessionHolder holder = null;
    if (config.sessionAuthenticator() != null) {
      holder =
          sessions.computeIfAbsent(
              config.credentialKey(),
              k ->
                  new SessionHolder(
                      k, config.sessionAuthenticator(), config.sessionRenewalSkew(), clock, listener));
    }
    TenantClient client = new TenantClient(this, config, holder);
    if (holder != null) {
      // the first client of a credential is the one that logs its session out on close
      sessionClients.putIfAbsent(config.credentialKey(), client);
    }
    return client;
  }

  /** Drops what this transport keeps for a credential (see {@link TenantClient#release()}). */
  void forget(CredentialKey key) {
    sessions.remove(key);
    callSlots.remove(key);
    sessionClients.remove(key);
  }

  /** {@return the shared OkHttp client (no tenant settings, no interceptors of this SDK)} */
  public OkHttpClient okHttpClient() {
    return okHttpClient;
  }

  /** {@return the registry of rate budgets} */
  public RateBudgetRegistry rateBudgets() {
    return rateBudgets;
  }

  /** {@return the clock that measures waits, elapsed times and {@code Retry-After} dates} */
  public Clock clock() {
    return clock;
  }

  /** {@return the sleeper used for every wait} */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** {@return the event listener, guarded so that an exception it throws is logged and ignored} */
  public TransportListener listener() {
    return listener;
  }

  Random random() {
    return random;
  }

  Semaphore callSlots(CredentialKey key, int max) {
    return callSlots.computeIfAbsent(key, k -> new Semaphore(max, true));
  }

  SessionHolder sessionHolderIfPresent(CredentialKey key) {
    return sessions.get(key);
  }

  /**
   * Logs out every open session (see {@link SessionAuthenticator#logout}), freeing the remote's
   * licence seats, unless {@link Builder#logoutOnClose(boolean)} turned that off; then stops the
   * dispatcher's threads and closes idle connections. Calls in flight finish. A failed logout is
   * logged at WARN (with the credential key and the exception's class only) and does not stop the
   * others; each logout is bounded by its client's timeouts. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (logoutOnClose) {
      for (Map.Entry<CredentialKey, TenantClient> entry : sessionClients.entrySet()) {
        try {
          entry.getValue().endSession();
        } catch (RuntimeException e) {
          LOG.warn(
              "logout of the session of {} failed on close: {}",
              entry.getKey(),
              e.getClass().getName());
        }
      }
    }
    okHttpClient.dispatcher().executorService().shutdown();
    okHttpClient.connectionPool().evictAll();
  }

  /** Builds an {@link HttpTransport}; every setter checks its argument. */
  public static final class Builder {
    private OkHttpClient base;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration writeTimeout;
    private int maxIdleConnections = 5;
    private Duration keepAlive = Duration.ofMinutes(5);
    private int maxRequests = 64;
    private int maxRequestsPerHost = 16;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Random random;
    private TransportListener listener = TransportListener.NONE;
    private RateBudgetRegistry rateBudgets;
    private boolean logoutOnClose = true;

    private Builder() {}

    /**
     * Whether {@link HttpTransport#close()} logs out the sessions it holds (default true). Turn it
     * off when another process keeps using the same remote sessions.
     *
     * @param value false to leave the sessions open on close
     * @return this builder
     */
    public Builder logoutOnClose(boolean value) {
      this.logoutOnClose = value;
      return this;
    }

    /**
     * Derives the shared client from the host's own OkHttp client (its pool, dispatcher, timeouts,
     * certificate pinning, interceptors) instead of creating one. Only its {@code
     * retryOnConnectionFailure} is turned off, and its timeouts replaced when set on this builder.
     *
     * @param base the host's client; not modified (a derived client is built)
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient base) {
      this.base = Objects.requireNonNull(base, "okHttpClient");
      return this;
    }

    /**
     * Default connect timeout; zero means none.
     *
     * @param timeout the timeout; zero or more
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = nonNegative(timeout, "connectTimeout");
      return this;
    }

    /**
     * Default read timeout; zero means none.
     *
     * @param timeout the timeout; zero or more
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = nonNegative(timeout, "readTimeout");
      return this;
    }

    /**
     * Default write timeout; zero means none.
     *
     * @param timeout the timeout; zero or more
     * @return this builder
     */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = nonNegative(timeout, "writeTimeout");
      return this;
    }

    /**
     * Idle connections kept in the pool (at least 0) and for how long (positive).
     *
     * @param maxIdleConnections the most idle connections kept
     * @param keepAlive how long an idle connection is kept
     * @return this builder
     */
    public Builder connectionPool(int maxIdleConnections, Duration keepAlive) {
      if (maxIdleConnections < 0) {
        throw new IllegalArgumentException(
            "maxIdleConnections must be >= 0, was " + maxIdleConnections);
      }
      Objects.requireNonNull(keepAlive, "keepAlive");
      if (keepAlive.isNegative() || keepAlive.isZero()) {
        throw new IllegalArgumentException("keepAlive must be positive, was " + keepAlive);
      }
      this.maxIdleConnections = maxIdleConnections;
      this.keepAlive = keepAlive;
      return this;
    }

    /**
     * Limits of concurrent asynchronous calls, in total and per host; both at least 1.
     *
     * @param total the most asynchronous calls in flight at once
     * @param perHost the most of them to one host
     * @return this builder
     */
    public Builder maxRequests(int total, int perHost) {
      if (total < 1 || perHost < 1) {
        throw new IllegalArgumentException(
            "maxRequests must be >= 1, was total=" + total + ", perHost=" + perHost);
      }
      this.maxRequests = total;
      this.maxRequestsPerHost = perHost;
      return this;
    }

    /**
     * The clock (tests inject a fake one).
     *
     * @param clock the clock for session expiry, budgets and retry deadlines
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The sleeper used for backoff, {@code Retry-After} and budget waits (tests record instead).
     *
     * @param sleeper performs every wait
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * The source of backoff jitter (seed it for reproducible tests); thread-safe.
     *
     * @param random the source of jitter
     * @return this builder
     */
    public Builder random(Random random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * The transport event listener; an exception it throws is logged and ignored.
     *
     * @param listener receives retries, waits, session and call events
     * @return this builder
     */
    public Builder listener(TransportListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * A rate budget registry to share with other transports; by default each transport has its
     * own, on this builder's clock, sleeper and listener.
     *
     * @param registry the shared registry
     * @return this builder
     */
    public Builder rateBudgets(RateBudgetRegistry registry) {
      this.rateBudgets = Objects.requireNonNull(registry, "rateBudgets");
      return this;
    }

    /** {@return the transport} */
    public HttpTransport build() {
      return new HttpTransport(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, was " + d);
      }
      return d;
    }
  }
}
