package io.mlconnector.testkit.syspro.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.jspecify.annotations.Nullable;

/**
 * ARSTPY, post AR payments and adjustments (Transaction/Post). Payments reduce {@code InvoiceBal1};
 * adjustments add their signed {@code AdjustmentValue} to it (negative writes off, positive
 * reinstates, e.g. after a refund). Every application is stored in {@code ArInvoicePay} with its
 * reference, so a payment can be found again through COMFND, ARSQRY or OData. There is no duplicate
 * check: posting the same document twice pays twice, as on SYSPRO.
 */
final class Arstpy {
  private static final Shape PARAMS =
      Shape.of(
          "PostArPayment(Parameters(PostingPeriod,IgnoreWarnings,ApplyIfEntireDocumentValid,ValidateOnly,"
              + "AutoCorrectPaymentValue,ApplySpecificBranch,BranchToUse,AreaToUseForLedgerIntegration,"
              + "IntegrateToCashBookInDetail,AutoCalculateTax,IgnoreAnalysis,NextJournal,ValidatePasswords,"
              + "GroupPayment,IncludeDimensionAnalysis))");
  private static final String DRAWER = "Bank,PaymentType,DrawerName,DrawerBank,DrawerBranch";
  private static final Shape DOC =
      Shape.of(
          "PostArPayment(Item("
              + "Payment(Customer,PaymentValue,Reference,PaymentDate,JournalNotation,PaymentNarration,"
              + "DefaultExchangeRateMethod,DefaultExchangeRateToUse,ExchangeRateVarianceLedgerCode,"
              + "ApplyDuePostDatedChecks,"
              + DRAWER
              + ",BankChargeValue,BankChargeExchangeRate,"
              + "InvoiceToPay(TransactionType,Invoice,GrossPaymentValue,DiscountValue,TaxPortionOfDiscount,"
              + "WithholdingTaxValue,CustomerPurchaseOrder,ExchangeRateToUse),"
              + "InvoiceToReEstablish(TransactionType,Invoice,Value),UnappliedPayment(Value,Reference),"
              + "PostDatedCheck(CheckDate,CheckNumber),"
              + "AutomaticPaymentsOptions(ApplyAutomaticPayments,AutomaticPaymentsSequence,IncludeInvoices,"
              + "IncludeDebitNotes,IncludeCreditNotes),SumCreditValuesOptions(SumCreditValues)),"
              + "Adjustments(Customer,"
              + DRAWER
              + ",InvoiceToAdjust(TransactionType,Invoice,AdjustmentValue,AdjustmentTaxCode,"
              + "TaxPortionOfAdjustment,Reference,AdjustmentLedgerCode,PasswordForAdjustmentLedgerCode,"
              + "JournalNotation)),"
              + "MiscellaneousReceipt(Bank,Currency,Branch,MiscellaneousReceiptValue,Reference,"
              + "MiscellaneousReceiptDate,DebitLedgerCode,CreditLedgerCode,JournalNotation),"
              + "GroupPayment(GroupPrimaryCustomer,GroupPaymentValue,"
              + "GroupAllocation(GroupSecondaryCustomer,GroupSecondaryValue))))");

  private final Bo bo;

  Arstpy(Bo bo) {
    this.bo = bo;
  }

  /** One validated application to an invoice, applied once the whole item is valid. */
  private record Application(
      Map<String, Object> invoice,
      BigDecimal change,
      BigDecimal discount,
      String reference,
      String notation) {}

  /** An error on one field of an {@code InvoiceToPay} or {@code InvoiceToAdjust} group. */
  private record InvoiceError(
      String group, String type, String field, String value, int number, String description) {}

  /** The outcome of one item, rendered after the document commits or rolls back. */
  private static final class Outcome {
    String kind = "Payment";
    String customer = "";
    Bo.Errors errors = new Bo.Errors();
    List<InvoiceError> invoiceErrors = new ArrayList<>();
    boolean valid;
  }

  String post(String xmlParameters, String xmlIn) {
    Bo.Params p = bo.params(xmlParameters, PARAMS, "ARSTPY");
    String autoCorrect = p.get("AutoCorrectPaymentValue", "N");
    Element doc = bo.document(xmlIn, DOC, "ARSTPY");
    YearMonth period = bo.period(p.postingPeriod());
    Object snapshot = bo.company.snapshot();
    List<Outcome> outcomes = new ArrayList<>();
    int journal = 0;
    int invalid = 0;
    int processed = 0;
    for (Element item : Xml.children(doc, "Item")) {
      Outcome o = new Outcome();
      List<Application> apps = new ArrayList<>();
      Element body = Xml.children(item).isEmpty() ? null : Xml.children(item).get(0);
      LocalDate date = bo.company.today();
      if (body == null) {
        o.errors.add(null, "", Bo.E_REQUIRED, "Item must contain Payment or Adjustments");
      } else {
        o.kind = body.getTagName();
        if (o.kind.equals("Payment")) {
          date = payment(body, p, autoCorrect, o, apps);
        } else if (o.kind.equals("Adjustments")) {
          adjustments(body, o, apps);
        } else {
          o.errors.add(null, "", Bo.E_NOT_SUPPORTED, o.kind + " is not supported by the simulator");
        }
      }
      if (bo.company.isClosed(period)) {
        o.errors.add(
            null, "", Bo.E_PERIOD_CLOSED, "Posting period " + Bo.fmtPeriod(period) + " is closed");
      }
      o.valid = !o.errors.failed(p) && o.invoiceErrors.isEmpty();
      if (o.valid) {
        if (journal == 0) {
          journal = bo.company.next("AR-PAY-" + period);
        }
        apply(o, apps, period, journal, date);
        processed++;
      } else {
        invalid++;
      }
      outcomes.add(o);
    }
    boolean rollback = bo.rollBackIfNeeded(p, snapshot, invalid);
    Xml.Out out = new Xml.Out().root("postarpayment", bo.config.boVersion);
    for (Outcome o : outcomes) {
      out.start("Item").start(o.kind);
      if (o.valid && !rollback) {
        out.start("Key")
            .leaf("TrnYear", Integer.toString(period.getYear()))
            .leaf("TrnMonth", String.format("%02d", period.getMonthValue()))
            .leaf("Journal", String.format("%05d", journal))
            .end();
      }
      o.errors.leafOrError(out, "Customer", o.customer);
      o.errors.write(out, List.of("Customer"));
      for (InvoiceError ie : o.invoiceErrors) {
        out.start(ie.group()).leaf("TransactionType", ie.type());
        out.fieldError(ie.field(), ie.value(), ie.number(), ie.description());
        out.end();
      }
      out.end().end();
    }
    Bo.writeTransactionStatus(
        out, period, journal != 0 && !rollback, rollback ? 0 : processed, invalid);
    return out.finish();
  }

  private @Nullable Map<String, Object> customer(Element body, Outcome o) {
    String raw = Xml.text(body, "Customer");
    o.customer = raw == null ? "" : raw;
    try {
      String code = bo.key("Customer", raw);
      o.customer = code;
      Map<String, Object> c = bo.company.table(Company.AR_CUSTOMER).find(code);
      if (c == null) {
        o.errors.add("Customer", code, Bo.E_NOT_FOUND, "Customer '" + code + "' not found");
      } else if ("Y".equals(c.get("CustomerOnHold"))) {
        o.errors.warn(null, code, Bo.E_ON_HOLD, "Customer '" + code + "' is on hold");
      }
      return c;
    } catch (IllegalArgumentException e) {
      o.errors.add(
          "Customer",
          raw,
          raw == null || raw.isEmpty() ? Bo.E_REQUIRED : Bo.E_KEY_FORMAT,
          e.getMessage());
      return null;
    }
  }

  private LocalDate payment(
      Element body, Bo.Params p, String autoCorrect, Outcome o, List<Application> apps) {
    Map<String, Object> customer = customer(body, o);
    LocalDate date = bo.company.today();
    try {
      LocalDate d = Fmt.parseDate(Xml.text(body, "PaymentDate"));
      date = d == null ? date : d;
    } catch (IllegalArgumentException e) {
      o.errors.add(
          "PaymentDate",
          Xml.text(body, "PaymentDate"),
          Bo.E_INVALID,
          "PaymentDate " + e.getMessage());
    }
    BigDecimal paymentValue = null;
    try {
      paymentValue = Fmt.parseAmount(Xml.text(body, "PaymentValue"));
    } catch (IllegalArgumentException e) {
      o.errors.add(
          "PaymentValue",
          Xml.text(body, "PaymentValue"),
          Bo.E_INVALID,
          "PaymentValue " + e.getMessage());
      return date;
    }
    String reference = Xml.text(body, "Reference", "");
    if (reference.length() > 30) {
      o.errors.add("Reference", reference, Bo.E_TOO_LONG, "Reference exceeds 30 characters");
    }
    String notation = Xml.text(body, "JournalNotation", "");
    for (String unsupported :
        List.of("InvoiceToReEstablish", "UnappliedPayment", "PostDatedCheck")) {
      if (Xml.child(body, unsupported) != null) {
        o.errors.add(
            null, "", Bo.E_NOT_SUPPORTED, unsupported + " is not supported by the simulator");
      }
    }
    List<Element> toPay = Xml.children(body, "InvoiceToPay");
    if (toPay.isEmpty()) {
      o.errors.add(null, "", Bo.E_REQUIRED, "Payment must contain at least one InvoiceToPay");
    }
    if (customer == null) {
      return date;
    }
    Map<String, BigDecimal> staged = new HashMap<>();
    BigDecimal distributed = BigDecimal.ZERO;
    for (Element e : toPay) {
      String type = Xml.text(e, "TransactionType", "I");
      String invoice = Xml.text(e, "Invoice", "");
      if (!type.equals("I") && !type.equals("C") && !type.equals("D")) {
        o.invoiceErrors.add(
            err(
                "InvoiceToPay",
                type,
                "TransactionType",
                type,
                Bo.E_INVALID,
                "TransactionType must be I, C or D"));
        continue;
      }
      Map<String, Object> inv =
          invoice.isEmpty()
              ? null
              : bo.company.table(Company.AR_INVOICE).find(o.customer, invoice, type);
      if (invoice.isEmpty()) {
        o.invoiceErrors.add(
            err("InvoiceToPay", type, "Invoice", "", Bo.E_REQUIRED, "Invoice is required"));
        continue;
      }
      if (inv == null) {
        o.invoiceErrors.add(
            err(
                "InvoiceToPay",
                type,
                "Invoice",
                invoice,
                Bo.E_INVOICE_NOT_FOUND,
                "Invoice '" + invoice + "' not found for customer '" + o.customer + "'"));
        continue;
      }
      String k = invoice + "/" + type;
      BigDecimal balance = staged.getOrDefault(k, Bo.dec(inv.get("InvoiceBal1")));
      BigDecimal gross;
      BigDecimal discount;
      try {
        gross = Fmt.parseAmount(Xml.text(e, "GrossPaymentValue"));
        discount = Fmt.parseAmount(Xml.text(e, "DiscountValue"));
      } catch (IllegalArgumentException ex) {
        o.invoiceErrors.add(
            err(
                "InvoiceToPay",
                type,
                "GrossPaymentValue",
                Xml.text(e, "GrossPaymentValue"),
                Bo.E_INVALID,
                "GrossPaymentValue " + ex.getMessage()));
        continue;
      }
      discount = discount == null ? BigDecimal.ZERO : discount;
      if (balance.signum() == 0) {
        o.invoiceErrors.add(
            err(
                "InvoiceToPay",
                type,
                "Invoice",
                invoice,
                Bo.E_ALREADY_PAID,
                "Invoice '" + invoice + "' is already fully paid"));
        continue;
      }
      gross = gross == null ? balance : gross;
      if (gross.signum() <= 0) {
        o.invoiceErrors.add(
            err(
                "InvoiceToPay",
                type,
                "GrossPaymentValue",
                Fmt.plain(gross, 2),
                Bo.E_INVALID,
                "GrossPaymentValue must be greater than zero"));
        continue;
      }
      if (gross.compareTo(balance) > 0) {
        o.invoiceErrors.add(
            err(
                "InvoiceToPay",
                type,
                "GrossPaymentValue",
                Fmt.plain(gross, 2),
                Bo.E_OVERPAYMENT,
                "Payment of "
                    + Fmt.plain(gross, 2)
                    + " exceeds the balance of "
                    + Fmt.plain(balance, 2)
                    + " on invoice '"
                    + invoice
                    + "'"));
        continue;
      }
      staged.put(k, balance.subtract(gross));
      distributed = distributed.add(gross.subtract(discount));
      apps.add(new Application(inv, gross.negate(), discount, reference, notation));
    }
    if (o.invoiceErrors.isEmpty() && !toPay.isEmpty()) {
      if (autoCorrect.equals("N")) {
        if (paymentValue == null || paymentValue.compareTo(distributed) != 0) {
          o.errors.add(
              "PaymentValue",
              paymentValue == null ? "" : Fmt.plain(paymentValue, 2),
              Bo.E_NOT_DISTRIBUTED,
              "Payment value "
                  + (paymentValue == null ? "0.00" : Fmt.plain(paymentValue, 2))
                  + " is not fully distributed (distributed "
                  + Fmt.plain(distributed, 2)
                  + ")");
        }
      }
    }
    return date;
  }

  private void adjustments(Element body, Outcome o, List<Application> apps) {
    Map<String, Object> customer = customer(body, o);
    List<Element> adj = Xml.children(body, "InvoiceToAdjust");
    if (adj.isEmpty()) {
      o.errors.add(
          null, "", Bo.E_REQUIRED, "Adjustments must contain at least one InvoiceToAdjust");
    }
    if (customer == null) {
      return;
    }
    Map<String, BigDecimal> staged = new HashMap<>();
    for (Element e : adj) {
      String type = Xml.text(e, "TransactionType", "I");
      String invoice = Xml.text(e, "Invoice", "");
      Map<String, Object> inv =
          invoice.isEmpty()
              ? null
              : bo.company.table(Company.AR_INVOICE).find(o.customer, invoice, type);
      if (inv == null) {
        o.invoiceErrors.add(
            err(
                "InvoiceToAdjust",
                type,
                "Invoice",
                invoice,
                Bo.E_INVOICE_NOT_FOUND,
                "Invoice '" + invoice + "' not found for customer '" + o.customer + "'"));
        continue;
      }
      BigDecimal value;
      try {
        value = Fmt.parseAmount(Xml.text(e, "AdjustmentValue"));
      } catch (IllegalArgumentException ex) {
        o.invoiceErrors.add(
            err(
                "InvoiceToAdjust",
                type,
                "AdjustmentValue",
                Xml.text(e, "AdjustmentValue"),
                Bo.E_INVALID,
                "AdjustmentValue " + ex.getMessage()));
        continue;
      }
      if (value == null || value.signum() == 0) {
        o.invoiceErrors.add(
            err(
                "InvoiceToAdjust",
                type,
                "AdjustmentValue",
                value == null ? "" : Fmt.plain(value, 2),
                Bo.E_ZERO_ADJUSTMENT,
                "AdjustmentValue must not be zero"));
        continue;
      }
      String k = invoice + "/" + type;
      BigDecimal balance = staged.getOrDefault(k, Bo.dec(inv.get("InvoiceBal1")));
      if (balance.add(value).signum() < 0) {
        o.invoiceErrors.add(
            err(
                "InvoiceToAdjust",
                type,
                "AdjustmentValue",
                Fmt.plain(value, 2),
                Bo.E_NEGATIVE_BALANCE,
                "Adjustment of "
                    + Fmt.plain(value, 2)
                    + " exceeds the balance of "
                    + Fmt.plain(balance, 2)
                    + " on invoice '"
                    + invoice
                    + "'"));
        continue;
      }
      staged.put(k, balance.add(value));
      apps.add(
          new Application(
              inv,
              value,
              BigDecimal.ZERO,
              Xml.text(e, "Reference", ""),
              Xml.text(e, "JournalNotation", "")));
    }
  }

  private static InvoiceError err(
      String group, String type, String field, String value, int number, String text) {
    return new InvoiceError(group, type, field, value == null ? "" : value, number, text);
  }

  private void apply(
      Outcome o, List<Application> apps, YearMonth period, int journal, LocalDate date) {
    for (Application a : apps) {
      Map<String, Object> inv = a.invoice();
      BigDecimal balance = Bo.dec(inv.get("InvoiceBal1")).add(a.change());
      inv.put("InvoiceBal1", balance);
      if (balance.signum() == 0) {
        inv.put("YearInvBalZero", period.getYear());
        inv.put("MonthInvBalZero", period.getMonthValue());
      }
      bo.company.touch(inv);
      int entry = bo.company.next("AR-PAY-ENTRY-" + period + "-" + journal);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("Customer", inv.get("Customer"));
      row.put("Invoice", inv.get("Invoice"));
      row.put("DocumentType", inv.get("DocumentType"));
      row.put("TrnYear", period.getYear());
      row.put("TrnMonth", period.getMonthValue());
      row.put("Journal", journal);
      row.put("EntryNumber", entry);
      row.put("TrnType", o.kind.equals("Payment") ? "P" : "A");
      row.put("JournalDate", date);
      row.put("Reference", a.reference());
      row.put("TrnValue", a.change().setScale(2, RoundingMode.HALF_UP));
      row.put("DiscValue", a.discount().setScale(2, RoundingMode.HALF_UP));
      row.put(
          "Notation", a.notation().length() > 50 ? a.notation().substring(0, 50) : a.notation());
      bo.company.upsert(Company.AR_INVOICE_PAY, row);
    }
    if (o.kind.equals("Payment")) {
      Map<String, Object> c = bo.company.table(Company.AR_CUSTOMER).find(o.customer);
      c.put("DateLastPay", date);
      bo.company.touch(c);
    }
  }
}
