package io.mlconnector.core.role;

import io.mlconnector.core.model.CostCenter;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.JournalEntry;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.Sink;
import java.util.Optional;

/**
 * The AP side of an ERP for one tenant: vendors both ways, AP invoices (or GL journals where the
 * tenant posts to the GL only) and AP payments in, GL accounts and cost centres out as reference
 * data for the AP system.
 *
 * <p>Every sink stamps the source ref on what it posts and finds it again by that stamp; an AP
 * invoice sink's stamp should be the ERP's own duplicate check where it has one (supplier + invoice
 * number), so that the same invoice read from two files never posts twice.
 */
public interface PayablesLedger {

  /** {@return vendors (suppliers), in change order} */
  PollSource<Vendor> vendors();

  /** {@return GL accounts, in change order} */
  PollSource<GlAccount> glAccounts();

  /** {@return cost centres; empty where the ERP keeps none apart from the GL} */
  default Optional<PollSource<CostCenter>> costCenters() {
    return Optional.empty();
  }

  /**
   * Creates and updates vendors coming from the AP system.
   *
   * @return the vendor sink
   */
  Sink<Vendor> vendorSink();

  /**
   * Posts AP invoices with their GL distribution.
   *
   * @return the AP invoice sink
   */
  Sink<Invoice> apInvoices();

  /**
   * Posts GL journals (AP invoices for a tenant that posts to the GL only).
   *
   * @return the journal sink; empty where unsupported
   */
  default Optional<Sink<JournalEntry>> journals() {
    return Optional.empty();
  }

  /**
   * Posts AP payments made in the AP system.
   *
   * @return the AP payment sink; empty where unsupported
   */
  default Optional<Sink<Payment>> apPayments() {
    return Optional.empty();
  }

  /**
   * What the payables integration must know of a payables ledger before any tenant's client exists,
   * and the factory of the per-tenant ledgers.
   */
  interface Provider {

    /** {@return the ERP's system name, lower case, for example {@code syspro}} */
    String system();

    /** {@return the record type of this ledger's vendor refs, for example {@code supplier}} */
    String vendorType();

    /**
     * The ledger serving {@code tenant}, created once per tenant and kept by the caller.
     *
     * @param tenant the tenant id
     * @return a new ledger for the tenant
     */
    PayablesLedger forTenant(String tenant);
  }
}
