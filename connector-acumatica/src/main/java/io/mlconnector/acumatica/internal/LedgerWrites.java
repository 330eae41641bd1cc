package io.mlconnector.acumatica.internal;

import io.mlconnector.acumatica.AcumaticaClient;
import io.mlconnector.acumatica.AcumaticaJournal;
import io.mlconnector.acumatica.AcumaticaJournalLine;
import io.mlconnector.acumatica.AcumaticaPayment;
import io.mlconnector.acumatica.AcumaticaRefs;
import io.mlconnector.acumatica.DocumentToApply;
import io.mlconnector.acumatica.EntityType;
import io.mlconnector.acumatica.Put;
import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.model.Dispute;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.JournalEntry;
import io.mlconnector.core.model.JournalLine;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.PaymentApplication;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.odata.ODataFilter;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The ledger's sinks. Acumatica takes no idempotency key: every write carries the source's stamp
 * ({@link AcumaticaRefs#stamp}) and its operation key in the note, and {@code findByStamp}
 * searches the stamp. A record found unreleased (the answer to the release was lost, or the
 * process died between the PUT and the release) is released by {@code findByStamp}, which so
 * finishes the write it resolves.
 */
public final class LedgerWrites {
  private static final String BALANCED = "Balanced";
  private static final int DESCRIPTION_MAX = 255;

  private final AcumaticaClient client;
  private final LedgerSettings settings;

  public LedgerWrites(AcumaticaClient client, LedgerSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  // ------------------------------------------------------------------ shared

  private static RejectedException rejected(String operation, String message) {
    return new RejectedException(ErrorDetails.of(AcumaticaRefs.SYSTEM, operation).withRemote("refused", message));
  }

  /** {@code money}'s amount, refused when it has more decimals than its currency takes. */
  static BigDecimal exact(Money money, String operation, String what) {
    int digits = money.currency().getDefaultFractionDigits();
    digits = digits < 0 ? 2 : digits;
    BigDecimal amount = money.amount().stripTrailingZeros();
    if (amount.scale() > digits) {
      throw rejected(operation, what + " " + money.amount().toPlainString() + " " + money.currencyCode()
          + " has more decimals than " + money.currencyCode() + " takes (" + digits + "); refusing to round it");
    }
    return amount.setScale(Math.max(digits, 0));
  }

  private static String note(WriteContext context) {
    return "ml-connector source=" + context.source().key() + " op=" + context.operationKey();
  }

  private static @Nullable String opKey(@Nullable String note) {
    if (note == null) {
      return null;
    }
    int i = note.indexOf(" op=");
    return i < 0 ? null : note.substring(i + 4).trim();
  }

  private static String describe(String stamp, String text) {
    String d = "[" + stamp + "] " + (text == null ? "" : text);
    return d.length() > DESCRIPTION_MAX ? d.substring(0, DESCRIPTION_MAX) : d;
  }

  // ------------------------------------------------------------------ payments

  /** AR payments applied to the invoices named and released. */
  public Sink<Payment> payments() {
    return new Sink<>() {
      @Override
      public String system() {
        return AcumaticaRefs.SYSTEM;
      }

      @Override
      public WriteResult create(Payment p, WriteContext context) {
        String op = "post payment";
        if (p.direction() != Payment.Direction.RECEIVED || p.status() != Payment.Status.SUCCEEDED) {
          throw rejected(op, "only succeeded incoming payments are posted; " + p.ref().id() + " is "
              + p.direction() + "/" + p.status());
        }
        if (p.applications().isEmpty()) {
          throw rejected(op, "payment " + p.ref().id() + " names no Acumatica invoice to apply to");
        }
        String customer = p.party() != null && AcumaticaRefs.SYSTEM.equals(p.party().system()) ? p.party().id() : null;
        List<DocumentToApply> docs = new ArrayList<>();
        for (PaymentApplication a : p.applications()) {
          String[] parts;
          try {
            parts = AcumaticaRefs.invoiceParts(a.invoice());
          } catch (IllegalArgumentException e) {
            throw rejected(op, e.getMessage());
          }
          if (customer != null && !customer.equalsIgnoreCase(parts[0])) {
            throw rejected(op, "payment " + p.ref().id() + " pays invoices of two customers (" + customer + ", "
                + parts[0] + ")");
          }
          customer = parts[0];
          docs.add(new DocumentToApply(client.config().invoiceDocType(), parts[2],
              exact(a.amount(), op, "applied amount")));
        }
        AcumaticaPayment draft = new AcumaticaPayment(null, "Payment", null, customer, settings.paymentMethod(),
            settings.cashAccount(), p.reference() != null ? p.reference() : p.ref().id(),
            exact(p.amount(), op, "payment amount"), p.date(), p.amount().currencyCode(),
            describeText(settings.collector() + " payment " + p.ref().id()), AcumaticaRefs.stamp(context.source()),
            false, null, null, null, null, docs, note(context));
        AcumaticaPayment created = client.put(EntityType.PAYMENT, draft, Put.upsert("DocumentsToApply"));
        client.release(EntityType.PAYMENT, created);
        return result(created, context.operationKey());
      }

      @Override
      public WriteResult update(ExternalRef target, Payment p, WriteContext context) {
        String[] keys = target.id().split("\\|", 2);
        AcumaticaPayment current = client.get(EntityType.PAYMENT, List.of(keys[0], keys[1]), "DocumentsToApply")
            .orElseThrow(() -> rejected("update payment", "payment " + target.id() + " is gone from Acumatica"));
        if (p.status() == Payment.Status.FAILED || p.status() == Payment.Status.CANCELLED) {
          if (!"Voided".equals(current.status())) {
            client.invoke(EntityType.PAYMENT, "VoidPayment", current);
          }
          return result(current, context.operationKey());
        }
        if (BALANCED.equals(current.status())) {
          client.release(EntityType.PAYMENT, current);
        }
        if (current.paymentAmount() != null
            && current.paymentAmount().compareTo(exact(p.amount(), "update payment", "payment amount")) != 0) {
          throw rejected("update payment", "payment " + target.id() + " is released for "
              + current.paymentAmount() + "; it cannot become " + p.amount() + " (void it and post it again)");
        }
        return result(current, context.operationKey());
      }

      @Override
      public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
        List<AcumaticaPayment> found = client.list(EntityType.PAYMENT, client.query()
            .filter(ODataFilter.eq("ExternalRef", AcumaticaRefs.stamp(source))).top(2));
        if (found.isEmpty()) {
          return Optional.empty();
        }
        AcumaticaPayment p = found.get(0);
        if (BALANCED.equals(p.status())) {
          client.release(EntityType.PAYMENT, p);
        }
        return Optional.of(result(p, opKey(p.note())));
      }

      @Override
      public Optional<Payment> read(ExternalRef target) {
        throw new UnsupportedOperationException("Acumatica payments are reconciled through the invoices' balances");
      }
    };
  }

  private WriteResult result(AcumaticaPayment p, String operationKey) {
    return new WriteResult(AcumaticaRefs.payment(settings.tenant(), p.type(), p.referenceNbr()),
        Map.of("referenceNbr", p.referenceNbr()), operationKey);
  }

  private static String describeText(String text) {
    return text.length() > DESCRIPTION_MAX ? text.substring(0, DESCRIPTION_MAX) : text;
  }

  // ------------------------------------------------------------------ journals

  /** GL journals (fees, payouts), stamped in their description, released. */
  public Sink<JournalEntry> journals() {
    return new JournalSink<>() {
      @Override
      AcumaticaJournal draft(JournalEntry j, WriteContext context) {
        String op = "post journal";
        List<AcumaticaJournalLine> lines = new ArrayList<>();
        for (JournalLine l : j.lines()) {
          String text = l.description() != null ? l.description()
              : (j.reference() != null ? j.reference() : j.description());
          lines.add(new AcumaticaJournalLine(settings.branch(), l.account().id(), null,
              exact(l.debit(), op, "debit"), exact(l.credit(), op, "credit"), text, null));
        }
        return journal(j.postingDate(), j.currency().getCurrencyCode(),
            describe(AcumaticaRefs.stamp(context.source()), j.description() != null ? j.description() : j.reference()),
            lines, context);
      }
    };
  }

  /** Refunds as GL journals: debit the refund account, credit the clearing account. */
  public Sink<Refund> refunds() {
    return new JournalSink<>() {
      @Override
      AcumaticaJournal draft(Refund r, WriteContext context) {
        String op = "post refund";
        if (r.status() != Refund.Status.SUCCEEDED) {
          throw rejected(op, "only settled refunds are journaled; " + r.ref().id() + " is " + r.status());
        }
        requireAccounts(op, settings.refundAccount(), "refund");
        BigDecimal amount = exact(r.amount(), op, "refund amount");
        String text = settings.collector() + " refund " + r.ref().id() + invoiceText(r.invoice());
        return journal(r.date(), r.amount().currencyCode(), describe(AcumaticaRefs.stamp(context.source()), text),
            twoLines(settings.refundAccount(), settings.clearingAccount(), amount, text), context);
      }
    };
  }

  /**
   * Disputes as GL journals: funds withdrawn debit the dispute account and credit the clearing
   * account; a won dispute posts the reversing journal (its own stamp: the source ref plus {@code
   * #won}); a dispute first seen already won posts both. Inquiries move no funds and are refused
   * (nothing to post).
   */
  public Sink<Dispute> disputes() {
    JournalSink<Dispute> base = new JournalSink<>() {
      @Override
      AcumaticaJournal draft(Dispute d, WriteContext context) {
        String op = "post dispute";
        if (d.status() == Dispute.Status.INQUIRY || d.status() == Dispute.Status.CLOSED) {
          throw rejected(op, "dispute " + d.ref().id() + " is " + d.status() + ": no funds were withdrawn, nothing to post");
        }
        requireAccounts(op, settings.disputeAccount(), "dispute");
        BigDecimal amount = exact(d.amount(), op, "disputed amount");
        String text = settings.collector() + " dispute " + d.ref().id() + invoiceText(d.invoice());
        return journal(d.openedOn(), d.amount().currencyCode(), describe(AcumaticaRefs.stamp(context.source()), text),
            twoLines(settings.disputeAccount(), settings.clearingAccount(), amount, text), context);
      }

      @Override
      public WriteResult create(Dispute d, WriteContext context) {
        // first seen already won: the funds went out and came back; both movements are journaled,
        // as the collector's balance transactions show both
        WriteResult withdrawn = super.create(d, context);
        return d.status() == Dispute.Status.WON ? update(withdrawn.target(), d, context) : withdrawn;
      }

      @Override
      public WriteResult update(ExternalRef target, Dispute d, WriteContext context) {
        if (d.status() != Dispute.Status.WON) {
          return new WriteResult(target, Map.of(), context.operationKey());
        }
        ExternalRef won = ExternalRef.of(d.ref().system(), d.ref().tenant(), d.ref().type(), d.ref().id() + "#won");
        String stamp = AcumaticaRefs.stamp(won);
        if (findJournal(stamp).isEmpty()) {
          BigDecimal amount = exact(d.amount(), "post dispute won", "disputed amount");
          String text = settings.collector() + " dispute " + d.ref().id() + " won" + invoiceText(d.invoice());
          AcumaticaJournal created = client.put(EntityType.JOURNAL_TRANSACTION,
              journal(LocalDate.now(), d.amount().currencyCode(), describe(stamp, text),
                  twoLines(settings.clearingAccount(), settings.disputeAccount(), amount, text), context),
              Put.upsert("Details"));
          client.release(EntityType.JOURNAL_TRANSACTION, created);
        }
        return new WriteResult(target, Map.of(), context.operationKey());
      }
    };
    return base;
  }

  private void requireAccounts(String op, String debitAccount, String what) {
    if (debitAccount == null || settings.clearingAccount() == null) {
      throw rejected(op, what + " journals need the " + what + " account and the clearing account:"
          + " set them with AcumaticaLedger.Builder.accounts(...)");
    }
  }

  private static String invoiceText(ExternalRef invoice) {
    if (invoice == null || !AcumaticaRefs.AR_INVOICE.equals(invoice.type())) {
      return "";
    }
    try {
      return " of invoice " + AcumaticaRefs.invoiceParts(invoice)[2];
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private List<AcumaticaJournalLine> twoLines(String debit, String credit, BigDecimal amount, String text) {
    return List.of(
        new AcumaticaJournalLine(settings.branch(), debit, null, amount, BigDecimal.ZERO.setScale(amount.scale()), text, null),
        new AcumaticaJournalLine(settings.branch(), credit, null, BigDecimal.ZERO.setScale(amount.scale()), amount, text, null));
  }

  private AcumaticaJournal journal(LocalDate date, String currency, String description,
      List<AcumaticaJournalLine> lines, WriteContext context) {
    return new AcumaticaJournal(null, "GL", null, date, settings.branch(), currency, description, false, null, null,
        lines, note(context));
  }

  private Optional<AcumaticaJournal> findJournal(String stamp) {
    List<AcumaticaJournal> found = client.list(EntityType.JOURNAL_TRANSACTION, client.query()
        .filter(ODataFilter.and(ODataFilter.eq("Module", "GL"), ODataFilter.startsWith("Description", "[" + stamp + "]")))
        .top(2));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private WriteResult result(AcumaticaJournal j, String operationKey) {
    return new WriteResult(AcumaticaRefs.batch(settings.tenant(), j.module(), j.batchNbr()),
        Map.of("batchNbr", j.batchNbr()), operationKey);
  }

  /** A sink writing one released GL batch per record. */
  private abstract class JournalSink<T> implements Sink<T> {
    abstract AcumaticaJournal draft(T record, WriteContext context);

    @Override
    public String system() {
      return AcumaticaRefs.SYSTEM;
    }

    @Override
    public WriteResult create(T record, WriteContext context) {
      AcumaticaJournal created = client.put(EntityType.JOURNAL_TRANSACTION, draft(record, context), Put.upsert("Details"));
      client.release(EntityType.JOURNAL_TRANSACTION, created);
      return result(created, context.operationKey());
    }

    @Override
    public WriteResult update(ExternalRef target, T record, WriteContext context) {
      // a released batch is final: corrections are new journals, which the source sends as new records
      String[] keys = target.id().split("\\|", 2);
      client.get(EntityType.JOURNAL_TRANSACTION, List.of(keys[0], keys[1]))
          .filter(j -> BALANCED.equals(j.status()))
          .ifPresent(j -> client.release(EntityType.JOURNAL_TRANSACTION, j));
      return new WriteResult(target, Map.of(), context.operationKey());
    }

    @Override
    public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
      Optional<AcumaticaJournal> found = findJournal(AcumaticaRefs.stamp(source));
      found.filter(j -> BALANCED.equals(j.status()))
          .ifPresent(j -> client.release(EntityType.JOURNAL_TRANSACTION, j));
      return found.map(j -> result(j, opKey(j.note())));
    }
  }
}
