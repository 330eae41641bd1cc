package io.mlconnector.syspro;

import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.Dispute;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.JournalEntry;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.odata.ODataDialect;
import io.mlconnector.core.odata.ODataFilter;
import io.mlconnector.core.odata.ODataQuery;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.syspro.bo.ComfndQuery;
import io.mlconnector.syspro.bo.PostingOptions;
import io.mlconnector.syspro.internal.ApGlSinks;
import io.mlconnector.syspro.internal.ArPostingSink;
import io.mlconnector.syspro.internal.ComfndTableSource;
import io.mlconnector.syspro.internal.RowMappers;
import io.mlconnector.syspro.internal.TableSource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The SYSPRO sources and sinks for the sync engine, for one tenant's {@link SysproClient}.
 *
 * <ul>
 *   <li>Sources (OData with each table's {@link IncrementalStrategy} as configured; without OData
 *       settings, a COMFND full scan in key order with content-hash versions): {@link
 *       #customers()}, {@link #arInvoices()} (with lines), {@link #suppliers()}, {@link
 *       #glAccounts()}.
 *   <li>Sinks (e.net business objects): {@link #payments()}, {@link #refunds()} and {@link
 *       #disputes()} into ARSTPY; {@link #apInvoices()} into APSTIN; {@link #journals()} into
 *       GENTJL; {@link #supplierSink()} into APSSSP. Each stamps the source on what it posts and
 *       finds it again by that stamp ({@link Sink#findByStamp}).
 * </ul>
 *
 * <pre>{@code
 * SysproSync sync = SysproSync.builder(syspro).build();
 * Flow.poll("syspro-customers", Customer.class, t -> sync.customers(), Customer.class, t -> stripeSink)...
 * }</pre>
 */
public final class SysproSync {

  private final SysproClient client;
  private final String tenant;
  private final PostingOptions options;
  private final @Nullable Currency defaultCurrency;
  private final String journalTable;
  private final @Nullable String apNoteTable;
  private final @Nullable String apNoteReferenceColumn;
  private final ArCancellationRule cancellation;
  private volatile @Nullable Currency localCurrency;

  private SysproSync(Builder b) {
    this.client = b.client;
    this.tenant = b.client.config().tenant();
    this.options = b.options;
    this.defaultCurrency = b.defaultCurrency;
    this.journalTable = b.journalTable;
    this.apNoteTable = b.apNoteTable;
    this.apNoteReferenceColumn = b.apNoteReferenceColumn;
    this.cancellation = b.cancellation;
  }

  /**
   * A builder for {@code client}'s tenant.
   *
   * @param client the tenant's client
   * @return a builder with the defaults described at each setter
   */
  public static Builder builder(SysproClient client) {
    return new Builder(client);
  }

  /**
   * Customers ({@code ArCustomer}) as canonical customers, with the tax registration number from
   * {@link SysproConfig#customerTaxIdColumn()} (unconfirmed column name).
   *
   * @return the source, incremental over OData
   */
  public PollSource<Customer> customers() {
    String taxColumn = client.config().customerTaxIdColumn();
    return source(
        "ArCustomer",
        (row, version) -> RowMappers.customer(tenant, row, version, taxColumn),
        ref -> List.of(keyOf(ref, SysproRefs.CUSTOMER)));
  }

  /**
   * Suppliers ({@code ApSupplier}) as canonical vendors.
   *
   * @return the source, incremental over OData
   */
  public PollSource<Vendor> suppliers() {
    return source(
        "ApSupplier",
        (row, version) -> RowMappers.supplier(tenant, row, version),
        ref -> List.of(keyOf(ref, SysproRefs.SUPPLIER)));
  }

  /**
   * GL accounts ({@code GenMaster}).
   *
   * @return the source, incremental over OData
   */
  public PollSource<GlAccount> glAccounts() {
    return source(
        "GenMaster",
        (row, version) -> RowMappers.glAccount(tenant, row, version),
        ref -> List.of(keyOf(ref, SysproRefs.GL_ACCOUNT)));
  }

  /**
   * AR invoices ({@code ArInvoice}) with their lines ({@code ArTrnDetail}, read in batches per
   * page). The version follows the invoice row, so a payment that changes {@code InvoiceBal1}
   * re-emits the invoice (PAID when the balance reaches zero). An invoice cancelled in SYSPRO by the
   * configured {@link ArCancellationRule} (default {@link
   * ArCancellationRule#CREDIT_NOTE_SAME_NUMBER}, unconfirmed) is emitted with status CANCELLED, and
   * the credit note that cancels it is not emitted.
   *
   * @return the source, incremental over OData
   */
  public PollSource<Invoice> arInvoices() {
    ODataTable table = client.config().odataTable("ArInvoice");
    ODataTable lines = client.config().odataTable("ArTrnDetail");
    TableSource.PageMapper<Invoice> mapper =
        (rows, versions) -> {
          Set<String> cancelled = new HashSet<>();
          Set<String> cancellations = new HashSet<>();
          if (cancellation == ArCancellationRule.CREDIT_NOTE_SAME_NUMBER) {
            cancellations(table, rows, cancelled, cancellations);
          }
          List<ODataRow> documents = new ArrayList<>();
          List<String> documentVersions = new ArrayList<>();
          for (int i = 0; i < rows.size(); i++) {
            ODataRow r = rows.get(i);
            if (!cancellations.contains(key(r) + "|" + r.textOr("DocumentType", "I"))) {
              documents.add(r);
              documentVersions.add(versions.get(i));
            }
          }
          Map<String, List<ODataRow>> byInvoice =
              documents.isEmpty() ? Map.of() : lines(lines, documents);
          Currency fallback = fallbackCurrency();
          List<Invoice> out = new ArrayList<>();
          for (int i = 0; i < documents.size(); i++) {
            ODataRow r = documents.get(i);
            String k = key(r);
            try {
              out.add(
                  RowMappers.arInvoice(
                      tenant,
                      r,
                      documentVersions.get(i),
                      byInvoice.getOrDefault(k, List.of()),
                      fallback,
                      cancelled.contains(k + "|" + r.textOr("DocumentType", "I"))));
            } catch (IllegalArgumentException | SysproFormatException e) {
              TableSource.skipped(table.sqlName(), List.of(k), e);
            }
          }
          return out;
        };
    Function<ExternalRef, List<String>> key =
        ref -> SysproRefs.parts(ref, SysproRefs.AR_INVOICE, 3);
    return client.config().hasOData()
        ? new TableSource<>(client.odata(), table, mapper, key)
        : new ComfndTableSource<>(client, table, mapper, key);
  }

  /**
   * Payments (received, settled, fully applied to SYSPRO invoices) into ARSTPY.
   *
   * @return the sink; it finds a posted payment by its stamp
   */
  public Sink<Payment> payments() {
    SysproConfig c = client.config();
    return new ArPostingSink.Payments(
        client, tenant, periodic(), c.paymentTable, c.paymentReferenceColumn);
  }

  /**
   * Refunds into ARSTPY as adjustments re-opening the refunded invoice.
   *
   * @return the sink; it finds a posted refund by its stamp
   */
  public Sink<Refund> refunds() {
    SysproConfig c = client.config();
    return new ArPostingSink.Refunds(
        client, tenant, periodic(), c.paymentTable, c.paymentReferenceColumn);
  }

  /**
   * Disputes into ARSTPY as adjustments (withdrawn funds re-open the invoice; a won dispute
   * reverses).
   *
   * @return the sink; it finds a posted adjustment by its stamp
   */
  public Sink<Dispute> disputes() {
    SysproConfig c = client.config();
    return new ArPostingSink.Disputes(
        client, tenant, periodic(), c.paymentTable, c.paymentReferenceColumn);
  }

  /**
   * Payable invoices, credit and debit notes into APSTIN; a note is found again by its stamp in
   * the note lookup table (see {@link Builder#apNoteReferenceTable}).
   *
   * @return the sink
   */
  public Sink<Invoice> apInvoices() {
    return new ApGlSinks.ApInvoices(client, tenant, periodic(), apNoteTable, apNoteReferenceColumn);
  }

  /**
   * Journal entries into GENTJL.
   *
   * @return the sink; it finds a posted journal by its reference in {@link Builder#journalReferenceTable}
   */
  public Sink<JournalEntry> journals() {
    return new ApGlSinks.Journals(client, tenant, options.without("PostingPeriod"), journalTable);
  }

  /**
   * Vendors into APSSSP (add, then update).
   *
   * @return the sink
   */
  public Sink<Vendor> supplierSink() {
    return new ApGlSinks.Suppliers(
        client, tenant, options.without("PostingPeriod"), client.config().supplierKeys());
  }

  private static String key(ODataRow r) {
    return r.textOr("Customer", "") + "|" + r.textOr("Invoice", "");
  }

  /**
   * Applies {@link ArCancellationRule#CREDIT_NOTE_SAME_NUMBER} to a page of {@code ArInvoice} rows:
   * fills {@code cancelled} with the keys (customer|invoice|I) of the invoices it cancels and {@code
   * cancellations} with the keys (customer|invoice|C) of the credit notes that cancel them. Looks
   * up the counterpart rows (credit notes of zero-balance invoices, invoices of credit notes) in
   * one query per page (OData) or per row (COMFND).
   */
  private void cancellations(
      ODataTable table, List<ODataRow> rows, Set<String> cancelled, Set<String> cancellations) {
    Map<String, ODataRow> invoices = new HashMap<>();
    Map<String, ODataRow> credits = new HashMap<>();
    List<ODataRow> wanted = new ArrayList<>();
    for (ODataRow r : rows) {
      String type = r.textOr("DocumentType", "I");
      if ("I".equals(type)) {
        invoices.put(key(r), r);
        if (r.decimal("InvoiceBal1").orElse(BigDecimal.ONE).signum() == 0) {
          wanted.add(r);
        }
      } else if ("C".equals(type)) {
        credits.put(key(r), r);
        wanted.add(r);
      }
    }
    wanted.removeIf(r -> invoices.containsKey(key(r)) && credits.containsKey(key(r)));
    if (!wanted.isEmpty()) {
      for (ODataRow r : counterparts(table, wanted)) {
        String type = r.textOr("DocumentType", "I");
        if ("I".equals(type)) {
          invoices.putIfAbsent(key(r), r);
        } else if ("C".equals(type)) {
          credits.putIfAbsent(key(r), r);
        }
      }
    }
    for (Map.Entry<String, ODataRow> e : credits.entrySet()) {
      ODataRow invoice = invoices.get(e.getKey());
      if (invoice == null
          || invoice.decimal("InvoiceBal1").orElse(BigDecimal.ONE).signum() != 0) {
        continue;
      }
      BigDecimal value = invoice.decimal("CurrencyValue").orElse(BigDecimal.ZERO);
      BigDecimal credited = e.getValue().decimal("CurrencyValue").orElse(BigDecimal.ZERO).abs();
      if (value.signum() > 0 && credited.compareTo(value) >= 0) {
        cancelled.add(e.getKey() + "|I");
        cancellations.add(e.getKey() + "|C");
      }
    }
  }

  /** The other document (I for C, C for I) under the same customer and number, where it exists. */
  private List<ODataRow> counterparts(ODataTable table, List<ODataRow> rows) {
    if (client.config().hasOData()) {
      List<ODataRow> out = new ArrayList<>();
      for (int from = 0; from < rows.size(); from += 20) {
        List<ODataFilter> any = new ArrayList<>();
        for (ODataRow r : rows.subList(from, Math.min(rows.size(), from + 20))) {
          any.add(
              ODataFilter.and(
                  ODataFilter.eq("Customer", r.textOr("Customer", "")),
                  ODataFilter.eq("Invoice", r.textOr("Invoice", "")),
                  ODataFilter.eq(
                      "DocumentType", "C".equals(r.textOr("DocumentType", "I")) ? "I" : "C")));
        }
        ODataQuery q =
            ODataQuery.of(ODataDialect.V4)
                .filter(
                    any.size() == 1 ? any.get(0) : ODataFilter.or(any.toArray(new ODataFilter[0])));
        for (String k : table.keyColumns()) {
          q = q.orderBy(k);
        }
        out.addAll(client.odata().readAll(table, q));
      }
      return out;
    }
    List<ODataRow> out = new ArrayList<>();
    for (ODataRow r : rows) {
      for (SysproElement row :
          client.find(
              ComfndQuery.of(table.sqlName())
                  .and("Customer", "EQ", r.textOr("Customer", ""))
                  .and("Invoice", "EQ", r.textOr("Invoice", ""))
                  .and(
                      "DocumentType",
                      "EQ",
                      "C".equals(r.textOr("DocumentType", "I")) ? "I" : "C"))) {
        out.add(ComfndTableSource.row(row));
      }
    }
    return out;
  }

  private <T> PollSource<T> source(
      String sqlName,
      BiFunction<ODataRow, String, T> map,
      Function<ExternalRef, List<String>> key) {
    ODataTable table = client.config().odataTable(sqlName);
    TableSource.PageMapper<T> mapper =
        (rows, versions) -> {
          List<T> out = new ArrayList<>();
          for (int i = 0; i < rows.size(); i++) {
            try {
              out.add(map.apply(rows.get(i), versions.get(i)));
            } catch (IllegalArgumentException | SysproFormatException e) {
              TableSource.skipped(sqlName, List.of(rows.get(i).values().toString()), e);
            }
          }
          return out;
        };
    return client.config().hasOData()
        ? new TableSource<>(client.odata(), table, mapper, key)
        : new ComfndTableSource<>(client, table, mapper, key);
  }

  private static String keyOf(ExternalRef ref, String type) {
    Objects.requireNonNull(ref, "ref");
    if (!SysproRefs.SYSTEM.equals(ref.system()) || !type.equals(ref.type())) {
      throw new IllegalArgumentException("expected a syspro " + type + " ref, got " + ref);
    }
    return ref.id();
  }

  private Map<String, List<ODataRow>> lines(ODataTable lines, List<ODataRow> invoices) {
    Map<String, List<ODataRow>> out = new HashMap<>();
    int batch = client.config().hasOData() ? 20 : 1;
    for (int from = 0; from < invoices.size(); from += batch) {
      List<ODataRow> part = invoices.subList(from, Math.min(invoices.size(), from + batch));
      for (ODataRow l :
          client.config().hasOData() ? odataLines(lines, part) : comfndLines(lines, part.get(0))) {
        out.computeIfAbsent(
                l.textOr("Customer", "") + "|" + l.textOr("Invoice", ""), k -> new ArrayList<>())
            .add(l);
      }
    }
    return out;
  }

  private List<ODataRow> odataLines(ODataTable lines, List<ODataRow> invoices) {
    List<ODataFilter> any = new ArrayList<>();
    for (ODataRow r : invoices) {
      any.add(
          ODataFilter.and(
              ODataFilter.eq("Customer", r.textOr("Customer", "")),
              ODataFilter.eq("Invoice", r.textOr("Invoice", ""))));
    }
    ODataQuery q =
        ODataQuery.of(ODataDialect.V4)
            .filter(any.size() == 1 ? any.get(0) : ODataFilter.or(any.toArray(new ODataFilter[0])));
    for (String k : lines.keyColumns()) {
      q = q.orderBy(k);
    }
    return client.odata().readAll(lines, q);
  }

  private List<ODataRow> comfndLines(ODataTable lines, ODataRow invoice) {
    List<ODataRow> out = new ArrayList<>();
    for (SysproElement row :
        client.find(
            ComfndQuery.of(lines.sqlName())
                .and("Customer", "EQ", invoice.textOr("Customer", ""))
                .and("Invoice", "EQ", invoice.textOr("Invoice", ""))
                .sequencedBy(lines.keyColumns().toArray(new String[0])))) {
      out.add(ComfndTableSource.row(row));
    }
    return out;
  }

  private PostingOptions periodic() {
    return options.get("PostingPeriod") == null ? options.postingPeriod("C") : options;
  }

  private Currency fallbackCurrency() {
    if (defaultCurrency != null) {
      return defaultCurrency;
    }
    Currency local = localCurrency;
    if (local == null) {
      local = RowMappers.iso(client.logonProfile().localCurrency());
      localCurrency = local;
    }
    return local;
  }

  /** Builds a {@link SysproSync}. */
  public static final class Builder {
    private final SysproClient client;
    private PostingOptions options = PostingOptions.defaults();
    private @Nullable Currency defaultCurrency;
    private String journalTable = "GenJournalCtl";
    private @Nullable String apNoteTable = "ApInvoicePay";
    private @Nullable String apNoteReferenceColumn = "PaymentReference";
    private ArCancellationRule cancellation = ArCancellationRule.CREDIT_NOTE_SAME_NUMBER;

    private Builder(SysproClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * The parameters of every posting (default: all-or-nothing, warnings reject, really post). A
     * {@code PostingPeriod} is passed only to ARSTPY and APSTIN (GENTJL and the Setup objects do
     * not take one); they default to {@code C}.
     *
     * @param options the parameters of every posting
     * @return this builder
     */
    public Builder postingOptions(PostingOptions options) {
      this.options = Objects.requireNonNull(options, "postingOptions");
      return this;
    }

    /**
     * The currency of invoices whose {@code AccountCur} is blank or not ISO; by default the
     * company's local currency from {@code GetLogonProfile}.
     *
     * @param currency the currency to assume
     * @return this builder
     */
    public Builder defaultCurrency(Currency currency) {
      this.defaultCurrency = Objects.requireNonNull(currency, "defaultCurrency");
      return this;
    }

    /**
     * The table whose {@code Reference} column holds a GL journal's reference (default {@code
     * GenJournalCtl}; unconfirmed, configure per site).
     *
     * @param table the table's SQL name
     * @return this builder
     * @throws IllegalArgumentException when {@code table} is blank
     */
    public Builder journalReferenceTable(String table) {
      if (table == null || table.isBlank()) {
        throw new IllegalArgumentException("journalReferenceTable must not be blank");
      }
      this.journalTable = table;
      return this;
    }

    /**
     * Where an AP credit or debit note's stamp (APSTIN's {@code TransactionReference}) can be read
     * back: a table with {@code Supplier}, {@code Invoice} and {@code TrnType} columns and the
     * reference in {@code referenceColumn}. Default {@code ApInvoicePay.PaymentReference}: the
     * table and columns are seen in one SYSPRO database scaffold, but that APSTIN writes the
     * reference there is unconfirmed; check it on the site (post a note, query the table) and
     * configure another place, or {@link #noApNoteLookup()}.
     *
     * @param table the table's SQL name
     * @param referenceColumn the column holding the stamp
     * @return this builder
     * @throws IllegalArgumentException when either is blank
     */
    public Builder apNoteReferenceTable(String table, String referenceColumn) {
      if (table == null || table.isBlank() || referenceColumn == null || referenceColumn.isBlank()) {
        throw new IllegalArgumentException("apNoteReferenceTable table and referenceColumn must not be blank");
      }
      this.apNoteTable = table;
      this.apNoteReferenceColumn = referenceColumn;
      return this;
    }

    /**
     * No read-back of AP notes: a credit or debit note whose answer was lost is posted again on
     * retry (the behaviour before the lookup existed). For sites where no table holds the stamp.
     *
     * @return this builder
     */
    public Builder noApNoteLookup() {
      this.apNoteTable = null;
      this.apNoteReferenceColumn = null;
      return this;
    }

    /**
     * How an AR invoice cancelled in SYSPRO is recognised (default {@link
     * ArCancellationRule#CREDIT_NOTE_SAME_NUMBER}; unconfirmed, see {@link ArCancellationRule}).
     *
     * @param rule the rule
     * @return this builder
     */
    public Builder arCancellation(ArCancellationRule rule) {
      this.cancellation = Objects.requireNonNull(rule, "arCancellation");
      return this;
    }

    /**
     * The sources and sinks.
     *
     * @return the sources and sinks of the client's tenant
     */
    public SysproSync build() {
      return new SysproSync(this);
    }
  }
}
