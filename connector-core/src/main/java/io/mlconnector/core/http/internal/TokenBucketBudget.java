package io.mlconnector.core.http.internal;

import io.mlconnector.core.http.CredentialKey;
import io.mlconnector.core.http.RateBudget;
import io.mlconnector.core.http.RateBudgetConfig;
import io.mlconnector.core.http.Sleeper;
import io.mlconnector.core.http.TransportListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A reserving token bucket with additive-increase / multiplicative-decrease on 429.
 *
 * <p>Each caller reserves the moment its permit becomes available under a fair lock (so waiting
 * callers are served in arrival order) and then sleeps outside the lock until that moment; so by
 * any time t at most {@code burst + rate * t} permits have been granted. Stored permits (up to the
 * burst) accumulate while the budget is idle. A 429 lowers the rate and moves the bucket to the
 * end of the pause with a single permit, which holds back every caller of the budget.
 */
public final class TokenBucketBudget implements RateBudget {

  private static final double NANOS_PER_SECOND = 1_000_000_000d;

  private final CredentialKey key;
  private final RateBudgetConfig config;
  private final Clock clock;
  private final Sleeper sleeper;
  private final TransportListener listener;
  private final Instant origin;
  private final ReentrantLock lock = new ReentrantLock(true);

  // guarded by lock
  private double rate;
  private double stored;
  private long nextFree;
  private long lastAdjust;

  /** A full bucket at the configured ceiling. */
  public TokenBucketBudget(
      CredentialKey key,
      RateBudgetConfig config,
      Clock clock,
      Sleeper sleeper,
      TransportListener listener) {
    this.key = key;
    this.config = config;
    this.clock = clock;
    this.sleeper = sleeper;
    this.listener = listener;
    this.origin = clock.instant();
    this.rate = config.permitsPerSecond();
    this.stored = config.burst();
    this.nextFree = 0;
    this.lastAdjust = 0;
  }

  @Override
  public CredentialKey key() {
    return key;
  }

  @Override
  public RateBudgetConfig config() {
    return config;
  }

  @Override
  public Duration acquire() throws InterruptedException {
    long wait;
    lock.lock();
    try {
      long now = now();
      resync(now);
      double fromStored = Math.min(1d, stored);
      long grant = nextFree + (long) Math.ceil((1d - fromStored) * NANOS_PER_SECOND / rate);
      wait = Math.max(0, grant - now);
      if (wait > config.maxWait().toNanos()) {
        throw new BudgetExhaustedException(key, Duration.ofNanos(wait), config.maxWait());
      }
      stored -= fromStored;
      nextFree = grant;
    } finally {
      lock.unlock();
    }
    Duration waited = Duration.ofNanos(wait);
    if (wait > 0) {
      listener.rateLimitWait(key, waited);
      sleeper.sleep(waited);
    }
    return waited;
  }

  @Override
  public void onRateLimited(@Nullable Duration retryAfter) {
    Duration pause = retryAfter != null && !retryAfter.isNegative() ? retryAfter : config.defaultPause();
    double newRate;
    lock.lock();
    try {
      long now = now();
      resync(now);
      rate = Math.max(config.minPermitsPerSecond(), rate * config.decreaseFactor());
      // the budget resumes with a single permit: the first caller goes at the end of the pause
      stored = 1;
      long resume = now + pause.toNanos();
      nextFree = Math.max(nextFree, resume);
      if (nextFree > resume) {
        stored = 0;
      }
      lastAdjust = Math.max(lastAdjust, resume);
      newRate = rate;
    } finally {
      lock.unlock();
    }
    listener.rateLimited(key, pause, newRate);
  }

  @Override
  public void onSuccess() {
    lock.lock();
    try {
      long now = now();
      if (rate >= config.permitsPerSecond()) {
        lastAdjust = Math.max(lastAdjust, now);
        return;
      }
      long interval = config.recoveryInterval().toNanos();
      long elapsed = now - lastAdjust;
      if (elapsed >= interval) {
        long steps = elapsed / interval;
        rate = Math.min(config.permitsPerSecond(), rate + steps * config.recoveryStep());
        lastAdjust += steps * interval;
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public double currentPermitsPerSecond() {
    lock.lock();
    try {
      return rate;
    } finally {
      lock.unlock();
    }
  }

  private void resync(long now) {
    if (now > nextFree) {
      stored = Math.min(config.burst(), stored + (now - nextFree) * rate / NANOS_PER_SECOND);
      nextFree = now;
    }
  }

  private long now() {
    return Duration.between(origin, clock.instant()).toNanos();
  }

  @Override
  public String toString() {
    return "RateBudget{" + key + ", " + currentPermitsPerSecond() + "/s}";
  }
}
