package io.mlconnector.core.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of one {@link RateBudget}: a token bucket that refills at a rate no higher than
 * {@link #permitsPerSecond()}, slows down on 429 and recovers gradually. Immutable; build one with
 * {@link #builder(double)}.
 *
 * <p>On a 429 the rate is multiplied by {@link #decreaseFactor()} (never below {@link
 * #minPermitsPerSecond()}), stored permits are dropped and the whole budget pauses for the
 * answer's {@code Retry-After} (or {@link #defaultPause()} when it gave none). Afterwards each
 * {@link #recoveryInterval()} without a 429 adds {@link #recoveryStep()} permits per second, up to
 * the ceiling. Remotes that document no {@code Retry-After} (Stripe) or where it is unconfirmed
 * (Acumatica) pause for the default pause, which is configurable.
 */
public final class RateBudgetConfig {

  private final double permitsPerSecond;
  private final int burst;
  private final double minPermitsPerSecond;
  private final double decreaseFactor;
  private final double recoveryStep;
  private final Duration recoveryInterval;
  private final Duration maxWait;
  private final Duration defaultPause;

  private RateBudgetConfig(Builder b) {
    this.permitsPerSecond = b.permitsPerSecond;
    this.burst = b.burst;
    this.minPermitsPerSecond = b.minPermitsPerSecond;
    this.decreaseFactor = b.decreaseFactor;
    this.recoveryStep = b.recoveryStep;
    this.recoveryInterval = b.recoveryInterval;
    this.maxWait = b.maxWait;
    this.defaultPause = b.defaultPause;
  }

  /**
   * A builder with the given ceiling; the other settings default to: burst = ceiling rounded up,
   * floor = ceiling / 20, decrease factor 0.5, recovery step = ceiling / 10 every second, max wait
   * 60 s, default pause 1 s.
   *
   * @param permitsPerSecond the ceiling, positive (Stripe live: 100; Acumatica: per-minute licence
   *     limit / 60)
   * @return a builder with those defaults
   */
  public static Builder builder(double permitsPerSecond) {
    return new Builder(permitsPerSecond);
  }

  /** {@return the ceiling: the configured rate, never exceeded} */
  public double permitsPerSecond() {
    return permitsPerSecond;
  }

  /** {@return how many permits may be taken at once after an idle period} */
  public int burst() {
    return burst;
  }

  /** {@return the floor the adaptive rate never goes below} */
  public double minPermitsPerSecond() {
    return minPermitsPerSecond;
  }

  /** {@return the factor applied to the rate on a 429, in (0, 1)} */
  public double decreaseFactor() {
    return decreaseFactor;
  }

  /** {@return permits per second added back per recovery interval} */
  public double recoveryStep() {
    return recoveryStep;
  }

  /** {@return how long without a 429 earns one recovery step} */
  public Duration recoveryInterval() {
    return recoveryInterval;
  }

  /** {@return a caller that would wait longer than this for a permit fails at once instead} */
  public Duration maxWait() {
    return maxWait;
  }

  /** {@return the pause applied on a 429 that carries no {@code Retry-After}} */
  public Duration defaultPause() {
    return defaultPause;
  }

  @Override
  public String toString() {
    return "RateBudgetConfig{permitsPerSecond=" + permitsPerSecond + ", burst=" + burst
        + ", minPermitsPerSecond=" + minPermitsPerSecond + ", decreaseFactor=" + decreaseFactor
        + ", recoveryStep=" + recoveryStep + ", recoveryInterval=" + recoveryInterval
        + ", maxWait=" + maxWait + ", defaultPause=" + defaultPause + '}';
  }

  /** Builds a {@link RateBudgetConfig}; every setter checks its argument. */
  public static final class Builder {
    private final double permitsPerSecond;
    private int burst;
    private double minPermitsPerSecond;
    private double decreaseFactor = 0.5;
    private double recoveryStep;
    private Duration recoveryInterval = Duration.ofSeconds(1);
    private Duration maxWait = Duration.ofSeconds(60);
    private Duration defaultPause = Duration.ofSeconds(1);

    private Builder(double permitsPerSecond) {
      if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
        throw new IllegalArgumentException(
            "permitsPerSecond must be positive and finite, was " + permitsPerSecond);
      }
      this.permitsPerSecond = permitsPerSecond;
      this.burst = (int) Math.max(1, Math.ceil(permitsPerSecond));
      this.minPermitsPerSecond = permitsPerSecond / 20;
      this.recoveryStep = permitsPerSecond / 10;
    }

    /**
     * Permits available at once after an idle period, at least 1.
     *
     * @param burst the permits available at once
     * @return this builder
     */
    public Builder burst(int burst) {
      if (burst < 1) {
        throw new IllegalArgumentException("burst must be >= 1, was " + burst);
      }
      this.burst = burst;
      return this;
    }

    /**
     * The floor of the adaptive rate, positive and not above the ceiling.
     *
     * @param min the lowest rate a 429 can push the budget down to, in permits per second
     * @return this builder
     */
    public Builder minPermitsPerSecond(double min) {
      if (!(min > 0) || min > permitsPerSecond) {
        throw new IllegalArgumentException(
            "minPermitsPerSecond must be in (0, " + permitsPerSecond + "], was " + min);
      }
      this.minPermitsPerSecond = min;
      return this;
    }

    /**
     * The multiplicative decrease on 429, in (0, 1).
     *
     * @param factor the rate is multiplied by it on each 429
     * @return this builder
     */
    public Builder decreaseFactor(double factor) {
      if (!(factor > 0) || !(factor < 1)) {
        throw new IllegalArgumentException("decreaseFactor must be in (0, 1), was " + factor);
      }
      this.decreaseFactor = factor;
      return this;
    }

    /**
     * The additive recovery: {@code step} permits/s per {@code interval} without a 429.
     *
     * @param step permits per second added per interval, positive
     * @param interval how long without a 429 earns one step, positive
     * @return this builder
     */
    public Builder recovery(double step, Duration interval) {
      if (!(step > 0) || Double.isInfinite(step)) {
        throw new IllegalArgumentException("recovery step must be positive, was " + step);
      }
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("recovery interval must be positive, was " + interval);
      }
      this.recoveryStep = step;
      this.recoveryInterval = interval;
      return this;
    }

    /**
     * The longest a caller waits for a permit before failing; zero = never wait.
     *
     * @param maxWait the longest wait for a permit
     * @return this builder
     */
    public Builder maxWait(Duration maxWait) {
      Objects.requireNonNull(maxWait, "maxWait");
      if (maxWait.isNegative()) {
        throw new IllegalArgumentException("maxWait must not be negative, was " + maxWait);
      }
      this.maxWait = maxWait;
      return this;
    }

    /**
     * The pause applied on a 429 without {@code Retry-After}; zero or more.
     *
     * @param pause how long the budget pauses after such a 429
     * @return this builder
     */
    public Builder defaultPause(Duration pause) {
      Objects.requireNonNull(pause, "pause");
      if (pause.isNegative()) {
        throw new IllegalArgumentException("defaultPause must not be negative, was " + pause);
      }
      this.defaultPause = pause;
      return this;
    }

    /** {@return the immutable config} */
    public RateBudgetConfig build() {
      if (minPermitsPerSecond > permitsPerSecond) {
        minPermitsPerSecond = permitsPerSecond;
      }
      return new RateBudgetConfig(this);
    }
  }
}
