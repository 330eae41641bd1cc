package io.mlconnector.testkit.stampli;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
    int number,
    String glAccount,
    BigDecimal amount,
    @Nullable String description,
    @Nullable String costCenter,
    @Nullable String rawAmount) {

  /**
   * Checks the required fields.
   *
   * @param number the line number
   * @param glAccount the GL account code
   * @param amount the line amount (net)
   * @param description the line description, or null
   * @param costCenter the cost centre code, or null
   * @param rawAmount when not null, written instead of {@code amount} (to make a malformed row)
   */
  public ExportLine {
    Objects.requireNonNull(glAccount, "glAccount");
    Objects.requireNonNull(amount, "amount");
  }

  /**
   * A well-formed line.
   *
   * @param number the line number
   * @param glAccount the GL account code
   * @param amount the net amount as a decimal string, for example {@code "100.00"}
   * @param description the line description, or null
   * @param costCenter the cost centre code, or null
   * @return the line
   * @throws NumberFormatException if {@code amount} is not a decimal number
   */
  public static ExportLine of(
      int number,
      String glAccount,
      String amount,
      @Nullable String description,
      @Nullable String costCenter) {
    return new ExportLine(number, glAccount, new BigDecimal(amount), description, costCenter, null);
  }

  /**
   * The same line with {@code text} written in the amount column (a malformed row).
   *
   * @param text what to write instead of the amount, for example {@code "12,5O"}
   * @return a copy; this line is unchanged
   */
  public ExportLine withRawAmount(String text) {
    return new ExportLine(number, glAccount, amount, description, costCenter, text);
  }
}
