package io.mlconnector.core.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * Backoff of the retry queue: attempt {@code n} waits a random time up to {@code min(maxBackoff,
 * initialBackoff * 2^(n-1))} (full jitter), at least the {@code Retry-After} a rate-limited remote
 * asked for; after {@code maxAttempts} transient failures (or deferrals) the record is parked.
 * (The transport's own retries of one HTTP request are {@link io.mlconnector.core.http.RetryPolicy}.)
 *
 * @param initialBackoff the first wait bound
 * @param maxBackoff the largest wait bound
 * @param maxAttempts attempts before parking (at least 1)
 */
public record RetryQueuePolicy(Duration initialBackoff, Duration maxBackoff, int maxAttempts) {
  /**
   * Checks that the backoffs are set, not negative and in order, and that {@code maxAttempts} is at
   * least 1.
   *
   * @param initialBackoff the first wait bound
   * @param maxBackoff the largest wait bound
   * @param maxAttempts attempts before parking (at least 1)
   */
  public RetryQueuePolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.isNegative()) {
      throw new IllegalArgumentException("initialBackoff must not be negative, was " + initialBackoff);
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff (" + maxBackoff + ") must not be below initialBackoff (" + initialBackoff + ")");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
  }

  /**
   * 1 second doubling up to 1 hour, parked after 12 attempts.
   *
   * @return the default policy
   */
  public static RetryQueuePolicy defaults() {
    return new RetryQueuePolicy(Duration.ofSeconds(1), Duration.ofHours(1), 12);
  }
}
