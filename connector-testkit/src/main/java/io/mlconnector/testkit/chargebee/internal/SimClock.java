package io.mlconnector.testkit.chargebee.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The simulator's clock: a base clock plus an offset tests advance. */
public final class SimClock {
  private final Clock base;
  private final AtomicLong offsetMillis = new AtomicLong();

  /** A clock on {@code base}. */
  public SimClock(Clock base) {
    this.base = base;
  }

  /** Simulated epoch milliseconds. */
  public long nowMillis() {
    return base.millis() + offsetMillis.get();
  }

  /** Simulated epoch seconds. */
  public long nowSeconds() {
    return Math.floorDiv(nowMillis(), 1000);
  }

  /** Moves simulated time forward. */
  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("cannot move the clock back: " + by);
    }
    offsetMillis.addAndGet(by.toMillis());
  }
}
