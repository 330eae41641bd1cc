package io.mlconnector.testkit.syspro.internal;

import io.mlconnector.testkit.syspro.ApInvoice;
import io.mlconnector.testkit.syspro.ArInvoice;
import io.mlconnector.testkit.syspro.ArInvoiceLine;
import io.mlconnector.testkit.syspro.Customer;
import io.mlconnector.testkit.syspro.GlAccount;
import io.mlconnector.testkit.syspro.Supplier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Seeding of the simulated company (customers, AR invoices and their cancellation, suppliers, AP
 * invoices, GL accounts, the demo data set), behind {@link
 * io.mlconnector.testkit.syspro.SysproSimulator}'s seeding methods. Every change holds the
 * company's lock.
 */
public final class Seeding {
  private final Company company;
  private final Config config;

  /** Seeding for {@code company} with {@code config}'s defaults (the local currency). */
  public Seeding(Company company, Config config) {
    this.company = company;
    this.config = config;
  }

  /** Adds (or replaces) a customer; its code is stored exactly as given. */
  public void addCustomer(Customer customer) {
    Objects.requireNonNull(customer, "customer");
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("Customer", customer.code());
    row.put("Name", customer.name());
    row.put(
        "ShortName",
        customer.name().length() > 20 ? customer.name().substring(0, 20) : customer.name());
    row.put("Currency", customer.currency().isBlank() ? config.localCurrency : customer.currency());
    row.put("Branch", customer.branch());
    row.put("TermsCode", customer.termsCode());
    row.put("Email", customer.email());
    row.put("CreditLimit", customer.creditLimit().setScale(0, RoundingMode.HALF_UP));
    row.put("CustomerOnHold", customer.onHold() ? "Y" : "N");
    row.put("TaxRegnNum", customer.taxId());
    synchronized (company) {
      row.put("DateCustAdded", company.today());
      company.upsert(Company.AR_CUSTOMER, row);
    }
  }

  /**
   * Adds (or replaces) an AR invoice and its lines.
   *
   * @throws IllegalArgumentException when its customer does not exist
   */
  public void addArInvoice(ArInvoice invoice) {
    Objects.requireNonNull(invoice, "invoice");
    synchronized (company) {
      Map<String, Object> c = company.table(Company.AR_CUSTOMER).find(invoice.customer());
      if (c == null) {
        throw new IllegalArgumentException(
            "invoice.customer '" + invoice.customer() + "' is not a customer; add it first");
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("Customer", invoice.customer());
      row.put("Invoice", invoice.invoice());
      row.put("DocumentType", invoice.documentType());
      row.put("InvoiceDate", invoice.invoiceDate());
      row.put("CustomerPoNumber", invoice.customerPoNumber());
      row.put("Branch", c.get("Branch"));
      row.put("TermsCode", c.get("TermsCode"));
      row.put("CurrencyValue", money(invoice.value()));
      row.put("InvoiceBal1", money(invoice.balance()));
      row.put("TaxPortion", money(invoice.tax()));
      row.put("InvoiceYear", invoice.invoiceDate().getYear());
      row.put("InvoiceMonth", invoice.invoiceDate().getMonthValue());
      row.put("AccountCur", c.get("Currency"));
      company.upsert(Company.AR_INVOICE, row);
      for (ArInvoiceLine l : invoice.lines()) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("Customer", invoice.customer());
        line.put("Invoice", invoice.invoice());
        line.put("DetailLine", l.line());
        line.put("StockCode", l.stockCode());
        line.put("StockDes", l.description());
        line.put("QtyInvoiced", l.quantity().setScale(3, RoundingMode.HALF_UP));
        line.put("NetSalesValue", money(l.netValue()));
        line.put("TaxValue", money(l.taxValue()));
        company.upsert(Company.AR_INVOICE_LINE, line);
      }
      LocalDate last = (LocalDate) c.get("DateLastSale");
      if (last == null || last.isBefore(invoice.invoiceDate())) {
        c.put("DateLastSale", invoice.invoiceDate());
        company.touch(c);
      }
    }
  }

  /**
   * Cancels an unpaid AR invoice the way this simulator models a SYSPRO cancellation: a credit note
   * row ({@code ArInvoice} with {@code DocumentType='C'}) under the same customer and invoice
   * number, for minus the invoice's value and tax, is posted against the invoice, whose open balance
   * ({@code InvoiceBal1}) drops to zero (the invoice row gets a new row version). How a real SYSPRO
   * site shows a cancelled or reversed AR invoice is unconfirmed; connector-syspro reads this shape
   * by default and can be configured otherwise.
   *
   * @return the credit note as stored
   * @throws IllegalArgumentException when there is no such invoice (document type {@code I})
   * @throws IllegalStateException when the invoice has been paid in part or in full, or is already
   *     credited
   */
  public ArInvoice cancelArInvoice(String customer, String invoice) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(invoice, "invoice");
    synchronized (company) {
      Table table = company.table(Company.AR_INVOICE);
      Map<String, Object> row = table.find(customer, invoice, "I");
      if (row == null) {
        throw new IllegalArgumentException(
            "no AR invoice '" + invoice + "' for customer '" + customer + "'");
      }
      if (table.find(customer, invoice, "C") != null) {
        throw new IllegalStateException(
            "AR invoice '" + invoice + "' of customer '" + customer + "' is already credited");
      }
      BigDecimal value = (BigDecimal) row.get("CurrencyValue");
      BigDecimal balance = (BigDecimal) row.get("InvoiceBal1");
      if (balance.compareTo(value) != 0) {
        throw new IllegalStateException(
            "AR invoice '"
                + invoice
                + "' of customer '"
                + customer
                + "' is paid in part or in full (balance "
                + balance.toPlainString()
                + " of "
                + value.toPlainString()
                + "); only an unpaid invoice can be cancelled");
      }
      LocalDate today = company.today();
      Map<String, Object> credit = new LinkedHashMap<>(row);
      credit.remove("TimeStamp");
      credit.put("DocumentType", "C");
      credit.put("InvoiceDate", today);
      credit.put("CurrencyValue", money(value.negate()));
      credit.put("InvoiceBal1", money(BigDecimal.ZERO));
      credit.put("TaxPortion", money(((BigDecimal) row.get("TaxPortion")).negate()));
      credit.put("InvoiceYear", today.getYear());
      credit.put("InvoiceMonth", today.getMonthValue());
      credit.put("YearInvBalZero", today.getYear());
      credit.put("MonthInvBalZero", today.getMonthValue());
      company.upsert(Company.AR_INVOICE, credit);
      row.put("InvoiceBal1", money(BigDecimal.ZERO));
      row.put("YearInvBalZero", today.getYear());
      row.put("MonthInvBalZero", today.getMonthValue());
      company.touch(row);
      return new ArInvoice(
          customer,
          invoice,
          "C",
          today,
          (BigDecimal) credit.get("CurrencyValue"),
          BigDecimal.ZERO.setScale(2),
          (BigDecimal) credit.get("TaxPortion"),
          (String) credit.get("CustomerPoNumber"),
          List.of());
    }
  }

  /** Adds (or replaces) a supplier. */
  public void addSupplier(Supplier supplier) {
    Objects.requireNonNull(supplier, "supplier");
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("Supplier", supplier.code());
    row.put("SupplierName", supplier.name());
    row.put(
        "SupShortName",
        supplier.name().length() > 20 ? supplier.name().substring(0, 20) : supplier.name());
    row.put("Currency", supplier.currency().isBlank() ? config.localCurrency : supplier.currency());
    row.put("TermsCode", supplier.termsCode());
    row.put("Email", supplier.email());
    row.put("OnHold", supplier.onHold() ? "Y" : "N");
    synchronized (company) {
      row.put("DateSuppAdded", company.today());
      company.upsert(Company.AP_SUPPLIER, row);
    }
  }

  /**
   * Adds (or replaces) an AP invoice, as if posted earlier.
   *
   * @throws IllegalArgumentException when its supplier does not exist
   */
  public void addApInvoice(ApInvoice invoice) {
    Objects.requireNonNull(invoice, "invoice");
    synchronized (company) {
      Map<String, Object> s = company.table(Company.AP_SUPPLIER).find(invoice.supplier());
      if (s == null) {
        throw new IllegalArgumentException(
            "invoice.supplier '" + invoice.supplier() + "' is not a supplier; add it first");
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("Supplier", invoice.supplier());
      row.put("Invoice", invoice.invoice());
      row.put("InvoiceDate", invoice.invoiceDate());
      row.put("DueDate", invoice.dueDate());
      row.put("JournalDate", invoice.invoiceDate());
      row.put("Journal", invoice.journal());
      row.put("EntryNumber", invoice.entryNumber());
      row.put("Reference", invoice.reference());
      row.put("OrigInvValue", money(invoice.value()));
      row.put("MthInvBal1", money(invoice.balance()));
      row.put("Currency", s.get("Currency"));
      row.put("InvoiceYear", invoice.invoiceDate().getYear());
      row.put("InvoiceMonth", invoice.invoiceDate().getMonthValue());
      company.upsert(Company.AP_INVOICE, row);
    }
  }

  /** Adds (or replaces) a GL account. */
  public void addGlAccount(GlAccount account) {
    Objects.requireNonNull(account, "account");
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("GlCode", account.code());
    row.put("Description", account.description());
    row.put("AccountType", account.accountType());
    row.put("CurrentBalance", money(account.balance()));
    synchronized (company) {
      company.upsert(Company.GEN_MASTER, row);
    }
  }

  /**
   * Seeds a small demo company: three customers (one on hold, names with characters that need
   * Windows-1252), five AR invoices with lines (one fully paid), two suppliers, one AP invoice and
   * six GL accounts. For samples and exploratory runs; tests should seed exactly what they assert.
   */
  public void seedDemoData() {
    addCustomer(
        Customer.of("CAF001", "Café Zürich AG")
            .withCurrency("EUR")
            .withEmail("ap@cafe-zurich.example")
            .withBranch("10")
            .withCreditLimit(new BigDecimal("25000")));
    addCustomer(
        Customer.of("BIK002", "Bike Shop €uro Ltd")
            .withBranch("20")
            .withEmail("accounts@bikeshop.example"));
    addCustomer(Customer.of("HLD003", "Held Trading").withOnHold(true).withTermsCode("60"));
    addArInvoice(
        ArInvoice.of("CAF001", "100101", LocalDate.of(2023, 12, 4), new BigDecimal("1150.00"))
            .withTax(new BigDecimal("150.00"))
            .withCustomerPoNumber("PO-7781")
            .withLines(
                List.of(
                    new ArInvoiceLine(
                        1,
                        "B100",
                        "Mountain bike",
                        new BigDecimal("2"),
                        new BigDecimal("800.00"),
                        new BigDecimal("120.00")),
                    new ArInvoiceLine(
                        2,
                        "H200",
                        "Helmet",
                        new BigDecimal("4"),
                        new BigDecimal("200.00"),
                        new BigDecimal("30.00")))));
    addArInvoice(
        ArInvoice.of("CAF001", "100102", LocalDate.of(2024, 1, 8), new BigDecimal("230.00"))
            .withLines(
                List.of(
                    new ArInvoiceLine(
                        1, "S300", "Service", BigDecimal.ONE, new BigDecimal("230.00"), null))));
    addArInvoice(
        ArInvoice.of("BIK002", "100103", LocalDate.of(2024, 1, 9), new BigDecimal("89.90"))
            .withBalance(BigDecimal.ZERO)
            .withLines(
                List.of(
                    new ArInvoiceLine(
                        1, "T400", "Tyre", BigDecimal.ONE, new BigDecimal("89.90"), null))));
    addArInvoice(
        ArInvoice.of("BIK002", "100104", LocalDate.of(2024, 1, 12), new BigDecimal("4999.00"))
            .withLines(
                List.of(
                    new ArInvoiceLine(
                        1,
                        "B100",
                        "Mountain bike",
                        new BigDecimal("5"),
                        new BigDecimal("4999.00"),
                        null))));
    addArInvoice(
        ArInvoice.of("HLD003", "100105", LocalDate.of(2023, 10, 30), new BigDecimal("640.00"))
            .withLines(
                List.of(
                    new ArInvoiceLine(
                        1,
                        "H200",
                        "Helmet",
                        new BigDecimal("16"),
                        new BigDecimal("640.00"),
                        null))));
    addSupplier(
        Supplier.of("SUP001", "Pièces Détachées SA").withCurrency("EUR").withTermsCode("45"));
    addSupplier(Supplier.of("SUP002", "Office Supplies Inc").withEmail("billing@office.example"));
    addApInvoice(
        ApInvoice.of("SUP002", "OS-5521", LocalDate.of(2024, 1, 3), new BigDecimal("312.50")));
    addGlAccount(GlAccount.of("00-1010", "Bank - operating", "A"));
    addGlAccount(GlAccount.of("00-1200", "Accounts receivable", "A"));
    addGlAccount(GlAccount.of("00-2100", "Accounts payable", "L"));
    addGlAccount(GlAccount.of("00-2300", "Accrued liabilities", "L"));
    addGlAccount(GlAccount.of("00-4000", "Sales", "R"));
    addGlAccount(GlAccount.of("00-6150", "Payment processing fees", "E"));
  }

  private static BigDecimal money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }

}
