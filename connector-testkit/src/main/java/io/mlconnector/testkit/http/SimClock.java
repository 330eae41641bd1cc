package io.mlconnector.testkit.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A simulator's clock: an injected base clock plus an offset that tests move with {@link #advance}
 * and {@link #set}, so that sessions, tokens, idempotency windows and webhook retries expire when a
 * test says so. Shared by the simulators that take a clock.
 */
public final class SimClock extends Clock {
  private final Clock base;
  private final AtomicReference<Duration> offset;

  /**
   * A clock reading {@code base} until moved.
   *
   * @param base the underlying clock, usually {@link Clock#systemUTC()}
   */
  public SimClock(Clock base) {
    this(base, new AtomicReference<>(Duration.ZERO));
  }

  private SimClock(Clock base, AtomicReference<Duration> offset) {
    this.base = base;
    this.offset = offset;
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId z) {
    return new SimClock(base.withZone(z), offset);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  /**
   * Makes the clock read {@code instant} now; it keeps running from there at the base clock's
   * pace. The instant may lie in the past.
   *
   * @param instant the time the clock reads now
   */
  public void set(Instant instant) {
    offset.set(Duration.between(base.instant(), instant));
  }

  /**
   * Moves the clock forward.
   *
   * @param d how far; a negative duration moves it back
   */
  public void advance(Duration d) {
    offset.updateAndGet(o -> o.plus(d));
  }
}
