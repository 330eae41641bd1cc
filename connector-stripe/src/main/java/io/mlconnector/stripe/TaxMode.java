package io.mlconnector.stripe;

/** How the ERP's tax amounts reach a Stripe invoice. */
public enum TaxMode {
  /** Each tax amount becomes its own invoice item, described by its label (the default; works without Stripe Tax). */
  AS_LINES,
  /**
   * Each tax amount is attached to its line as an invoice-line {@code tax_amounts} entry (through
   * {@code POST /v1/invoices/{id}/update_lines}), so the invoice shows tax in its tax section.
   */
  AS_TAX_AMOUNTS
}
