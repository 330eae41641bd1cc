package io.mlconnector.chargebee;

import io.mlconnector.core.http.HttpLogLevel;
import io.mlconnector.core.http.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one tenant's Chargebee client. Immutable; build one with {@link
 * #builder(String, String, String, ChargebeeCredentials)}.
 *
 * <pre>{@code
 * ChargebeeConfig config = ChargebeeConfig.builder("acme", "acme/chargebee", "acme-test", credentials)
 *     .plan(ChargebeePlan.STARTER)          // or .plan("performance"), or .requestsPerMinute(1000)
 *     .build();
 * }</pre>
 *
 * <p>The API lives at {@code https://<site>.<hostSuffix>/api/v2}; the suffix is {@code
 * chargebee.com} unless set (whether EU and AU sites use another API host is not confirmed, so it is
 * configurable), and {@link Builder#baseUrl(String)} replaces the whole base (a simulator, a proxy).
 *
 * <p><b>Rate budget.</b> Chargebee counts requests in any 60 seconds per site and refuses with 429
 * beyond the plan's limit. The budget (shared by every client of the same credential id) is the
 * same sliding window: it grants up to {@code pacing x limit} requests in any window of 60 seconds
 * plus {@link Builder#windowMargin(Duration) a margin} (default 1 s, for the spread of network
 * latency between the client's clock and the server's), so a fresh site's whole allowance may go at
 * once and no 429 is met by the budget alone; on a 429 every caller pauses for {@code Retry-After}
 * (or a default pause). Concurrent requests are capped at {@link Builder#maxConcurrentCalls(int)}.
 */
public final class ChargebeeConfig {
  private static final Pattern SITE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  final String tenant;
  final String credentialId;
  final String site;
  final ChargebeeCredentials credentials;
  final HttpUrl baseUrl;
  final int requestsPerMinute;
  final double pacing;
  final Duration windowMargin;
  final Duration maxBudgetWait;
  final int maxConcurrentCalls;
  final Duration readTimeout;
  final Duration defaultRetryAfter;
  final Duration readOverlap;
  final RetryPolicy retryPolicy;
  final HttpLogLevel logLevel;

  private ChargebeeConfig(Builder b) {
    this.tenant = b.tenant;
    this.credentialId = b.credentialId;
    this.site = b.site;
    this.credentials = b.credentials;
    String base = b.baseUrl != null ? b.baseUrl : "https://" + b.site + "." + b.hostSuffix + "/api/v2";
    HttpUrl url = HttpUrl.parse(base.endsWith("/") ? base : base + "/");
    if (url == null) {
      throw new IllegalArgumentException("base URL is not a valid http(s) URL: " + base);
    }
    this.baseUrl = url;
    this.requestsPerMinute = b.requestsPerMinute != null ? b.requestsPerMinute : b.plan.requestsPerMinute();
    this.pacing = b.pacing;
    this.windowMargin = b.windowMargin;
    this.maxBudgetWait = b.maxBudgetWait;
    this.maxConcurrentCalls = b.maxConcurrentCalls;
    this.readTimeout = b.readTimeout;
    this.defaultRetryAfter = b.defaultRetryAfter;
    this.readOverlap = b.readOverlap;
    this.retryPolicy = b.retryPolicy != null ? b.retryPolicy : RetryPolicy.builder()
        .idempotencyKeyHeader(ChargebeeClient.IDEMPOTENCY_KEY_HEADER)
        .retryOn500(true)
        .build();
    this.logLevel = b.logLevel;
  }

  /**
   * A builder.
   *
   * @param tenant the host's tenant id
   * @param credentialId the host's id of the credential (shares the rate budget), not the key
   * @param site the Chargebee site name ({@code acme} or {@code acme-test})
   * @param credentials the API key and webhook credentials
   * @return a builder with the defaults documented on each setter
   * @throws IllegalArgumentException if the tenant or credential id is blank or the site is not a
   *     Chargebee site name
   */
  public static Builder builder(String tenant, String credentialId, String site, ChargebeeCredentials credentials) {
    return new Builder(tenant, credentialId, site, credentials);
  }

  /**
   * The tenant.
   *
   * @return the host's tenant id
   */
  public String tenant() {
    return tenant;
  }

  /**
   * The site name.
   *
   * @return the Chargebee site name, e.g. {@code acme-test}
   */
  public String site() {
    return site;
  }

  /**
   * The API base URL, ending in {@code /api/v2/}.
   *
   * @return the base URL
   */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /**
   * The plan's requests per minute the budget stays under.
   *
   * @return the limit in requests per minute, from the plan or set explicitly
   */
  public int requestsPerMinute() {
    return requestsPerMinute;
  }

  /**
   * The fraction of the limit the budget uses.
   *
   * @return the fraction, in (0, 1]
   */
  public double pacing() {
    return pacing;
  }

  /**
   * Requests the budget grants in any {@link #budgetWindow()}: {@code pacing x limit}, at least 1.
   *
   * @return the number of requests
   */
  public int budgetLimit() {
    return Math.max(1, (int) Math.floor(requestsPerMinute * pacing));
  }

  /**
   * The budget's window: 60 seconds plus the margin.
   *
   * @return the window's length
   */
  public Duration budgetWindow() {
    return Duration.ofSeconds(60).plus(windowMargin);
  }

  /**
   * The longest a request waits for the budget before failing as rate-limited.
   *
   * @return the longest wait
   */
  public Duration maxBudgetWait() {
    return maxBudgetWait;
  }

  /**
   * Requests in flight at once, at most.
   *
   * @return the most requests in flight
   */
  public int maxConcurrentCalls() {
    return maxConcurrentCalls;
  }

  /**
   * How far incremental reads reach back behind their watermark.
   *
   * @return the overlap; zero for none
   */
  public Duration readOverlap() {
    return readOverlap;
  }

  /**
   * The credentials (never printed).
   *
   * @return the API key and webhook credentials
   */
  public ChargebeeCredentials credentials() {
    return credentials;
  }

  @Override
  public String toString() {
    return "ChargebeeConfig{tenant=" + tenant + ", site=" + site + ", baseUrl=" + baseUrl + ", requestsPerMinute="
        + requestsPerMinute + ", pacing=" + pacing + ", maxConcurrentCalls=" + maxConcurrentCalls + ", credentials="
        + credentials + "}";
  }

  /** Builds a {@link ChargebeeConfig}; every setter checks its argument. */
  public static final class Builder {
    private final String tenant;
    private final String credentialId;
    private final String site;
    private final ChargebeeCredentials credentials;
    private String hostSuffix = "chargebee.com";
    private @Nullable String baseUrl;
    private ChargebeePlan plan = ChargebeePlan.STARTER;
    private @Nullable Integer requestsPerMinute;
    private double pacing = 1.0;
    private Duration windowMargin = Duration.ofSeconds(1);
    private Duration maxBudgetWait = Duration.ofMinutes(3);
    private int maxConcurrentCalls = 50;
    private Duration readTimeout = Duration.ofSeconds(60);
    private Duration defaultRetryAfter = Duration.ofSeconds(5);
    private Duration readOverlap = Duration.ofSeconds(60);
    private @Nullable RetryPolicy retryPolicy;
    private HttpLogLevel logLevel = HttpLogLevel.BASIC;

    private Builder(String tenant, String credentialId, String site, ChargebeeCredentials credentials) {
      if (tenant == null || tenant.isBlank()) {
        throw new IllegalArgumentException("tenant must not be blank");
      }
      if (credentialId == null || credentialId.isBlank()) {
        throw new IllegalArgumentException("credentialId must not be blank");
      }
      if (site == null || !SITE.matcher(site).matches()) {
        throw new IllegalArgumentException("site must be a Chargebee site name (lower-case letters, digits, '-'), was "
            + site);
      }
      this.tenant = tenant;
      this.credentialId = credentialId;
      this.site = site;
      this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * The domain the site lives under (default {@code chargebee.com}).
     *
     * @param hostSuffix the domain, e.g. {@code chargebee.com}; not starting with a dot
     * @return this builder
     * @throws IllegalArgumentException if {@code hostSuffix} is blank or starts with a dot
     */
    public Builder hostSuffix(String hostSuffix) {
      if (hostSuffix == null || hostSuffix.isBlank() || hostSuffix.startsWith(".")) {
        throw new IllegalArgumentException("hostSuffix must be a domain such as chargebee.com, was " + hostSuffix);
      }
      this.hostSuffix = hostSuffix;
      return this;
    }

    /**
     * Replaces the whole API base ({@code http://127.0.0.1:8080/api/v2} for a simulator).
     *
     * @param baseUrl the API base URL; the host suffix is then ignored
     * @return this builder
     * @throws IllegalArgumentException at {@link #build()} if it is not a valid http(s) URL
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * The site's plan, whose limit the budget follows (default {@link ChargebeePlan#STARTER}).
     *
     * @param plan the plan; replaces a limit set with {@link #requestsPerMinute(int)}
     * @return this builder
     */
    public Builder plan(ChargebeePlan plan) {
      this.plan = Objects.requireNonNull(plan, "plan");
      this.requestsPerMinute = null;
      return this;
    }

    /**
     * The plan by name ({@code starter}, {@code performance}, {@code enterprise}, {@code
     *     test_site}) or number.
     *
     * @param planOrRequestsPerMinute a plan name in any case, or a whole number of requests per
     *     minute
     * @return this builder
     * @throws IllegalArgumentException if it is neither a known plan nor a positive number
     */
    public Builder plan(String planOrRequestsPerMinute) {
      Objects.requireNonNull(planOrRequestsPerMinute, "plan");
      String s = planOrRequestsPerMinute.trim();
      if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
        return requestsPerMinute(Integer.parseInt(s));
      }
      return plan(ChargebeePlan.of(s));
    }

    /**
     * A custom limit in requests per minute (a custom Enterprise contract).
     *
     * @param perMinute the limit, positive; replaces the plan's
     * @return this builder
     * @throws IllegalArgumentException if {@code perMinute} is below 1
     */
    public Builder requestsPerMinute(int perMinute) {
      if (perMinute < 1) {
        throw new IllegalArgumentException("requestsPerMinute must be positive, was " + perMinute);
      }
      this.requestsPerMinute = perMinute;
      return this;
    }

    /**
     * The fraction of the limit used, in (0, 1]; default 1 (the window already keeps under the
     * limit). Lower it when other integrations share the site's key.
     *
     * @param pacing the fraction, greater than 0 and at most 1
     * @return this builder
     * @throws IllegalArgumentException if {@code pacing} is outside (0, 1]
     */
    public Builder pacing(double pacing) {
      if (!(pacing > 0 && pacing <= 1)) {
        throw new IllegalArgumentException("pacing must be in (0, 1], was " + pacing);
      }
      this.pacing = pacing;
      return this;
    }

    /**
     * What the budget adds to Chargebee's 60 seconds (default 1 s, at most 60 s): a request is
     * counted when the budget grants it, the server counts it when it arrives, and the two differ by
     * the latency, which varies from request to request.
     *
     * @param margin the margin, 0 to 60 seconds
     * @return this builder
     * @throws IllegalArgumentException if {@code margin} is null, negative or above 60 seconds
     */
    public Builder windowMargin(Duration margin) {
      if (margin == null || margin.isNegative() || margin.compareTo(Duration.ofSeconds(60)) > 0) {
        throw new IllegalArgumentException("windowMargin must be between 0 and 60 s, was " + margin);
      }
      this.windowMargin = margin;
      return this;
    }

    /**
     * The longest a request waits for the budget (default 3 minutes; a full window alone is 61 s):
     * beyond it the request fails as rate-limited and the engine retries it later.
     *
     * @param wait the longest wait; zero fails at once when the budget is spent
     * @return this builder
     * @throws IllegalArgumentException if {@code wait} is null or negative
     */
    public Builder maxBudgetWait(Duration wait) {
      if (wait == null || wait.isNegative()) {
        throw new IllegalArgumentException("maxBudgetWait must not be negative, was " + wait);
      }
      this.maxBudgetWait = wait;
      return this;
    }

    /**
     * Requests in flight at once (default 50, under Chargebee's concurrency limit).
     *
     * @param max the most requests in flight, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code max} is below 1
     */
    public Builder maxConcurrentCalls(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConcurrentCalls must be positive, was " + max);
      }
      this.maxConcurrentCalls = max;
      return this;
    }

    /**
     * The read timeout (default 60 s).
     *
     * @param timeout the timeout, positive
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is null, zero or negative
     */
    public Builder readTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("readTimeout must be positive, was " + timeout);
      }
      this.readTimeout = timeout;
      return this;
    }

    /**
     * The pause after a 429 without {@code Retry-After} (whether Chargebee always sends one is not
     * confirmed); default 5 s.
     *
     * @param pause the pause; zero retries at once
     * @return this builder
     * @throws IllegalArgumentException if {@code pause} is null or negative
     */
    public Builder defaultRetryAfter(Duration pause) {
      if (pause == null || pause.isNegative()) {
        throw new IllegalArgumentException("defaultRetryAfter must not be negative, was " + pause);
      }
      this.defaultRetryAfter = pause;
      return this;
    }

    /**
     * How far incremental reads (and the events backstop) reach back behind their watermark
     * (default 60 s): records changed in the same second as the watermark, or committed late, are
     * read again instead of skipped; consumers dedupe by id and {@code resource_version}.
     *
     * @param overlap how far back; zero for none
     * @return this builder
     * @throws IllegalArgumentException if {@code overlap} is null or negative
     */
    public Builder readOverlap(Duration overlap) {
      if (overlap == null || overlap.isNegative()) {
        throw new IllegalArgumentException("readOverlap must not be negative, was " + overlap);
      }
      this.readOverlap = overlap;
      return this;
    }

    /**
     * The retry policy (default: 4 attempts, 429 and 5xx, idempotency-keyed POSTs repeatable).
     *
     * @param policy the policy; it should name {@link ChargebeeClient#IDEMPOTENCY_KEY_HEADER} as
     *     its idempotency key header
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * HTTP logging (bodies are never logged above BASIC without redaction).
     *
     * @param level the level; default {@link HttpLogLevel#BASIC}
     * @return this builder
     */
    public Builder logLevel(HttpLogLevel level) {
      this.logLevel = Objects.requireNonNull(level, "level");
      return this;
    }

    /**
     * The immutable config.
     *
     * @return the config
     * @throws IllegalArgumentException if the base URL is not a valid http(s) URL
     */
    public ChargebeeConfig build() {
      return new ChargebeeConfig(this);
    }
  }
}
