package io.mlconnector.syspro;

/**
 * How {@link SysproSync#arInvoices()} recognises an AR invoice cancelled in SYSPRO, which it then
 * emits with status {@link io.mlconnector.core.model.Invoice.Status#CANCELLED} (connector-stripe
 * voids the Stripe invoice). Set with {@link SysproSync.Builder#arCancellation}.
 *
 * <p><b>Unconfirmed</b>: the reference does not say how a cancelled or reversed AR invoice shows in
 * SYSPRO's tables; the default rule follows the {@code ArInvoice} key ({@code Customer}, {@code
 * Invoice}, {@code DocumentType}), which lets a credit note carry the number of the invoice it
 * reverses. Check a reversal on the site and choose {@link #NONE} if it looks different.
 */
public enum ArCancellationRule {
  /** No invoice is ever reported as cancelled; credit notes are emitted as documents of their own. */
  NONE,
  /**
   * An invoice ({@code DocumentType='I'}) whose open balance ({@code InvoiceBal1}) is zero and
   * which has a credit note ({@code DocumentType='C'}) under the same customer and invoice number
   * crediting at least its full value ({@code CurrencyValue}) is cancelled. That credit note is the
   * cancellation, so it is not emitted as a document of its own (other credit notes still are).
   */
  CREDIT_NOTE_SAME_NUMBER
}
