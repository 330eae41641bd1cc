package io.mlconnector.core.http;

import java.net.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one tenant's client of one remote system. Immutable; build one with {@link
 * #builder(String, String, String)} and pass it to {@link HttpTransport#newClient(TenantConfig)}.
 *
 * <pre>{@code
 * TenantConfig config = TenantConfig.builder("stripe", "acme", "acme/live")
 *     .baseUrl("https://api.stripe.com/")
 *     .readTimeout(Duration.ofSeconds(80))
 *     .retryPolicy(RetryPolicy.builder()
 *         .classifier(RetryClassifier.headerFlag("Stripe-Should-Retry"))
 *         .build())
 *     .rateBudget(RateBudgetConfig.builder(100).build())
 *     .requestIdHeaders("Request-Id")
 *     .build();
 * }</pre>
 *
 * <p>Timeouts and proxy left unset are inherited from the {@link HttpTransport}. TLS certificate
 * and host name verification are on unless {@link Builder#insecureSkipTlsVerification()} is
 * called, which is logged at WARN each time a client is built from the config.
 */
public final class TenantConfig {

  private final String system;
  private final String tenant;
  private final String credentialId;
  private final @Nullable HttpUrl baseUrl;
  private final @Nullable Duration connectTimeout;
  private final @Nullable Duration readTimeout;
  private final @Nullable Duration writeTimeout;
  private final @Nullable Duration callTimeout;
  private final @Nullable Proxy proxy;
  private final boolean tlsVerification;
  private final RetryPolicy retryPolicy;
  private final @Nullable RateBudgetConfig rateBudget;
  private final @Nullable SessionAuthenticator sessionAuthenticator;
  private final Duration sessionRenewalSkew;
  private final Redactor redactor;
  private final HttpLogLevel logLevel;
  private final ErrorDecoder errorDecoder;
  private final List<String> requestIdHeaders;
  private final int maxConcurrentCalls;
  private final List<java.security.cert.X509Certificate> trustedCertificates;

  private TenantConfig(Builder b) {
    this.system = b.system;
    this.tenant = b.tenant;
    this.credentialId = b.credentialId;
    this.baseUrl = b.baseUrl;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.writeTimeout = b.writeTimeout;
    this.callTimeout = b.callTimeout;
    this.proxy = b.proxy;
    this.tlsVerification = b.tlsVerification;
    this.trustedCertificates = List.copyOf(b.trustedCertificates);
    this.retryPolicy = b.retryPolicy;
    this.rateBudget = b.rateBudget;
    this.sessionAuthenticator = b.sessionAuthenticator;
    this.sessionRenewalSkew = b.sessionRenewalSkew;
    this.redactor = b.redactor;
    this.logLevel = b.logLevel;
    this.errorDecoder = b.errorDecoder;
    this.requestIdHeaders = Collections.unmodifiableList(new ArrayList<>(b.requestIdHeaders));
    this.maxConcurrentCalls = b.maxConcurrentCalls;
  }

  /**
   * A builder.
   *
   * @param system the remote system, for example {@code "stripe"}
   * @param tenant the host's tenant id
   * @param credentialId the host's id of the credential this client uses (not the secret itself);
   *     clients sharing a system and credential id share a rate budget and a session
   * @return a builder with the defaults
   */
  public static Builder builder(String system, String tenant, String credentialId) {
    return new Builder(system, tenant, credentialId);
  }

  /** {@return a builder starting from this config} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** {@return the remote system} */
  public String system() {
    return system;
  }

  /** {@return the tenant} */
  public String tenant() {
    return tenant;
  }

  /** {@return the credential id} */
  public String credentialId() {
    return credentialId;
  }

  /** {@return the key of the shared rate budget and session: (system, credential id)} */
  public CredentialKey credentialKey() {
    return new CredentialKey(system, credentialId);
  }

  /** {@return the base URL relative paths resolve against, or null} */
  public @Nullable HttpUrl baseUrl() {
    return baseUrl;
  }

  /** {@return the connect timeout, or null to inherit} */
  public @Nullable Duration connectTimeout() {
    return connectTimeout;
  }

  /** {@return the read timeout, or null to inherit} */
  public @Nullable Duration readTimeout() {
    return readTimeout;
  }

  /** {@return the write timeout, or null to inherit} */
  public @Nullable Duration writeTimeout() {
    return writeTimeout;
  }

  /** {@return the OkHttp call timeout (covers all attempts and waits), or null to inherit} */
  public @Nullable Duration callTimeout() {
    return callTimeout;
  }

  /** {@return the proxy, or null to inherit} */
  public @Nullable Proxy proxy() {
    return proxy;
  }

  /**
   * {@return whether TLS certificates and host names are verified (true unless explicitly turned
   * off)}
   */
  public boolean tlsVerification() {
    return tlsVerification;
  }

  /**
   * The server certificates trusted instead of the platform's trust store (pinned), or empty to
   * use the platform's.
   *
   * @return the pinned certificates; empty when the platform's trust store is used
   */
  public List<java.security.cert.X509Certificate> trustedCertificates() {
    return trustedCertificates;
  }

  /** {@return the retry policy} */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** {@return the rate budget settings, or null for no budget} */
  public @Nullable RateBudgetConfig rateBudget() {
    return rateBudget;
  }

  /** {@return the session authenticator, or null when the remote needs no session} */
  public @Nullable SessionAuthenticator sessionAuthenticator() {
    return sessionAuthenticator;
  }

  /** {@return how long before its expiry a session is renewed} */
  public Duration sessionRenewalSkew() {
    return sessionRenewalSkew;
  }

  /** {@return the redactor applied to logged text} */
  public Redactor redactor() {
    return redactor;
  }

  /** {@return how much of each exchange is logged (at DEBUG)} */
  public HttpLogLevel logLevel() {
    return logLevel;
  }

  /** {@return the decoder of remote error codes and messages} */
  public ErrorDecoder errorDecoder() {
    return errorDecoder;
  }

  /** {@return the headers that carry the remote request id, in order} */
  public List<String> requestIdHeaders() {
    return requestIdHeaders;
  }

  /**
   * {@return the most calls in flight at once on this credential, across its clients; 0 means no
   * limit}
   */
  public int maxConcurrentCalls() {
    return maxConcurrentCalls;
  }

  @Override
  public String toString() {
    return "TenantConfig{system=" + system + ", tenant=" + tenant + ", credentialId=" + credentialId
        + ", baseUrl=" + (baseUrl == null ? null : redactor.url(baseUrl))
        + ", tlsVerification=" + tlsVerification + ", retryPolicy=" + retryPolicy
        + ", rateBudget=" + rateBudget + ", session=" + (sessionAuthenticator != null)
        + ", maxConcurrentCalls=" + maxConcurrentCalls + ", logLevel=" + logLevel + '}';
  }

  /** Builds a {@link TenantConfig}; every setter checks its argument. */
  public static final class Builder {
    private final String system;
    private final String tenant;
    private final String credentialId;
    private @Nullable HttpUrl baseUrl;
    private @Nullable Duration connectTimeout;
    private @Nullable Duration readTimeout;
    private @Nullable Duration writeTimeout;
    private @Nullable Duration callTimeout;
    private @Nullable Proxy proxy;
    private boolean tlsVerification = true;
    private List<java.security.cert.X509Certificate> trustedCertificates = List.of();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private @Nullable RateBudgetConfig rateBudget;
    private @Nullable SessionAuthenticator sessionAuthenticator;
    private Duration sessionRenewalSkew = Duration.ofSeconds(60);
    private Redactor redactor = Redactor.defaults();
    private HttpLogLevel logLevel = HttpLogLevel.HEADERS;
    private ErrorDecoder errorDecoder = ErrorDecoder.NONE;
    private List<String> requestIdHeaders = ErrorMapper.DEFAULT_REQUEST_ID_HEADERS;
    private int maxConcurrentCalls;

    private Builder(String system, String tenant, String credentialId) {
      this.system = requireText(system, "system");
      this.tenant = requireText(tenant, "tenant");
      this.credentialId = requireText(credentialId, "credentialId");
    }

    private Builder(TenantConfig c) {
      this.system = c.system;
      this.tenant = c.tenant;
      this.credentialId = c.credentialId;
      this.baseUrl = c.baseUrl;
      this.connectTimeout = c.connectTimeout;
      this.readTimeout = c.readTimeout;
      this.writeTimeout = c.writeTimeout;
      this.callTimeout = c.callTimeout;
      this.proxy = c.proxy;
      this.tlsVerification = c.tlsVerification;
      this.trustedCertificates = c.trustedCertificates;
      this.retryPolicy = c.retryPolicy;
      this.rateBudget = c.rateBudget;
      this.sessionAuthenticator = c.sessionAuthenticator;
      this.sessionRenewalSkew = c.sessionRenewalSkew;
      this.redactor = c.redactor;
      this.logLevel = c.logLevel;
      this.errorDecoder = c.errorDecoder;
      this.requestIdHeaders = c.requestIdHeaders;
      this.maxConcurrentCalls = c.maxConcurrentCalls;
    }

    /**
     * The base URL, http or https; relative paths given to {@link TenantClient#url} resolve against
     *     it.
     *
     * @param baseUrl an absolute http or https URL
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      requireText(baseUrl, "baseUrl");
      HttpUrl parsed = HttpUrl.parse(baseUrl);
      if (parsed == null) {
        throw new IllegalArgumentException("baseUrl is not an http(s) URL");
      }
      return baseUrl(parsed);
    }

    /**
     * The base URL.
     *
     * @param baseUrl an absolute http or https URL
     * @return this builder
     */
    public Builder baseUrl(HttpUrl baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * The connect timeout; zero means none.
     *
     * @param timeout the timeout; zero or more
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = nonNegative(timeout, "connectTimeout");
      return this;
    }

    /**
     * The read timeout (between bytes of the answer); zero means none.
     *
     * @param timeout the timeout; zero or more
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = nonNegative(timeout, "readTimeout");
      return this;
    }

    /**
     * The write timeout; zero means none.
     *
     * @param timeout the timeout; zero or more
     * @return this builder
     */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = nonNegative(timeout, "writeTimeout");
      return this;
    }

    /**
     * The call timeout over all attempts and waits of one call; zero means none.
     *
     * @param timeout the timeout; zero or more
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = nonNegative(timeout, "callTimeout");
      return this;
    }

    /**
     * The proxy ({@link Proxy#NO_PROXY} to bypass a system-wide one).
     *
     * @param proxy the proxy every call goes through
     * @return this builder
     */
    public Builder proxy(Proxy proxy) {
      this.proxy = Objects.requireNonNull(proxy, "proxy");
      return this;
    }

    /**
     * Turns TLS certificate and host name verification OFF. Only for a test server with a
     * self-signed certificate; each client built from this config logs a WARN.
     *
     * @return this builder
     */
    public Builder insecureSkipTlsVerification() {
      this.tlsVerification = false;
      return this;
    }

    /**
     * Trusts exactly these server certificates (a self-signed certificate pinned) instead of the
     * platform's trust store: the server must present one of them as its own certificate. Host
     * name verification is then skipped, since the exact certificate identifies the server (a
     * self-signed certificate often names another host). No argument restores the platform's
     * trust store. TLS verification stays on.
     *
     * @param certificates the server certificates to trust; none restores the platform's trust
     *     store
     * @return this builder
     */
    public Builder trustedCertificates(java.security.cert.X509Certificate... certificates) {
      Objects.requireNonNull(certificates, "certificates");
      for (java.security.cert.X509Certificate c : certificates) {
        Objects.requireNonNull(c, "certificate");
      }
      this.trustedCertificates = List.of(certificates);
      return this;
    }

    /**
     * The retry policy.
     *
     * @param policy when and how often a failed call is repeated
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
      return this;
    }

    /**
     * The rate budget of this credential (shared with every client of the same credential key).
     *
     * @param config the budget's rate, burst and adaptation
     * @return this builder
     */
    public Builder rateBudget(RateBudgetConfig config) {
      this.rateBudget = Objects.requireNonNull(config, "rateBudget");
      return this;
    }

    /**
     * The session authenticator for remotes that need a login or an expiring token.
     *
     * @param authenticator logs in, applies the session to each request and recognises an expired
     *     one
     * @return this builder
     */
    public Builder sessionAuthenticator(SessionAuthenticator authenticator) {
      this.sessionAuthenticator = Objects.requireNonNull(authenticator, "sessionAuthenticator");
      return this;
    }

    /**
     * How long before expiry a session is renewed; zero or more.
     *
     * @param skew the margin before a session's expiry at which it is renewed
     * @return this builder
     */
    public Builder sessionRenewalSkew(Duration skew) {
      this.sessionRenewalSkew = nonNegative(skew, "sessionRenewalSkew");
      return this;
    }

    /**
     * The redactor for logged text.
     *
     * @param redactor masks secrets in logged headers, URLs and bodies
     * @return this builder
     */
    public Builder redactor(Redactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor");
      return this;
    }

    /**
     * How much of each exchange is logged at DEBUG.
     *
     * @param level the DEBUG log level of each exchange
     * @return this builder
     */
    public Builder logLevel(HttpLogLevel level) {
      this.logLevel = Objects.requireNonNull(level, "logLevel");
      return this;
    }

    /**
     * The decoder of remote error bodies.
     *
     * @param decoder reads the remote's error code and message from an error body
     * @return this builder
     */
    public Builder errorDecoder(ErrorDecoder decoder) {
      this.errorDecoder = Objects.requireNonNull(decoder, "errorDecoder");
      return this;
    }

    /**
     * The headers that carry the remote request id, tried in order.
     *
     * @param names the header names, in the order they are tried
     * @return this builder
     */
    public Builder requestIdHeaders(String... names) {
      Objects.requireNonNull(names, "requestIdHeaders");
      for (String n : names) {
        requireText(n, "request id header name");
      }
      this.requestIdHeaders = Arrays.asList(names.clone());
      return this;
    }

    /**
     * Limits the calls in flight at once on this credential, shared by every client of it (SYSPRO
     * serves one call per session at a time: use 1). A call holds its slot until its response is
     * closed, so always close responses. 0 (the default) means no limit.
     *
     * @param max the most calls in flight at once; 0 for no limit
     * @return this builder
     */
    public Builder maxConcurrentCalls(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("maxConcurrentCalls must be >= 0, was " + max);
      }
      this.maxConcurrentCalls = max;
      return this;
    }

    /** {@return the immutable config} */
    public TenantConfig build() {
      return new TenantConfig(this);
    }

    private static String requireText(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
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
