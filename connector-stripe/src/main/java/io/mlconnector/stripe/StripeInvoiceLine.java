package io.mlconnector.stripe;

import io.mlconnector.core.model.Money;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One ERP invoice line as a Stripe invoice item. Amounts are core {@link Money} in the invoice's
 * currency; the connector converts them to Stripe's minor units with {@link StripeCurrencies} and
 * refuses amounts that do not fit (it never rounds).
 *
 * <p>When {@code quantity} is a whole number and {@code quantity × unitPrice} equals {@code amount}
 * exactly, the item is sent as {@code quantity} + {@code unit_amount_decimal}, so the invoice shows
 * both; otherwise it is sent as one {@code amount} and the quantity and price are appended to the
 * description.
 *
 * @param description the text shown on the invoice
 * @param quantity the quantity, or null (taken as 1)
 * @param unitPrice the price per unit excluding tax, or null
 * @param amount the line total excluding tax; negative for a credit line
 * @param taxAmount the tax on this line, or null / zero for none
 * @param taxLabel how the tax is named on the invoice (e.g. {@code VAT 20%}), or null
 * @param taxRatePercent the tax rate in percent, or null; needed for {@link TaxMode#AS_TAX_AMOUNTS}
 */
public record StripeInvoiceLine(
    String description,
    @Nullable BigDecimal quantity,
    @Nullable Money unitPrice,
    Money amount,
    @Nullable Money taxAmount,
    @Nullable String taxLabel,
    @Nullable BigDecimal taxRatePercent) {

  /**
   * Checks the fields: a description, an amount, a positive quantity, one currency, a rate in [0,
   * 100].
   *
   * @param description the text shown on the invoice; not blank
   * @param quantity the quantity, positive, or null (taken as 1)
   * @param unitPrice the price per unit excluding tax, in the amount's currency, or null
   * @param amount the line total excluding tax; negative for a credit line
   * @param taxAmount the tax on this line in the amount's currency, or null for none
   * @param taxLabel how the tax is named on the invoice, or null
   * @param taxRatePercent the tax rate in percent, 0 to 100, or null
   * @throws IllegalArgumentException naming the first field that is wrong
   */
  public StripeInvoiceLine {
    Objects.requireNonNull(description, "description");
    if (description.isBlank()) {
      throw new IllegalArgumentException("description must not be blank");
    }
    Objects.requireNonNull(amount, "amount");
    if (quantity != null && quantity.signum() <= 0) {
      throw new IllegalArgumentException("quantity must be positive, was " + quantity.toPlainString());
    }
    if (unitPrice != null && !unitPrice.currency().equals(amount.currency())) {
      throw new IllegalArgumentException("unitPrice " + unitPrice + " is not in the currency of amount " + amount);
    }
    if (taxAmount != null && !taxAmount.currency().equals(amount.currency())) {
      throw new IllegalArgumentException("taxAmount " + taxAmount + " is not in the currency of amount " + amount);
    }
    if (taxRatePercent != null && (taxRatePercent.signum() < 0 || taxRatePercent.compareTo(BigDecimal.valueOf(100)) > 0)) {
      throw new IllegalArgumentException("taxRatePercent must be in [0, 100], was " + taxRatePercent.toPlainString());
    }
  }

  /**
   * A line with an amount only (quantity 1, no tax).
   *
   * @param description the text shown on the invoice
   * @param amount the line total; negative for a credit line
   * @return the line
   */
  public static StripeInvoiceLine of(String description, Money amount) {
    return new StripeInvoiceLine(description, null, null, amount, null, null, null);
  }

  /**
   * A line with quantity, unit price and total, no tax.
   *
   * @param description the text shown on the invoice
   * @param quantity the quantity, positive, or null (taken as 1)
   * @param unitPrice the price per unit, or null
   * @param amount the line total; negative for a credit line
   * @return the line
   */
  public static StripeInvoiceLine of(
      String description, @Nullable BigDecimal quantity, @Nullable Money unitPrice, Money amount) {
    return new StripeInvoiceLine(description, quantity, unitPrice, amount, null, null, null);
  }

  /**
   * This line with tax.
   *
   * @param tax the tax on the line in its currency, or null for none
   * @param label how the tax is named on the invoice, or null
   * @param ratePercent the tax rate in percent, 0 to 100, or null
   * @return a copy with the tax fields replaced
   */
  public StripeInvoiceLine withTax(@Nullable Money tax, @Nullable String label, @Nullable BigDecimal ratePercent) {
    return new StripeInvoiceLine(description, quantity, unitPrice, amount, tax, label, ratePercent);
  }

  /**
   * Whether the line carries tax.
   *
   * @return true when the tax amount is present and not zero
   */
  public boolean hasTax() {
    return taxAmount != null && !taxAmount.isZero();
  }
}
