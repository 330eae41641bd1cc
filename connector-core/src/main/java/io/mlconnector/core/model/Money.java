package io.mlconnector.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money: a {@link BigDecimal} and an ISO 4217 {@link Currency}.
 *
 * <p>The amount keeps the scale it was given ({@code 10}, {@code 10.0} and {@code 10.00} are all
 * allowed, and so are more decimal places than the currency's minor unit, as unit prices need), but
 * two values are {@linkplain #equals equal} when their currencies match and their amounts are
 * numerically equal. Arithmetic is exact and never rounds; mixing currencies throws a {@link
 * CurrencyMismatchException}.
 *
 * <p>Minor units (the integer amounts payment APIs send) follow a {@link MinorUnits} policy: {@link
 * #toMinorUnits()} and {@link #ofMinor(long, Currency)} use the ISO 4217 exponents the JDK knows,
 * the overloads take a policy a connector supplies (for example one that treats a currency as
 * zero-decimal where ISO gives it two). A conversion that would lose precision throws a {@link
 * MinorUnitsException}; round first with {@link #rounded(RoundingMode)} when rounding is intended.
 */
public final class Money implements Comparable<Money> {

  private final BigDecimal amount;
  private final Currency currency;

  private Money(BigDecimal amount, Currency currency) {
    this.amount = Checks.notNull(amount, "amount");
    this.currency = Checks.notNull(currency, "currency");
  }

  /**
   * The given amount in the given currency, with the amount's scale kept as it is.
   *
   * @param amount the amount; its scale is kept
   * @param currency the currency
   * @return the money
   */
  public static Money of(BigDecimal amount, Currency currency) {
    return new Money(amount, currency);
  }

  /**
   * Parses a plain decimal amount ({@code "10.50"}, {@code "-3"}) in the given currency.
   *
   * @param amount the amount as plain decimal text
   * @param currency the currency
   * @return the money, with the scale the text has
   * @throws IllegalArgumentException if {@code amount} is not a decimal number
   */
  public static Money of(String amount, Currency currency) {
    return new Money(parse(amount), currency);
  }

  /**
   * Parses a plain decimal amount in the currency with the given ISO 4217 code ({@code "USD"}).
   *
   * @param amount the amount as plain decimal text
   * @param currencyCode the ISO 4217 code
   * @return the money, with the scale the text has
   * @throws IllegalArgumentException if {@code amount} is not a decimal number or {@code
   *     currencyCode} is not a currency code this JVM knows
   */
  public static Money of(String amount, String currencyCode) {
    return new Money(parse(amount), currency(currencyCode));
  }

  /**
   * Zero in the given currency (scale 0).
   *
   * @param currency the currency
   * @return zero in it
   */
  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /**
   * The money that {@code minorUnits} stand for under the ISO 4217 exponent of {@code currency}:
   * {@code ofMinor(1050, USD)} is USD 10.50, {@code ofMinor(500, JPY)} is JPY 500 and {@code
   * ofMinor(5120, KWD)} is KWD 5.120.
   *
   * @param minorUnits the amount in minor units (cents for USD)
   * @param currency the currency
   * @return the money, at the currency's exponent as scale
   * @throws IllegalArgumentException if ISO 4217 defines no minor unit for the currency (gold,
   *     special drawing rights and other codes whose fraction digits the JDK reports as -1)
   */
  public static Money ofMinor(long minorUnits, Currency currency) {
    return MinorUnits.iso().toMoney(minorUnits, currency);
  }

  /**
   * The money that {@code minorUnits} stand for under the given policy's exponent for {@code
   * currency}.
   *
   * @param minorUnits the amount in minor units
   * @param currency the currency
   * @param policy the exponents to use
   * @return the money, at the policy's exponent as scale
   * @throws IllegalArgumentException if the policy defines no exponent for the currency
   */
  public static Money ofMinor(long minorUnits, Currency currency, MinorUnits policy) {
    return Checks.notNull(policy, "policy").toMoney(minorUnits, currency);
  }

  /**
   * Looks up an ISO 4217 currency by code, with an error that names the code when it is unknown.
   *
   * @param currencyCode the ISO 4217 code, for example {@code USD}
   * @return the currency
   * @throws IllegalArgumentException if the JVM does not know the code
   */
  public static Currency currency(String currencyCode) {
    Checks.text(currencyCode, "currencyCode");
    try {
      return Currency.getInstance(currencyCode);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "currencyCode '" + currencyCode + "' is not an ISO 4217 code known to this JVM", e);
    }
  }

  /**
   * The sum of {@code amounts}, all of which must be in {@code currency}; zero when there are none.
   *
   * @param currency the currency of the amounts and the result
   * @param amounts the amounts; may be empty
   * @return the exact sum
   * @throws CurrencyMismatchException if an amount is in another currency
   */
  public static Money sum(Currency currency, Iterable<Money> amounts) {
    Money total = zero(currency);
    for (Money m : Checks.notNull(amounts, "amounts")) {
      total = total.plus(m);
    }
    return total;
  }

  /** {@return the amount, with the scale it was created with} */
  public BigDecimal amount() {
    return amount;
  }

  /** {@return the currency} */
  public Currency currency() {
    return currency;
  }

  /** {@return the ISO 4217 code of the currency, e.g. {@code USD}} */
  public String currencyCode() {
    return currency.getCurrencyCode();
  }

  /**
   * The amount in minor units under the ISO 4217 exponent of the currency: USD 10.50 is 1050, JPY
   * 500 is 500, KWD 5.125 is 5125.
   *
   * @return the amount in minor units
   * @throws MinorUnitsException if the amount has more decimal places than the exponent allows
   *     (nothing is rounded) or does not fit in a {@code long}
   * @throws IllegalArgumentException if ISO 4217 defines no minor unit for the currency
   */
  public long toMinorUnits() {
    return MinorUnits.iso().toMinor(this);
  }

  /**
   * The amount in minor units under the given policy (exponent and step).
   *
   * @param policy the exponents and steps to use
   * @return the amount in minor units
   * @throws MinorUnitsException if the amount has more decimal places than the policy's exponent,
   *     is not a multiple of the policy's step, or does not fit in a {@code long}
   * @throws IllegalArgumentException if the policy defines no exponent for the currency
   */
  public long toMinorUnits(MinorUnits policy) {
    return Checks.notNull(policy, "policy").toMinor(this);
  }

  /**
   * This amount rounded to the currency's ISO 4217 minor unit with the given rounding mode: USD
   * 10.005 with {@code HALF_EVEN} is USD 10.00.
   *
   * @param mode how to round
   * @return the rounded amount, at the exponent as scale
   * @throws ArithmeticException if {@code mode} is {@code UNNECESSARY} and rounding is needed
   * @throws IllegalArgumentException if ISO 4217 defines no minor unit for the currency
   */
  public Money rounded(RoundingMode mode) {
    return MinorUnits.iso().round(this, mode);
  }

  /**
   * This amount plus {@code other}; exact.
   *
   * @param other an amount in the same currency
   * @return the sum
   * @throws CurrencyMismatchException if {@code other} is in another currency
   */
  public Money plus(Money other) {
    requireSameCurrency(other, "plus");
    return new Money(amount.add(other.amount), currency);
  }

  /**
   * This amount minus {@code other}; exact.
   *
   * @param other an amount in the same currency
   * @return the difference
   * @throws CurrencyMismatchException if {@code other} is in another currency
   */
  public Money minus(Money other) {
    requireSameCurrency(other, "minus");
    return new Money(amount.subtract(other.amount), currency);
  }

  /**
   * This amount times {@code factor} (a quantity or a rate); exact, so the scale may grow.
   *
   * @param factor the quantity or rate
   * @return the product, not rounded
   */
  public Money times(BigDecimal factor) {
    Checks.notNull(factor, "factor");
    return new Money(amount.multiply(factor), currency);
  }

  /** {@return the same amount with the opposite sign} */
  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  /** {@return the absolute value} */
  public Money abs() {
    return amount.signum() < 0 ? negate() : this;
  }

  /**
   * -1, 0 or 1 as the amount is negative, zero or positive.
   *
   * @return the sign of the amount
   */
  public int signum() {
    return amount.signum();
  }

  /** {@return whether the amount is zero (at any scale)} */
  public boolean isZero() {
    return amount.signum() == 0;
  }

  /** {@return whether the amount is greater than zero} */
  public boolean isPositive() {
    return amount.signum() > 0;
  }

  /** {@return whether the amount is less than zero} */
  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /**
   * Whether this amount is greater than {@code other}, which must be in the same currency.
   *
   * @param other an amount in the same currency
   * @return true when this amount is greater
   * @throws CurrencyMismatchException if {@code other} is in another currency
   */
  public boolean isGreaterThan(Money other) {
    return compareTo(other) > 0;
  }

  /**
   * Whether this amount is less than {@code other}, which must be in the same currency.
   *
   * @param other an amount in the same currency
   * @return true when this amount is less
   * @throws CurrencyMismatchException if {@code other} is in another currency
   */
  public boolean isLessThan(Money other) {
    return compareTo(other) < 0;
  }

  /**
   * Compares the amounts numerically.
   *
   * @throws CurrencyMismatchException if {@code other} is in another currency: amounts in different
   *     currencies have no order
   */
  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other, "compareTo");
    return amount.compareTo(other.amount);
  }

  /** Equal when the currencies match and the amounts are numerically equal (10.0 equals 10.00). */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Money)) {
      return false;
    }
    Money other = (Money) o;
    return currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(currency, amount.stripTrailingZeros());
  }

  /** The currency code and the plain amount, e.g. {@code USD 10.50}. */
  @Override
  public String toString() {
    return currency.getCurrencyCode() + ' ' + amount.toPlainString();
  }

  private void requireSameCurrency(Money other, String operation) {
    Checks.notNull(other, "other");
    if (!currency.equals(other.currency)) {
      throw new CurrencyMismatchException(
          "cannot " + operation + " amounts in different currencies: " + this + " and " + other);
    }
  }

  private static BigDecimal parse(String amount) {
    Checks.text(amount, "amount");
    try {
      return new BigDecimal(amount.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("amount '" + amount + "' is not a decimal number", e);
    }
  }
}
