package io.mlconnector.testkit.sapb1.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A base clock plus an offset tests move with {@link #advance} and {@link #set}. */
public final class ManualClock extends Clock {
  private final Clock base;
  private final AtomicReference<Duration> offset;

  /** A clock reading {@code base} until moved. */
  public ManualClock(Clock base) {
    this(base, new AtomicReference<>(Duration.ZERO));
  }

  private ManualClock(Clock base, AtomicReference<Duration> offset) {
    this.base = base;
    this.offset = offset;
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId z) {
    return new ManualClock(base.withZone(z), offset);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  /** Makes the clock read {@code instant} now. */
  public void set(Instant instant) {
    offset.set(Duration.between(base.instant(), instant));
  }

  /** Moves the clock forward. */
  public void advance(Duration d) {
    offset.updateAndGet(o -> o.plus(d));
  }
}
