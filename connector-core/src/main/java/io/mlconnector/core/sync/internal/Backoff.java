package io.mlconnector.core.sync.internal;

import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.core.sync.RetryQueuePolicy;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with full jitter, never shorter than a remote's Retry-After. */
final class Backoff {
  private Backoff() {}

  static Duration delay(RetryQueuePolicy policy, int attempt, Throwable error, RandomGenerator random) {
    long initial = policy.initialBackoff().toMillis();
    long max = policy.maxBackoff().toMillis();
    int shift = Math.min(Math.max(attempt - 1, 0), 30);
    long bound = initial <= 0 ? 0 : Math.min(max, initial << shift);
    if (bound < 0) {
      bound = max;
    }
    long wait = bound <= 0 ? 0 : random.nextLong(bound + 1);
    if (error instanceof RateLimitedException limited) {
      wait = Math.max(wait, limited.retryAfter().toMillis());
    }
    return Duration.ofMillis(wait);
  }
}
