package io.mlconnector.testkit.chargebee.internal;

import io.mlconnector.testkit.SimClock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Chargebee's two rate criteria per API key: requests in the last 60 seconds (a sliding window on
 * the simulated clock; refused requests do not count) and requests in flight. Also a "storm":
 * the next N requests are refused whatever the rate.
 */
public final class Limits {
  private final SimClock clock;
  private final Map<String, Deque<Long>> windows = new HashMap<>();
  private final Map<String, Integer> inFlight = new HashMap<>();
  private int perMinute;
  private int concurrency;
  private int storm;

  /** Limits of {@code perMinute} (0 = none) and {@code concurrency} (0 = none). */
  public Limits(SimClock clock, int perMinute, int concurrency) {
    this.clock = clock;
    this.perMinute = perMinute;
    this.concurrency = concurrency;
  }

  /** Changes the per-minute limit (0 = none). */
  public synchronized void perMinute(int perMinute) {
    this.perMinute = perMinute;
  }

  /** Changes the concurrency limit (0 = none). */
  public synchronized void concurrency(int concurrency) {
    this.concurrency = concurrency;
  }

  /** The next {@code count} requests are refused. */
  public synchronized void storm(int count) {
    this.storm = count;
  }

  /**
   * Admits a request, or says how many seconds until it could be (0 when only the concurrency
   * limit or a storm refused it). An admitted request must be {@link #release released}.
   */
  public synchronized long admit(String key) {
    if (storm > 0) {
      storm--;
      return 1; // a storm's Retry-After: one second

    }
    if (concurrency > 0 && inFlight.getOrDefault(key, 0) >= concurrency) {
      return 0;
    }
    if (perMinute > 0) {
      long now = clock.millis();
      Deque<Long> w = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
      while (!w.isEmpty() && now - w.peekFirst() >= 60_000L) {
        w.pollFirst();
      }
      if (w.size() >= perMinute) {
        return Math.max(1, (w.peekFirst() + 60_000L - now + 999) / 1000);
      }
      w.addLast(now);
    }
    inFlight.merge(key, 1, Integer::sum);
    return -1;
  }

  /** Ends an admitted request. */
  public synchronized void release(String key) {
    inFlight.merge(key, -1, Integer::sum);
  }
}
