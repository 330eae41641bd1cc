package io.mlconnector.testkit.acumatica.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The licence's request limits: concurrent requests served by N "API cores" with a queue (more
 * than {@code maxQueued} waiting, or a wait over {@code maxQueueWait}, is declined with 429), and
 * requests per minute (past half the budget each new request is delayed by time left in the
 * rolling minute divided by requests left; with {@code declineOverRate} a request over the budget
 * is declined instead). Declined requests do not count.
 */
public final class Licence {
  private final Settings settings;
  private final Clock clock;
  private final Deque<Instant> lastMinute = new ArrayDeque<>();
  private int inFlight;
  private int queued;
  private long declined;
  private long delayedMillis;
  private int peakInFlight;

  public Licence(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** Admits one request (waiting as the licence would); false when it is declined (429). */
  public boolean admit() throws InterruptedException {
    long delay;
    synchronized (this) {
      Instant now = clock.instant();
      while (!lastMinute.isEmpty() && !lastMinute.peekFirst().isAfter(now.minusSeconds(60))) {
        lastMinute.pollFirst();
      }
      int budget = settings.requestsPerMinute;
      delay = 0;
      if (budget > 0) {
        int used = lastMinute.size();
        if (used >= budget) {
          if (settings.declineOverRate) {
            declined++;
            return false;
          }
          delay = Duration.between(now, lastMinute.peekFirst().plusSeconds(60)).toMillis();
        } else if (used * 2 > budget) {
          long left = 60_000 - (lastMinute.isEmpty() ? 0
              : Duration.between(lastMinute.peekFirst(), now).toMillis());
          delay = Math.max(0, left / Math.max(1, budget - used));
        }
      }
      if (queued >= settings.maxQueued && inFlight >= settings.maxConcurrentRequests) {
        declined++;
        return false;
      }
      lastMinute.addLast(now.plusMillis(delay));
      delayedMillis += delay;
    }
    if (delay > 0) {
      Thread.sleep(delay);
    }
    long deadline = System.nanoTime() + settings.maxQueueWait.toNanos();
    synchronized (this) {
      queued++;
      try {
        while (inFlight >= settings.maxConcurrentRequests) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            declined++;
            return false;
          }
          wait(Math.max(1, left / 1_000_000));
        }
      } finally {
        queued--;
      }
      inFlight++;
      peakInFlight = Math.max(peakInFlight, inFlight);
      return true;
    }
  }

  /** Ends an admitted request. */
  public synchronized void release() {
    inFlight--;
    notifyAll();
  }

  /** Requests declined with 429 so far. */
  public synchronized long declined() {
    return declined;
  }

  /** The most requests served at once. */
  public synchronized int peakInFlight() {
    return peakInFlight;
  }

  /** Total delay imposed by the per-minute budget. */
  public synchronized Duration delayed() {
    return Duration.ofMillis(delayedMillis);
  }
}
