package io.mlconnector.stripe;

/** How the lines of a new (or redone) draft invoice are sent to Stripe. */
public enum InvoiceLineMode {
  /**
   * All lines in one {@code POST /v1/invoices/{id}/add_lines} request with {@code lines[n][...]}
   * (the default): an invoice costs draft + lines + send, whatever its line count. A
   * whole-number quantity is sent as {@code quantity} next to the line's {@code amount} (the line
   * total); that Stripe accepts both on an add_lines line is not confirmed by the reference, so
   * {@link #INVOICE_ITEMS} stays available.
   */
  ADD_LINES,
  /**
   * One {@code POST /v1/invoiceitems} per line (and per tax line with {@link TaxMode#AS_LINES}),
   * with {@code quantity} and {@code unit_amount_decimal} where the quantity is whole: for API
   * versions or accounts where {@code add_lines} is unavailable. Only applies to {@link
   * TaxMode#AS_LINES}; {@link TaxMode#AS_TAX_AMOUNTS} always uses {@code add_lines}.
   */
  INVOICE_ITEMS
}
