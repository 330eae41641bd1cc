package io.mlconnector.testkit.acumatica.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** The simulator's clock: an injected base clock plus an offset tests move forward. */
public final class SimClock extends Clock {
  private final Clock base;
  private final AtomicReference<Duration> offset;

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
  public Clock withZone(ZoneId zone) {
    return new SimClock(base.withZone(zone), offset);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  /** Moves the clock forward. */
  public void advance(Duration d) {
    offset.updateAndGet(o -> o.plus(d));
  }
}
