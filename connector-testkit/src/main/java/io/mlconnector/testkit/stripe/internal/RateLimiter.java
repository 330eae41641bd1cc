package io.mlconnector.testkit.stripe.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Requests per second per API key over a sliding one-second window (real time), plus a "storm":
 * the next N requests are refused whatever the rate.
 */
public final class RateLimiter {
  private final LongSupplier nanoTime;
  private final Map<String, Deque<Long>> windows = new HashMap<>();
  private int perSecond;
  private int storm;

  /** A limiter allowing {@code perSecond} requests per key (0 = unlimited). */
  public RateLimiter(int perSecond, LongSupplier nanoTime) {
    this.perSecond = perSecond;
    this.nanoTime = nanoTime;
  }

  /** Changes the limit (0 = unlimited). */
  public synchronized void perSecond(int perSecond) {
    if (perSecond < 0) {
      throw new IllegalArgumentException("perSecond must be >= 0, was " + perSecond);
    }
    this.perSecond = perSecond;
  }

  /** The next {@code count} requests are refused. */
  public synchronized void storm(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    this.storm = count;
  }

  /** Whether a request with this key may run now (it counts if it may). */
  public synchronized boolean tryAcquire(String apiKey) {
    if (storm > 0) {
      storm--;
      return false;
    }
    if (perSecond == 0) {
      return true;
    }
    long now = nanoTime.getAsLong();
    Deque<Long> w = windows.computeIfAbsent(apiKey, k -> new ArrayDeque<>());
    while (!w.isEmpty() && now - w.peekFirst() >= 1_000_000_000L) {
      w.pollFirst();
    }
    if (w.size() >= perSecond) {
      return false;
    }
    w.addLast(now);
    return true;
  }
}
