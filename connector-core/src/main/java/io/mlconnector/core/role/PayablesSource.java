package io.mlconnector.core.role;

import io.mlconnector.core.model.CostCenter;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.RecordSource;
import io.mlconnector.core.sync.Sink;
import java.util.Optional;

/**
 * An AP system (Stampli) for one tenant: approved AP invoices, AP payments and vendor changes come
 * out of it; vendors, GL accounts and cost centres are imported into it so its coders pick from the
 * ERP's lists.
 *
 * <p>Its inputs are of the one {@link Provider#inputKind() kind} the provider declares: a {@link
 * io.mlconnector.core.sync.FileSource} for a system that exports files, a {@link
 * io.mlconnector.core.sync.PollSource} for one with an API to read.
 */
public interface PayablesSource {

  /** {@return approved AP invoices (and credit memos) with their GL distribution lines} */
  RecordSource<Invoice> approvedInvoices();

  /** {@return AP payments made in the AP system; empty where it reports none} */
  default Optional<RecordSource<Payment>> payments() {
    return Optional.empty();
  }

  /** {@return vendors created or changed in the AP system; empty where it reports none} */
  default Optional<RecordSource<Vendor>> vendors() {
    return Optional.empty();
  }

  /**
   * Imports the ERP's vendors.
   *
   * @return the vendor import sink
   */
  Sink<Vendor> vendorImport();

  /**
   * Imports the ERP's GL accounts.
   *
   * @return the GL account import sink
   */
  Sink<GlAccount> glAccountImport();

  /**
   * Imports the ERP's cost centres.
   *
   * @return the cost centre import sink; empty where the AP system takes none
   */
  default Optional<Sink<CostCenter>> costCenterImport() {
    return Optional.empty();
  }

  /**
   * What the payables integration must know of an AP source before any tenant's client exists, and
   * the factory of the per-tenant sources.
   */
  interface Provider {

    /** {@return the AP system's name, lower case, for example {@code stampli}} */
    String system();

    /**
     * {@return the kind of every input of this source: {@link Flow.Kind#FILE} or {@link
     * Flow.Kind#POLL}}
     */
    Flow.Kind inputKind();

    /**
     * The source serving {@code tenant}, created once per tenant and kept by the caller.
     *
     * @param tenant the tenant id
     * @return a new AP source for the tenant
     */
    PayablesSource forTenant(String tenant);
  }
}
