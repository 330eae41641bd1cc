package io.mlconnector.core.http;

import java.time.Duration;

/**
 * Waits. The transport sleeps only through this interface (backoff, {@code Retry-After}, rate
 * budget), so tests can inject one that records the requested waits instead of waiting.
 */
@FunctionalInterface
public interface Sleeper {

  /** The real sleeper: {@link Thread#sleep(long, int)}. */
  Sleeper SYSTEM =
      duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
          Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
      };

  /**
   * Waits for {@code duration}; returns at once for zero or negative durations.
   *
   * @param duration how long to wait
   * @throws InterruptedException when the waiting thread is interrupted
   */
  void sleep(Duration duration) throws InterruptedException;
}
