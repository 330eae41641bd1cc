package io.mlconnector.stripe;

import org.jspecify.annotations.Nullable;

/**
 * What {@link StripeConnector#changeInvoice} did with an ERP change of an invoice.
 *
 * @param outcome what happened
 * @param invoice the Stripe invoice the ERP invoice now maps to (a new one after a re-issue)
 * @param replacedInvoiceId the voided invoice after {@link Outcome#REISSUED}, else null
 * @param creditNoteId the credit note after {@link Outcome#CREDITED}, else null
 */
public record InvoiceChange(
    Outcome outcome,
    StripeInvoice invoice,
    @Nullable String replacedInvoiceId,
    @Nullable String creditNoteId) {

  /** The possible outcomes. */
  public enum Outcome {
    /** The invoice was still a draft: its lines were replaced, then it was finalized (and sent). */
    UPDATED_DRAFT,
    /** The open invoice was voided and a new one issued; update the mapping to the new id. */
    REISSUED,
    /** The open invoice was reduced by a credit note. */
    CREDITED,
    /** Nothing to change: the totals and lines already match. */
    UNCHANGED
  }
}
