package io.mlconnector.core.model;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A tax charged on a whole invoice rather than per line (a VAT summary line, a sales-tax total).
 *
 * @param code the tax code as the source holds it, or null
 * @param description a description such as {@code VAT 15%}, or null
 * @param ratePercent the rate in percent ({@code 15} for 15 %), or null if not known
 * @param taxableAmount the amount the tax was computed on, or null; same currency as {@code amount}
 * @param amount the tax amount
 */
public record TaxLine(
    @Nullable String code, @Nullable String description, @Nullable BigDecimal ratePercent, @Nullable Money taxableAmount, Money amount) {

  /**
   * Validates the fields.
   *
   * @param code the tax code as the source holds it, or null
   * @param description a description such as {@code VAT 15%}, or null
   * @param ratePercent the rate in percent ({@code 15} for 15 %), or null if not known
   * @param taxableAmount the amount the tax was computed on, or null; same currency as {@code
   *     amount}
   * @param amount the tax amount
   */
  public TaxLine {
    Checks.optionalText(code, "TaxLine.code");
    Checks.optionalText(description, "TaxLine.description");
    if (ratePercent != null && ratePercent.signum() < 0) {
      throw new IllegalArgumentException(
          "TaxLine.ratePercent must not be negative but was " + ratePercent.toPlainString());
    }
    Checks.notNull(amount, "TaxLine.amount");
    Checks.inCurrency(taxableAmount, amount.currency(), "TaxLine.taxableAmount");
  }

  /**
   * A tax line with only a code and an amount.
   *
   * @param code the tax code as the source holds it
   * @param amount the tax amount
   * @return the tax line
   */
  public static TaxLine of(String code, Money amount) {
    return new TaxLine(code, null, null, null, amount);
  }
}
