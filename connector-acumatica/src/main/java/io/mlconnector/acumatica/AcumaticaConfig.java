package io.mlconnector.acumatica;

import io.mlconnector.core.http.HttpLogLevel;
import io.mlconnector.core.http.RetryPolicy;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Immutable, validated settings of one {@link AcumaticaClient}: which instance, endpoint and
 * version, how to sign in, the licence limits to stay under, and the switches for facts the
 * reference leaves unconfirmed. Build with {@link #builder(String, String, AcumaticaCredentials)}.
 */
public final class AcumaticaConfig {

  /** How {@code DocumentsToApply.DocType} names an invoice; which one servers accept is unconfirmed. */
  public enum DocTypeStyle {
    /** The display value {@code Invoice} (default: what the entity's {@code Type} field shows). */
    DISPLAY,
    /** The code {@code INV}, as in one official documentation example. */
    CODE
  }

  /** The OAuth scope that lets one grant hold several sessions. */
  static final String CONCURRENT_ACCESS = "api:concurrent_access";

  final String tenant;
  final String credentialId;
  final HttpUrl instanceUrl;
  final String endpointName;
  final String endpointVersion;
  final AcumaticaCredentials credentials;
  final ZoneId instanceZone;
  final int requestsPerMinute;
  final int maxConcurrentRequests;
  final Duration actionPollInterval;
  final Duration actionTimeout;
  final int pageSize;
  final int pageOverlap;
  final DocTypeStyle docTypeStyle;
  final Duration cookieIdleTimeout;
  final Duration tokenRenewalSkew;
  final RetryPolicy retryPolicy;
  final Duration readTimeout;
  final HttpLogLevel logLevel;
  final boolean verifyVersion;
  final int sessions;

  private AcumaticaConfig(Builder b) {
    this.tenant = b.tenant;
    this.credentialId = b.credentialId != null ? b.credentialId : b.tenant + "/acumatica";
    this.instanceUrl = b.instanceUrl;
    this.endpointName = b.endpointName;
    this.endpointVersion = b.endpointVersion;
    this.sessions = b.sessions;
    if (b.sessions > 1 && !List.of(b.credentials.scope().split(" ")).contains(CONCURRENT_ACCESS)) {
      this.credentials = b.credentials.withScope(b.credentials.scope() + " " + CONCURRENT_ACCESS);
    } else {
      this.credentials = b.credentials;
    }
    this.instanceZone = b.instanceZone;
    this.requestsPerMinute = b.requestsPerMinute;
    this.maxConcurrentRequests = b.maxConcurrentRequests;
    this.actionPollInterval = b.actionPollInterval;
    this.actionTimeout = b.actionTimeout;
    this.pageSize = b.pageSize;
    this.pageOverlap = b.pageOverlap;
    this.docTypeStyle = b.docTypeStyle;
    this.cookieIdleTimeout = b.cookieIdleTimeout;
    this.tokenRenewalSkew = b.tokenRenewalSkew;
    this.retryPolicy = b.retryPolicy;
    this.readTimeout = b.readTimeout;
    this.logLevel = b.logLevel;
    this.verifyVersion = b.verifyVersion;
  }

  /**
   * A builder.
   *
   * @param tenant this SDK's tenant id
   * @param instanceUrl the instance URL with its site segment, for example {@code
   *     https://my.acumatica.com/MyInstance/}
   * @param credentials how to sign in
   * @return a builder with the defaults documented on each setter
   * @throws IllegalArgumentException if the tenant is blank or the URL is not an http(s) URL
   *     without a query
   */
  public static Builder builder(String tenant, String instanceUrl, AcumaticaCredentials credentials) {
    return new Builder(tenant, instanceUrl, credentials);
  }

  /**
   * This SDK's tenant.
   *
   * @return the tenant id
   */
  public String tenant() {
    return tenant;
  }

  /**
   * The credential id (key of the shared session and licence budget).
   *
   * @return the credential id; never a secret
   */
  public String credentialId() {
    return credentialId;
  }

  /**
   * The instance URL, ending in {@code /}.
   *
   * @return the URL
   */
  public HttpUrl instanceUrl() {
    return instanceUrl;
  }

  /**
   * The endpoint name, {@code Default} unless a custom endpoint extends it.
   *
   * @return the endpoint name
   */
  public String endpointName() {
    return endpointName;
  }

  /**
   * The endpoint version, for example {@code 24.200.001}.
   *
   * @return the version
   */
  public String endpointVersion() {
    return endpointVersion;
  }

  /**
   * The endpoint path relative to the instance: {@code entity/Default/24.200.001/}.
   *
   * @return the path, ending in {@code /}
   */
  public String endpointPath() {
    return "entity/" + endpointName + "/" + endpointVersion + "/";
  }

  /**
   * The sign-in credentials.
   *
   * @return the credentials; with more than one session their scope includes {@code
   *     api:concurrent_access}
   */
  public AcumaticaCredentials credentials() {
    return credentials;
  }

  /**
   * The instance's time zone: offset-free date-times are read and written in it.
   *
   * @return the zone
   */
  public ZoneId instanceZone() {
    return instanceZone;
  }

  /**
   * The licence's requests per minute this client stays under; 0 for no limit.
   *
   * @return the limit, or 0 for none
   */
  public int requestsPerMinute() {
    return requestsPerMinute;
  }

  /**
   * The licence's concurrent requests this client keeps in flight at most.
   *
   * @return the most requests in flight, at least 1
   */
  public int maxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  /**
   * How often a long-running action's status is polled.
   *
   * @return the interval
   */
  public Duration actionPollInterval() {
    return actionPollInterval;
  }

  /**
   * How long an action may run before the client gives up waiting.
   *
   * @return the longest wait
   */
  public Duration actionTimeout() {
    return actionTimeout;
  }

  /**
   * Records per list page ({@code $top}).
   *
   * @return the page size, at least 1
   */
  public int pageSize() {
    return pageSize;
  }

  /**
   * Rows each page re-reads of the previous one, to detect shifts.
   *
   * @return the overlap, 0 up to the page size less one
   */
  public int pageOverlap() {
    return pageOverlap;
  }

  /**
   * How {@code DocumentsToApply.DocType} names an invoice.
   *
   * @return the style
   */
  public DocTypeStyle docTypeStyle() {
    return docTypeStyle;
  }

  /**
   * The document type text for an invoice, per {@link #docTypeStyle()}.
   *
   * @return {@code Invoice} or {@code INV}
   */
  public String invoiceDocType() {
    return docTypeStyle == DocTypeStyle.CODE ? "INV" : "Invoice";
  }

  /**
   * Server sessions the client spreads its requests over (see {@link Builder#sessions(int)}).
   *
   * @return the number of sessions, at least 1
   */
  public int sessions() {
    return sessions;
  }

  /**
   * The idle timeout assumed for a cookie session (unconfirmed; about 20 minutes).
   *
   * @return the timeout
   */
  public Duration cookieIdleTimeout() {
    return cookieIdleTimeout;
  }

  @Override
  public String toString() {
    return "AcumaticaConfig{tenant=" + tenant + ", instance=" + instanceUrl + ", endpoint="
        + endpointName + "/" + endpointVersion + ", credentials=" + credentials
        + ", requestsPerMinute=" + requestsPerMinute + ", maxConcurrentRequests="
        + maxConcurrentRequests + ", sessions=" + sessions + '}';
  }

  /** Builds an {@link AcumaticaConfig}; every setter checks its argument. */
  public static final class Builder {
    private final String tenant;
    private final HttpUrl instanceUrl;
    private final AcumaticaCredentials credentials;
    private @Nullable String credentialId;
    private String endpointName = "Default";
    private String endpointVersion = "24.200.001";
    private ZoneId instanceZone = ZoneOffset.UTC;
    private int requestsPerMinute;
    private int maxConcurrentRequests = 2;
    private Duration actionPollInterval = Duration.ofSeconds(1);
    private Duration actionTimeout = Duration.ofMinutes(5);
    private int pageSize = 100;
    private int pageOverlap = 1;
    private DocTypeStyle docTypeStyle = DocTypeStyle.DISPLAY;
    private Duration cookieIdleTimeout = Duration.ofMinutes(20);
    private Duration tokenRenewalSkew = Duration.ofSeconds(60);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Duration readTimeout = Duration.ofSeconds(100);
    private HttpLogLevel logLevel = HttpLogLevel.NONE;
    private boolean verifyVersion = true;
    private int sessions = 1;

    private Builder(String tenant, String instanceUrl, AcumaticaCredentials credentials) {
      if (tenant == null || tenant.isBlank()) {
        throw new IllegalArgumentException("tenant must not be blank");
      }
      this.tenant = tenant;
      Objects.requireNonNull(instanceUrl, "instanceUrl");
      HttpUrl url = HttpUrl.parse(instanceUrl.endsWith("/") ? instanceUrl : instanceUrl + "/");
      if (url == null) {
        throw new IllegalArgumentException("instanceUrl must be an http(s) URL, was '" + instanceUrl + "'");
      }
      if (url.query() != null) {
        throw new IllegalArgumentException("instanceUrl must not have a query");
      }
      this.instanceUrl = url;
      this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * The credential id (default {@code <tenant>/acumatica}).
     *
     * @param id the id, not blank; never the secret itself
     * @return this builder
     * @throws IllegalArgumentException if {@code id} is blank
     */
    public Builder credentialId(String id) {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("credentialId must not be blank");
      }
      this.credentialId = id;
      return this;
    }

    /**
     * The endpoint name (default {@code Default}).
     *
     * @param name a name of letters, digits and underscores, starting with a letter
     * @return this builder
     * @throws IllegalArgumentException if {@code name} has another form
     */
    public Builder endpointName(String name) {
      if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException("endpointName must be a name like Default, was " + name);
      }
      this.endpointName = name;
      return this;
    }

    /**
     * The endpoint version (default {@code 24.200.001}).
     *
     * @param version the version, like {@code 24.200.001}
     * @return this builder
     * @throws IllegalArgumentException if {@code version} has another form
     */
    public Builder endpointVersion(String version) {
      if (version == null || !version.matches("\\d{2}\\.\\d{3}\\.\\d{3}")) {
        throw new IllegalArgumentException("endpointVersion must look like 24.200.001, was " + version);
      }
      this.endpointVersion = version;
      return this;
    }

    /**
     * The instance's time zone (default UTC).
     *
     * @param zone the zone the instance's date-times are in
     * @return this builder
     */
    public Builder instanceZone(ZoneId zone) {
      this.instanceZone = Objects.requireNonNull(zone, "instanceZone");
      return this;
    }

    /**
     * The licence's "Maximum Number of Web Services API Requests per Minute" (0, the default, for
     * none: a trial licence has no limit).
     *
     * @param rpm the limit, 0 for none
     * @return this builder
     * @throws IllegalArgumentException if {@code rpm} is negative
     */
    public Builder requestsPerMinute(int rpm) {
      if (rpm < 0) {
        throw new IllegalArgumentException("requestsPerMinute must be >= 0, was " + rpm);
      }
      this.requestsPerMinute = rpm;
      return this;
    }

    /**
     * The licence's "Maximum Number of Concurrent Web Services API Requests" (default 2).
     *
     * @param max the most requests in flight, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code max} is below 1
     */
    public Builder maxConcurrentRequests(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConcurrentRequests must be >= 1, was " + max);
      }
      this.maxConcurrentRequests = max;
      return this;
    }

    /**
     * Server sessions to spread requests over (default 1). While a long-running action (a
     * release) runs in a session, Acumatica refuses every other request of that session, so one
     * session releases one document at a time; with {@code n} sessions, {@code n} releases run at
     * once and reads and PUTs go to a session that runs none. Every session shares the one
     * budget of requests per minute and concurrent requests, and each holds one of the licence's
     * API users until it signs out ({@link AcumaticaClient#close()}). More than one needs OAuth:
     * the scope {@code api:concurrent_access} is added (one grant, one session per {@code
     * ASP.NET_SessionId} cookie); the legacy cookie login holds one session only. A session the
     * licence refuses ("API Login Limit") is dropped and the client goes on with fewer.
     *
     * @param n the number of sessions, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code n} is below 1, or above 1 without OAuth
     *     credentials
     */
    public Builder sessions(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("sessions must be >= 1, was " + n);
      }
      if (n > 1 && !credentials.isOAuth()) {
        throw new IllegalArgumentException("sessions > 1 needs OAuth credentials (scope api:concurrent_access);"
            + " the cookie login holds one session");
      }
      this.sessions = n;
      return this;
    }

    /**
     * Poll interval and bounded wait of long-running actions (default 1 s and 5 min).
     *
     * @param pollInterval how often the action's status is polled; zero polls without a pause
     * @param timeout how long to wait at most; positive
     * @return this builder
     * @throws IllegalArgumentException if {@code pollInterval} is negative or {@code timeout} not
     *     positive
     */
    public Builder actionWait(Duration pollInterval, Duration timeout) {
      Objects.requireNonNull(pollInterval, "pollInterval");
      Objects.requireNonNull(timeout, "timeout");
      if (pollInterval.isNegative() || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("pollInterval must be >= 0 and timeout > 0");
      }
      this.actionPollInterval = pollInterval;
      this.actionTimeout = timeout;
      return this;
    }

    /**
     * Records per page (default 100) and rows of overlap between pages (default 1).
     *
     * @param pageSize records per page, at least 1
     * @param overlap rows re-read of the previous page, 0 up to {@code pageSize - 1}
     * @return this builder
     * @throws IllegalArgumentException if either is out of range
     */
    public Builder paging(int pageSize, int overlap) {
      if (pageSize < 1 || overlap < 0 || overlap >= pageSize) {
        throw new IllegalArgumentException(
            "pageSize must be >= 1 and overlap in [0, pageSize), was " + pageSize + "/" + overlap);
      }
      this.pageSize = pageSize;
      this.pageOverlap = overlap;
      return this;
    }

    /**
     * How {@code DocumentsToApply.DocType} names an invoice (default {@link DocTypeStyle#DISPLAY}).
     *
     * @param style the style
     * @return this builder
     */
    public Builder docTypeStyle(DocTypeStyle style) {
      this.docTypeStyle = Objects.requireNonNull(style, "docTypeStyle");
      return this;
    }

    /**
     * The idle timeout of a cookie session (default 20 min, unconfirmed).
     *
     * @param timeout the timeout, positive
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public Builder cookieIdleTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "cookieIdleTimeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("cookieIdleTimeout must be positive");
      }
      this.cookieIdleTimeout = timeout;
      return this;
    }

    /**
     * How long before expiry an OAuth token is renewed (default 60 s).
     *
     * @param skew the time before expiry, not negative
     * @return this builder
     * @throws IllegalArgumentException if {@code skew} is negative
     */
    public Builder tokenRenewalSkew(Duration skew) {
      Objects.requireNonNull(skew, "tokenRenewalSkew");
      if (skew.isNegative()) {
        throw new IllegalArgumentException("tokenRenewalSkew must not be negative");
      }
      this.tokenRenewalSkew = skew;
      return this;
    }

    /**
     * The retry policy (default {@link RetryPolicy#defaults()}: 429 and 5xx gateways, jittered).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
      return this;
    }

    /**
     * The read timeout (default 100 s, like the official client).
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Objects.requireNonNull(timeout, "readTimeout");
      return this;
    }

    /**
     * Wire logging (DEBUG, secrets masked).
     *
     * @param level the level; default {@link HttpLogLevel#NONE}
     * @return this builder
     */
    public Builder logLevel(HttpLogLevel level) {
      this.logLevel = Objects.requireNonNull(level, "logLevel");
      return this;
    }

    /**
     * Whether the first call checks the version against {@code GET /entity} (default true), so a
     * version the instance does not serve fails with the versions it does serve.
     *
     * @param verify false to skip the check
     * @return this builder
     */
    public Builder verifyVersion(boolean verify) {
      this.verifyVersion = verify;
      return this;
    }

    /**
     * The immutable config.
     *
     * @return the config
     */
    public AcumaticaConfig build() {
      return new AcumaticaConfig(this);
    }
  }
}
