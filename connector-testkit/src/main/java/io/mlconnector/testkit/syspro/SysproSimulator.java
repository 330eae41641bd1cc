package io.mlconnector.testkit.syspro;

import io.mlconnector.testkit.http.FaultInjector;
import io.mlconnector.testkit.http.SimRequest;
import io.mlconnector.testkit.http.SimResponse;
import io.mlconnector.testkit.http.SimServer;
import io.mlconnector.testkit.syspro.internal.BusinessObjects;
import io.mlconnector.testkit.syspro.internal.CallGate;
import io.mlconnector.testkit.syspro.internal.Company;
import io.mlconnector.testkit.syspro.internal.Config;
import io.mlconnector.testkit.http.SimClock;
import io.mlconnector.testkit.syspro.internal.OData;
import io.mlconnector.testkit.syspro.internal.Rest;
import io.mlconnector.testkit.syspro.internal.Sessions;
import io.mlconnector.testkit.syspro.internal.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A SYSPRO 8 company on a loopback port, speaking e.net Solutions REST ({@code
 * .../SYSPROWCFService/Rest/...}) and OData v4 over one in-memory store, with the shared {@link
 * FaultInjector}. Built from the product's SYSPRO reference, independently of any client.
 *
 * <pre>{@code
 * try (SysproSimulator sim = SysproSimulator.builder().operator(Operator.of("ADMIN", "pw")).start()) {
 *   sim.addCustomer(Customer.of("C001", "Café Zürich"));
 *   sim.addArInvoice(ArInvoice.of("C001", "100234", LocalDate.of(2024, 1, 5), new BigDecimal("1150.00")));
 *   // point a client at sim.restBaseUri() / sim.odataServiceUri(); then assert:
 *   assertThat(sim.invoiceBalance("C001", "100234")).isEqualByComparingTo("0");
 *   assertThat(sim.seatsInUse()).isZero();
 * }
 * }</pre>
 *
 * <p>Every behaviour the reference marks unconfirmed is a builder switch: the body form, session id
 * shape, second-logon policy, busy-session policy, e.net error texts, unknown-element handling per
 * business object, numeric key padding, parameter-name casing, the form-encoded PostLD variant,
 * OData entity set names, date type, timestamp exposure, row cap and nextLink paging. Thread-safe.
 */
public final class SysproSimulator implements AutoCloseable {
  private final Config config;
  private final SimClock clock;
  private final Company company;
  private final Sessions sessions;
  private final Map<String, AtomicLong> restRequests = new ConcurrentHashMap<>();
  private final CallGate gate = new CallGate();
  private final FaultInjector faults;
  private final Rest rest;
  private final OData odata;
  private final SimServer server;

  private SysproSimulator(Builder b) {
    this.config = b.config.copy();
    this.clock = new SimClock(b.clock);
    this.company = new Company(config.companyId, config.companyName, config.localCurrency, clock);
    this.sessions = new Sessions(config, clock);
    this.faults = b.faults;
    this.rest = new Rest(config, sessions, new BusinessObjects(company, config), company, gate);
    this.odata = new OData(config, company);
    this.server = SimServer.start(this::handle, faults, e -> internalError(), config.threads);
  }

  /** A new builder with the defaults documented on each method. */
  public static Builder builder() {
    return new Builder();
  }

  private SimResponse handle(SimRequest request) throws InterruptedException {
    String path = request.path();
    String lower = path.toLowerCase(Locale.ROOT);
    String restBase = config.restPath.toLowerCase(Locale.ROOT);
    if (lower.startsWith(restBase + "/")) {
      restRequests
          .computeIfAbsent(
              restKey(request.method(), path.substring(restBase.length() + 1)),
              k -> new AtomicLong())
          .incrementAndGet();
      return rest.handle(request, path.substring(restBase.length()));
    }
    String odataBase = config.odataPath.toLowerCase(Locale.ROOT);
    if (lower.startsWith(odataBase + "/") || lower.equals(odataBase)) {
      return odata.handle(
          request, server.baseUri() + config.odataPath, path.substring(odataBase.length()));
    }
    return SimResponse.text(404, "text/html", "Not Found", StandardCharsets.UTF_8);
  }

  private static SimResponse internalError() {
    return SimResponse.text(
            500,
            "text/html",
            "<html><body>Internal Server Error</body></html>",
            StandardCharsets.UTF_8)
        .withHeader("Server", "Microsoft-HTTPAPI/2.0");
  }

  // ------------------------------------------------------------------ addresses

  /** The e.net REST base, e.g. {@code http://127.0.0.1:50123/SYSPROWCFService/Rest}. */
  public URI restBaseUri() {
    return URI.create(server.baseUri() + config.restPath);
  }

  /**
   * The OData service prefix without the company, e.g. {@code
   * http://127.0.0.1:50123/SYSPRO8Odata/SYSPROOData}.
   */
  public URI odataBaseUri() {
    return URI.create(server.baseUri() + config.odataPath);
  }

  /** The OData service root of the company: {@link #odataBaseUri()} plus {@code /{companyId}}. */
  public URI odataServiceUri() {
    return URI.create(odataBaseUri() + "/" + config.companyId);
  }

  /** The company id to log on with. */
  public String companyId() {
    return config.companyId;
  }

  /** The OData entity set name configured for a table. */
  public String entitySet(SysproTable table) {
    return config.entitySets.get(Objects.requireNonNull(table, "table"));
  }

  /** The fault injector applied to every request (REST and OData). */
  public FaultInjector faults() {
    return faults;
  }

  /** Requests received so far, faulted ones included. */
  public long requestCount() {
    return server.requestCount();
  }

  /**
   * e.net REST requests of {@code method} to {@code path} below the REST base (for example {@code
   * ("POST", "Transaction/PostLD")} or {@code ("GET", "Transaction/Post")}; matched
   * case-insensitively) that the service processed; a request an injected fault answered in its
   * place is not counted.
   */
  public long restRequestCount(String method, String path) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    String relative = path.startsWith("/") ? path.substring(1) : path;
    AtomicLong n = restRequests.get(restKey(method, relative));
    return n == null ? 0 : n.get();
  }

  private static String restKey(String method, String path) {
    return method.toUpperCase(Locale.ROOT) + " " + path.toLowerCase(Locale.ROOT);
  }

  // ------------------------------------------------------------------ clock and periods

  /** The simulator's current time (it moves only when told to). */
  public Instant now() {
    return clock.instant();
  }

  /**
   * Moves the simulator clock forward (idle timeouts, "today" for defaulted dates). The financial
   * period does not follow the clock: set it with {@link #setCurrentPeriod}.
   */
  public void advanceClock(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, was " + duration);
    }
    clock.advance(duration);
  }

  /**
   * Sets the simulator clock (it may move backwards). The financial period does not follow the
   * clock: set it with {@link #setCurrentPeriod}.
   */
  public void setClock(Instant instant) {
    clock.set(Objects.requireNonNull(instant, "instant"));
  }

  /** The company's current financial period ({@code PostingPeriod=C}). */
  public YearMonth currentPeriod() {
    synchronized (company) {
      return company.currentPeriod();
    }
  }

  /** Sets the company's current financial period. */
  public void setCurrentPeriod(YearMonth period) {
    synchronized (company) {
      company.currentPeriod(Objects.requireNonNull(period, "period"));
    }
  }

  /** Closes a period: postings into it are rejected as item errors. */
  public void closePeriod(YearMonth period) {
    synchronized (company) {
      company.close(Objects.requireNonNull(period, "period"));
    }
  }

  /** Re-opens a closed period. */
  public void openPeriod(YearMonth period) {
    synchronized (company) {
      company.open(Objects.requireNonNull(period, "period"));
    }
  }

  // ------------------------------------------------------------------ seeding

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

  // ------------------------------------------------------------------ read-back

  /** A customer by its stored code. */
  public Optional<Customer> customer(String code) {
    synchronized (company) {
      Map<String, Object> r =
          company.table(Company.AR_CUSTOMER).find(Objects.requireNonNull(code, "code"));
      return Optional.ofNullable(r).map(SysproSimulator::toCustomer);
    }
  }

  /** Every customer, in code order. */
  public List<Customer> customers() {
    synchronized (company) {
      return company.table(Company.AR_CUSTOMER).rows().stream()
          .map(SysproSimulator::toCustomer)
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

  /** Live e.net sessions (expired ones are dropped first). */
  public List<SessionInfo> activeSessions() {
    return sessions.active();
  }

  /** Licence seats in use: one per live session. Zero after a well-behaved client shuts down. */
  public int seatsInUse() {
    return sessions.active().size();
  }

  /** Sessions ended because their operator logged on again. */
  public long evictedSessionCount() {
    return sessions.evictedCount();
  }

  /** Sessions ended by the idle timeout. */
  public long expiredSessionCount() {
    return sessions.expiredCount();
  }

  /** Successful logons so far. */
  public long logonCount() {
    return sessions.logonCount();
  }

  // ------------------------------------------------------------------ overlap control for tests

  /**
   * From now on, business-object calls stop once they hold their session (so it is busy) until
   * {@link #resumeCalls()}. Lets a test make two calls overlap on one session without sleeping.
   */
  public void pauseCalls() {
    gate.pause();
  }

  /** Lets paused calls go on, and stops pausing new ones. */
  public void resumeCalls() {
    gate.resume();
  }

  /**
   * Waits until at least {@code count} calls are held by {@link #pauseCalls()}.
   *
   * @return false if the timeout passed first
   */
  public boolean awaitPausedCalls(int count, Duration timeout) throws InterruptedException {
    return gate.awaitHeld(count, Objects.requireNonNull(timeout, "timeout"));
  }

  /** Calls waiting for their session to become free (under {@link BusyPolicy#SERIALISE}). */
  public int callsWaitingForSession() {
    return sessions.waitingCalls();
  }

  /** Stops the server; requests in flight are cut and paused calls released. */
  @Override
  public void close() {
    gate.resume();
    server.close();
  }

  /** Builds and starts a {@link SysproSimulator}. Reusable: every {@link #start()} copies it. */
  public static final class Builder {
    private final Config config = new Config();
    private Clock clock =
        Clock.fixed(
            LocalDate.of(2024, 1, 15).atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private FaultInjector faults = new FaultInjector();

    private Builder() {}

    /** The company id for {@code CompanyId} and the OData URL segment. Default {@code EDU1}. */
    public Builder companyId(String companyId) {
      config.companyId = nonBlank(companyId, "companyId");
      return this;
    }

    /** The company password ({@code CompanyPassword}). Default empty. */
    public Builder companyPassword(String companyPassword) {
      config.companyPassword = Objects.requireNonNull(companyPassword, "companyPassword");
      return this;
    }

    /** The company name shown in profiles and statements. Default {@code Outdoor Café Company}. */
    public Builder companyName(String companyName) {
      config.companyName = Objects.requireNonNull(companyName, "companyName");
      return this;
    }

    /** The local currency code. Default {@code USD}. */
    public Builder localCurrency(String currency) {
      config.localCurrency = nonBlank(currency, "currency");
      return this;
    }

    /** Adds an operator that may log on. At least one is required. */
    public Builder operator(Operator operator) {
      Objects.requireNonNull(operator, "operator");
      config.operators.put(operator.code(), operator);
      return this;
    }

    /** Licence seats: live sessions allowed at once. Default 10. */
    public Builder licenceSeats(int seats) {
      if (seats < 1) {
        throw new IllegalArgumentException("seats must be at least 1, was " + seats);
      }
      config.licenceSeats = seats;
      return this;
    }

    /**
     * Idle time after which a session is invalid (SYSPRO's default is unconfirmed). Default 20
     * minutes.
     */
    public Builder idleTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
      config.idleTimeout = timeout;
      return this;
    }

    /**
     * What a logon beyond the operator's concurrent users does. Default {@link
     * SecondLogonPolicy#EVICT_OLDEST}.
     */
    public Builder secondLogon(SecondLogonPolicy policy) {
      config.secondLogon = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** What an overlapping call on a busy session does. Default {@link BusyPolicy#SERIALISE}. */
    public Builder busyPolicy(BusyPolicy policy) {
      config.busyPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** How answers are framed. Default {@link BodyForm#RAW}. */
    public Builder bodyForm(BodyForm form) {
      config.bodyForm = Objects.requireNonNull(form, "form");
      return this;
    }

    /** The session id shape. Default {@link SessionIdStyle#SYSPRO_7}. */
    public Builder sessionIdStyle(SessionIdStyle style) {
      config.sessionIdStyle = Objects.requireNonNull(style, "style");
      return this;
    }

    /** Seed of the session-id generator (ids are deterministic per seed). Default 42. */
    public Builder seed(long seed) {
      config.seed = seed;
      return this;
    }

    /** Overrides the text of one e.net exception (a {@link String#format} pattern). */
    public Builder message(SysproMessage message, String text) {
      config.messages.put(
          Objects.requireNonNull(message, "message"), Objects.requireNonNull(text, "text"));
      return this;
    }

    /**
     * Makes a business object (e.g. {@code "ARSSCS"}) silently ignore elements its schema does not
     * allow, as one integrator observed SYSPRO 8 do; by default they are an e.net exception.
     */
    public Builder ignoreUnknownElements(String businessObject) {
      config.ignoreUnknownElements.add(
          nonBlank(businessObject, "businessObject").toUpperCase(Locale.ROOT));
      return this;
    }

    /**
     * Numeric customer and supplier keys: codes must be digits and, when {@code pad} is true, are
     * left-zero-padded to {@code width} (whether SYSPRO pads input itself is unconfirmed). Default:
     * alphanumeric keys of up to 15 characters, stored as typed.
     */
    public Builder numericKeys(int width, boolean pad) {
      if (width < 1 || width > 15) {
        throw new IllegalArgumentException("width must be 1 to 15, was " + width);
      }
      config.numericCustomerKeys = true;
      config.numericKeyWidth = width;
      config.padNumericKeys = pad;
      return this;
    }

    /**
     * Whether e.net query parameter names must have the exact casing clients send ({@code UserId},
     * {@code XmlIn}...). Unconfirmed on SYSPRO. Default true (strict).
     */
    public Builder strictParameterNames(boolean strict) {
      config.strictParameterNames = strict;
      return this;
    }

    /**
     * Also accept {@code POST Transaction/PostLD} as a form-encoded body with the GET parameter
     * names (unconfirmed). Default false: only the {@code TransactionPostLD} XML envelope.
     */
    public Builder acceptFormEncodedPostLd(boolean accept) {
      config.acceptFormPostLd = accept;
      return this;
    }

    /**
     * Whether APSTIN requires {@code LedgerDistribution} values to total {@code TransactionValue -
     * TaxValue} when distributions are given (an optional rule). Default true.
     */
    public Builder checkApDistribution(boolean check) {
      config.checkApDistribution = check;
      return this;
    }

    /** The version {@code GetVersion} returns. Default {@code 8.0.0.30}. */
    public Builder sysproVersion(String version) {
      config.sysproVersion = nonBlank(version, "version");
      return this;
    }

    /** The OData path prefix before the company. Default {@code /SYSPRO8Odata/SYSPROOData}. */
    public Builder odataPath(String path) {
      config.odataPath = path(path, "path");
      return this;
    }

    /** The e.net REST path. Default {@code /SYSPROWCFService/Rest}. */
    public Builder restPath(String path) {
      config.restPath = path(path, "path");
      return this;
    }

    /** Renames a table's OData entity set (names are unconfirmed). Default: the SQL name. */
    public Builder odataEntitySet(SysproTable table, String entitySet) {
      config.entitySets.put(
          Objects.requireNonNull(table, "table"), nonBlank(entitySet, "entitySet"));
      return this;
    }

    /** OData paging style. Default {@link ODataPaging#CAP_ONLY}. */
    public Builder odataPaging(ODataPaging paging) {
      config.odataPaging = Objects.requireNonNull(paging, "paging");
      return this;
    }

    /** Rows per OData page at most. Default 5,000. */
    public Builder odataMaxPageSize(int rows) {
      if (rows < 1) {
        throw new IllegalArgumentException("rows must be at least 1, was " + rows);
      }
      config.odataMaxPageSize = rows;
      return this;
    }

    /** The EDM type of date columns. Default {@link ODataDateFormat#DATE_TIME_OFFSET}. */
    public Builder odataDateFormat(ODataDateFormat format) {
      config.odataDateFormat = Objects.requireNonNull(format, "format");
      return this;
    }

    /** Whether OData exposes the {@code TimeStamp} rowversion (as Edm.Binary). Default true. */
    public Builder odataExposeTimeStamp(boolean expose) {
      config.odataExposeTimeStamp = expose;
      return this;
    }

    /**
     * The simulator clock starts at this instant and stands still until {@link
     * SysproSimulator#advanceClock} or {@link SysproSimulator#setClock} move it. Default
     * 2024-01-15T09:00:00Z.
     */
    public Builder startTime(Instant start) {
      this.clock = Clock.fixed(Objects.requireNonNull(start, "start"), clock.getZone());
      return this;
    }

    /**
     * The company's time zone ("today" for defaulted dates and the current period). Default UTC.
     */
    public Builder zone(ZoneId zone) {
      this.clock = clock.withZone(Objects.requireNonNull(zone, "zone"));
      return this;
    }

    /**
     * Injects the base clock (its zone included), e.g. {@code Clock.systemUTC()} for a simulator
     * whose sessions expire in real time. {@link SysproSimulator#advanceClock} still moves it
     * forward by an offset. Default: a fixed clock at 2024-01-15T09:00:00Z.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The fault injector to use (e.g. one shared with other simulators). Default: a new one. */
    public Builder faults(FaultInjector faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /** Worker threads, i.e. requests served at once. Default 16. */
    public Builder threads(int threads) {
      if (threads < 2) {
        throw new IllegalArgumentException("threads must be at least 2, was " + threads);
      }
      config.threads = threads;
      return this;
    }

    /**
     * Starts the simulator on a free loopback port.
     *
     * @throws IllegalStateException when no operator was added
     */
    public SysproSimulator start() {
      if (config.operators.isEmpty()) {
        throw new IllegalStateException(
            "at least one operator is required: call operator(Operator.of(code, password))");
      }
      return new SysproSimulator(this);
    }

    private static String nonBlank(String value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }

    private static String path(String value, String name) {
      nonBlank(value, name);
      if (!value.startsWith("/") || value.endsWith("/")) {
        throw new IllegalArgumentException(
            name + " must start with '/' and not end with '/', was " + value);
      }
      return value;
    }
  }
}
