package io.mlconnector.chargebee.internal;

import io.mlconnector.core.http.CredentialKey;
import io.mlconnector.core.http.RateBudget;
import io.mlconnector.core.http.RateBudgetConfig;
import io.mlconnector.core.http.Sleeper;
import io.mlconnector.core.http.TransportListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A rate budget that models Chargebee's limit as it is: at most {@code limit} requests in any
 * window of {@code window} (60 seconds plus a margin for the spread of network latency).
 *
 * <p>Each caller reserves its send time under a fair lock (so waiting callers are served in arrival
 * order) and then sleeps outside the lock until it: the time is now when fewer than {@code limit}
 * permits were reserved in the last window, otherwise the moment the oldest of the last {@code
 * limit} reservations leaves the window. Reservations never go back in time, so the queue of the
 * last {@code limit} reservations stays sorted and any window of that length holds at most {@code
 * limit} of them. A fresh budget therefore grants a whole window's allowance at once, like the
 * remote. On a 429 every caller waits out {@code Retry-After} (or the default pause); the window
 * itself is not narrowed (a 429 in steady state means another client shares the site's limit, and
 * the pause covers that).
 */
public final class SlidingWindowBudget implements RateBudget {

  private final CredentialKey key;
  private final int limit;
  private final long windowNanos;
  private final RateBudgetConfig config;
  private final Clock clock;
  private final Sleeper sleeper;
  private final TransportListener listener;
  private final Instant origin;
  private final ReentrantLock lock = new ReentrantLock(true);

  // guarded by lock: the send times (nanos since origin) of the last `limit` reservations, oldest first
  private final ArrayDeque<Long> reserved = new ArrayDeque<>();
  private long pausedUntil;

  /**
   * A budget of {@code limit} requests in any {@code window}.
   *
   * @param config for its {@link RateBudgetConfig#maxWait()} and {@link
   *     RateBudgetConfig#defaultPause()}; its rate is reported, not used
   */
  public SlidingWindowBudget(CredentialKey key, int limit, Duration window, RateBudgetConfig config, Clock clock,
      Sleeper sleeper, TransportListener listener) {
    this.key = Objects.requireNonNull(key, "key");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, was " + limit);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, was " + window);
    }
    this.limit = limit;
    this.windowNanos = window.toNanos();
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.origin = clock.instant();
    this.pausedUntil = Long.MIN_VALUE;
  }

  @Override
  public CredentialKey key() {
    return key;
  }

  @Override
  public RateBudgetConfig config() {
    return config;
  }

  /** The requests granted in any window. */
  public int limit() {
    return limit;
  }

  /** The window's length. */
  public Duration window() {
    return Duration.ofNanos(windowNanos);
  }

  @Override
  public Duration acquire() throws InterruptedException {
    long at;
    long now;
    lock.lock();
    try {
      now = now();
      at = Math.max(now, pausedUntil);
      if (!reserved.isEmpty()) {
        at = Math.max(at, reserved.peekLast()); // never before an earlier caller
      }
      if (reserved.size() >= limit) {
        at = Math.max(at, reserved.peekFirst() + windowNanos);
      }
      long wait = at - now;
      if (wait > config.maxWait().toNanos()) {
        throw new BudgetExhaustedException(key, Duration.ofNanos(wait), config.maxWait());
      }
      if (reserved.size() >= limit) {
        reserved.pollFirst();
      }
      reserved.addLast(at);
    } finally {
      lock.unlock();
    }
    long waited = at - now;
    // A 429 seen while this caller slept pauses it too.
    while (true) {
      long rest = at - now();
      if (rest > 0) {
        sleeper.sleep(Duration.ofNanos(rest));
      }
      long paused;
      lock.lock();
      try {
        paused = pausedUntil;
      } finally {
        lock.unlock();
      }
      if (paused <= at) {
        break;
      }
      waited += paused - at;
      at = paused;
    }
    Duration d = Duration.ofNanos(Math.max(0, waited));
    if (waited > 0) {
      listener.rateLimitWait(key, d);
    }
    return d;
  }

  @Override
  public void onRateLimited(@Nullable Duration retryAfter) {
    Duration pause = retryAfter != null && !retryAfter.isNegative() ? retryAfter : config.defaultPause();
    lock.lock();
    try {
      pausedUntil = Math.max(pausedUntil, now() + pause.toNanos());
    } finally {
      lock.unlock();
    }
    listener.rateLimited(key, pause, currentPermitsPerSecond());
  }

  @Override
  public void onSuccess() {
    // nothing to recover: the window does not narrow on a 429
  }

  @Override
  public double currentPermitsPerSecond() {
    return limit * 1e9 / windowNanos;
  }

  /** Permits reserved in the window ending now (for tests and metrics). */
  public int inWindow() {
    lock.lock();
    try {
      long now = now();
      int n = 0;
      for (long t : reserved) {
        if (t > now - windowNanos && t <= now) {
          n++;
        }
      }
      return n;
    } finally {
      lock.unlock();
    }
  }

  private long now() {
    return Duration.between(origin, clock.instant()).toNanos();
  }

  @Override
  public String toString() {
    return "SlidingWindowBudget{" + key + ", " + limit + " per " + Duration.ofNanos(windowNanos) + '}';
  }
}
