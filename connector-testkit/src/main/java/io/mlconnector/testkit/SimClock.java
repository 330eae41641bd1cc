package io.mlconnector.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The test clock: a base clock plus an offset that tests move with {@link #advance} and {@link
 * #set}. Hand the same one to the engine, a store, a connector and a simulator, so that leases,
 * claims, sessions, tokens, idempotency windows, backoffs and webhook retries expire when the test
 * says so, not when the wall clock does. {@link #at} gives one that stands still between moves.
 * Thread-safe.
 *
 * <pre>{@code
 * SimClock clock = SimClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * StateStore store = JdbcStateStore.inMemoryH2().clock(clock).build();
 * clock.advance(Duration.ofMinutes(5)); // the lease taken above has expired
 * }</pre>
 */
public final class SimClock extends Clock {
  private final Clock base;
  private final AtomicReference<Duration> offset;

  /**
   * A clock reading {@code base} until moved; it runs at the base clock's pace.
   *
   * @param base the underlying clock, usually {@link Clock#systemUTC()}
   */
  public SimClock(Clock base) {
    this(Objects.requireNonNull(base, "base"), new AtomicReference<>(Duration.ZERO));
  }

  private SimClock(Clock base, AtomicReference<Duration> offset) {
    this.base = base;
    this.offset = offset;
  }

  /**
   * A clock in UTC standing at {@code start}: it moves only when {@link #advance advanced} or
   * {@link #set}.
   *
   * @param start the instant the clock reads until it is moved
   * @return the clock
   */
  public static SimClock at(Instant start) {
    return new SimClock(Clock.fixed(Objects.requireNonNull(start, "start"), ZoneOffset.UTC));
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  /**
   * The same clock (moving together with this one) in another time zone.
   *
   * @param zone the time zone
   * @return a clock sharing this one's offset
   */
  @Override
  public Clock withZone(ZoneId zone) {
    return new SimClock(base.withZone(zone), offset);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  /**
   * Makes the clock read {@code instant} now; from there it keeps the base clock's pace. The
   * instant may lie in the past.
   *
   * @param instant the time the clock reads now
   */
  public void set(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    offset.set(Duration.between(base.instant(), instant));
  }

  /**
   * Moves the clock.
   *
   * @param by how far; a negative duration moves it back
   */
  public void advance(Duration by) {
    Objects.requireNonNull(by, "by");
    offset.updateAndGet(o -> o.plus(by));
  }

  @Override
  public String toString() {
    return "SimClock[" + instant() + "]";
  }
}
