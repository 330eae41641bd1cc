package io.mlconnector.chargebee;

import io.mlconnector.core.http.HttpLogLevel;
import io.mlconnector.core.http.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

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
 * beyond the plan's limit. The budget (shared by every client of the same credential id) refills at
 * {@code pacing x limit / 60} per second with a burst no larger than the headroom the pacing leaves,
 * so no 60-second window ever holds more than the limit; on a 429 it pauses for {@code Retry-After} (or a default pause) and slows down.
 * Concurrent requests are capped at {@link Builder#maxConcurrentCalls(int)}.
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
  final int burst;
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
    // Tokens saved while idle may go at once: at most the headroom the pacing leaves in a minute,
    // so no 60-second window exceeds the limit (rate x 60 + burst <= limit), and a late permit
    // (a sleep that overshot) is caught up instead of lost.
    int headroom = (int) Math.floor(this.requestsPerMinute * (1 - b.pacing)) - 1;
    this.burst = b.burst != null ? b.burst : Math.max(1, headroom);
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
   */
  public static Builder builder(String tenant, String credentialId, String site, ChargebeeCredentials credentials) {
    return new Builder(tenant, credentialId, site, credentials);
  }

  /** The tenant. */
  public String tenant() {
    return tenant;
  }

  /** The site name. */
  public String site() {
    return site;
  }

  /** The API base URL, ending in {@code /api/v2/}. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /** The plan's requests per minute the budget stays under. */
  public int requestsPerMinute() {
    return requestsPerMinute;
  }

  /** The fraction of the limit the budget uses. */
  public double pacing() {
    return pacing;
  }

  /** Requests that may go at once after an idle spell. */
  public int burst() {
    return burst;
  }

  /** Requests in flight at once, at most. */
  public int maxConcurrentCalls() {
    return maxConcurrentCalls;
  }

  /** How far incremental reads reach back behind their watermark. */
  public Duration readOverlap() {
    return readOverlap;
  }

  /** The credentials (never printed). */
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
    private String baseUrl;
    private ChargebeePlan plan = ChargebeePlan.STARTER;
    private Integer requestsPerMinute;
    private double pacing = 0.95;
    private Integer burst;
    private int maxConcurrentCalls = 50;
    private Duration readTimeout = Duration.ofSeconds(60);
    private Duration defaultRetryAfter = Duration.ofSeconds(5);
    private Duration readOverlap = Duration.ofSeconds(60);
    private RetryPolicy retryPolicy;
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

    /** The domain the site lives under (default {@code chargebee.com}). */
    public Builder hostSuffix(String hostSuffix) {
      if (hostSuffix == null || hostSuffix.isBlank() || hostSuffix.startsWith(".")) {
        throw new IllegalArgumentException("hostSuffix must be a domain such as chargebee.com, was " + hostSuffix);
      }
      this.hostSuffix = hostSuffix;
      return this;
    }

    /** Replaces the whole API base ({@code http://127.0.0.1:8080/api/v2} for a simulator). */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** The site's plan, whose limit the budget follows (default {@link ChargebeePlan#STARTER}). */
    public Builder plan(ChargebeePlan plan) {
      this.plan = Objects.requireNonNull(plan, "plan");
      this.requestsPerMinute = null;
      return this;
    }

    /** The plan by name ({@code starter}, {@code performance}, {@code enterprise}, {@code test_site}) or number. */
    public Builder plan(String planOrRequestsPerMinute) {
      Objects.requireNonNull(planOrRequestsPerMinute, "plan");
      String s = planOrRequestsPerMinute.trim();
      if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
        return requestsPerMinute(Integer.parseInt(s));
      }
      return plan(ChargebeePlan.of(s));
    }

    /** A custom limit in requests per minute (a custom Enterprise contract). */
    public Builder requestsPerMinute(int perMinute) {
      if (perMinute < 1) {
        throw new IllegalArgumentException("requestsPerMinute must be positive, was " + perMinute);
      }
      this.requestsPerMinute = perMinute;
      return this;
    }

    /** The fraction of the limit used, in (0, 1]; default 0.95. */
    public Builder pacing(double pacing) {
      if (!(pacing > 0 && pacing <= 1)) {
        throw new IllegalArgumentException("pacing must be in (0, 1], was " + pacing);
      }
      this.pacing = pacing;
      return this;
    }

    /**
     * Requests that may go at once after an idle spell (default: the headroom the pacing leaves in
     * a minute, less one, at least 1: Starter 6, Performance 49).
     */
    public Builder burst(int burst) {
      if (burst < 1) {
        throw new IllegalArgumentException("burst must be positive, was " + burst);
      }
      this.burst = burst;
      return this;
    }

    /** Requests in flight at once (default 50, under Chargebee's concurrency limit). */
    public Builder maxConcurrentCalls(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConcurrentCalls must be positive, was " + max);
      }
      this.maxConcurrentCalls = max;
      return this;
    }

    /** The read timeout (default 60 s). */
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
     */
    public Builder readOverlap(Duration overlap) {
      if (overlap == null || overlap.isNegative()) {
        throw new IllegalArgumentException("readOverlap must not be negative, was " + overlap);
      }
      this.readOverlap = overlap;
      return this;
    }

    /** The retry policy (default: 4 attempts, 429 and 5xx, idempotency-keyed POSTs repeatable). */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** HTTP logging (bodies are never logged above BASIC without redaction). */
    public Builder logLevel(HttpLogLevel level) {
      this.logLevel = Objects.requireNonNull(level, "level");
      return this;
    }

    /** The immutable config. */
    public ChargebeeConfig build() {
      return new ChargebeeConfig(this);
    }
  }
}
