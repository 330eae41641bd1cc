package io.mlconnector.testkit.sapb1.internal;

import static io.mlconnector.testkit.sapb1.internal.Values.num;
import static io.mlconnector.testkit.sapb1.internal.Values.round2;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The business rules of business partners, A/R documents and incoming payments: validation,
 * numbering, totals ({@code LineTotal = Quantity x Price}, VAT by VatGroup, {@code DocTotal}),
 * foreign-currency amounts ({@code DocTotal} in local currency, {@code DocTotalFc} in the
 * document's), payments applied to invoices ({@code PaidToDate}, closing when fully paid),
 * cancellations and the business partner's balance.
 */
final class Documents {
  private static final double CENT = 0.005;
  private static final Set<String> PAYMENT_AMOUNTS =
      Set.of("TransferSum", "CashSum", "PaymentInvoices", "CardCode", "DocCurrency", "CheckAccount", "PaymentChecks");
  private static final Set<String> LOCKED_DOCUMENT_FIELDS =
      Set.of("CardCode", "DocCurrency", "DocTotal", "DocTotalFc", "PaidToDate", "DocumentStatus", "Cancelled");

  private final Company company;
  private final SimConfig config;

  Documents(Company company, SimConfig config) {
    this.company = company;
    this.config = config;
  }

  void newBusinessPartner(Map<String, Object> e) {
    Object code = e.get("CardCode");
    if (code == null || code.toString().isBlank()) {
      throw new WriteException(400, -5002, "Enter a business partner code [OCRD.CardCode]");
    }
    if (e.get("CardName") == null) {
      e.put("CardName", "");
    }
    e.putIfAbsent("CardType", "cCustomer");
    e.putIfAbsent("Valid", "tYES");
    e.putIfAbsent("Frozen", "tNO");
    e.putIfAbsent("Currency", config.localCurrency);
    e.put("CurrentAccountBalance", 0.0);
  }

  void newDocument(EntitySet es, Map<String, Object> e) {
    Map<String, Object> bp = customer(e.get("CardCode"), es.isDocument() ? "OINV" : "ORCT");
    List<Map<String, Object>> lines = Company.asRows(e.get("DocumentLines"));
    if (lines.isEmpty()) {
      throw new WriteException(400, -5002, "Document must contain at least one row [DocumentLines]");
    }
    String currency = (String) e.getOrDefault("DocCurrency", null);
    if (currency == null) {
      currency = (String) bp.get("Currency");
      if (currency == null || currency.equals("##")) {
        currency = config.localCurrency;
      }
    }
    double rate = rate(currency);
    e.put("DocCurrency", currency);
    e.put("DocRate", rate);
    e.put("CardName", e.get("CardName") == null ? bp.get("CardName") : e.get("CardName"));
    e.putIfAbsent("DocType", "dDocument_Items");
    e.put("DocEntry", company.nextEntry(es.name()));
    e.put("DocNum", company.nextNumber(es.name()));
    e.put("DocObjectCode", es.objectCode());
    if (e.get("DocDate") == null) {
      e.put("DocDate", company.today());
    }
    if (e.get("DocDueDate") == null) {
      e.put("DocDueDate", e.get("DocDate"));
    }
    if (e.get("TaxDate") == null) {
      e.put("TaxDate", e.get("DocDate"));
    }
    computeLines(e, lines);
    e.put("DocumentStatus", "bost_Open");
    e.put("Cancelled", "tNO");
    e.put("PaidToDate", 0.0);
    e.put("PaidToDateFC", 0.0);
    double local = num(e.get("DocTotal"));
    if (es.name().equals("CreditNotes")) {
      applyCreditToBase(e, lines);
      adjustBalance(bp, -local);
    } else {
      adjustBalance(bp, local);
    }
  }

  /** Rounds an amount in {@code currency} to its minor unit (JPY: whole yen). */
  static double roundIn(double v, String currency) {
    int digits = 2;
    try {
      digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
    } catch (IllegalArgumentException e) {
      // a B1 code that is not ISO: two places
    }
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  private void computeLines(Map<String, Object> e, List<Map<String, Object>> lines) {
    boolean foreign = !e.get("DocCurrency").equals(config.localCurrency);
    String cur = (String) e.get("DocCurrency");
    double rate = num(e.get("DocRate"));
    double net = 0;
    double vat = 0;
    int n = 0;
    for (Map<String, Object> line : lines) {
      line.put("LineNum", (long) n++);
      double qty = line.get("Quantity") == null ? 1.0 : num(line.get("Quantity"));
      line.put("Quantity", qty);
      double total;
      if (line.get("Price") != null || line.get("UnitPrice") != null) {
        double price = num(line.get("Price") != null ? line.get("Price") : line.get("UnitPrice"));
        line.put("Price", price);
        line.put("UnitPrice", price);
        total = roundIn(qty * price, cur);
      } else if (line.get("LineTotal") != null) {
        total = roundIn(num(line.get("LineTotal")), cur);
        line.put("Price", qty == 0 ? 0.0 : total / qty);
      } else {
        throw new WriteException(400, -10, "Enter a price or a line total [DocumentLines.Price][line: " + (n) + "]");
      }
      String vatGroup = (String) (line.get("VatGroup") != null ? line.get("VatGroup") : line.get("TaxCode"));
      double pct = 0;
      if (vatGroup != null) {
        Double r = config.vatRates.get(vatGroup);
        if (r == null) {
          throw new WriteException(400, -10, "Invalid tax code [DocumentLines.VatGroup][line: " + n + "] , '" + vatGroup + "'");
        }
        pct = r;
      }
      double tax = roundIn(total * pct / 100.0, cur);
      line.put("LineTotal", foreign ? round2(total * rate) : total);
      line.put("RowTotalFC", foreign ? total : 0.0);
      line.put("TaxTotal", foreign ? round2(tax * rate) : tax);
      line.put("PriceAfterVAT", qty == 0 ? 0.0 : round2((total + tax) / qty));
      line.put("Currency", e.get("DocCurrency"));
      line.put("LineStatus", "bost_Open");
      net += total;
      vat += tax;
    }
    double docFc = roundIn(net + vat, cur);
    e.put("VatSum", foreign ? round2(vat * rate) : round2(vat));
    e.put("VatSumFc", foreign ? round2(vat) : 0.0);
    e.put("DocTotalFc", foreign ? docFc : 0.0);
    e.put("DocTotal", foreign ? round2(docFc * rate) : docFc);
  }

  private void applyCreditToBase(Map<String, Object> credit, List<Map<String, Object>> lines) {
    Object baseEntry = null;
    for (Map<String, Object> l : lines) {
      if (l.get("BaseEntry") != null && num(l.get("BaseType")) == 13) {
        baseEntry = l.get("BaseEntry");
      }
    }
    if (baseEntry == null) {
      return; // a stand-alone credit note only changes the partner's balance
    }
    Map<String, Object> inv = company.get("Invoices", baseEntry);
    if (inv == null || !inv.get("CardCode").equals(credit.get("CardCode"))) {
      throw new WriteException(400, -10, "Invalid base document [DocumentLines.BaseEntry] , '" + baseEntry + "'");
    }
    if (!"bost_Open".equals(inv.get("DocumentStatus"))) {
      throw new WriteException(400, -5002, "Target document is already closed or cancelled");
    }
    company.remember("Invoices", baseEntry);
    double amount = documentAmount(credit);
    if (amount > openAmount(inv) + CENT) {
      throw new WriteException(400, -5002, "Credit amount exceeds the open amount of the base document");
    }
    addPaid(inv, amount);
    credit.put("DocumentStatus", "bost_Close");
  }

  void newPayment(Map<String, Object> e) {
    e.putIfAbsent("DocType", "rCustomer");
    Map<String, Object> bp = customer(e.get("CardCode"), "ORCT");
    String currency = (String) e.getOrDefault("DocCurrency", null);
    if (currency == null) {
      currency = config.localCurrency;
    }
    e.put("DocCurrency", currency);
    double rate = rate(currency);
    e.put("DocRate", rate);
    e.put("CardName", bp.get("CardName"));
    if (e.get("DocDate") == null) {
      e.put("DocDate", company.today());
    }
    double means = num(e.get("TransferSum")) + num(e.get("CashSum")) + num(e.get("CheckSum"));
    if (means <= 0) {
      throw new WriteException(400, -5002, "Enter a payment amount (TransferSum or CashSum)");
    }
    if (num(e.get("TransferSum")) > 0 && e.get("TransferAccount") == null) {
      throw new WriteException(400, -5002, "Enter a G/L account for the bank transfer [ORCT.TrsfrAcct]");
    }
    List<Map<String, Object>> rows = Company.asRows(e.get("PaymentInvoices"));
    double applied = 0;
    int n = 0;
    for (Map<String, Object> row : rows) {
      row.put("LineNum", (long) n++);
      Object type = row.getOrDefault("InvoiceType", "it_Invoice");
      String invType = company.schema().member("BoRcptInvTypes", type);
      if (!"it_Invoice".equals(invType)) {
        throw new WriteException(400, -5002, "Only A/R invoices (it_Invoice) can be paid here, line " + n);
      }
      row.put("InvoiceType", "it_Invoice");
      Map<String, Object> inv = company.get("Invoices", row.get("DocEntry"));
      if (inv == null) {
        throw new WriteException(400, -10, "Invalid document [PaymentInvoices.DocEntry][line: " + n + "] , '" + row.get("DocEntry") + "'");
      }
      if (!inv.get("CardCode").equals(e.get("CardCode"))) {
        throw new WriteException(400, -5002, "Invoice " + inv.get("DocEntry") + " belongs to another business partner");
      }
      if (!"bost_Open".equals(inv.get("DocumentStatus")) || "tYES".equals(inv.get("Cancelled"))) {
        throw new WriteException(400, -5002, "Invoice " + inv.get("DocEntry") + " is closed or cancelled");
      }
      if (!inv.get("DocCurrency").equals(currency)) {
        throw new WriteException(400, -5002, "Payment currency " + currency + " differs from the currency of invoice "
            + inv.get("DocEntry") + " (" + inv.get("DocCurrency") + ")");
      }
      boolean foreign = !currency.equals(config.localCurrency);
      double amount = foreign ? num(row.get("AppliedFC")) : num(row.get("SumApplied"));
      if (amount <= 0) {
        throw new WriteException(400, -5002, "Enter the amount applied to invoice " + inv.get("DocEntry")
            + (foreign ? " [AppliedFC]" : " [SumApplied]"));
      }
      if (amount > openAmount(inv) + CENT) {
        throw new WriteException(400, -5002, "Amount applied to invoice " + inv.get("DocEntry")
            + " exceeds its open balance (" + round2(openAmount(inv)) + ")");
      }
      row.put("SumApplied", foreign ? round2(amount * rate) : amount);
      row.put("AppliedFC", foreign ? amount : 0.0);
      row.put("DocNum", inv.get("DocNum"));
      applied += amount;
    }
    if (applied > means + CENT) {
      throw new WriteException(400, -5002, "Total applied (" + round2(applied) + ") exceeds the payment amount (" + round2(means) + ")");
    }
    e.put("DocEntry", company.nextEntry("IncomingPayments"));
    e.put("DocNum", company.nextNumber("IncomingPayments"));
    e.put("Cancelled", "tNO");
    for (Map<String, Object> row : rows) {
      Map<String, Object> inv = company.get("Invoices", row.get("DocEntry"));
      company.remember("Invoices", row.get("DocEntry"));
      boolean foreign = !currency.equals(config.localCurrency);
      addPaid(inv, foreign ? num(row.get("AppliedFC")) : num(row.get("SumApplied")));
    }
    company.remember("BusinessPartners", bp.get("CardCode"));
    adjustBalance(bp, -round2(means * rate));
  }

  void checkPatch(EntitySet es, Map<String, Object> e, Map<String, Object> changes) {
    if (es.name().equals("IncomingPayments")) {
      for (String k : changes.keySet()) {
        if (PAYMENT_AMOUNTS.contains(k)) {
          throw new WriteException(400, -5002, "Field " + k + " of an incoming payment cannot be changed; cancel it instead");
        }
      }
    } else if (es.isDocument()) {
      if ("tYES".equals(e.get("Cancelled"))) {
        throw new WriteException(400, -5002, "Document is already cancelled");
      }
      for (String k : changes.keySet()) {
        if (LOCKED_DOCUMENT_FIELDS.contains(k)) {
          throw new WriteException(400, -5002, "Field " + k + " cannot be changed on an added document");
        }
      }
      if (changes.containsKey("DocumentLines") && num(e.get("PaidToDate")) > 0) {
        throw new WriteException(400, -5002, "Rows of a document with payments cannot be changed");
      }
    }
  }

  void afterPatch(EntitySet es, Map<String, Object> e, Map<String, Object> changes) {
    if (es.isDocument() && changes.containsKey("DocumentLines")) {
      double before = num(e.get("DocTotal"));
      computeLines(e, Company.asRows(e.get("DocumentLines")));
      Map<String, Object> bp = company.get("BusinessPartners", e.get("CardCode"));
      company.remember("BusinessPartners", bp.get("CardCode"));
      adjustBalance(bp, num(e.get("DocTotal")) - before);
    }
  }

  void checkDelete(EntitySet es, Map<String, Object> e) {
    if (es.name().equals("BusinessPartners")) {
      for (String set : List.of("Invoices", "CreditNotes", "IncomingPayments")) {
        for (Map<String, Object> d : company.all(set)) {
          if (e.get("CardCode").equals(d.get("CardCode"))) {
            throw new WriteException(400, -5002, "Business partner " + e.get("CardCode") + " has transactions and cannot be removed");
          }
        }
      }
      return;
    }
    throw new WriteException(400, -5002, "Documents cannot be removed; cancel or close them");
  }

  void action(EntitySet es, Map<String, Object> e, String action) {
    if (es.name().equals("IncomingPayments") && action.equals("Cancel")) {
      cancelPayment(e);
      return;
    }
    if (!es.isDocument()) {
      throw new WriteException(400, -5002, "Action " + action + " is not supported on " + es.name());
    }
    switch (action) {
      case "Cancel":
        if ("tYES".equals(e.get("Cancelled"))) {
          throw new WriteException(400, -5002, "Document is already cancelled");
        }
        if (num(e.get("PaidToDate")) > CENT) {
          throw new WriteException(400, -5002, "Cannot cancel a document with payments or credits; cancel them first");
        }
        e.put("Cancelled", "tYES");
        e.put("DocumentStatus", "bost_Close");
        Map<String, Object> bp = company.get("BusinessPartners", e.get("CardCode"));
        company.remember("BusinessPartners", bp.get("CardCode"));
        adjustBalance(bp, es.name().equals("CreditNotes") ? num(e.get("DocTotal")) : -num(e.get("DocTotal")));
        break;
      case "Close":
        if (!"bost_Open".equals(e.get("DocumentStatus"))) {
          throw new WriteException(400, -5002, "Document is already closed");
        }
        e.put("DocumentStatus", "bost_Close");
        break;
      case "Reopen":
        if ("tYES".equals(e.get("Cancelled")) || "bost_Open".equals(e.get("DocumentStatus"))) {
          throw new WriteException(400, -5002, "Document cannot be reopened");
        }
        e.put("DocumentStatus", "bost_Open");
        break;
      default:
        throw new WriteException(400, -5002, "Action " + action + " is not supported on " + es.name());
    }
    company.changed(es, e);
  }

  private void cancelPayment(Map<String, Object> p) {
    if ("tYES".equals(p.get("Cancelled"))) {
      throw new WriteException(400, -5002, "Document is already cancelled");
    }
    boolean foreign = !p.get("DocCurrency").equals(config.localCurrency);
    for (Map<String, Object> row : Company.asRows(p.get("PaymentInvoices"))) {
      Map<String, Object> inv = company.get("Invoices", row.get("DocEntry"));
      if (inv == null) {
        continue;
      }
      company.remember("Invoices", row.get("DocEntry"));
      addPaid(inv, -(foreign ? num(row.get("AppliedFC")) : num(row.get("SumApplied"))));
    }
    p.put("Cancelled", "tYES");
    Map<String, Object> bp = company.get("BusinessPartners", p.get("CardCode"));
    company.remember("BusinessPartners", bp.get("CardCode"));
    double means = num(p.get("TransferSum")) + num(p.get("CashSum")) + num(p.get("CheckSum"));
    adjustBalance(bp, round2(means * num(p.get("DocRate"))));
  }

  // ------------------------------------------------------------------ amounts

  /** What is still open on an invoice, in its own currency. */
  private double openAmount(Map<String, Object> inv) {
    boolean foreign = !inv.get("DocCurrency").equals(config.localCurrency);
    return foreign ? num(inv.get("DocTotalFc")) - num(inv.get("PaidToDateFC")) : num(inv.get("DocTotal")) - num(inv.get("PaidToDate"));
  }

  private double documentAmount(Map<String, Object> doc) {
    boolean foreign = !doc.get("DocCurrency").equals(config.localCurrency);
    return foreign ? num(doc.get("DocTotalFc")) : num(doc.get("DocTotal"));
  }

  /** Adds {@code amount} (in the invoice's currency; negative to reverse) to what was paid. */
  private void addPaid(Map<String, Object> inv, double amount) {
    boolean foreign = !inv.get("DocCurrency").equals(config.localCurrency);
    if (foreign) {
      inv.put("PaidToDateFC", round2(num(inv.get("PaidToDateFC")) + amount));
      inv.put("PaidToDate", round2(num(inv.get("PaidToDate")) + amount * num(inv.get("DocRate"))));
    } else {
      inv.put("PaidToDate", round2(num(inv.get("PaidToDate")) + amount));
    }
    if (!"tYES".equals(inv.get("Cancelled"))) {
      inv.put("DocumentStatus", openAmount(inv) <= CENT ? "bost_Close" : "bost_Open");
    }
    if (config.paymentTouchesInvoice) {
      company.changed(EntitySet.ALL.get("Invoices"), inv);
    }
  }

  private void adjustBalance(Map<String, Object> bp, double delta) {
    bp.put("CurrentAccountBalance", round2(num(bp.get("CurrentAccountBalance")) + delta));
  }

  private Map<String, Object> customer(Object cardCode, String table) {
    Map<String, Object> bp = cardCode == null ? null : company.get("BusinessPartners", cardCode);
    if (bp == null) {
      throw new WriteException(400, -10, "Invalid BP code [" + table + ".CardCode] , '" + cardCode + "'");
    }
    if (!"cCustomer".equals(bp.get("CardType"))) {
      throw new WriteException(400, -10, "Business partner " + cardCode + " is not a customer [" + table + ".CardCode]");
    }
    if ("tYES".equals(bp.get("Frozen"))) {
      throw new WriteException(400, -5002, "Business partner " + cardCode + " is inactive");
    }
    return bp;
  }

  private double rate(String currency) {
    if (currency.equals(config.localCurrency)) {
      return 1.0;
    }
    Double r = config.rates.get(currency);
    if (r == null) {
      throw new WriteException(400, -5002, "Update the exchange rate for currency " + currency);
    }
    return r;
  }
}
