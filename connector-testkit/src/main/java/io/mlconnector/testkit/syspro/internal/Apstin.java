package io.mlconnector.testkit.syspro.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.jspecify.annotations.Nullable;

/**
 * APSTIN, post AP invoices, adjustments, credit and debit notes (Transaction/Post). {@code I} needs
 * a new (Supplier, Invoice) pair (a second post of the same supplier invoice is rejected); {@code
 * A}/{@code C}/{@code D} need it to exist and change its balance, each recorded in {@code
 * ApInvoicePay} with its reference. A supplier on hold is a warning.
 */
final class Apstin {
  private static final Shape PARAMS =
      Shape.of(
          "PostApInvoice(Parameters(PostingPeriod,IgnoreWarnings,ApplyIfEntireDocumentValid,ValidateOnly,"
              + "PostZeroAdjustments,DefaultDiscountDate,DefaultDueDate,LedgerDistributionCurrency,"
              + "AutomaticTaxCalculation,PermissibleTaxVariance,ApArContraTrx,IgnoreAnalysis,"
              + "ApTaxReliefAsOfDate,ApTaxReliefNoOfDays,IncludeDimensionAnalysis))");
  private static final Shape DOC =
      Shape.of(
          "PostApInvoice(Item(eSignature,Supplier,TransactionCode,Branch,Invoice,EntryNumber,TransactionValue,"
              + "FreightCharge,MiscellaneousCharge,Notation,TransactionReference,JournalNotation,DiscountBasis,"
              + "DiscountableValue,DiscountPercentageValue,DiscountAdjustment,InvoiceDate,DueDate,DiscountDate,"
              + "ExchRateAtEntry,FixedExchRate,TaxBasis,TaxCode,TaxValue,SecondTaxCode,SecondTaxValue,"
              + "EcAcquisition,Nationality,GrnDetails(Grn,GrnSuffix,GrnValue),"
              + "LedgerDistribution(LedgerCode,PasswordForLedgerCode,LedgerTaxCode,LedgerSecondTaxCode,"
              + "LedgerNotation,LedgerValue)))");

  private final Bo bo;

  Apstin(Bo bo) {
    this.bo = bo;
  }

  /** A validated item, ready to post; {@code existing} is the invoice an A/C/D changes. */
  private record Posting(
      @Nullable Map<String, Object> existing,
      LocalDate invoiceDate,
      LocalDate dueDate,
      BigDecimal value,
      String reference,
      String branch,
      String currency) {}

  private static final class Outcome {
    String supplier = "";
    String invoice = "";
    String code = "I";
    int entry;
    Bo.Errors errors = new Bo.Errors();
    boolean valid;
  }

  String post(String xmlParameters, String xmlIn) {
    Bo.Params p = bo.params(xmlParameters, PARAMS, "APSTIN");
    Element doc = bo.document(xmlIn, DOC, "APSTIN");
    YearMonth period = bo.period(p.postingPeriod());
    Object snapshot = bo.company.snapshot();
    List<Outcome> outcomes = new ArrayList<>();
    int journal = 0;
    int invalid = 0;
    int processed = 0;
    for (Element item : Xml.children(doc, "Item")) {
      Outcome o = new Outcome();
      Posting posting = validate(item, o, period);
      o.valid = !o.errors.failed(p);
      if (o.valid) {
        if (journal == 0) {
          journal = bo.company.next("AP-" + period);
        }
        o.entry = bo.company.next("AP-ENTRY-" + period + "-" + journal);
        apply(o, posting, period, journal);
        processed++;
      } else {
        invalid++;
      }
      outcomes.add(o);
    }
    boolean rollback = bo.rollBackIfNeeded(p, snapshot, invalid);
    Xml.Out out = new Xml.Out().root("postapinvoice", bo.config.boVersion);
    for (Outcome o : outcomes) {
      out.start("Item").start("Transaction");
      if (o.valid && !rollback) {
        out.start("Key")
            .leaf("TrnYear", Integer.toString(period.getYear()))
            .leaf("TrnMonth", String.format("%02d", period.getMonthValue()))
            .leaf("Journal", String.format("%05d", journal))
            .leaf("EntryNumber", String.format("%03d", o.entry))
            .end();
      }
      o.errors.leafOrError(out, "Supplier", o.supplier);
      o.errors.leafOrError(out, "Invoice", o.invoice);
      o.errors.leafOrError(out, "TransactionCode", o.code);
      o.errors.write(out, List.of("Supplier", "Invoice", "TransactionCode"));
      out.end().end();
    }
    Bo.writeTransactionStatus(
        out, period, processed != 0 && !rollback, rollback ? 0 : processed, invalid);
    return out.finish();
  }

  private @Nullable Posting validate(Element item, Outcome o, YearMonth period) {
    String raw = Xml.text(item, "Supplier");
    o.supplier = raw == null ? "" : raw;
    o.code = Xml.text(item, "TransactionCode", "I");
    o.invoice = Xml.text(item, "Invoice", "");
    Map<String, Object> supplier = null;
    try {
      o.supplier = bo.key("Supplier", raw);
      supplier = bo.company.table(Company.AP_SUPPLIER).find(o.supplier);
      if (supplier == null) {
        o.errors.add(
            "Supplier", o.supplier, Bo.E_NOT_FOUND, "Supplier '" + o.supplier + "' not found");
      } else if ("Y".equals(supplier.get("OnHold"))) {
        o.errors.warn(null, o.supplier, Bo.E_ON_HOLD, "Supplier on hold");
      }
    } catch (IllegalArgumentException e) {
      o.errors.add(
          "Supplier",
          raw,
          raw == null || raw.isEmpty() ? Bo.E_REQUIRED : Bo.E_KEY_FORMAT,
          e.getMessage());
    }
    if (!List.of("I", "A", "C", "D").contains(o.code)) {
      o.errors.add("TransactionCode", o.code, Bo.E_INVALID, "TransactionCode must be I, A, C or D");
    }
    if (o.invoice.isEmpty()) {
      o.errors.add("Invoice", "", Bo.E_REQUIRED, "Invoice is required");
    } else if (o.invoice.length() > 20) {
      o.errors.add("Invoice", o.invoice, Bo.E_TOO_LONG, "Invoice exceeds 20 characters");
    }
    Map<String, Object> existing = null;
    if (supplier != null && o.errors.on("Invoice") == null) {
      existing = bo.company.table(Company.AP_INVOICE).find(o.supplier, o.invoice);
      if (o.code.equals("I") && existing != null) {
        o.errors.add(
            "Invoice",
            o.invoice,
            Bo.E_DUPLICATE_AP_INVOICE,
            "Invoice '" + o.invoice + "' already exists for supplier '" + o.supplier + "'");
      } else if (!o.code.equals("I") && existing == null) {
        o.errors.add(
            "Invoice",
            o.invoice,
            Bo.E_AP_INVOICE_NOT_FOUND,
            "Invoice '" + o.invoice + "' not found for supplier '" + o.supplier + "'");
      }
    }
    BigDecimal value = amount(item, "TransactionValue", o);
    BigDecimal tax = amount(item, "TaxValue", o);
    LocalDate invoiceDate = date(item, "InvoiceDate", o);
    LocalDate dueDate = date(item, "DueDate", o);
    if (value == null && o.errors.on("TransactionValue") == null) {
      o.errors.add("TransactionValue", "", Bo.E_REQUIRED, "TransactionValue is required");
    }
    BigDecimal ledger = BigDecimal.ZERO;
    List<Element> dist = Xml.children(item, "LedgerDistribution");
    for (Element d : dist) {
      String code = Xml.text(d, "LedgerCode", "");
      if (bo.company.table(Company.GEN_MASTER).find(code) == null) {
        o.errors.add(
            "LedgerCode", code, Bo.E_LEDGER_NOT_FOUND, "Ledger code '" + code + "' not found");
      }
      BigDecimal v = amount(d, "LedgerValue", o);
      ledger = ledger.add(v == null ? BigDecimal.ZERO : v);
    }
    if (bo.config.checkApDistribution && !dist.isEmpty() && value != null && o.errors.isEmpty()) {
      BigDecimal expected = value.subtract(tax == null ? BigDecimal.ZERO : tax);
      if (expected.compareTo(ledger) != 0) {
        o.errors.add(
            null,
            "",
            Bo.E_DISTRIBUTION,
            "Ledger distribution total "
                + Fmt.plain(ledger, 2)
                + " does not equal the invoice value less tax "
                + Fmt.plain(expected, 2));
      }
    }
    if (bo.company.isClosed(period)) {
      o.errors.add(
          null, "", Bo.E_PERIOD_CLOSED, "Posting period " + Bo.fmtPeriod(period) + " is closed");
    }
    if (!o.errors.isEmpty() || supplier == null) {
      return null;
    }
    LocalDate inv = invoiceDate == null ? bo.company.today() : invoiceDate;
    return new Posting(
        existing,
        inv,
        dueDate == null ? Bo.dueDate(inv, Bo.str(supplier.get("TermsCode"))) : dueDate,
        value.setScale(2, RoundingMode.HALF_UP),
        Xml.text(item, "TransactionReference", ""),
        Xml.text(item, "Branch", Bo.str(supplier.get("Branch"))),
        Bo.str(supplier.get("Currency")));
  }

  private static @Nullable BigDecimal amount(Element e, String name, Outcome o) {
    try {
      return Fmt.parseAmount(Xml.text(e, name));
    } catch (IllegalArgumentException ex) {
      o.errors.add(name, Xml.text(e, name), Bo.E_INVALID, name + " " + ex.getMessage());
      return null;
    }
  }

  private static @Nullable LocalDate date(Element e, String name, Outcome o) {
    try {
      return Fmt.parseDate(Xml.text(e, name));
    } catch (IllegalArgumentException ex) {
      o.errors.add(name, Xml.text(e, name), Bo.E_INVALID, name + " " + ex.getMessage());
      return null;
    }
  }

  private void apply(Outcome o, Posting v, YearMonth period, int journal) {
    BigDecimal value = v.value();
    if (o.code.equals("I")) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("Supplier", o.supplier);
      row.put("Invoice", o.invoice);
      row.put("JournalDate", bo.company.today());
      row.put("Journal", journal);
      row.put("EntryNumber", o.entry);
      row.put("Branch", v.branch());
      row.put("InvoiceDate", v.invoiceDate());
      row.put("DueDate", v.dueDate());
      String ref = v.reference();
      row.put("Reference", ref.length() > 30 ? ref.substring(0, 30) : ref);
      row.put("OrigInvValue", value);
      row.put("MthInvBal1", value);
      row.put("Currency", v.currency());
      row.put("InvoiceYear", period.getYear());
      row.put("InvoiceMonth", period.getMonthValue());
      bo.company.upsert(Company.AP_INVOICE, row);
    } else {
      BigDecimal change = o.code.equals("C") ? value.negate() : value;
      v.existing().put("MthInvBal1", Bo.dec(v.existing().get("MthInvBal1")).add(change));
      bo.company.touch(v.existing());
      value = change;
      Map<String, Object> trn = new LinkedHashMap<>();
      trn.put("Supplier", o.supplier);
      trn.put("Invoice", o.invoice);
      trn.put("TrnYear", period.getYear());
      trn.put("TrnMonth", period.getMonthValue());
      trn.put("Journal", journal);
      trn.put("EntryNumber", o.entry);
      trn.put("TrnType", o.code);
      trn.put("JournalDate", bo.company.today());
      String ref = v.reference();
      trn.put("PaymentReference", ref.length() > 50 ? ref.substring(0, 50) : ref);
      trn.put("TrnValue", change);
      bo.company.upsert(Company.AP_INVOICE_PAY, trn);
    }
    Map<String, Object> s = bo.company.table(Company.AP_SUPPLIER).find(o.supplier);
    s.put("CurrentBalance", Bo.dec(s.get("CurrentBalance")).add(value));
    if (o.code.equals("I")) {
      s.put("LastPurchDate", v.invoiceDate());
    }
    bo.company.touch(s);
  }
}
