package io.mlconnector.integrations.internal;

import io.mlconnector.core.mapping.Mapper;
import io.mlconnector.core.mapping.MappingContext;
import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.Dispute;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Fee;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.JournalEntry;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.PaymentApplication;
import io.mlconnector.core.model.Payout;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.role.Collector;
import io.mlconnector.core.role.ReceivablesLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The default mappers of a receivables pair, for any ledger and collector.
 *
 * <ul>
 *   <li>Customer and invoice: the collector's defaults; an invoice already paid or cancelled in the
 *       ledger before it ever reached the collector is refused (there is nothing to collect).
 *   <li>Payment, refund, dispute (collector to ledger): the sources name the ledger invoice behind
 *       the collector's invoice (its stamp), or the collector's invoice, which the ID mappings lead
 *       back to the ledger invoice; either defers the record while that invoice is not issued. The
 *       invoice's customer, where the ledger's refs say it, is the party. A payment that did not
 *       succeed is refused with its status; a refund or dispute waits until its payment is posted.
 *   <li>Fee and payout: GL journals through the accounts in reference table {@value
 *       JournalMappers#TABLE} ({@link JournalMappers}).
 * </ul>
 */
public final class ReceivablesMappers implements Mapper.Factory {
  private final ReceivablesLedger.Provider ledger;
  private final Collector.Provider<?, ?> collector;
  private final String erp;
  private final String col;
  private final Mapper<Payment, Payment> payment;
  private final Mapper<Refund, Refund> refund;
  private final Mapper<Dispute, Dispute> dispute;

  /** The mappers between {@code ledger} and {@code collector}. */
  public ReceivablesMappers(ReceivablesLedger.Provider ledger, Collector.Provider<?, ?> collector) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.collector = Objects.requireNonNull(collector, "collector");
    this.erp = ledger.displayName();
    this.col = collector.displayName();
    this.payment = this::payment;
    this.refund = this::refund;
    this.dispute = this::dispute;
  }

  @Override
  public @Nullable Mapper<?, ?> create(Class<?> sourceType, Class<?> targetType, String tenant) {
    if (sourceType == Customer.class && targetType == collector.customerType()) {
      return collector.defaultMappers().create(sourceType, targetType, tenant);
    }
    if (sourceType == Invoice.class && targetType == collector.invoiceType()) {
      Mapper<?, ?> base = collector.defaultMappers().create(sourceType, targetType, tenant);
      return base == null ? null : guarded(base);
    }
    if (sourceType == Payment.class && targetType == Payment.class) {
      return payment;
    }
    if (sourceType == Refund.class && targetType == Refund.class) {
      return refund;
    }
    if (sourceType == Dispute.class && targetType == Dispute.class) {
      return dispute;
    }
    if (sourceType == Fee.class && targetType == JournalEntry.class) {
      return JournalMappers.fee(ledger.system());
    }
    if (sourceType == Payout.class && targetType == JournalEntry.class) {
      return JournalMappers.payout(ledger.system());
    }
    return null;
  }

  private <T> Mapper<Invoice, T> guarded(Mapper<?, ?> raw) {
    @SuppressWarnings("unchecked")
    Mapper<Invoice, T> base = (Mapper<Invoice, T>) raw;
    return (inv, context) -> {
      boolean issued = context.resolve(inv.ref(), collector.system()).isPresent();
      if (!issued && inv.status() == Invoice.Status.PAID) {
        throw context.refuse("invoice " + inv.number() + " was paid in " + erp + " before it reached "
            + col + "; there is nothing to collect");
      }
      if (!issued && inv.status() == Invoice.Status.CANCELLED) {
        throw context.refuse("invoice " + inv.number() + " was cancelled in " + erp + " before it reached "
            + col + "; there is nothing to collect");
      }
      return base.map(inv, context);
    };
  }

  private Payment payment(Payment p, MappingContext context) {
    if (p.status() != Payment.Status.SUCCEEDED) {
      throw context.refuse("payment " + p.ref().id() + " is " + p.status()
          + "; only succeeded payments are posted to " + erp);
    }
    if (p.applications().isEmpty()) {
      throw context.refuse("payment " + p.ref().id() + " paid no " + col + " invoice");
    }
    List<PaymentApplication> applications = new ArrayList<>();
    ExternalRef customer = null;
    for (PaymentApplication a : p.applications()) {
      ExternalRef invoice = ledgerInvoice(context, a.invoice());
      ExternalRef owner = ledger.customerOf(invoice).orElse(null);
      if (owner != null && customer != null && !customer.equals(owner)) {
        throw context.refuse("payment " + p.ref().id() + " pays invoices of two " + erp + " customers ("
            + customer.id() + ", " + owner.id() + "); one payment is posted for one customer");
      }
      customer = owner != null ? owner : customer;
      applications.add(new PaymentApplication(invoice, a.amount(), a.discount()));
    }
    return p.toBuilder().party(customer).applications(applications).build();
  }

  private Refund refund(Refund r, MappingContext context) {
    if (r.invoice() == null) {
      throw context.refuse("refund " + r.ref().id() + " is of a payment that paid no " + col + " invoice");
    }
    if (r.payment() != null) {
      context.require(r.payment(), ledger.system());
    }
    ExternalRef invoice = ledgerInvoice(context, r.invoice());
    return r.toBuilder().party(ledger.customerOf(invoice).orElse(null)).invoice(invoice).build();
  }

  private Dispute dispute(Dispute d, MappingContext context) {
    if (d.invoice() == null) {
      throw context.refuse("dispute " + d.ref().id() + " is of a payment that paid no " + col + " invoice");
    }
    if (d.payment() != null) {
      context.require(d.payment(), ledger.system());
    }
    ExternalRef invoice = ledgerInvoice(context, d.invoice());
    return d.toBuilder().party(ledger.customerOf(invoice).orElse(null)).invoice(invoice).build();
  }

  /**
   * The ledger invoice behind {@code invoice}: a ledger ref (named by the source from the collector
   * invoice's stamp) must have been issued by this tenant's invoice flow; a collector ref is looked
   * up in the ID mappings. Either defers the record while the invoice is not synced.
   */
  private ExternalRef ledgerInvoice(MappingContext context, ExternalRef invoice) {
    if (ledger.isInvoice(invoice)) {
      if (context.resolve(invoice, collector.system()).isEmpty()) {
        throw context.defer(invoice, erp + " invoice " + invoice.id() + " is not (yet) issued in "
            + col);
      }
      return invoice;
    }
    if (!collector.system().equals(invoice.system())) {
      throw context.refuse("expected a " + col + " or " + erp + " invoice, got " + invoice);
    }
    return context.sourceOf(invoice, ledger.system()).filter(ledger::isInvoice)
        .orElseThrow(() -> context.defer(invoice, col + " invoice " + invoice.id()
            + " is not (yet) mapped to a " + erp + " invoice"));
  }
}
