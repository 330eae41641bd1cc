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
 * @param returned the part of {@code owed} that went back to the customer after paying (refunds,
 *     withdrawn dispute funds); a ledger that records those as GL journals instead of re-opening
 *     the invoice ({@link ReceivablesLedger.Provider#refundsReopenInvoices()} false) is compared
 *     with {@code owed - returned}
 */
public record CollectedInvoice(String id, String status, Money total, Money owed, Money returned) {
  /**
   * Checks that every field is set and the amounts share a currency.
   *
   * @param id the collector's invoice id (after a void and re-issue: the invoice collecting now)
   * @param status the collector's own status word, for example {@code open}, {@code paid}, {@code
   *     void}
   * @param total the invoice total (lines and tax)
   * @param owed what the customer still owes on it as the collector sees it: what remains, plus
   *     what went back to the customer after paying (refunds, funds withdrawn by disputes); zero on
   *     an invoice voided because the ERP cancelled it
   * @param returned the part of {@code owed} that went back to the customer after paying (refunds,
   *     withdrawn dispute funds); a ledger that records those as GL journals instead of re-opening
   *     the invoice ({@link ReceivablesLedger.Provider#refundsReopenInvoices()} false) is compared
   *     with {@code owed - returned}
   */
  public CollectedInvoice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(owed, "owed");
    Objects.requireNonNull(returned, "returned");
    if (!total.currency().equals(owed.currency()) || !owed.currency().equals(returned.currency())) {
      throw new IllegalArgumentException("total, owed and returned must share a currency, were "
          + total.currencyCode() + ", " + owed.currencyCode() + " and " + returned.currencyCode());
    }
  }

  /**
   * An invoice from which nothing went back to the customer ({@code returned} zero).
   *
   * @param id the collector's invoice id
   * @param status the collector's own status word
   * @param total the invoice total (lines and tax)
   * @param owed what the customer still owes on it as the collector sees it
   */
  public CollectedInvoice(String id, String status, Money total, Money owed) {
    this(id, status, total, owed, Money.zero(owed.currency()));
  }

  /** {@return what is owed without what went back to the customer: {@code owed - returned}} */
  public Money remaining() {
    return owed.minus(returned);
  }
}
