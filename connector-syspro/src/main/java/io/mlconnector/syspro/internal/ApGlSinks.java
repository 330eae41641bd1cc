package io.mlconnector.syspro.internal;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.InvoiceLine;
import io.mlconnector.core.model.JournalEntry;
import io.mlconnector.core.model.JournalLine;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.PaymentApplication;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import io.mlconnector.syspro.BusinessObjectRejectedException;
import io.mlconnector.syspro.BusinessObjectResult;
import io.mlconnector.syspro.KeyFormat;
import io.mlconnector.syspro.SetupMethod;
import io.mlconnector.syspro.SysproClient;
import io.mlconnector.syspro.SysproElement;
import io.mlconnector.syspro.SysproRefs;
import io.mlconnector.syspro.bo.ApInvoicePost;
import io.mlconnector.syspro.bo.ApSupplierSetup;
import io.mlconnector.syspro.bo.ComfndQuery;
import io.mlconnector.syspro.bo.GlJournalPost;
import io.mlconnector.syspro.bo.PostingOptions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Sinks for AP invoices (APSTIN), GL journals (GENTJL) and suppliers (APSSSP). */
public final class ApGlSinks {

  private ApGlSinks() {}

  /**
   * AP invoices, credit and debit notes into APSTIN. The stamp goes into {@code
   * TransactionReference}: stored as the AP invoice's {@code Reference} for an invoice, and read
   * back for a note (posted against the invoice of the same number) from the note lookup table
   * (default {@code ApInvoicePay.PaymentReference}, filtered by supplier, invoice and transaction
   * type). APSTIN refuses a second invoice for the same supplier and number, and the sink then
   * adopts the one already posted; it has no such check for notes, so a note's find-by-stamp is
   * what keeps a lost answer from crediting twice. A note's target is {@code supplier|invoice|C}
   * (or {@code |D}).
   */
  public static final class ApInvoices implements Sink<Invoice> {
    private final SysproClient client;
    private final String tenant;
    private final PostingOptions options;
    private final @Nullable String noteTable;
    private final @Nullable String noteReferenceColumn;

    /** An AP invoice sink without a note lookup (a note's stamp cannot be found again). */
    public ApInvoices(SysproClient client, String tenant, PostingOptions options) {
      this(client, tenant, options, null, null);
    }

    /**
     * An AP invoice sink finding notes by their stamp in {@code noteTable}'s {@code
     * noteReferenceColumn} (both null: no note lookup).
     */
    public ApInvoices(
        SysproClient client,
        String tenant,
        PostingOptions options,
        @Nullable String noteTable,
        @Nullable String noteReferenceColumn) {
      this.client = client;
      this.tenant = tenant;
      this.options = options;
      this.noteTable = noteTable;
      this.noteReferenceColumn = noteReferenceColumn;
    }

    @Override
    public String system() {
      return SysproRefs.SYSTEM;
    }

    @Override
    public WriteResult create(Invoice inv, WriteContext context) {
      String op = "APSTIN post";
      if (inv.direction() != Invoice.Direction.PAYABLE) {
        throw Postings.refuse(
            op, "only payable invoices post to AP; " + inv.ref() + " is " + inv.direction());
      }
      String supplier = Postings.idOf(inv.party(), SysproRefs.SUPPLIER, "invoice vendor", op);
      String number = inv.number() != null ? inv.number() : inv.ref().id();
      if (number.length() > 20) {
        throw Postings.refuse(
            op, "invoice number '" + number + "' is longer than SYSPRO's 20 characters");
      }
      String reference = SysproRefs.stamp(context.source());
      String code = codeOf(inv);
      ApInvoicePost.Item item =
          new ApInvoicePost.Item()
              .supplier(supplier)
              .transactionCode(code)
              .invoice(number)
              .transactionValue(inv.total().amount())
              .taxValue(inv.taxTotal().amount())
              .invoiceDate(inv.issueDate())
              .dueDate(inv.dueDate())
              .transactionReference(reference)
              .journalNotation(ArPostingSink.notation(inv.memo(), inv.purchaseOrder()));
      for (InvoiceLine line : inv.lines()) {
        String gl =
            Postings.idOf(
                line.glAccount(),
                SysproRefs.GL_ACCOUNT,
                "line " + line.number() + " GL account",
                op);
        item.addLedgerDistributions(
            new ApInvoicePost.LedgerDistribution()
                .ledgerCode(gl)
                .ledgerNotation(line.description() == null ? null : cut(line.description(), 50))
                .ledgerValue(line.amount().amount()));
      }
      ApInvoicePost doc = new ApInvoicePost();
      doc.addItems(item);
      try {
        client.post(doc, options);
      } catch (BusinessObjectRejectedException e) {
        Optional<WriteResult> existing =
            code.equals("I") ? bySupplierInvoice(supplier, number) : noteByStamp(reference);
        if (existing.isPresent()
            && reference.equals(existing.get().attributes().get("reference"))) {
          return existing.get();
        }
        // SYSPRO's message, with the document it refused (for the audit and the person fixing it)
        io.mlconnector.core.error.ErrorDetails d = e.details();
        throw new BusinessObjectRejectedException(
            new io.mlconnector.core.error.ErrorDetails(
                d.system(),
                d.operation() + " " + code + " invoice " + number + " supplier " + supplier,
                d.httpStatus(),
                d.remoteCode(),
                d.remoteMessage(),
                d.requestId()),
            e.result());
      }
      return Postings.result(target(supplier, number, code), Map.of("reference", reference), null);
    }

    private static String codeOf(Invoice inv) {
      return inv.documentType() == Invoice.DocumentType.CREDIT_NOTE
          ? "C"
          : inv.documentType() == Invoice.DocumentType.DEBIT_NOTE ? "D" : "I";
    }

    private ExternalRef target(String supplier, String number, String code) {
      ExternalRef invoice = SysproRefs.apInvoice(tenant, supplier, number);
      return code.equals("I") ? invoice : invoice.withId(invoice.id() + "|" + code);
    }

    /** The note posted with {@code reference}, from the note lookup table. */
    private Optional<WriteResult> noteByStamp(String reference) {
      if (noteTable == null) {
        return Optional.empty();
      }
      List<SysproElement> rows = Postings.rowsWhere(client, noteTable, noteReferenceColumn, reference);
      for (SysproElement r : rows) {
        String type = r.textOr("TrnType", "");
        if (type.equals("C") || type.equals("D")) {
          return Optional.of(
              Postings.result(
                  target(r.textOr("Supplier", ""), r.textOr("Invoice", ""), type),
                  Map.of("reference", reference),
                  null));
        }
      }
      return Optional.empty();
    }

    /**
     * A posted AP invoice is not posted again. A later version with the same total (an approval or
     * payment status change) changes nothing; one with another total is refused, because SYSPRO
     * changes a posted invoice only by an adjustment document.
     */
    @Override
    public WriteResult update(ExternalRef target, Invoice inv, WriteContext context) {
      List<String> key = SysproRefs.parts(target, SysproRefs.AP_INVOICE, 2);
      List<SysproElement> rows =
          client.find(
              ComfndQuery.of("ApInvoice")
                  .and("Supplier", "EQ", key.get(0))
                  .and("Invoice", "EQ", key.get(1)));
      if (rows.isEmpty()) {
        throw Postings.refuse(
            "APSTIN post", "AP invoice " + target.id() + " is no longer in SYSPRO");
      }
      BigDecimal posted = rows.get(0).decimal("OrigInvValue").orElse(null);
      if (posted != null && posted.compareTo(inv.total().amount()) != 0) {
        throw Postings.refuse(
            "APSTIN post",
            "AP invoice "
                + target.id()
                + " was posted for "
                + posted
                + " and is now "
                + inv.total().amount()
                + "; post an adjustment (TransactionCode A) in SYSPRO");
      }
      return WriteResult.of(target);
    }

    @Override
    public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
      String reference = SysproRefs.stamp(source);
      List<SysproElement> rows = Postings.rowsWhere(client, "ApInvoice", "Reference", reference);
      if (rows.isEmpty()) {
        return noteByStamp(reference);
      }
      SysproElement r = rows.get(0);
      return Optional.of(
          Postings.result(
              SysproRefs.apInvoice(tenant, r.textOr("Supplier", ""), r.textOr("Invoice", "")),
              Map.of("reference", reference),
              null));
    }

    private Optional<WriteResult> bySupplierInvoice(String supplier, String number) {
      List<SysproElement> rows =
          client.find(
              ComfndQuery.of("ApInvoice")
                  .and("Supplier", "EQ", supplier)
                  .and("Invoice", "EQ", number));
      if (rows.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          Postings.result(
              SysproRefs.apInvoice(tenant, supplier, number),
              Map.of("reference", rows.get(0).textOr("Reference", "")),
              null));
    }
  }

  /**
   * AP payments, up to the posting: each payment (already mapped to a SYSPRO supplier and the AP
   * invoices it pays) is refused with a reason naming what is missing, so the engine parks it,
   * visible in the audit and dead letters and replayable once SYSPRO AP payment posting is built.
   * What is missing: the reference names APSTPM (Post AP Manual Check Payment) without a schema;
   * SYSPRO's own sample XML shows its parameters, its output ({@code postapmanualpay/Item/Key/
   * PaymentNumber}) and a document cut off inside {@code ReleasedInvoice}, which leaves open
   * whether {@code PaymentNumber} must name an open payment cycle (APSTPY) and so which bank pays,
   * the rest of {@code ReleasedInvoice}, and where the posted payment's reference can be read back
   * (needed for find-by-stamp, since APSTPM has no duplicate check).
   */
  public static final class ApPaymentsNotPosted implements Sink<Payment> {
    /** Why no AP payment is posted; the start of every park reason. */
    public static final String REASON =
        "SYSPRO AP payment posting is not built: the reference names APSTPM (Post AP Manual Check"
            + " Payment) without a schema; its PaymentNumber (payment cycle and bank), the rest of"
            + " ReleasedInvoice and a read-back of the payment reference (for exactly-once) are"
            + " unconfirmed";

    @Override
    public String system() {
      return SysproRefs.SYSTEM;
    }

    @Override
    public WriteResult create(Payment p, WriteContext context) {
      StringBuilder paid = new StringBuilder();
      for (PaymentApplication a : p.applications()) {
        paid.append(paid.length() == 0 ? "" : ", ").append(a.invoice().id()).append(' ')
            .append(a.amount().amount().toPlainString());
      }
      throw Postings.refuse(
          "APSTPM post",
          REASON
              + "; parked for replay: "
              + p.amount().amount().toPlainString()
              + " "
              + p.amount().currency().getCurrencyCode()
              + " to supplier "
              + p.party().id()
              + " on "
              + p.date()
              + (p.reference() == null ? "" : " (" + p.reference() + ")")
              + " for AP invoice(s) "
              + paid);
    }

    @Override
    public WriteResult update(ExternalRef target, Payment p, WriteContext context) {
      return create(p, context);
    }

    @Override
    public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
      return Optional.empty();
    }
  }

  /**
   * GL journals into GENTJL: debits as positive {@code EntryAmount}, credits negative; the stamp in
   * {@code JournalReference}. Found again in {@code GenJournalCtl} by that reference (table name
   * configurable per site through the lookup settings of {@link io.mlconnector.syspro.SysproSync}).
   */
  public static final class Journals implements Sink<JournalEntry> {
    private final SysproClient client;
    private final String tenant;
    private final PostingOptions options;
    private final String journalTable;

    /** A journal sink. */
    public Journals(
        SysproClient client, String tenant, PostingOptions options, String journalTable) {
      this.client = client;
      this.tenant = tenant;
      this.options = options;
      this.journalTable = journalTable;
    }

    @Override
    public String system() {
      return SysproRefs.SYSTEM;
    }

    @Override
    public WriteResult create(JournalEntry entry, WriteContext context) {
      String op = "GENTJL post";
      String reference = SysproRefs.stamp(context.source());
      GlJournalPost.Item item =
          new GlJournalPost.Item()
              .journalType("N")
              .postJournal(true)
              .journalDate(entry.postingDate())
              .journalReference(reference)
              .notation(entry.description() == null ? null : cut(entry.description(), 50))
              .postingYear(Integer.toString(entry.postingDate().getYear()))
              .postingPeriod(
                  String.format(Locale.ROOT, "%02d", entry.postingDate().getMonthValue()));
      for (JournalLine line : entry.lines()) {
        String gl =
            Postings.idOf(line.account(), SysproRefs.GL_ACCOUNT, "journal line account", op);
        item.addJournalDetails(
            new GlJournalPost.JournalDetail()
                .ledgerCode(gl)
                .reference(cut(entry.reference() == null ? reference : entry.reference(), 30))
                .entryAmount(line.signedAmount().amount())
                .comment(line.description() == null ? null : cut(line.description(), 100)));
      }
      GlJournalPost doc = new GlJournalPost();
      doc.addItems(item);
      BusinessObjectResult result = client.post(doc, options);
      String id =
          Postings.firstKey(result, "GlYear", "GlPeriod", "GlJournal")
              .orElseThrow(() -> Postings.refuse(op, "GENTJL answered without a journal key"));
      return Postings.result(
          ExternalRef.of(SysproRefs.SYSTEM, tenant, SysproRefs.GL_JOURNAL, id),
          Map.of("reference", reference),
          null);
    }

    @Override
    public WriteResult update(ExternalRef target, JournalEntry entry, WriteContext context) {
      throw Postings.refuse(
          "GENTJL post",
          "GL journal "
              + target.id()
              + " is posted; post a reversing journal instead of changing it");
    }

    @Override
    public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
      String reference = SysproRefs.stamp(source);
      List<SysproElement> rows = Postings.rowsWhere(client, journalTable, "Reference", reference);
      if (rows.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          Postings.result(
              ExternalRef.of(
                  SysproRefs.SYSTEM,
                  tenant,
                  SysproRefs.GL_JOURNAL,
                  Postings.keyOf(rows.get(0), "GlYear", "GlPeriod", "Journal")),
              Map.of("reference", reference),
              null));
    }
  }

  /**
   * Suppliers into APSSSP. The supplier code is derived from the source id (normalised by the
   * supplier {@link KeyFormat}; a hash when it does not fit), so the code itself is the stamp:
   * {@link #findByStamp} looks the code up.
   */
  public static final class Suppliers implements Sink<Vendor> {
    private final SysproClient client;
    private final String tenant;
    private final PostingOptions options;
    private final KeyFormat keys;

    /** A supplier sink. */
    public Suppliers(SysproClient client, String tenant, PostingOptions options, KeyFormat keys) {
      this.client = client;
      this.tenant = tenant;
      this.options = options;
      this.keys = keys;
    }

    @Override
    public String system() {
      return SysproRefs.SYSTEM;
    }

    /** The supplier code for {@code source}. */
    public String codeFor(ExternalRef source) {
      String id = source.id().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
      if (keys.isNumeric()) {
        String digits = source.id().replaceAll("[^0-9]", "");
        if (!digits.isEmpty() && digits.length() <= keys.width() && digits.equals(source.id())) {
          return keys.normalize("supplier code", digits);
        }
        return keys.normalize("supplier code", Hashes.digits(source.key(), keys.width()));
      }
      if (!id.isEmpty() && id.length() <= keys.width()) {
        return keys.normalize("supplier code", id);
      }
      return keys.normalize("supplier code", "V" + Hashes.base32(source.key(), keys.width() - 1));
    }

    @Override
    public WriteResult create(Vendor v, WriteContext context) {
      String code = codeFor(context.source());
      client.setup(SetupMethod.ADD, document(code, v), options);
      return WriteResult.of(SysproRefs.supplier(tenant, code));
    }

    @Override
    public WriteResult update(ExternalRef target, Vendor v, WriteContext context) {
      String code = Postings.idOf(target, SysproRefs.SUPPLIER, "target", "APSSSP update");
      client.setup(SetupMethod.UPDATE, document(code, v), options);
      return WriteResult.of(target);
    }

    @Override
    public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
      String code = codeFor(source);
      List<SysproElement> rows = Postings.rowsWhere(client, "ApSupplier", "Supplier", code);
      return rows.isEmpty()
          ? Optional.empty()
          : Optional.of(WriteResult.of(SysproRefs.supplier(tenant, code)));
    }

    private static ApSupplierSetup document(String code, Vendor v) {
      ApSupplierSetup.Item item =
          new ApSupplierSetup.Item()
              .key(new ApSupplierSetup.SupplierKey().supplier(code))
              .supplierName(cut(v.name(), 50))
              .email(v.email())
              .telephone(v.phone() == null ? null : cut(v.phone(), 20))
              .termsCode(v.paymentTerms() == null ? null : cut(v.paymentTerms(), 2))
              .currency(v.currency() == null ? null : v.currency().getCurrencyCode())
              .taxRegnNum(v.taxId())
              .onHold(!v.active());
      if (v.address() != null) {
        List<String> lines = v.address().lines();
        if (lines.size() > 0) {
          item.supAddr1(cut(lines.get(0), 40));
        }
        if (lines.size() > 1) {
          item.supAddr2(cut(lines.get(1), 40));
        }
        if (v.address().city() != null) {
          item.supAddr3(cut(v.address().city(), 40));
        }
        if (v.address().region() != null) {
          item.supAddr4(cut(v.address().region(), 40));
        }
        if (v.address().country() != null) {
          item.supAddr5(v.address().country());
        }
        if (v.address().postalCode() != null) {
          item.supPostalCode(cut(v.address().postalCode(), 10));
        }
      }
      ApSupplierSetup doc = new ApSupplierSetup();
      doc.addItems(item);
      return doc;
    }
  }

  static String cut(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }
}
