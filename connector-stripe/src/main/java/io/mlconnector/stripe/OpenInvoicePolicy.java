package io.mlconnector.stripe;

/**
 * What {@link StripeConnector#changeInvoice} does when the ERP changes an invoice that Stripe has
 * already finalized ({@code open} or {@code uncollectible}). Stripe does not allow editing the lines
 * of a finalized invoice.
 */
public enum OpenInvoicePolicy {
  /** Void the open invoice and issue a new one with the changed lines (the default). */
  VOID_AND_REISSUE,
  /**
   * When the ERP total went down, issue a credit note for the difference against the open invoice;
   * any other change (an increase, a currency change, a decrease larger than what is still due) and
   * any {@code uncollectible} invoice (Stripe credits only open or paid invoices) fall back to
   * {@link #VOID_AND_REISSUE}. The difference is taken from what the invoice asks for now (its
   * total less earlier credit notes), so successive decreases each credit only their own step. A
   * decrease to exactly what is left credits the invoice to zero, and Stripe then marks it paid.
   */
  CREDIT_NOTE_FOR_DECREASE
}
