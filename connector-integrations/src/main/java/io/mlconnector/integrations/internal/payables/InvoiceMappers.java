package io.mlconnector.integrations.internal.payables;

import io.mlconnector.core.mapping.Mapper;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.InvoiceLine;
import io.mlconnector.core.model.JournalEntry;
import io.mlconnector.core.model.JournalLine;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.PaymentApplication;
import java.util.ArrayList;
import java.util.List;

/** Maps approved AP invoices for the ledger (as AP invoices, or as GL journals) and AP payments. */
public final class InvoiceMappers {
  private InvoiceMappers() {}

  /** The invoice with the ledger's vendor and GL accounts (cost centres folded into the GL code by the table). */
  public static Mapper<Invoice, Invoice> apInvoice(LedgerRefs refs) {
    return (inv, ctx) -> {
      ExternalRef vendor = refs.vendor(inv.party(), ctx);
      List<InvoiceLine> lines = new ArrayList<>();
      for (InvoiceLine l : inv.lines()) {
        if (l.glAccount() == null) {
          throw ctx.refuse("invoice " + inv.number() + " line " + l.number() + " has no GL account");
        }
        String cc = l.costCenter() == null ? null : l.costCenter().id();
        lines.add(l.toBuilder().glAccount(refs.glAccount(l.glAccount(), cc, ctx)).costCenter(null).build());
      }
      return inv.toBuilder().vendor(vendor).lines(lines).build();
    };
  }

  /**
   * The invoice as a balanced GL journal: each line debits its expense account (credits, for a
   * credit memo), tax goes to the {@code ap-tax} account, the total to the {@code ap-control}
   * account (both from the tenant's {@code accounts} table).
   */
  public static Mapper<Invoice, JournalEntry> journal(LedgerRefs refs) {
    return (inv, ctx) -> {
      boolean credit = inv.documentType() == Invoice.DocumentType.CREDIT_NOTE;
      JournalEntry.Builder b = JournalEntry.builder().ref(inv.ref()).version(inv.version())
          .postingDate(inv.postingDate() != null ? inv.postingDate() : inv.issueDate())
          .currency(inv.currency())
          .description((credit ? "AP credit " : "AP invoice ") + inv.number() + " " + inv.party().id())
          .reference(inv.number())
          .source(inv.ref());
      for (InvoiceLine l : inv.lines()) {
        if (l.glAccount() == null) {
          throw ctx.refuse("invoice " + inv.number() + " line " + l.number() + " has no GL account");
        }
        ExternalRef gl = refs.glAccount(l.glAccount(), l.costCenter() == null ? null : l.costCenter().id(), ctx);
        b.addLine(side(gl, l.amount(), credit).withDescription(l.description()));
        if (!l.taxAmount().isZero()) {
          b.addLine(side(refs.account("ap-tax", ctx), l.taxAmount(), credit));
        }
      }
      Money headerTax = inv.taxTotal().minus(Money.sum(inv.currency(), inv.lines().stream().map(InvoiceLine::taxAmount).toList()));
      if (!headerTax.isZero()) {
        b.addLine(side(refs.account("ap-tax", ctx), headerTax, credit));
      }
      b.addLine(side(refs.account("ap-control", ctx), inv.total(), !credit));
      return b.build();
    };
  }

  private static JournalLine side(ExternalRef account, Money amount, boolean credit) {
    boolean debit = credit ? amount.isNegative() : !amount.isNegative();
    Money abs = amount.abs();
    return debit ? JournalLine.debit(account, abs) : JournalLine.credit(account, abs);
  }

  /**
   * A payment made in the AP system, for the ledger: its vendor resolved like an invoice's, each
   * paid invoice resolved to the ledger document it was posted as (deferred until that invoice is
   * posted). A voided payment is refused: reversing a posted payment is a person's job.
   */
  public static Mapper<Payment, Payment> apPayment(LedgerRefs refs, String ledgerSystem) {
    return (p, ctx) -> {
      if (p.status() == Payment.Status.CANCELLED) {
        throw ctx.refuse("payment " + p.ref().id() + " is voided in the AP system; reverse it in " + ledgerSystem
            + " by hand if it was posted");
      }
      ExternalRef vendor = refs.vendor(p.party(), ctx);
      List<PaymentApplication> apps = new ArrayList<>();
      for (PaymentApplication a : p.applications()) {
        ExternalRef posted = ctx.resolve(a.invoice(), ledgerSystem).orElseThrow(() -> ctx.defer(a.invoice(),
            "paid invoice " + a.invoice().id() + " is not posted to " + ledgerSystem + " yet"));
        apps.add(new PaymentApplication(posted, a.amount(), a.discount()));
      }
      return new Payment(p.ref(), p.version(), p.direction(), vendor, p.status(), p.method(), p.amount(), p.date(),
          p.reference(), apps, p.memo(), p.extensions());
    };
  }
}
