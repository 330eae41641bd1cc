package io.mlconnector.testkit.syspro;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A line of an AR invoice.
 *
 * @param line the line number, from 1
 * @param stockCode the stock code (may be blank for a non-stocked line)
 * @param description the line description
 * @param quantity the quantity invoiced
 * @param netValue the line value before tax
 * @param taxValue the line's tax
 */
public record ArInvoiceLine(
    int line,
    String stockCode,
    String description,
    BigDecimal quantity,
    BigDecimal netValue,
    BigDecimal taxValue) {

  /**
   * Checks the arguments; a null stock code, description or tax takes its default.
   *
   * @param line the line number, from 1
   * @param stockCode the stock code; null or blank for a non-stocked line
   * @param description the line description; null for blank
   * @param quantity the quantity invoiced
   * @param netValue the line value before tax
   * @param taxValue the line's tax; null for zero
   * @throws IllegalArgumentException if {@code line} is below 1
   */
  public ArInvoiceLine {
    if (line < 1) {
      throw new IllegalArgumentException("line must be at least 1, was " + line);
    }
    stockCode = stockCode == null ? "" : stockCode;
    description = description == null ? "" : description;
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(netValue, "netValue");
    taxValue = taxValue == null ? BigDecimal.ZERO : taxValue;
  }
}
