package io.mlconnector.syspro;

import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.JournalEntry;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.role.PayablesLedger;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.Sink;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * SYSPRO as a {@link PayablesLedger}, on top of {@link SysproSync}: suppliers ({@code ApSupplier})
 * and GL accounts ({@code GenMaster}) out; vendors into APSSSP, AP invoices into APSTIN (stamped in
 * {@code TransactionReference}; APSTIN's own supplier + invoice duplicate check backs the stamp of an
 * invoice, the note lookup table that of a credit or debit note),
 * GL journals into GENTJL for tenants that post to the GL only. SYSPRO keeps no cost centres apart
 * from the GL. AP payments are taken up to the posting and parked with the reason (see {@link
 * #apPayments()}): the reference names the manual AP payment object (APSTPM) but confirms no
 * schema for it.
 *
 * <pre>{@code
 * PayablesLedger.Provider syspro = SysproPayables.provider(tenant -> SysproSync.builder(clientOf(tenant)).build());
 * }</pre>
 */
public final class SysproPayables implements PayablesLedger {
  private final SysproSync sync;

  private SysproPayables(SysproSync sync) {
    this.sync = Objects.requireNonNull(sync, "sync");
  }

  /**
   * The ledger over {@code sync}'s tenant.
   *
   * @param sync one tenant's sources and sinks
   * @return the payables ledger
   */
  public static SysproPayables of(SysproSync sync) {
    return new SysproPayables(sync);
  }

  @Override
  public PollSource<Vendor> vendors() {
    return sync.suppliers();
  }

  @Override
  public PollSource<GlAccount> glAccounts() {
    return sync.glAccounts();
  }

  @Override
  public Sink<Vendor> vendorSink() {
    return sync.supplierSink();
  }

  /**
   * APSTIN. A credit or debit note is posted against the invoice of the same number (APSTIN's
   * rule) and gets a ref of its own ({@code supplier|invoice|C} or {@code |D}), so it does not
   * take the invoice's mapping; it is found again by its stamp in the note lookup table ({@link
   * SysproSync.Builder#apNoteReferenceTable}), so a note whose answer was lost is adopted, not
   * posted twice. A posted note is never changed: SYSPRO changes it only by an adjustment.
   */
  @Override
  public Sink<Invoice> apInvoices() {
    Sink<Invoice> base = sync.apInvoices();
    return new Sink<>() {
      @Override
      public String system() {
        return base.system();
      }

      @Override
      public io.mlconnector.core.sync.WriteResult create(Invoice inv, io.mlconnector.core.sync.WriteContext ctx) {
        return base.create(inv, ctx);
      }

      @Override
      public io.mlconnector.core.sync.WriteResult update(
          io.mlconnector.core.model.ExternalRef target, Invoice inv, io.mlconnector.core.sync.WriteContext ctx) {
        if (inv.documentType() != Invoice.DocumentType.INVOICE) {
          throw new io.mlconnector.core.error.RejectedException(
              io.mlconnector.core.error.ErrorDetails.of(SysproRefs.SYSTEM, "APSTIN post").withRemote("refused",
                  "note " + target.id() + " is posted; SYSPRO changes it only by an adjustment"));
        }
        return base.update(target, inv, ctx);
      }

      @Override
      public Optional<io.mlconnector.core.sync.WriteResult> findByStamp(
          io.mlconnector.core.model.ExternalRef source, io.mlconnector.core.sync.WriteContext ctx) {
        return base.findByStamp(source, ctx);
      }
    };
  }

  /**
   * AP payments, up to the posting: a payment reaches this sink mapped to its SYSPRO supplier and
   * AP invoices and is parked with {@link
   * io.mlconnector.syspro.internal.ApGlSinks.ApPaymentsNotPosted#REASON} (naming what the reference
   * lacks for APSTPM), so nothing is lost and it can be replayed once posting is built. The
   * payables integration runs this flow only with {@code payments(true)}.
   */
  @Override
  public Optional<Sink<io.mlconnector.core.model.Payment>> apPayments() {
    return Optional.of(new io.mlconnector.syspro.internal.ApGlSinks.ApPaymentsNotPosted());
  }

  @Override
  public Optional<Sink<JournalEntry>> journals() {
    return Optional.of(sync.journals());
  }

  /**
   * The provider for the payables integration; {@code syncs} is called once per tenant.
   *
   * @param syncs each tenant's sources and sinks
   * @return the provider of system {@code syspro}
   */
  public static PayablesLedger.Provider provider(Function<String, SysproSync> syncs) {
    Objects.requireNonNull(syncs, "syncs");
    return new PayablesLedger.Provider() {
      @Override
      public String system() {
        return SysproRefs.SYSTEM;
      }

      @Override
      public String vendorType() {
        return SysproRefs.SUPPLIER;
      }

      @Override
      public PayablesLedger forTenant(String tenant) {
        return of(syncs.apply(tenant));
      }
    };
  }
}
