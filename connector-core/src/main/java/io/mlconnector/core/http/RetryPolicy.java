package io.mlconnector.core.http;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When and how the transport repeats a failed attempt. Immutable; build one with {@link
 * #builder()}.
 *
 * <p><b>Which requests are repeated.</b> Only requests safe to repeat, decided in this order:
 *
 * <ol>
 *   <li>an explicit {@link RequestOptions.Builder#repeatable(boolean)} wins;
 *   <li>a request carrying a non-blank {@linkplain Builder#idempotencyKeyHeader(String) idempotency
 *       key header} is safe: every attempt carries the same key, so the remote applies it once;
 *   <li>a request whose method is in {@linkplain Builder#safeMethods(String...) the safe methods}
 *       (default GET, HEAD, OPTIONS, PUT, DELETE) is safe: reads, PUT upserts and deletes have the
 *       same effect when applied twice. A PUT that can create a new record each time (an Acumatica upsert without its key fields)
 *       must be marked {@code repeatable(false)};
 *   <li>anything else (a plain POST or PATCH) is not safe and is <b>never</b> repeated, with one
 *       exception: a failure to connect (nothing was sent) is repeated for every request.
 * </ol>
 *
 * <p><b>What is retried.</b> I/O failures (connection reset, timeouts, unexpected end of stream)
 * and answers whose status is in {@linkplain Builder#retryStatuses(int...) the retry statuses}
 * (default 429, 502, 503, 504; add 500 with {@link Builder#retryOn500(boolean)}), unless the
 * {@linkplain Builder#classifier(RetryClassifier) classifier} says otherwise.
 *
 * <p><b>How long it waits.</b> Exponential backoff with full jitter: before attempt {@code n+1} it
 * waits a uniformly random time in {@code [0, min(maxBackoff, initialBackoff * 2^(n-1))]}. An
 * answer carrying {@code Retry-After} (delta-seconds or HTTP-date) waits exactly that long instead.
 * Retrying stops after {@link #maxAttempts()} attempts, or when the next wait would end after
 * {@link #maxTotalTime()} since the first attempt; the last answer or failure is then returned.
 */
public final class RetryPolicy {

  /** The header Stripe and many others use: {@code Idempotency-Key}. */
  public static final String DEFAULT_IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

  private static final RetryPolicy DEFAULTS = new Builder().build();

  private final int maxAttempts;
  private final Duration maxTotalTime;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Set<Integer> retryStatuses;
  private final Set<String> safeMethods;
  private final String idempotencyKeyHeader;
  private final RetryClassifier classifier;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.maxTotalTime = b.maxTotalTime;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.retryStatuses = Collections.unmodifiableSet(new TreeSet<>(b.retryStatuses));
    this.safeMethods = Collections.unmodifiableSet(new LinkedHashSet<>(b.safeMethods));
    this.idempotencyKeyHeader = b.idempotencyKeyHeader;
    this.classifier = b.classifier;
  }

  /** {@return the default policy: 4 attempts, 2 minutes, 500 ms doubling up to 30 s} */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** {@return a policy that never repeats a request} */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder starting from this policy} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** {@return attempts in total, first included (1 = never retry)} */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * {@return the bound on one call's retries: no retry is scheduled whose wait would end later
   * than this after the first attempt began}
   */
  public Duration maxTotalTime() {
    return maxTotalTime;
  }

  /** {@return the backoff ceiling before the first retry} */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** {@return the largest backoff ceiling} */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** {@return HTTP statuses that are retried (for requests safe to repeat)} */
  public Set<Integer> retryStatuses() {
    return retryStatuses;
  }

  /** {@return the upper-case HTTP methods that are safe to repeat without an idempotency key} */
  public Set<String> safeMethods() {
    return safeMethods;
  }

  /** {@return the request header that carries an idempotency key} */
  public String idempotencyKeyHeader() {
    return idempotencyKeyHeader;
  }

  /** {@return the system-specific classifier consulted before the status list} */
  public RetryClassifier classifier() {
    return classifier;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", maxTotalTime=" + maxTotalTime
        + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff
        + ", retryStatuses=" + retryStatuses + ", safeMethods=" + safeMethods
        + ", idempotencyKeyHeader=" + idempotencyKeyHeader + '}';
  }

  /** Builds a {@link RetryPolicy}; every setter checks its argument. */
  public static final class Builder {
    private int maxAttempts = 4;
    private Duration maxTotalTime = Duration.ofMinutes(2);
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Set<Integer> retryStatuses = new TreeSet<>(Arrays.asList(429, 502, 503, 504));
    private Set<String> safeMethods =
        new LinkedHashSet<>(Arrays.asList("GET", "HEAD", "OPTIONS", "PUT", "DELETE"));
    private String idempotencyKeyHeader = DEFAULT_IDEMPOTENCY_KEY_HEADER;
    private RetryClassifier classifier = RetryClassifier.DEFAULT;

    private Builder() {}

    private Builder(RetryPolicy p) {
      this.maxAttempts = p.maxAttempts;
      this.maxTotalTime = p.maxTotalTime;
      this.initialBackoff = p.initialBackoff;
      this.maxBackoff = p.maxBackoff;
      this.retryStatuses = new TreeSet<>(p.retryStatuses);
      this.safeMethods = new LinkedHashSet<>(p.safeMethods);
      this.idempotencyKeyHeader = p.idempotencyKeyHeader;
      this.classifier = p.classifier;
    }

    /**
     * Attempts in total, at least 1 (1 disables retries).
     *
     * @param maxAttempts attempts in total, at least 1
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Total time bound for all attempts and waits; positive.
     *
     * @param maxTotalTime the bound, counted from the first attempt
     * @return this builder
     */
    public Builder maxTotalTime(Duration maxTotalTime) {
      this.maxTotalTime = positive(maxTotalTime, "maxTotalTime");
      return this;
    }

    /**
     * Backoff ceiling before the first retry; positive.
     *
     * @param initialBackoff the first retry's backoff ceiling; the wait is drawn below it
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = positive(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * Largest backoff ceiling; positive.
     *
     * @param maxBackoff the ceiling the growing backoff never exceeds
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = positive(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * Replaces the retried statuses; each must be in 400..599.
     *
     * @param statuses the HTTP statuses to retry
     * @return this builder
     */
    public Builder retryStatuses(int... statuses) {
      Objects.requireNonNull(statuses, "statuses");
      Set<Integer> set = new TreeSet<>();
      for (int s : statuses) {
        if (s < 400 || s > 599) {
          throw new IllegalArgumentException("retry status must be in 400..599, was " + s);
        }
        set.add(s);
      }
      this.retryStatuses = set;
      return this;
    }

    /**
     * Adds (true) or removes (false) 500 from the retried statuses.
     *
     * @param retry whether a 500 answer is retried
     * @return this builder
     */
    public Builder retryOn500(boolean retry) {
      if (retry) {
        retryStatuses.add(500);
      } else {
        retryStatuses.remove(500);
      }
      return this;
    }

    /**
     * Replaces the methods safe to repeat without an idempotency key (POST/PATCH refused).
     *
     * @param methods HTTP method names, for example {@code GET}
     * @return this builder
     */
    public Builder safeMethods(String... methods) {
      Objects.requireNonNull(methods, "methods");
      Set<String> set = new LinkedHashSet<>();
      for (String m : methods) {
        if (m == null || m.isBlank()) {
          throw new IllegalArgumentException("safe method must not be blank");
        }
        String upper = m.trim().toUpperCase(Locale.ROOT);
        if (upper.equals("POST") || upper.equals("PATCH")) {
          throw new IllegalArgumentException(
              "safeMethods must not contain " + upper
                  + ": mark such requests repeatable one by one (RequestOptions) or give them an"
                  + " idempotency key");
        }
        set.add(upper);
      }
      this.safeMethods = set;
      return this;
    }

    /**
     * The request header that carries an idempotency key (Chargebee: chargebee-idempotency-key).
     *
     * @param headerName the header's name
     * @return this builder
     */
    public Builder idempotencyKeyHeader(String headerName) {
      if (headerName == null || headerName.isBlank()) {
        throw new IllegalArgumentException("idempotencyKeyHeader must not be blank");
      }
      this.idempotencyKeyHeader = headerName.trim();
      return this;
    }

    /**
     * The system-specific classifier consulted before the status list.
     *
     * @param classifier decides for the answers it recognises; the status list decides the rest
     * @return this builder
     */
    public Builder classifier(RetryClassifier classifier) {
      this.classifier = Objects.requireNonNull(classifier, "classifier");
      return this;
    }

    /** {@return the immutable policy; checks that initialBackoff does not exceed maxBackoff} */
    public RetryPolicy build() {
      if (initialBackoff.compareTo(maxBackoff) > 0) {
        throw new IllegalArgumentException(
            "initialBackoff (" + initialBackoff + ") must not exceed maxBackoff (" + maxBackoff + ")");
      }
      return new RetryPolicy(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
