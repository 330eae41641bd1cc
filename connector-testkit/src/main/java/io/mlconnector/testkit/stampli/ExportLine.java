package io.mlconnector.testkit.stampli;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One GL distribution line of an exported invoice.
 *
 * @param number the line number
 * @param glAccount the GL account code
 * @param amount the line amount (net)
 * @param description the line description, or null
 * @param costCenter the cost centre code, or null
 * @param rawAmount when not null, written instead of {@code amount} (to make a malformed row)
 */
public record ExportLine(
    int number, String glAccount, BigDecimal amount, String description, String costCenter, String rawAmount) {
  public ExportLine {
    Objects.requireNonNull(glAccount, "glAccount");
    Objects.requireNonNull(amount, "amount");
  }

  /** A line. */
  public static ExportLine of(int number, String glAccount, String amount, String description, String costCenter) {
    return new ExportLine(number, glAccount, new BigDecimal(amount), description, costCenter, null);
  }

  /** The same line with {@code text} written in the amount column (a malformed row). */
  public ExportLine withRawAmount(String text) {
    return new ExportLine(number, glAccount, amount, description, costCenter, text);
  }
}
