package io.mlconnector.testkit.syspro.internal;

import io.mlconnector.testkit.syspro.internal.Table.Col;
import io.mlconnector.testkit.syspro.internal.Table.Type;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The one in-memory SYSPRO company: tables under their SQL names, the current financial period,
 * closed periods, journal counters and the row-version counter. Every access synchronises on this
 * object; a document that must not commit restores a {@link #snapshot()}.
 */
public final class Company {
  public static final String AR_CUSTOMER = "ArCustomer";
  public static final String AR_INVOICE = "ArInvoice";
  public static final String AR_INVOICE_LINE = "ArTrnDetail";
  public static final String AR_INVOICE_PAY = "ArInvoicePay";
  public static final String AP_SUPPLIER = "ApSupplier";
  public static final String AP_INVOICE = "ApInvoice";
  public static final String AP_INVOICE_PAY = "ApInvoicePay";
  public static final String GEN_MASTER = "GenMaster";
  public static final String GEN_JOURNAL = "GenJournalCtl";
  public static final String GEN_JOURNAL_DETAIL = "GenJournalDetail";

  private final String id;
  private final String name;
  private final String localCurrency;
  private final Clock clock;
  private Map<String, Table> tables = new LinkedHashMap<>();
  private YearMonth currentPeriod;
  private Set<YearMonth> closed = new TreeSet<>();
  private Map<String, Integer> counters = new HashMap<>();
  private long rowVersion = 2000;

  public Company(String id, String name, String localCurrency, Clock clock) {
    this.id = id;
    this.name = name;
    this.localCurrency = localCurrency;
    this.clock = clock;
    this.currentPeriod = YearMonth.from(LocalDate.now(clock));
    define();
  }

  private void define() {
    List<Col> c = new ArrayList<>();
    c.add(text("Customer", 15));
    c.add(text("Name", 50));
    c.add(text("ShortName", 20));
    c.add(text("Salesperson", 20));
    c.add(text("Branch", 10));
    c.add(text("Area", 10));
    c.add(text("TermsCode", 2));
    c.add(text("CreditStatus", 1));
    c.add(dec("CreditLimit", 12, 0));
    c.add(text("PriceCode", 2));
    c.add(text("CustomerClass", 2));
    c.add(text("BalanceType", 1));
    c.add(text("TaxStatus", 1));
    c.add(text("Telephone", 20));
    c.add(text("Contact", 40));
    c.add(text("Fax", 20));
    c.add(text("Currency", 3));
    c.add(text("Email", 255));
    c.add(text("CustomerOnHold", 1));
    // tax registration number: the column name on ArCustomer is unconfirmed (ApSupplier's is)
    c.add(text("TaxRegnNum", 20));
    for (int i = 1; i <= 5; i++) {
      c.add(text("SoldToAddr" + i, 40));
    }
    c.add(text("SoldPostalCode", 10));
    for (int i = 1; i <= 5; i++) {
      c.add(text("ShipToAddr" + i, 40));
    }
    c.add(text("ShipPostalCode", 10));
    c.add(date("DateLastSale"));
    c.add(date("DateLastPay"));
    c.add(date("DateCustAdded"));
    c.add(rowversion());
    add(AR_CUSTOMER, c, "Customer");

    add(
        AR_INVOICE,
        List.of(
            text("Customer", 15),
            text("Invoice", 20),
            text("DocumentType", 1),
            date("InvoiceDate"),
            text("SalesOrder", 20),
            text("CustomerPoNumber", 30),
            text("Salesperson", 20),
            text("Branch", 10),
            text("TermsCode", 2),
            dec("CurrencyValue", 14, 2),
            dec("InvoiceBal1", 14, 2),
            dec("TaxPortion", 14, 2),
            integer("InvoiceYear"),
            integer("InvoiceMonth"),
            integer("YearInvBalZero"),
            integer("MonthInvBalZero"),
            text("AccountCur", 3),
            rowversion()),
        "Customer",
        "Invoice",
        "DocumentType");

    add(
        AR_INVOICE_LINE,
        List.of(
            text("Customer", 15),
            text("Invoice", 20),
            integer("DetailLine"),
            text("StockCode", 30),
            text("StockDes", 50),
            dec("QtyInvoiced", 16, 3),
            dec("NetSalesValue", 14, 2),
            dec("TaxValue", 14, 2),
            rowversion()),
        "Customer",
        "Invoice",
        "DetailLine");

    add(
        AR_INVOICE_PAY,
        List.of(
            text("Customer", 15),
            text("Invoice", 20),
            text("DocumentType", 1),
            integer("TrnYear"),
            integer("TrnMonth"),
            integer("Journal"),
            integer("EntryNumber"),
            text("TrnType", 1),
            date("JournalDate"),
            text("Reference", 30),
            dec("TrnValue", 14, 2),
            dec("DiscValue", 14, 2),
            text("Notation", 50),
            rowversion()),
        "Customer",
        "Invoice",
        "DocumentType",
        "TrnYear",
        "TrnMonth",
        "Journal",
        "EntryNumber");

    List<Col> s = new ArrayList<>();
    s.add(text("Supplier", 15));
    s.add(text("SupplierName", 50));
    s.add(text("SupShortName", 20));
    s.add(text("SupplierType", 1));
    s.add(text("SupplierClass", 10));
    s.add(text("Bank", 15));
    s.add(text("Branch", 10));
    s.add(text("Telephone", 20));
    s.add(text("Fax", 20));
    s.add(text("Contact", 40));
    s.add(text("Email", 255));
    s.add(text("Currency", 3));
    s.add(dec("CurrentBalance", 14, 2));
    s.add(date("LastPurchDate"));
    s.add(date("DateSuppAdded"));
    s.add(text("TermsCode", 2));
    s.add(text("MerchGlCode", 35));
    s.add(text("FreightGlCode", 35));
    s.add(text("OnHold", 1));
    for (int i = 1; i <= 5; i++) {
      s.add(text("SupAddr" + i, 40));
    }
    s.add(text("SupPostalCode", 10));
    s.add(text("TaxRegnNum", 20));
    s.add(text("Nationality", 3));
    s.add(rowversion());
    add(AP_SUPPLIER, s, "Supplier");

    add(
        AP_INVOICE,
        List.of(
            text("Supplier", 15),
            text("Invoice", 20),
            date("JournalDate"),
            integer("Journal"),
            integer("EntryNumber"),
            text("Branch", 10),
            date("InvoiceDate"),
            date("DiscountDate"),
            date("DueDate"),
            text("Reference", 30),
            dec("OrigInvValue", 14, 2),
            dec("OrigDiscValue", 14, 2),
            dec("MthInvBal1", 14, 2),
            text("InvoiceStatus", 1),
            text("Currency", 3),
            integer("InvoiceYear"),
            integer("InvoiceMonth"),
            rowversion()),
        "Supplier",
        "Invoice");

    // transactions against an AP invoice (adjustments, credit and debit notes): table and column
    // names from a SYSPRO database scaffold (one install); that APSTIN's TransactionReference lands
    // in PaymentReference is the simulator's choice (unconfirmed)
    add(
        AP_INVOICE_PAY,
        List.of(
            text("Supplier", 15),
            text("Invoice", 20),
            integer("TrnYear"),
            integer("TrnMonth"),
            integer("Journal"),
            integer("EntryNumber"),
            text("TrnType", 1),
            date("JournalDate"),
            text("PaymentReference", 50),
            dec("TrnValue", 14, 2),
            rowversion()),
        "Supplier",
        "Invoice",
        "TrnYear",
        "TrnMonth",
        "Journal",
        "EntryNumber");

    add(
        GEN_MASTER,
        List.of(
            text("GlCode", 35),
            text("Description", 50),
            text("AccountType", 1),
            text("GlGroup", 10),
            dec("CurrentBalance", 14, 2),
            rowversion()),
        "GlCode");

    add(
        GEN_JOURNAL,
        List.of(
            integer("GlYear"),
            integer("GlPeriod"),
            integer("Journal"),
            date("JournalDate"),
            text("JnlStatus", 1),
            text("JnlPostingType", 1),
            text("Reference", 30),
            text("Notation", 50),
            integer("NumOfEntries"),
            dec("DebitAmount", 14, 2),
            dec("CreditAmount", 14, 2),
            rowversion()),
        "GlYear",
        "GlPeriod",
        "Journal");

    add(
        GEN_JOURNAL_DETAIL,
        List.of(
            integer("GlYear"),
            integer("GlPeriod"),
            integer("Journal"),
            integer("EntryNumber"),
            text("GlCode", 35),
            dec("EntryValue", 14, 2),
            text("Reference", 30),
            text("Comment", 100),
            rowversion()),
        "GlYear",
        "GlPeriod",
        "Journal",
        "EntryNumber");
  }

  private void add(String table, List<Col> cols, String... key) {
    tables.put(table, new Table(table, cols, List.of(key)));
  }

  private static Col text(String n, int len) {
    return new Col(n, Type.TEXT, len, 0);
  }

  private static Col dec(String n, int precision, int scale) {
    return new Col(n, Type.DECIMAL, precision, scale);
  }

  private static Col integer(String n) {
    return new Col(n, Type.INTEGER, 6, 0);
  }

  private static Col date(String n) {
    return new Col(n, Type.DATE, 10, 0);
  }

  private static Col rowversion() {
    return new Col("TimeStamp", Type.ROWVERSION, 8, 0);
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String localCurrency() {
    return localCurrency;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The table with that exact (case-sensitive) SQL name, or null. */
  public @Nullable Table table(String sqlName) {
    return tables.get(sqlName);
  }

  /** All tables by SQL name. */
  public Map<String, Table> tables() {
    return tables;
  }

  /** Inserts or replaces a row, stamping a fresh row version. */
  public Map<String, Object> upsert(String table, Map<String, Object> row) {
    Map<String, Object> copy = new LinkedHashMap<>(row);
    copy.put("TimeStamp", ++rowVersion);
    return tables.get(table).put(copy);
  }

  /** Marks a live row as changed (new row version). */
  public void touch(Map<String, Object> row) {
    row.put("TimeStamp", ++rowVersion);
  }

  public YearMonth currentPeriod() {
    return currentPeriod;
  }

  public void currentPeriod(YearMonth period) {
    this.currentPeriod = period;
  }

  public boolean isClosed(YearMonth period) {
    return closed.contains(period);
  }

  public void close(YearMonth period) {
    closed.add(period);
  }

  public void open(YearMonth period) {
    closed.remove(period);
  }

  /** The next number of a named counter (journal numbers per ledger and period). */
  public int next(String counter) {
    return counters.merge(counter, 1, Integer::sum);
  }

  /** A deep copy of the mutable state, for {@link #restore}. */
  public Object snapshot() {
    Map<String, Table> t = new LinkedHashMap<>();
    tables.forEach((k, v) -> t.put(k, v.copy()));
    return new Snapshot(
        t, currentPeriod, new TreeSet<>(closed), new HashMap<>(counters), rowVersion);
  }

  /** Puts back a state taken by {@link #snapshot()}. */
  public void restore(Object snapshot) {
    Snapshot s = (Snapshot) snapshot;
    tables = s.tables;
    currentPeriod = s.period;
    closed = s.closed;
    counters = s.counters;
    rowVersion = s.rowVersion;
  }

  private record Snapshot(
      Map<String, Table> tables,
      YearMonth period,
      Set<YearMonth> closed,
      Map<String, Integer> counters,
      long rowVersion) {}
}
