package io.mlconnector.testkit.stripe.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The simulator's clock: a base clock plus an offset tests can advance. */
public final class SimClock {
  private final Clock base;
  private final AtomicLong offsetMillis = new AtomicLong();

  /** A clock on {@code base}. */
  public SimClock(Clock base) {
    this.base = base;
  }

  /** Simulated epoch seconds. */
  public long nowSeconds() {
    return Math.floorDiv(nowMillis(), 1000);
  }

  /** Simulated epoch milliseconds. */
  public long nowMillis() {
    return base.millis() + offsetMillis.get();
  }

  /** Moves simulated time forward. */
  public void advance(Duration by) {
    offsetMillis.addAndGet(by.toMillis());
  }
}
