package io.mlconnector.contracts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves by hand, in UTC: hand it to the engine, a store, a connector and a simulator
 * so that leases, claims, session timeouts and backoffs expire when the test says so, not when the
 * wall clock does. Thread-safe.
 */
public final class ManualClock extends Clock {
  private final AtomicReference<Instant> now;

  /**
   * A clock standing at {@code start}.
   *
   * @param start the instant the clock reads until it is moved
   */
  public ManualClock(Instant start) {
    this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
  }

  /**
   * Moves the clock forward by {@code by}.
   *
   * @param by how far to move; zero leaves the clock where it is
   * @throws IllegalArgumentException if {@code by} is negative
   */
  public void advance(Duration by) {
    Objects.requireNonNull(by, "by");
    if (by.isNegative()) {
      throw new IllegalArgumentException("a clock moves forward only; was asked to move " + by);
    }
    now.updateAndGet(t -> t.plus(by));
  }

  /**
   * Sets the clock to {@code instant}.
   *
   * @param instant the new time; the current time leaves the clock where it is
   * @throws IllegalArgumentException if {@code instant} is before the current time
   */
  public void set(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    now.updateAndGet(t -> {
      if (instant.isBefore(t)) {
        throw new IllegalArgumentException("a clock moves forward only; " + instant + " is before " + t);
      }
      return instant;
    });
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** Refused: a manual clock is in UTC. */
  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a ManualClock is fixed to UTC");
  }

  @Override
  public String toString() {
    return "ManualClock[" + now.get() + "]";
  }
}
