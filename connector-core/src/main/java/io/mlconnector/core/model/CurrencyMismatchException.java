package io.mlconnector.core.model;

/**
 * Thrown when amounts in different currencies meet where one currency is required: arithmetic,
 * comparison, or a record whose amounts must all be in the record's currency.
 */
public final class CurrencyMismatchException extends IllegalArgumentException {

  /**
   * An exception with the given message, which names both currencies.
   *
   * @param message the message, naming both currencies
   */
  public CurrencyMismatchException(String message) {
    super(message);
  }
}
