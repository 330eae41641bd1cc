package io.mlconnector.core.role;

import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.Dispute;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.JournalEntry;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.Sink;
import java.util.Optional;

/**
 * The AR side of an ERP for one tenant: customers and AR invoices go out to a {@link Collector},
 * the money collected on them comes back.
 *
 * <p>Every sink stamps the source ref on what it writes and finds it again by that stamp ({@link
 * Sink#findByStamp}); the receivables integration relies on it for its exactly-once effect.
 *
 * <p>The records coming back are shaped by the integration before they reach the sinks: a {@link
 * Payment}'s applications name this ledger's invoices and its party is the customer {@link
 * Provider#customerOf} names (or null where the ref does not say, and the sink finds the customer
 * from the invoice); a {@link Refund}'s and a {@link Dispute}'s {@code invoice} is this ledger's
 * invoice and their {@code payment} is the collector's payment, already posted here.
 */
public interface ReceivablesLedger {

  /** {@return customers, in change order} */
  PollSource<Customer> customers();

  /**
   * AR invoices with their lines, in change order. An invoice cancelled in the ERP is emitted with
   * status {@link Invoice.Status#CANCELLED}; one paid in full has status {@link
   * Invoice.Status#PAID}.
   *
   * @return the AR invoice source
   */
  PollSource<Invoice> invoices();

  /**
   * Applies payments to AR invoices (a payment received, settled, applied to the invoices named).
   *
   * @return the payment sink
   */
  Sink<Payment> payments();

  /**
   * Records money returned to a customer against the invoice it had paid.
   *
   * @return the refund sink
   */
  Sink<Refund> refunds();

  /**
   * Records funds withdrawn by a dispute (and returned when the dispute is won).
   *
   * @return the dispute sink
   */
  Sink<Dispute> disputes();

  /**
   * GL journals for what the AR documents do not carry (processing fees, payouts moving money from a
   * clearing account to the bank), where the ERP takes them; empty by default. The receivables
   * integration runs its fee and payout flows only when the ledger offers journals and the
   * collector offers the records.
   *
   * @return the journal sink; empty where the ERP takes no journals
   */
  default Optional<Sink<JournalEntry>> journals() {
    return Optional.empty();
  }

  /**
   * What the customer still owes on {@code invoice} as this ledger reads it (default {@link
   * Invoice#amountDue()}). The reconciliation compares it with what the collector says is owed.
   *
   * @param invoice the AR invoice as this ledger emitted it
   * @return the open balance, in the invoice's currency
   */
  default Money openBalance(Invoice invoice) {
    return invoice.amountDue();
  }

  /**
   * What the integration must know of a receivables ledger before any tenant's client exists, and
   * the factory of the per-tenant ledgers. A connector offers one, for example {@code
   * SysproLedger.provider(tenant -> sysproClientOf(tenant))}.
   */
  interface Provider {

    /**
     * {@return the ERP's system name, lower case (the refs' and mappings' system), for example
     * {@code syspro}}
     */
    String system();

    /**
     * {@return the ERP's name as people write it, for messages (default {@link #system()}), for
     * example {@code SYSPRO}}
     */
    default String displayName() {
      return system();
    }

    /** {@return the record type of this ledger's customer refs, for example {@code customer}} */
    String customerType();

    /**
     * {@return the record type of this ledger's AR invoice refs, for example {@code ar-invoice}}
     */
    String invoiceType();

    /**
     * The customer that owns the AR invoice {@code invoice} when its ref says so (SYSPRO's refs
     * carry the customer code); empty when only the ERP knows, and then the payment sinks find it
     * from the invoice. Pure: no remote call.
     *
     * @param invoice the ref of one of this ledger's AR invoices
     * @return the owning customer's ref; empty when the invoice ref does not name it
     */
    Optional<ExternalRef> customerOf(ExternalRef invoice);

    /**
     * The ledger serving {@code tenant}, created once per tenant and kept by the caller.
     *
     * @param tenant the tenant id
     * @return a new ledger for the tenant
     */
    ReceivablesLedger forTenant(String tenant);

    /**
     * Whether a refund or funds withdrawn by a dispute re-open the invoice in this ERP (default
     * true: the invoice owes the returned amount again, as SYSPRO's AR adjustments do). False for a
     * ledger that books them as GL journals and leaves the invoice settled (Acumatica): the
     * reconciliation then compares the open balance with what the collector says remains, without
     * what went back ({@link CollectedInvoice#remaining()}).
     *
     * @return true where returned money re-opens the invoice
     */
    default boolean refundsReopenInvoices() {
      return true;
    }

    /**
     * Whether {@code ref} is one of this ledger's AR invoices.
     *
     * @param ref any external ref
     * @return true when its system is this ledger's and its type is {@link #invoiceType()}
     */
    default boolean isInvoice(ExternalRef ref) {
      return system().equals(ref.system()) && invoiceType().equals(ref.type());
    }
  }
}
