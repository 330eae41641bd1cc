package io.mlconnector.core.model;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Thrown when an amount cannot be expressed in minor units without changing it: it has more decimal
 * places than the currency's exponent, is not a multiple of the required step, or does not fit in a
 * {@code long}. Nothing is ever rounded silently; round explicitly with {@link
 * Money#rounded(java.math.RoundingMode)} or {@link MinorUnits#round(Money, java.math.RoundingMode)}
 * when that is what the caller means.
 */
public final class MinorUnitsException extends ArithmeticException {

  /** The amount that could not be converted. */
  private final BigDecimal amount;
  /** Its currency. */
  private final Currency currency;

  /**
   * An exception about {@code money}, with a message that names its amount and currency.
   *
   * @param money the amount that could not be converted
   * @param message the message
   */
  public MinorUnitsException(Money money, String message) {
    super(message);
    this.amount = money.amount();
    this.currency = money.currency();
  }

  /** {@return the amount that could not be converted} */
  public BigDecimal amount() {
    return amount;
  }

  /** {@return its currency} */
  public Currency currency() {
    return currency;
  }
}
