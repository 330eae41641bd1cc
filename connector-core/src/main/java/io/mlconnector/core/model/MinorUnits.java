package io.mlconnector.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How amounts are written as integers of a currency's minor unit: an exponent per currency (USD 2,
 * JPY 0, KWD 3) and, optionally, a step that every minor-unit amount must be a multiple of.
 *
 * <p>{@link #iso()} uses the fraction digits the JDK reports for each ISO 4217 currency and a step
 * of 1. A remote system that disagrees with ISO (a payment API that treats a currency as
 * zero-decimal where ISO gives it two, or still expects two decimals for a currency ISO made
 * zero-decimal, or wants three-decimal amounts rounded to a multiple of ten) is described by
 * overrides on top of it:
 *
 * <pre>{@code
 * MinorUnits payments = MinorUnits.builder()
 *     .exponent("MGA", 0)          // zero-decimal on the remote, two decimals in ISO
 *     .exponent("ISK", 2)          // two decimals on the wire although ISO has none...
 *     .step("ISK", 100)            // ...so the fraction must be .00
 *     .step("KWD", 10)             // three decimals, last digit 0
 *     .build();
 * long minor = Money.of("5.120", "KWD").toMinorUnits(payments); // 5120
 * }</pre>
 *
 * <p>Currencies for which ISO 4217 defines no minor unit (the JDK reports -1 fraction digits: XAU,
 * XAG, XDR, XXX and the like) have no exponent under {@link #iso()}; converting them throws an
 * {@link IllegalArgumentException} that says so, unless an override gives them one.
 *
 * <p>The step applies to amounts converted <em>to</em> minor units (what is sent). Amounts read
 * back with {@link #toMoney(long, Currency)} are taken as the remote reports them. Instances are
 * immutable and thread-safe.
 */
public final class MinorUnits {

  /** The largest exponent accepted; minor units beyond this do not fit usefully in a long. */
  public static final int MAX_EXPONENT = 18;

  private static final MinorUnits ISO = new MinorUnits(Map.of(), Map.of());

  private final Map<Currency, Integer> exponents;
  private final Map<Currency, Long> steps;

  private MinorUnits(Map<Currency, Integer> exponents, Map<Currency, Long> steps) {
    this.exponents = exponents;
    this.steps = steps;
  }

  /**
   * {@return ISO 4217 exponents as the JDK reports them ({@link
   * Currency#getDefaultFractionDigits()})}
   */
  public static MinorUnits iso() {
    return ISO;
  }

  /** {@return a builder of overrides on top of the ISO 4217 exponents} */
  public static Builder builder() {
    return new Builder(ISO);
  }

  /** {@return a builder that starts from this policy's overrides, to derive a variant} */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /**
   * Whether this policy defines an exponent for {@code currency}.
   *
   * @param currency the currency
   * @return true when ISO 4217 or an override gives it an exponent
   */
  public boolean hasExponent(Currency currency) {
    Checks.notNull(currency, "currency");
    return exponents.containsKey(currency) || currency.getDefaultFractionDigits() >= 0;
  }

  /**
   * The number of decimal places one minor unit stands for.
   *
   * @param currency the currency
   * @return the exponent, from an override else from ISO 4217
   * @throws IllegalArgumentException if neither ISO 4217 nor an override defines one
   */
  public int exponent(Currency currency) {
    Checks.notNull(currency, "currency");
    Integer override = exponents.get(currency);
    if (override != null) {
      return override;
    }
    int iso = currency.getDefaultFractionDigits();
    if (iso < 0) {
      throw new IllegalArgumentException(
          "currency "
              + currency.getCurrencyCode()
              + " has no minor unit in ISO 4217 (the JDK reports "
              + iso
              + " fraction digits); set an exponent for it with MinorUnits.builder().exponent(\""
              + currency.getCurrencyCode()
              + "\", n)");
    }
    return iso;
  }

  /**
   * The step every minor-unit amount sent in {@code currency} must be a multiple of; 1 if none.
   *
   * @param currency the currency
   * @return the step, at least 1
   */
  public long step(Currency currency) {
    Checks.notNull(currency, "currency");
    return steps.getOrDefault(currency, 1L);
  }

  /** {@return the currencies whose exponent this policy overrides, with their exponents} */
  public Map<Currency, Integer> exponentOverrides() {
    return exponents;
  }

  /** {@return the currencies with a step other than 1, with their steps} */
  public Map<Currency, Long> steps() {
    return steps;
  }

  /**
   * {@code money} in minor units of its currency.
   *
   * @param money the amount
   * @return the amount in minor units
   * @throws MinorUnitsException if the amount has more decimal places than the exponent, is not a
   *     multiple of the currency's step, or does not fit in a {@code long}
   * @throws IllegalArgumentException if no exponent is defined for the currency
   */
  public long toMinor(Money money) {
    Checks.notNull(money, "money");
    Currency currency = money.currency();
    int exponent = exponent(currency);
    BigDecimal scaled = money.amount().movePointRight(exponent);
    if (scaled.signum() != 0 && scaled.stripTrailingZeros().scale() > 0) {
      throw new MinorUnitsException(
          money,
          money
              + " has more decimal places than the minor unit of "
              + currency.getCurrencyCode()
              + " ("
              + exponent
              + "); converting it would lose precision, so round it explicitly first");
    }
    long minor;
    try {
      minor = scaled.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    } catch (ArithmeticException e) {
      throw new MinorUnitsException(
          money, money + " does not fit in a long as minor units of " + currency.getCurrencyCode());
    }
    long step = step(currency);
    if (minor % step != 0) {
      throw new MinorUnitsException(
          money,
          money
              + " is "
              + minor
              + " minor units, which is not a multiple of "
              + step
              + " as required for "
              + currency.getCurrencyCode()
              + "; round it explicitly first");
    }
    return minor;
  }

  /**
   * The money that {@code minorUnits} stand for in {@code currency}; the result's scale is the
   * exponent ({@code toMoney(500, USD)} is USD 5.00).
   *
   * @param minorUnits the amount in minor units
   * @param currency the currency
   * @return the money
   * @throws IllegalArgumentException if no exponent is defined for the currency
   */
  public Money toMoney(long minorUnits, Currency currency) {
    int exponent = exponent(currency);
    return Money.of(BigDecimal.valueOf(minorUnits, exponent), currency);
  }

  /**
   * {@code money} rounded to a whole number of steps of the minor unit with the given mode, at the
   * exponent's scale: with a step of 10 for KWD, KWD 5.124 rounds to KWD 5.120 ({@code HALF_UP}) or
   * KWD 5.130 ({@code UP}).
   *
   * @param money the amount
   * @param mode how to round
   * @return the rounded amount, at the exponent as scale
   * @throws ArithmeticException if {@code mode} is {@code UNNECESSARY} and rounding is needed
   * @throws IllegalArgumentException if no exponent is defined for the currency
   */
  public Money round(Money money, RoundingMode mode) {
    Checks.notNull(money, "money");
    Checks.notNull(mode, "mode");
    Currency currency = money.currency();
    int exponent = exponent(currency);
    BigDecimal step = BigDecimal.valueOf(step(currency));
    BigDecimal steps = money.amount().movePointRight(exponent).divide(step, 0, mode);
    BigDecimal rounded = steps.multiply(step).movePointLeft(exponent).setScale(exponent);
    return Money.of(rounded, currency);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MinorUnits
        && exponents.equals(((MinorUnits) o).exponents)
        && steps.equals(((MinorUnits) o).steps);
  }

  @Override
  public int hashCode() {
    return Objects.hash(exponents, steps);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("MinorUnits{iso");
    Map<String, String> sorted = new TreeMap<>();
    exponents.forEach((c, e) -> sorted.put(c.getCurrencyCode(), "exponent " + e));
    steps.forEach((c, s) -> sorted.merge(c.getCurrencyCode(), "step " + s, (a, x) -> a + ", " + x));
    sorted.forEach((c, v) -> b.append(", ").append(c).append(": ").append(v));
    return b.append('}').toString();
  }

  /** Collects exponent and step overrides; {@link #build()} returns an immutable policy. */
  public static final class Builder {

    private final Map<Currency, Integer> exponents;
    private final Map<Currency, Long> steps;

    private Builder(MinorUnits base) {
      this.exponents = new HashMap<>(base.exponents);
      this.steps = new HashMap<>(base.steps);
    }

    /**
     * Uses {@code exponent} decimal places for {@code currency} instead of its ISO 4217 value.
     *
     * @param currency the currency
     * @param exponent its decimal places
     * @return this builder
     * @throws IllegalArgumentException if {@code exponent} is outside 0 to {@value
     *     MinorUnits#MAX_EXPONENT}
     */
    public Builder exponent(Currency currency, int exponent) {
      Checks.notNull(currency, "currency");
      if (exponent < 0 || exponent > MAX_EXPONENT) {
        throw new IllegalArgumentException(
            "exponent for "
                + currency.getCurrencyCode()
                + " must be between 0 and "
                + MAX_EXPONENT
                + " but was "
                + exponent);
      }
      exponents.put(currency, exponent);
      return this;
    }

    /**
     * {@link #exponent(Currency, int)} by ISO 4217 code.
     *
     * @param currencyCode the ISO 4217 code, for example {@code JPY}
     * @param exponent its decimal places, 0 to {@value MinorUnits#MAX_EXPONENT}
     * @return this builder
     */
    public Builder exponent(String currencyCode, int exponent) {
      return exponent(Money.currency(currencyCode), exponent);
    }

    /**
     * Requires every minor-unit amount sent in {@code currency} to be a multiple of {@code step}
     * (10 for "three decimals, last digit 0"; 100 for "two decimals on the wire, always .00").
     *
     * @param currency the currency
     * @param step the multiple, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code step} is less than 1
     */
    public Builder step(Currency currency, long step) {
      Checks.notNull(currency, "currency");
      if (step < 1) {
        throw new IllegalArgumentException(
            "step for " + currency.getCurrencyCode() + " must be at least 1 but was " + step);
      }
      if (step == 1) {
        steps.remove(currency);
      } else {
        steps.put(currency, step);
      }
      return this;
    }

    /**
     * {@link #step(Currency, long)} by ISO 4217 code.
     *
     * @param currencyCode the ISO 4217 code
     * @param step the multiple, at least 1
     * @return this builder
     */
    public Builder step(String currencyCode, long step) {
      return step(Money.currency(currencyCode), step);
    }

    /**
     * Applies every override in {@code table} (currency code to exponent).
     *
     * @param table ISO 4217 code to exponent
     * @return this builder
     */
    public Builder exponents(Map<String, Integer> table) {
      Checks.notNull(table, "table").forEach(this::exponent);
      return this;
    }

    /**
     * Applies every step in {@code table} (currency code to step).
     *
     * @param table ISO 4217 code to step
     * @return this builder
     */
    public Builder steps(Map<String, Long> table) {
      Checks.notNull(table, "table").forEach(this::step);
      return this;
    }

    /** {@return the immutable policy} */
    public MinorUnits build() {
      return new MinorUnits(
          Collections.unmodifiableMap(new HashMap<>(exponents)),
          Collections.unmodifiableMap(new HashMap<>(steps)));
    }
  }
}
