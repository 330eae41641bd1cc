package io.mlconnector.core.role;

import io.mlconnector.core.model.Money;
import java.util.Objects;

/**
 * What a {@link Collector} says of an invoice it collects, for reconciliation.
 *
 * @param id the collector's invoice id (after a void and re-issue: the invoice collecting now)
 * @param status the collector's own status word, for example {@code open}, {@code paid}, {@code void}
 * @param total the invoice total (lines and tax)
 * @param owed what the customer still owes on it as the collector sees it: what remains, plus what
 *     went back to the customer after paying (refunds, funds withdrawn by disputes); zero on an
 *     invoice voided because the ERP cancelled it
 */
public record CollectedInvoice(String id, String status, Money total, Money owed) {
  /** Checks that every field is set and the amounts share a currency. */
  public CollectedInvoice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(owed, "owed");
    if (!total.currency().equals(owed.currency())) {
      throw new IllegalArgumentException(
          "total and owed must share a currency, were " + total.currencyCode() + " and " + owed.currencyCode());
    }
  }
}
