package io.mlconnector.syspro;

import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.Dispute;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.JournalEntry;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.role.ReceivablesLedger;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.TenantScoped;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * SYSPRO as a {@link ReceivablesLedger}: customers ({@code ArCustomer}) and AR invoices with their
 * lines out; payments, refunds and disputes posted through ARSTPY; GL journals through GENTJL when
 * asked for ({@link #withJournals()}). One instance serves one tenant's {@link SysproSync}.
 *
 * <pre>{@code
 * ReceivablesLedger.Provider syspro = SysproLedger.provider(tenant -> SysproSync.builder(clientOf(tenant)).build());
 * }</pre>
 *
 * <p>An AR invoice's ref carries its customer ({@code customer|invoice|type}), so {@link
 * Provider#customerOf} needs no call. The open balance is SYSPRO's own {@code InvoiceBal1}.
 */
public final class SysproLedger implements ReceivablesLedger {
  private final SysproSync sync;
  private final boolean journals;

  private SysproLedger(SysproSync sync, boolean journals) {
    this.sync = Objects.requireNonNull(sync, "sync");
    this.journals = journals;
  }

  /**
   * The ledger over {@code sync}'s sources and sinks (no GL journals).
   *
   * @param sync one tenant's sources and sinks
   * @return the ledger
   */
  public static SysproLedger of(SysproSync sync) {
    return new SysproLedger(sync, false);
  }

  /**
   * This ledger also taking GL journals through GENTJL (processing fees and payouts, when the
   * collector reports them and the tenant maps their GL accounts).
   *
   * @return a new ledger over the same sources and sinks; this one is unchanged
   */
  public SysproLedger withJournals() {
    return new SysproLedger(sync, true);
  }

  /**
   * The provider a receivables integration takes; {@code ledgers} is asked once per tenant.
   *
   * @param ledgers each tenant's ledger; must not answer null
   * @return the provider of system {@code syspro}
   */
  public static ReceivablesLedger.Provider provider(TenantScoped<SysproLedger> ledgers) {
    Objects.requireNonNull(ledgers, "ledgers");
    return new ReceivablesLedger.Provider() {
      @Override
      public String system() {
        return SysproRefs.SYSTEM;
      }

      @Override
      public String displayName() {
        return "SYSPRO";
      }

      @Override
      public String customerType() {
        return SysproRefs.CUSTOMER;
      }

      @Override
      public String invoiceType() {
        return SysproRefs.AR_INVOICE;
      }

      @Override
      public Optional<ExternalRef> customerOf(ExternalRef invoice) {
        if (!isInvoice(invoice)) {
          return Optional.empty();
        }
        return Optional.of(
            SysproRefs.customer(invoice.tenant(), SysproRefs.parts(invoice, SysproRefs.AR_INVOICE, 3).get(0)));
      }

      @Override
      public ReceivablesLedger forTenant(String tenant) {
        return Objects.requireNonNull(ledgers.forTenant(tenant), "ledger of tenant " + tenant);
      }
    };
  }

  /**
   * The sources and sinks underneath.
   *
   * @return the tenant's sources and sinks
   */
  public SysproSync sync() {
    return sync;
  }

  @Override
  public PollSource<Customer> customers() {
    return sync.customers();
  }

  @Override
  public PollSource<Invoice> invoices() {
    return sync.arInvoices();
  }

  @Override
  public Sink<Payment> payments() {
    return sync.payments();
  }

  @Override
  public Sink<Refund> refunds() {
    return sync.refunds();
  }

  @Override
  public Sink<Dispute> disputes() {
    return sync.disputes();
  }

  @Override
  public Optional<Sink<JournalEntry>> journals() {
    return journals ? Optional.of(sync.journals()) : Optional.empty();
  }

  /** SYSPRO's {@code InvoiceBal1} (zero when the row carries none). */
  @Override
  public Money openBalance(Invoice invoice) {
    return Money.of(invoice.extensions().get(SysproExtensions.OPEN_BALANCE).orElse(BigDecimal.ZERO), invoice.currency());
  }
}
