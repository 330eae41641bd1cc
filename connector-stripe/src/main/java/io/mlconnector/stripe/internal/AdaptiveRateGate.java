package io.mlconnector.stripe.internal;

/**
 * A token bucket of {@code ratePerSecond} with a burst of one second's worth, that halves its rate
 * on every 429 (down to a floor) and creeps back up by 5% of the configured rate per success.
 */
public final class AdaptiveRateGate implements RateGate {
  private final double configuredRate;
  private final double floorRate;
  private double rate;
  private double tokens;
  private long lastRefillNanos;

  public AdaptiveRateGate(double ratePerSecond) {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("ratePerSecond must be positive, was " + ratePerSecond);
    }
    this.configuredRate = ratePerSecond;
    this.floorRate = Math.max(0.5, ratePerSecond / 16);
    this.rate = ratePerSecond;
    this.tokens = Math.max(1, ratePerSecond);
    this.lastRefillNanos = System.nanoTime();
  }

  @Override
  public void acquire() throws InterruptedException {
    while (true) {
      long waitNanos;
      synchronized (this) {
        refill();
        if (tokens >= 1) {
          tokens -= 1;
          return;
        }
        waitNanos = (long) ((1 - tokens) / rate * 1_000_000_000L);
      }
      long millis = Math.max(1, waitNanos / 1_000_000);
      Thread.sleep(millis);
    }
  }

  @Override
  public synchronized void onRateLimited() {
    refill();
    rate = Math.max(floorRate, rate / 2);
    tokens = Math.min(tokens, 0);
  }

  @Override
  public synchronized void onSuccess() {
    if (rate < configuredRate) {
      rate = Math.min(configuredRate, rate + configuredRate * 0.05);
    }
  }

  /** The current (possibly slowed) rate, requests per second. */
  public synchronized double currentRate() {
    return rate;
  }

  private void refill() {
    long now = System.nanoTime();
    double elapsed = (now - lastRefillNanos) / 1e9;
    lastRefillNanos = now;
    tokens = Math.min(Math.max(1, rate), tokens + elapsed * rate);
  }
}
