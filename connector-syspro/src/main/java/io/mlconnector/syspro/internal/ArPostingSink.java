package io.mlconnector.syspro.internal;

import io.mlconnector.core.model.Dispute;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.PaymentApplication;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import io.mlconnector.syspro.BusinessObjectResult;
import io.mlconnector.syspro.KeyFormat;
import io.mlconnector.syspro.SysproClient;
import io.mlconnector.syspro.SysproElement;
import io.mlconnector.syspro.SysproRefs;
import io.mlconnector.syspro.bo.ArPaymentPost;
import io.mlconnector.syspro.bo.PostingOptions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ARSTPY sinks: payments against invoices, and adjustments for refunds and disputes. Every posting
 * carries the source's stamp (the Stripe charge, refund or dispute id) as its {@code Reference}, so
 * {@link #findByStamp} finds it in the AR payment history with COMFND. ARSTPY has no idempotency
 * key and does not refuse a repeated payment: the engine looks a pending write up by its stamp
 * before writing again.
 *
 * @param <T> Payment, Refund or Dispute
 */
public abstract class ArPostingSink<T> implements Sink<T> {

  private static final Logger LOG = LoggerFactory.getLogger(ArPostingSink.class);

  final SysproClient client;
  final String tenant;
  final PostingOptions options;
  final String table;
  final String column;
  final KeyFormat customerKeys;

  ArPostingSink(
      SysproClient client, String tenant, PostingOptions options, String table, String column) {
    this.client = client;
    this.tenant = tenant;
    this.options = options;
    this.table = table;
    this.column = column;
    this.customerKeys = client.config().customerKeys();
  }

  /** The customer code of {@code ref}, as the company's key format writes it. */
  String customerCode(ExternalRef ref, String field, String operation) {
    String id = Postings.idOf(ref, SysproRefs.CUSTOMER, field, operation);
    try {
      return customerKeys.normalize(field, id);
    } catch (IllegalArgumentException e) {
      throw Postings.refuse(operation, e.getMessage());
    }
  }

  /** The (customer, invoice, type) of an invoice ref, its customer in the company's key format. */
  List<String> invoiceOf(ExternalRef invoice, String customer, String field, String operation) {
    List<String> inv = invoiceKey(invoice, field, operation);
    String owner;
    try {
      owner = customerKeys.normalize(field + " customer", inv.get(0));
    } catch (IllegalArgumentException e) {
      throw Postings.refuse(operation, e.getMessage());
    }
    if (!owner.equals(customer)) {
      throw Postings.refuse(
          operation,
          "invoice " + invoice.id() + " belongs to customer " + owner + ", not " + customer);
    }
    return inv;
  }

  @Override
  public String system() {
    return SysproRefs.SYSTEM;
  }

  @Override
  public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
    return find(SysproRefs.stamp(source));
  }

  Optional<WriteResult> find(String reference) {
    List<SysproElement> rows = Postings.rowsWhere(client, table, column, reference);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    String id = Postings.keyOf(rows.get(0), "TrnYear", "TrnMonth", "Journal");
    return Optional.of(
        Postings.result(
            ExternalRef.of(SysproRefs.SYSTEM, tenant, SysproRefs.AR_PAYMENT, id),
            Map.of("reference", reference),
            null));
  }

  WriteResult posted(BusinessObjectResult result, String reference, String operation) {
    String id =
        Postings.firstKey(result, "TrnYear", "TrnMonth", "Journal")
            .orElseThrow(() -> Postings.refuse(operation, "ARSTPY answered without a journal key"));
    return Postings.result(
        ExternalRef.of(SysproRefs.SYSTEM, tenant, SysproRefs.AR_PAYMENT, id),
        Map.of("reference", reference),
        null);
  }

  static List<String> invoiceKey(ExternalRef invoice, String field, String operation) {
    Postings.idOf(invoice, SysproRefs.AR_INVOICE, field, operation);
    try {
      return SysproRefs.parts(invoice, SysproRefs.AR_INVOICE, 3);
    } catch (IllegalArgumentException e) {
      throw Postings.refuse(operation, field + ": " + e.getMessage());
    }
  }

  WriteResult adjust(
      String operation,
      ExternalRef customerRef,
      ExternalRef invoiceRef,
      Money amount,
      String reference,
      String notation) {
    String customer = customerCode(customerRef, "party", operation);
    List<String> inv = invoiceOf(invoiceRef, customer, "invoice", operation);
    ArPaymentPost doc = new ArPaymentPost();
    doc.addItems(
        new ArPaymentPost.Item()
            .adjustments(
                new ArPaymentPost.Adjustments()
                    .customer(customer)
                    .addInvoicesToAdjust(
                        new ArPaymentPost.InvoiceToAdjust()
                            .transactionType(inv.get(2))
                            .invoice(inv.get(1))
                            .adjustmentValue(amount.amount())
                            .reference(reference)
                            .journalNotation(notation))));
    return posted(client.post(doc, options), reference, operation);
  }

  /** Payments against invoices. */
  public static final class Payments extends ArPostingSink<Payment> {
    /** A payment sink. */
    public Payments(
        SysproClient client, String tenant, PostingOptions options, String table, String column) {
      super(client, tenant, options.with("AutoCorrectPaymentValue", "N"), table, column);
    }

    @Override
    public WriteResult create(Payment p, WriteContext context) {
      String op = "ARSTPY payment";
      String customer = customerCode(p.party(), "payment party", op);
      if (p.direction() != Payment.Direction.RECEIVED) {
        throw Postings.refuse(
            op, "only received payments post to AR; " + p.ref() + " was " + p.direction());
      }
      if (p.status() != Payment.Status.SUCCEEDED) {
        throw Postings.refuse(
            op, "only settled payments post to AR; " + p.ref() + " is " + p.status());
      }
      if (p.applications().isEmpty()) {
        throw Postings.refuse(op, "payment " + p.ref().id() + " is applied to no invoice");
      }
      if (p.unapplied().isPositive()) {
        throw Postings.refuse(
            op,
            "payment "
                + p.ref().id()
                + " leaves "
                + p.unapplied()
                + " unapplied; ARSTPY posts fully distributed payments only");
      }
      String reference = SysproRefs.stamp(context.source());
      ArPaymentPost.Payment payment =
          new ArPaymentPost.Payment()
              .customer(customer)
              .paymentValue(p.amount().amount())
              .reference(reference)
              .paymentDate(p.date())
              .journalNotation(notation(p.memo(), p.reference()));
      for (PaymentApplication a : p.applications()) {
        List<String> inv = invoiceOf(a.invoice(), customer, "payment application invoice", op);
        BigDecimal discount = a.discount() == null ? BigDecimal.ZERO : a.discount().amount();
        payment.addInvoicesToPay(
            new ArPaymentPost.InvoiceToPay()
                .transactionType(inv.get(2))
                .invoice(inv.get(1))
                .grossPaymentValue(a.amount().amount().add(discount))
                .discountValue(discount));
      }
      ArPaymentPost doc = new ArPaymentPost();
      doc.addItems(new ArPaymentPost.Item().payment(payment));
      return posted(client.post(doc, options), reference, op);
    }

    /**
     * A posted ARSTPY payment cannot be changed. A later version that is still settled is taken as
     * posted (a memo or metadata change); one that failed or was cancelled is refused so that it is
     * parked for a person to reverse the payment in SYSPRO.
     */
    @Override
    public WriteResult update(ExternalRef target, Payment p, WriteContext context) {
      if (p.status() == Payment.Status.FAILED || p.status() == Payment.Status.CANCELLED) {
        throw Postings.refuse(
            "ARSTPY payment",
            "payment "
                + p.ref().id()
                + " is "
                + p.status()
                + " after it was posted as SYSPRO AR payment "
                + target.id()
                + "; reverse it in SYSPRO");
      }
      LOG.info(
          "SYSPRO AR payment {} is posted; the new version of {} changes nothing to post",
          target.id(),
          p.ref());
      return WriteResult.of(target);
    }
  }

  /** Refunds: a positive adjustment of the refunded invoice (its balance goes back up). */
  public static final class Refunds extends ArPostingSink<Refund> {
    /** A refund sink. */
    public Refunds(
        SysproClient client, String tenant, PostingOptions options, String table, String column) {
      super(client, tenant, options, table, column);
    }

    @Override
    public WriteResult create(Refund r, WriteContext context) {
      String op = "ARSTPY refund";
      if (r.status() != Refund.Status.SUCCEEDED) {
        throw Postings.refuse(
            op, "only settled refunds post to AR; " + r.ref() + " is " + r.status());
      }
      return adjust(
          op,
          r.party(),
          r.invoice(),
          r.amount(),
          SysproRefs.stamp(context.source()),
          notation("Refund " + (r.reason() == null ? "" : r.reason()), r.reference()));
    }

    @Override
    public WriteResult update(ExternalRef target, Refund r, WriteContext context) {
      LOG.warn(
          "SYSPRO refund adjustment {} is posted and cannot be changed; {} not applied",
          target.id(),
          r.ref());
      return WriteResult.of(target);
    }
  }

  /**
   * Disputes: when the funds are withdrawn (needs response, under review, lost) the invoice is
   * re-opened with a positive adjustment; a won dispute posts the reversing adjustment (reference
   * with suffix {@code -W}), once. Inquiries and closed inquiries post nothing.
   */
  public static final class Disputes extends ArPostingSink<Dispute> {
    /** A dispute sink. */
    public Disputes(
        SysproClient client, String tenant, PostingOptions options, String table, String column) {
      super(client, tenant, options, table, column);
    }

    @Override
    public WriteResult create(Dispute d, WriteContext context) {
      String reference = SysproRefs.stamp(context.source());
      if (!withdrawn(d.status()) && d.status() != Dispute.Status.WON) {
        return Postings.result(
            ExternalRef.of(SysproRefs.SYSTEM, tenant, SysproRefs.AR_PAYMENT, "none:" + reference),
            Map.of("reference", reference, "posted", "false"),
            null);
      }
      WriteResult withdrawal =
          adjust(
              "ARSTPY dispute",
              d.party(),
              d.invoice(),
              d.amount(),
              reference,
              "Dispute " + d.status());
      if (d.status() == Dispute.Status.WON) {
        return reverse(withdrawal.target(), d, context);
      }
      return withdrawal;
    }

    @Override
    public WriteResult update(ExternalRef target, Dispute d, WriteContext context) {
      if (target.id().startsWith("none:")) {
        return withdrawn(d.status()) || d.status() == Dispute.Status.WON
            ? create(d, context)
            : WriteResult.of(target);
      }
      if (d.status() == Dispute.Status.WON) {
        return reverse(target, d, context);
      }
      return WriteResult.of(target);
    }

    private WriteResult reverse(ExternalRef withdrawal, Dispute d, WriteContext context) {
      String reference = SysproRefs.stamp(context.source(), "-W");
      if (find(reference).isEmpty()) {
        adjust(
            "ARSTPY dispute won",
            d.party(),
            d.invoice(),
            d.amount().negate(),
            reference,
            "Dispute won");
      }
      return Postings.result(
          withdrawal,
          Map.of("reference", SysproRefs.stamp(context.source()), "reversal", reference),
          null);
    }

    private static boolean withdrawn(Dispute.Status s) {
      return s == Dispute.Status.NEEDS_RESPONSE
          || s == Dispute.Status.UNDER_REVIEW
          || s == Dispute.Status.LOST;
    }
  }

  static String notation(@Nullable String memo, @Nullable String reference) {
    String n = memo != null && !memo.isBlank() ? memo : reference != null ? "Ref " + reference : "";
    n = n.strip();
    return n.length() > 50 ? n.substring(0, 50) : n;
  }
}
