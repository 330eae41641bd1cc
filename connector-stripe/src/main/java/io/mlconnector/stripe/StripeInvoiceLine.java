package io.mlconnector.stripe;

import io.mlconnector.core.model.Money;
import java.math.BigDecimal;
import java.util.Objects;

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
    BigDecimal quantity,
    Money unitPrice,
    Money amount,
    Money taxAmount,
    String taxLabel,
    BigDecimal taxRatePercent) {

  /** Checks the fields: a description, an amount, a positive quantity, one currency, a rate in [0, 100]. */
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

  /** A line with an amount only (quantity 1, no tax). */
  public static StripeInvoiceLine of(String description, Money amount) {
    return new StripeInvoiceLine(description, null, null, amount, null, null, null);
  }

  /** A line with quantity, unit price and total, no tax. */
  public static StripeInvoiceLine of(String description, BigDecimal quantity, Money unitPrice, Money amount) {
    return new StripeInvoiceLine(description, quantity, unitPrice, amount, null, null, null);
  }

  /** This line with tax. */
  public StripeInvoiceLine withTax(Money tax, String label, BigDecimal ratePercent) {
    return new StripeInvoiceLine(description, quantity, unitPrice, amount, tax, label, ratePercent);
  }

  /** True when the line carries a non-zero tax amount. */
  public boolean hasTax() {
    return taxAmount != null && !taxAmount.isZero();
  }
}
