package io.mlconnector.core.model;

/**
 * The part of a {@link Payment} applied to one invoice.
 *
 * @param invoice the invoice paid
 * @param amount the amount applied to it, positive, in the payment's currency
 * @param discount a settlement discount granted on the invoice with this payment; zero if none
 */
public record PaymentApplication(ExternalRef invoice, Money amount, Money discount) {

  /**
   * Validates the fields; a null discount is zero.
   *
   * @param invoice the invoice paid
   * @param amount the amount applied to it, positive, in the payment's currency
   * @param discount a settlement discount granted on the invoice with this payment; zero if none
   */
  public PaymentApplication {
    Checks.notNull(invoice, "PaymentApplication.invoice");
    String what = "PaymentApplication to " + invoice.id();
    Checks.positive(amount, what + " amount");
    discount = discount == null ? Money.zero(amount.currency()) : discount;
    Checks.nonNegative(discount, what + " discount");
    Checks.inCurrency(discount, amount.currency(), what + " discount");
  }

  /**
   * {@code amount} applied to {@code invoice}, without discount.
   *
   * @param invoice the ref of the invoice paid
   * @param amount the part of the payment applied to it
   * @return the application
   */
  public static PaymentApplication of(ExternalRef invoice, Money amount) {
    return new PaymentApplication(invoice, amount, null);
  }
}
