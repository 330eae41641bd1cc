package io.mlconnector.sapb1.internal;

import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.model.Dispute;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.PaymentApplication;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.odata.ODataFilter;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import io.mlconnector.sapb1.B1Batch;
import io.mlconnector.sapb1.B1BatchResult;
import io.mlconnector.sapb1.B1Entity;
import io.mlconnector.sapb1.Document;
import io.mlconnector.sapb1.IncomingPayment;
import io.mlconnector.sapb1.SapB1Client;
import io.mlconnector.sapb1.SapB1Refs;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incoming payments and what undoes part of them.
 *
 * <p><b>Payments</b> post as one incoming payment (a bank transfer to the clearing account)
 * applied to the invoices named, stamped in the configured field. <b>Refunds</b> and disputes
 * that withdraw funds reduce what the collector's payment applied to the invoice: B1 cannot change
 * a posted incoming payment, so the live payment is cancelled and the remainder re-posted, both in
 * one atomic {@code $batch} change set. The re-posting carries the refund's (or dispute's) stamp
 * and, in the link field, {@code mlc-replaces:<DocEntry>} of the payment it replaces, so the chain
 * from the first payment to the live one can be walked; a refund of everything that is left only
 * cancels, after writing {@code mlc-closed:<stamp>} into the link field (in the same change set) so
 * it can be found. A <b>won dispute</b> re-posts the disputed amount ({@code -W} stamp). Inquiries
 * post nothing. What B1 cannot take (a refund larger than what is applied, a payment cancelled by a
 * person) is refused with the reason and parked.
 */
public final class PaymentSinks {
  private static final Logger LOG = LoggerFactory.getLogger(PaymentSinks.class);
  private static final String SET = "IncomingPayments";

  private final SapB1Client client;
  private final String tenant;
  private final RecordMappers mappers;
  private final String stampField;
  private final String linkField;
  private final String transferAccount;

  /** Sinks writing through {@code client}. */
  public PaymentSinks(SapB1Client client, String tenant, RecordMappers mappers, String stampField,
      String transferAccount) {
    this.client = client;
    this.tenant = tenant;
    this.mappers = mappers;
    this.stampField = stampField;
    this.linkField = stampField.equals("JournalRemarks") ? "Remarks" : "JournalRemarks";
    this.transferAccount = transferAccount;
  }

  /** The payments sink. */
  public Sink<Payment> payments() {
    return new Sink<>() {
      @Override
      public String system() {
        return SapB1Refs.SYSTEM;
      }

      @Override
      public WriteResult create(Payment p, WriteContext context) {
        return postPayment(p, stamp(context.source()));
      }

      @Override
      public WriteResult update(ExternalRef target, Payment p, WriteContext context) {
        LOG.warn("SAP B1 incoming payment {} is posted and cannot be changed; {} not applied", target.id(), p.ref());
        return WriteResult.of(target);
      }

      @Override
      public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
        return byStamp(stamp(source)).map(PaymentSinks.this::result);
      }
    };
  }

  /** The refunds sink. */
  public Sink<Refund> refunds() {
    return new Sink<>() {
      @Override
      public String system() {
        return SapB1Refs.SYSTEM;
      }

      @Override
      public WriteResult create(Refund r, WriteContext context) {
        if (r.status() != Refund.Status.SUCCEEDED) {
          throw refuse("refund", "only settled refunds reduce an incoming payment; " + r.ref().id() + " is " + r.status());
        }
        return withdraw("refund", r.payment(), r.invoice(), r.amount(), stamp(context.source()));
      }

      @Override
      public WriteResult update(ExternalRef target, Refund r, WriteContext context) {
        LOG.warn("SAP B1 refund posting {} is done and cannot be changed; {} not applied", target.id(), r.ref());
        return WriteResult.of(target);
      }

      @Override
      public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
        return findWithdrawal(stamp(source));
      }
    };
  }

  /** The disputes sink. */
  public Sink<Dispute> disputes() {
    return new Sink<>() {
      @Override
      public String system() {
        return SapB1Refs.SYSTEM;
      }

      @Override
      public WriteResult create(Dispute d, WriteContext context) {
        String stamp = stamp(context.source());
        if (!withdrawn(d.status()) && d.status() != Dispute.Status.WON) {
          return new WriteResult(ExternalRef.of(SapB1Refs.SYSTEM, tenant, SapB1Refs.INCOMING_PAYMENT, "none:" + stamp),
              Map.of("stamp", stamp, "posted", "false"), null);
        }
        WriteResult w = withdraw("dispute", d.payment(), d.invoice(), d.amount(), stamp);
        return d.status() == Dispute.Status.WON ? returned(w, d, context) : w;
      }

      @Override
      public WriteResult update(ExternalRef target, Dispute d, WriteContext context) {
        if (target.id().startsWith("none:")) {
          return withdrawn(d.status()) || d.status() == Dispute.Status.WON ? create(d, context) : WriteResult.of(target);
        }
        return d.status() == Dispute.Status.WON ? returned(WriteResult.of(target), d, context) : WriteResult.of(target);
      }

      @Override
      public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
        return findWithdrawal(stamp(source));
      }
    };
  }

  // ------------------------------------------------------------------ payments

  private WriteResult postPayment(Payment p, String stamp) {
    if (p.applications().isEmpty()) {
      throw refuse("payment", "payment " + p.ref().id() + " applies to no invoice");
    }
    String currency = mappers.b1Currency(p.amount().currency());
    String cardCode = p.party() != null && SapB1Refs.SYSTEM.equals(p.party().system()) ? p.party().id() : null;
    IncomingPayment.Draft draft = null;
    BigDecimal applied = BigDecimal.ZERO;
    for (PaymentApplication a : p.applications()) {
      long docEntry = invoiceEntry(a.invoice(), "payment");
      if (cardCode == null) {
        cardCode = client.invoice(docEntry).map(Document::cardCode)
            .orElseThrow(() -> refuse("payment", "A/R invoice " + docEntry + " does not exist in SAP B1"));
      }
      if (draft == null) {
        draft = new IncomingPayment.Draft(cardCode, currency, mappers.localCurrency());
      }
      draft.apply(docEntry, a.amount().amount());
      applied = applied.add(a.amount().amount());
    }
    LocalDate date = p.date() == null ? LocalDate.now() : p.date();
    BigDecimal amount = p.amount().amount().max(applied);
    draft.transfer(amount, transferAccount, date, reference(p.reference()))
        .field(stampField, stamp)
        .field(linkField, text("Payment " + p.ref().id(), 50));
    return result(IncomingPayment.of(client.create(SET, draft.toBody())).entity());
  }

  // ------------------------------------------------------------------ refunds and disputes

  /** Cancels the live payment of {@code collectorPayment} and re-posts it less {@code amount} on {@code invoice}. */
  private WriteResult withdraw(String op, ExternalRef collectorPayment, ExternalRef invoice, Money amount, String stamp) {
    if (collectorPayment == null) {
      throw refuse(op, "the " + op + " names no payment; SAP B1 needs the incoming payment to reduce");
    }
    long invoiceEntry = invoiceEntry(invoice, op);
    IncomingPayment live = livePayment(stamp(collectorPayment)).orElseThrow(() -> refuse(op,
        "no open incoming payment of " + collectorPayment.id() + " in SAP B1 (cancelled by a person?); post the "
            + op + " by hand"));
    boolean foreign = !mappers.isLocal(live.currency());
    BigDecimal onInvoice = BigDecimal.ZERO;
    for (IncomingPayment.Applied a : live.invoices()) {
      if (a.invoiceDocEntry() == invoiceEntry) {
        onInvoice = onInvoice.add(foreign ? a.appliedFc() : a.sumApplied());
      }
    }
    BigDecimal take = amount.amount();
    if (take.compareTo(onInvoice) > 0) {
      throw refuse(op, op + " of " + take.toPlainString() + " is more than incoming payment " + live.docEntry()
          + " still applies to invoice " + invoiceEntry + " (" + onInvoice.toPlainString() + ")");
    }
    BigDecimal remaining = live.amount().subtract(take);
    B1Batch.Builder batch = B1Batch.builder();
    if (remaining.signum() > 0) {
      IncomingPayment.Draft draft = new IncomingPayment.Draft(live.cardCode(), live.currency(), mappers.localCurrency());
      for (IncomingPayment.Applied a : live.invoices()) {
        BigDecimal v = foreign ? a.appliedFc() : a.sumApplied();
        if (a.invoiceDocEntry() == invoiceEntry) {
          v = v.subtract(take);
          take = BigDecimal.ZERO;
        }
        if (v.signum() > 0) {
          draft.apply(a.invoiceDocEntry(), v);
        }
      }
      draft.transfer(remaining, transferAccount, live.docDate(), null)
          .field(stampField, stamp)
          .field(linkField, "mlc-replaces:" + live.docEntry());
      Map<String, Object> body = draft.toBody();
      batch.changeset(cs -> cs.action(SET, live.docEntry(), "Cancel").post(SET, body));
      B1BatchResult r = client.batch(batch.build());
      return result(IncomingPayment.of(r.responses().get(1).entity()).entity());
    }
    Map<String, Object> mark = new LinkedHashMap<>();
    mark.put(linkField, "mlc-closed:" + stamp);
    batch.changeset(cs -> cs.patch(SET, live.docEntry(), mark).action(SET, live.docEntry(), "Cancel"));
    client.batch(batch.build());
    return cancellation(live.docEntry());
  }

  /** A won dispute: the disputed amount comes back, posted once as a new payment stamped {@code -W}. */
  private WriteResult returned(WriteResult withdrawal, Dispute d, WriteContext context) {
    String stamp = stamp(context.source(), "-W");
    if (byStamp(stamp).isEmpty()) {
      long invoiceEntry = invoiceEntry(d.invoice(), "dispute");
      Document inv = client.invoice(invoiceEntry)
          .orElseThrow(() -> refuse("dispute", "A/R invoice " + invoiceEntry + " does not exist in SAP B1"));
      IncomingPayment.Draft draft = new IncomingPayment.Draft(inv.cardCode(), mappers.b1Currency(d.amount().currency()),
          mappers.localCurrency())
          .apply(invoiceEntry, d.amount().amount())
          .transfer(d.amount().amount(), transferAccount, LocalDate.now(), null)
          .field(stampField, stamp)
          .field(linkField, text("Dispute won " + d.ref().id(), 50));
      client.create(SET, draft.toBody());
    }
    Map<String, String> attrs = new LinkedHashMap<>(withdrawal.attributes());
    attrs.put("returned", stamp);
    return new WriteResult(withdrawal.target(), attrs, null);
  }

  private Optional<WriteResult> findWithdrawal(String stamp) {
    Optional<IncomingPayment> replacement = byStamp(stamp);
    if (replacement.isPresent()) {
      return replacement.map(this::result);
    }
    return first(ODataFilter.eq(linkField, "mlc-closed:" + stamp)).map(p -> cancellation(p.docEntry()));
  }

  /** The target of a withdrawal that only cancelled a payment: the cancellation, distinct from the payment. */
  private WriteResult cancellation(long docEntry) {
    return new WriteResult(ExternalRef.of(SapB1Refs.SYSTEM, tenant, SapB1Refs.PAYMENT_CANCELLATION,
        String.valueOf(docEntry)), Map.of("cancelled", String.valueOf(docEntry)), null);
  }

  /** The payment the chain from the one stamped {@code stamp} ends in, if it is not cancelled. */
  private Optional<IncomingPayment> livePayment(String stamp) {
    Optional<IncomingPayment> p = byStamp(stamp);
    for (int hops = 0; p.isPresent() && p.get().cancelled() && hops < 100; hops++) {
      p = first(ODataFilter.eq(linkField, "mlc-replaces:" + p.get().docEntry()));
    }
    return p.filter(x -> !x.cancelled());
  }

  private Optional<IncomingPayment> byStamp(String stamp) {
    return first(ODataFilter.eq(stampField, stamp));
  }

  private Optional<IncomingPayment> first(ODataFilter filter) {
    List<B1Entity> found = client.page(SET, client.query().filter(filter).orderBy("DocEntry").top(2), false).items();
    return found.isEmpty() ? Optional.empty() : Optional.of(IncomingPayment.of(found.get(0)));
  }

  private WriteResult result(B1Entity payment) {
    IncomingPayment p = IncomingPayment.of(payment);
    Map<String, String> attrs = new LinkedHashMap<>();
    if (p.docNum() != null) {
      attrs.put("docNum", String.valueOf(p.docNum()));
    }
    return new WriteResult(SapB1Refs.incomingPayment(tenant, p.docEntry()), attrs, null);
  }

  private WriteResult result(IncomingPayment p) {
    return result(p.entity());
  }

  private long invoiceEntry(@Nullable ExternalRef invoice, String op) {
    if (invoice == null || !SapB1Refs.SYSTEM.equals(invoice.system()) || !SapB1Refs.AR_INVOICE.equals(invoice.type())) {
      throw refuse(op, "expected a " + SapB1Refs.SYSTEM + " " + SapB1Refs.AR_INVOICE + " ref, got " + invoice);
    }
    try {
      return Long.parseLong(invoice.id());
    } catch (NumberFormatException e) {
      throw refuse(op, "the id of " + invoice + " is not a DocEntry");
    }
  }

  /** The stamp of {@code source} as it fits the stamp field ({@code JournalRemarks}: 50 characters). */
  private String stamp(ExternalRef source) {
    return stamp(source, "");
  }

  private String stamp(ExternalRef source, String suffix) {
    return SapB1Refs.stamp(source, suffix, stampField.equals("JournalRemarks") ? 50 : SapB1Refs.MAX_STAMP);
  }

  private static boolean withdrawn(Dispute.Status s) {
    return s == Dispute.Status.NEEDS_RESPONSE || s == Dispute.Status.UNDER_REVIEW || s == Dispute.Status.LOST;
  }

  private static @Nullable String reference(@Nullable String reference) {
    return reference == null || reference.isBlank() || reference.length() > 27 ? null : reference;
  }

  private static String text(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static RejectedException refuse(String op, String message) {
    return new RejectedException(ErrorDetails.of(SapB1Refs.SYSTEM, op).withRemote(null, message));
  }
}
