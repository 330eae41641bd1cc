package io.mlconnector.testkit.syspro.internal;

import io.mlconnector.testkit.syspro.ApInvoice;
import io.mlconnector.testkit.syspro.ArInvoice;
import io.mlconnector.testkit.syspro.ArInvoiceLine;
import io.mlconnector.testkit.syspro.ArPayment;
import io.mlconnector.testkit.syspro.Customer;
import io.mlconnector.testkit.syspro.GlAccount;
import io.mlconnector.testkit.syspro.GlJournal;
import io.mlconnector.testkit.syspro.GlJournalEntry;
import io.mlconnector.testkit.syspro.Supplier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Read-back of the simulated company as the testkit's public records, behind {@link
 * io.mlconnector.testkit.syspro.SysproSimulator}'s read-back methods. Every read holds the
 * company's lock.
 */
public final class ReadBack {
  private final Company company;

  /** Read-back of {@code company}. */
  public ReadBack(Company company) {
    this.company = company;
  }

  /** A customer by its stored code. */
  public Optional<Customer> customer(String code) {
    synchronized (company) {
      Map<String, Object> r =
          company.table(Company.AR_CUSTOMER).find(Objects.requireNonNull(code, "code"));
      return Optional.ofNullable(r).map(ReadBack::toCustomer);
    }
  }

  /** Every customer, in code order. */
  public List<Customer> customers() {
    synchronized (company) {
      return company.table(Company.AR_CUSTOMER).rows().stream()
          .map(ReadBack::toCustomer)
          .toList();
    }
  }

  private static Customer toCustomer(Map<String, Object> r) {
    return new Customer(
        (String) r.get("Customer"),
        (String) r.get("Name"),
        (String) r.get("Currency"),
        (String) r.get("Branch"),
        (String) r.get("TermsCode"),
        (String) r.get("Email"),
        (BigDecimal) r.get("CreditLimit"),
        "Y".equals(r.get("CustomerOnHold")),
        (String) r.get("TaxRegnNum"));
  }

  /** An AR invoice (document type {@code I}) with its lines. */
  public Optional<ArInvoice> arInvoice(String customer, String invoice) {
    synchronized (company) {
      Map<String, Object> r =
          company
              .table(Company.AR_INVOICE)
              .find(
                  Objects.requireNonNull(customer, "customer"),
                  Objects.requireNonNull(invoice, "invoice"),
                  "I");
      if (r == null) {
        return Optional.empty();
      }
      List<ArInvoiceLine> lines = new ArrayList<>();
      for (Map<String, Object> l : company.table(Company.AR_INVOICE_LINE).rows()) {
        if (customer.equals(l.get("Customer")) && invoice.equals(l.get("Invoice"))) {
          lines.add(
              new ArInvoiceLine(
                  (Integer) l.get("DetailLine"),
                  (String) l.get("StockCode"),
                  (String) l.get("StockDes"),
                  (BigDecimal) l.get("QtyInvoiced"),
                  (BigDecimal) l.get("NetSalesValue"),
                  (BigDecimal) l.get("TaxValue")));
        }
      }
      return Optional.of(
          new ArInvoice(
              customer,
              invoice,
              "I",
              (LocalDate) r.get("InvoiceDate"),
              (BigDecimal) r.get("CurrencyValue"),
              (BigDecimal) r.get("InvoiceBal1"),
              (BigDecimal) r.get("TaxPortion"),
              (String) r.get("CustomerPoNumber"),
              lines));
    }
  }

  /**
   * The open balance ({@code InvoiceBal1}) of an AR invoice.
   *
   * @throws IllegalArgumentException when there is no such invoice
   */
  public BigDecimal invoiceBalance(String customer, String invoice) {
    return arInvoice(customer, invoice)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no AR invoice '" + invoice + "' for customer '" + customer + "'"))
        .balance();
  }

  /** Every payment and adjustment ARSTPY posted, in posting order. */
  public List<ArPayment> arPayments() {
    synchronized (company) {
      List<Map<String, Object>> rows = company.table(Company.AR_INVOICE_PAY).rows();
      rows.sort((a, b) -> Long.compare((Long) a.get("TimeStamp"), (Long) b.get("TimeStamp")));
      List<ArPayment> out = new ArrayList<>();
      for (Map<String, Object> r : rows) {
        out.add(
            new ArPayment(
                (String) r.get("Customer"),
                (String) r.get("Invoice"),
                (String) r.get("TrnType"),
                (String) r.get("Reference"),
                (BigDecimal) r.get("TrnValue"),
                (BigDecimal) r.get("DiscValue"),
                (Integer) r.get("TrnYear"),
                (Integer) r.get("TrnMonth"),
                (Integer) r.get("Journal"),
                (LocalDate) r.get("JournalDate")));
      }
      return out;
    }
  }

  /** The payments and adjustments posted with this reference. */
  public List<ArPayment> arPaymentsWithReference(String reference) {
    Objects.requireNonNull(reference, "reference");
    return arPayments().stream().filter(p -> p.reference().equals(reference)).toList();
  }

  /** A supplier by code. */
  public Optional<Supplier> supplier(String code) {
    synchronized (company) {
      Map<String, Object> r =
          company.table(Company.AP_SUPPLIER).find(Objects.requireNonNull(code, "code"));
      return Optional.ofNullable(r)
          .map(
              s ->
                  new Supplier(
                      (String) s.get("Supplier"),
                      (String) s.get("SupplierName"),
                      (String) s.get("Currency"),
                      (String) s.get("TermsCode"),
                      (String) s.get("Email"),
                      "Y".equals(s.get("OnHold"))));
    }
  }

  /** Every AP invoice, in (supplier, invoice) order. */
  public List<ApInvoice> apInvoices() {
    synchronized (company) {
      List<ApInvoice> out = new ArrayList<>();
      for (Map<String, Object> r : company.table(Company.AP_INVOICE).rows()) {
        out.add(
            new ApInvoice(
                (String) r.get("Supplier"),
                (String) r.get("Invoice"),
                (LocalDate) r.get("InvoiceDate"),
                (LocalDate) r.get("DueDate"),
                (BigDecimal) r.get("OrigInvValue"),
                (BigDecimal) r.get("MthInvBal1"),
                (String) r.get("Reference"),
                (Integer) r.get("Journal"),
                (Integer) r.get("EntryNumber")));
      }
      return out;
    }
  }

  /** How many AP invoices exist. */
  public int apInvoiceCount() {
    synchronized (company) {
      return company.table(Company.AP_INVOICE).size();
    }
  }

  /** A GL account by code. */
  public Optional<GlAccount> glAccount(String code) {
    synchronized (company) {
      Map<String, Object> r =
          company.table(Company.GEN_MASTER).find(Objects.requireNonNull(code, "code"));
      return Optional.ofNullable(r)
          .map(
              g ->
                  new GlAccount(
                      (String) g.get("GlCode"),
                      (String) g.get("Description"),
                      (String) g.get("AccountType"),
                      (BigDecimal) g.get("CurrentBalance")));
    }
  }

  /** Every GL journal GENTJL created, in (year, period, journal) order. */
  public List<GlJournal> glJournals() {
    synchronized (company) {
      List<GlJournal> out = new ArrayList<>();
      List<Map<String, Object>> details = company.table(Company.GEN_JOURNAL_DETAIL).rows();
      for (Map<String, Object> h : company.table(Company.GEN_JOURNAL).rows()) {
        List<GlJournalEntry> entries = new ArrayList<>();
        for (Map<String, Object> d : details) {
          if (d.get("GlYear").equals(h.get("GlYear"))
              && d.get("GlPeriod").equals(h.get("GlPeriod"))
              && d.get("Journal").equals(h.get("Journal"))) {
            entries.add(
                new GlJournalEntry(
                    (String) d.get("GlCode"),
                    (BigDecimal) d.get("EntryValue"),
                    (String) d.get("Reference"),
                    (String) d.get("Comment")));
          }
        }
        out.add(
            new GlJournal(
                (Integer) h.get("GlYear"),
                (Integer) h.get("GlPeriod"),
                (Integer) h.get("Journal"),
                (LocalDate) h.get("JournalDate"),
                (String) h.get("Reference"),
                (String) h.get("JnlStatus"),
                entries));
      }
      return out;
    }
  }

}
