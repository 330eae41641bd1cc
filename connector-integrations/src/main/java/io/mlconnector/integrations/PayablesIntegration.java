package io.mlconnector.integrations;

import io.mlconnector.core.mapping.Mapper;
import io.mlconnector.core.mapping.ReferenceTables;
import io.mlconnector.core.model.CostCenter;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.JournalEntry;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.role.PayablesLedger;
import io.mlconnector.core.role.PayablesSource;
import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.sync.FileSource;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.RetryQueuePolicy;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.SyncListener;
import io.mlconnector.integrations.internal.payables.Echoes;
import io.mlconnector.integrations.internal.payables.InvoiceMappers;
import io.mlconnector.integrations.internal.payables.LedgerRefs;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Any AP system ({@link PayablesSource}) with any ERP ({@link PayablesLedger}) on one {@link
 * SyncEngine}. Flows, in the order {@link #runOnce} runs them (reference data first):
 *
 * <table>
 *   <caption>flows</caption>
 *   <tr><th>flow</th><th>from</th><th>to</th></tr>
 *   <tr><td>{@value #GL_ACCOUNTS}</td><td>ledger GL accounts</td><td>AP system import</td></tr>
 *   <tr><td>{@value #COST_CENTERS}</td><td>ledger cost centres (where it keeps them)</td><td>AP system import</td></tr>
 *   <tr><td>{@value #VENDORS_OUT}</td><td>ledger vendors</td><td>AP system import (echoes dropped)</td></tr>
 *   <tr><td>{@value #VENDORS_IN}</td><td>AP system vendor changes</td><td>ledger vendors (echoes dropped)</td></tr>
 *   <tr><td>{@value #INVOICES}</td><td>approved AP invoices</td><td>ledger AP invoices, or GL journals
 *       ({@link PostingMode#GL_JOURNALS})</td></tr>
 *   <tr><td>{@value #PAYMENTS}</td><td>AP system payments</td><td>ledger AP payments, where both support them</td></tr>
 * </table>
 *
 * <p>Invoices are mapped through the tenant's {@link ReferenceTables}: {@code gl-accounts}
 * (AP-system GL code, or {@code code|costCentre}, to ledger code; accounts imported from the ledger
 * need no entry), {@code vendors} (vendor code to ledger code, where they differ), {@code accounts}
 * ({@code ap-control} and {@code ap-tax} for GL-only posting). A missing mapping parks the invoice
 * naming the code, or defers it ({@link Builder#deferMissingMappings}).
 *
 * <pre>{@code
 * PayablesIntegration payables = PayablesIntegration.builder()
 *     .store(JdbcStateStore.embeddedH2(dataDir).build())
 *     .source(StampliSource.provider(t -> sftpClientOf(t)))
 *     .ledger(SysproPayables.provider(t -> SysproSync.builder(sysproClientOf(t)).build()))
 *     .tenants(List.of("acme"))
 *     .build();
 * payables.runOnce("acme");                       // or payables.engine().start()
 * PayablesReconciliation r = payables.reconcile("acme", exportedInvoices);
 * }</pre>
 */
public final class PayablesIntegration implements AutoCloseable {
  /** Flow: ledger GL accounts to the AP system. */
  public static final String GL_ACCOUNTS = "payables-gl-accounts";
  /** Flow: ledger cost centres to the AP system. */
  public static final String COST_CENTERS = "payables-cost-centers";
  /** Flow: ledger vendors to the AP system. */
  public static final String VENDORS_OUT = "payables-vendors-out";
  /** Flow: AP system vendors to the ledger. */
  public static final String VENDORS_IN = "payables-vendors-in";
  /** Flow: approved AP invoices to the ledger. */
  public static final String INVOICES = "payables-invoices";
  /** Flow: AP payments to the ledger. */
  public static final String PAYMENTS = "payables-payments";

  /** How approved invoices are posted. */
  public enum PostingMode {
    /** As AP invoices with their GL distribution (default). */
    AP_INVOICES,
    /** As GL journals (expense debits, AP control credit), for tenants posting to the GL only. */
    GL_JOURNALS
  }

  private final SyncEngine engine;
  private final StateStore store;
  private final List<String> flows;
  private final String ledgerSystem;
  private final String sourceSystem;

  private PayablesIntegration(Builder b) {
    this.store = b.store;
    this.ledgerSystem = b.ledger.system();
    this.sourceSystem = b.source.system();
    Map<String, PayablesSource> sources = new ConcurrentHashMap<>();
    Map<String, PayablesLedger> ledgers = new ConcurrentHashMap<>();
    java.util.function.Function<String, PayablesSource> src = t -> sources.computeIfAbsent(t, b.source::forTenant);
    java.util.function.Function<String, PayablesLedger> led = t -> ledgers.computeIfAbsent(t, b.ledger::forTenant);
    LedgerRefs refs = new LedgerRefs(ledgerSystem, b.ledger.vendorType(), b.glAccountType, b.sameVendorCodes, b.deferMissing);
    boolean files = b.source.inputKind() == Flow.Kind.FILE;
    if (!files) {
      throw new IllegalArgumentException("payables sources with input kind " + b.source.inputKind()
          + " are not wired yet; " + b.source.system() + " must offer FILE inputs");
    }
    List<Flow<?, ?>> all = new ArrayList<>();
    all.add(tune(Flow.poll(GL_ACCOUNTS, GlAccount.class, t -> led.apply(t).glAccounts(), GlAccount.class,
        t -> src.apply(t).glAccountImport()).mapper(identity()), b).build());
    if (b.costCenters) {
      all.add(tune(Flow.poll(COST_CENTERS, CostCenter.class,
          t -> led.apply(t).costCenters().orElse(EmptyPoll.instance()), CostCenter.class,
          t -> src.apply(t).costCenterImport().orElseThrow(() -> new IllegalStateException(
              sourceSystem + " takes no cost centres; build with costCenters(false)"))).mapper(identity()), b).build());
    }
    all.add(tune(Flow.poll(VENDORS_OUT, Vendor.class, t -> Echoes.filtered(led.apply(t).vendors(), store),
        Vendor.class, t -> Echoes.recording(src.apply(t).vendorImport())).mapper(identity()), b).build());
    all.add(tune(Flow.file(VENDORS_IN, Vendor.class,
        t -> Echoes.filtered(fileSource(src.apply(t).vendors().orElseThrow(
            () -> new IllegalStateException(sourceSystem + " reports no vendor changes; build with vendorsBothWays(false)")),
            "vendors"), store),
        Vendor.class, t -> Echoes.recording(led.apply(t).vendorSink())).mapper(identity()), b).build());
    if (b.mode == PostingMode.AP_INVOICES) {
      all.add(tune(Flow.file(INVOICES, Invoice.class,
          t -> fileSource(src.apply(t).approvedInvoices(), "approvedInvoices"), Invoice.class,
          t -> led.apply(t).apInvoices()).mapper(InvoiceMappers.apInvoice(refs)), b).build());
    } else {
      all.add(tune(Flow.file(INVOICES, Invoice.class,
          t -> fileSource(src.apply(t).approvedInvoices(), "approvedInvoices"), JournalEntry.class,
          t -> led.apply(t).journals().orElseThrow(
              () -> new IllegalStateException(ledgerSystem + " takes no GL journals"))).mapper(InvoiceMappers.journal(refs)), b).build());
    }
    if (b.payments) {
      all.add(tune(Flow.file(PAYMENTS, Payment.class,
          t -> fileSource(src.apply(t).payments().orElseThrow(
              () -> new IllegalStateException(sourceSystem + " reports no payments")), "payments"),
          Payment.class, t -> led.apply(t).apPayments().orElseThrow(
              () -> new IllegalStateException(ledgerSystem + " takes no AP payments; build with payments(false)")))
          .mapper(InvoiceMappers.apPayment(refs, ledgerSystem)), b).build());
    }
    if (!b.vendorsBothWays) {
      all.removeIf(f -> f.name().equals(VENDORS_IN));
    }
    SyncEngine.Builder eb = SyncEngine.builder().store(b.store).referenceTables(b.referenceTables)
        .listener(b.listener).tenants(b.tenants);
    for (Flow<?, ?> f : all) {
      eb.addFlow(f);
    }
    if (b.nodeId != null) {
      eb.nodeId(b.nodeId);
    }
    this.engine = b.engineCustomizer.apply(eb).build();
    this.flows = all.stream().map(Flow::name).toList();
  }

  private static <S, T> Flow.Builder<S, T> tune(Flow.Builder<S, T> f, Builder b) {
    return f.parallelism(b.parallelism).pageSize(b.pageSize).schedule(b.interval, b.jitter)
        .retryPolicy(b.retryPolicy).dryRun(b.dryRun);
  }

  @SuppressWarnings("unchecked")
  private static <S> FileSource<S> fileSource(io.mlconnector.core.sync.RecordSource<S> s, String what) {
    if (!(s instanceof FileSource<?>)) {
      throw new IllegalStateException(what + " of a FILE payables source must be a FileSource, was " + s.getClass());
    }
    return (FileSource<S>) s;
  }

  private static <X> Mapper<X, X> identity() {
    return (x, ctx) -> x;
  }

  /**
   * A new builder.
   *
   * @return a builder; {@link Builder#store}, {@link Builder#source} and {@link Builder#ledger} are
   *     required
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The engine (start it, or call {@link #runOnce}).
   *
   * @return the engine, built with every flow of {@link #flows()}
   */
  public SyncEngine engine() {
    return engine;
  }

  /**
   * The flows, in the order {@link #runOnce} runs them.
   *
   * @return the flow names, unmodifiable
   */
  public List<String> flows() {
    return flows;
  }

  /**
   * Runs every flow once for {@code tenant}, reference data first; each flow's report.
   *
   * @param tenant the tenant id
   * @return each flow's report by flow name, in the order the flows ran
   */
  public Map<String, RunReport> runOnce(String tenant) {
    Map<String, RunReport> out = new LinkedHashMap<>();
    for (String f : flows) {
      out.put(f, engine.runOnce(tenant, f));
    }
    return out;
  }

  /**
   * Reconciles the approved invoices found in the exports ({@code exported}, for example parsed
   * from the archive) with what was posted: each must be posted exactly once (a mapping to one
   * ledger document, no two invoices on one document), and the totals per vendor and currency of
   * the exported and the posted invoices must be equal. Parked invoices are listed with their
   * reasons.
   *
   * @param tenant the tenant id
   * @param exported the exported invoices; an invoice listed twice (same ref) counts once
   * @return the report, read from the store at the time of the call
   */
  public PayablesReconciliation reconcile(String tenant, Collection<Invoice> exported) {
    Map<String, BigDecimal> exportedTotals = new TreeMap<>();
    Map<String, BigDecimal> postedTotals = new TreeMap<>();
    Map<ExternalRef, Invoice> unique = new LinkedHashMap<>();
    for (Invoice inv : exported) {
      unique.putIfAbsent(inv.ref(), inv);
    }
    List<ExternalRef> notPosted = new ArrayList<>();
    Map<ExternalRef, String> parked = new LinkedHashMap<>();
    Map<ExternalRef, ExternalRef> targets = new LinkedHashMap<>();
    List<String> doubles = new ArrayList<>();
    for (Invoice inv : unique.values()) {
      String key = inv.party().id() + " " + inv.currency().getCurrencyCode();
      BigDecimal signed = inv.documentType() == Invoice.DocumentType.CREDIT_NOTE ? inv.total().amount().negate() : inv.total().amount();
      exportedTotals.merge(key, signed, BigDecimal::add);
      java.util.Optional<Mapping> m = store.mappingBySource(inv.ref(), ledgerSystem);
      if (m.isEmpty()) {
        notPosted.add(inv.ref());
        List<AuditEntry> last = store.audit(AuditQuery.all(tenant).withSource(inv.ref()).withLimit(1)).items();
        if (!last.isEmpty() && last.get(0).outcome() == AuditEntry.Outcome.PARKED) {
          parked.put(inv.ref(), String.valueOf(last.get(0).error()));
        }
        continue;
      }
      ExternalRef target = m.get().target();
      ExternalRef typed = target.withId(target.id() + "#" + inv.documentType());
      if (targets.containsValue(typed)) {
        doubles.add(target.id());
      }
      targets.put(inv.ref(), typed);
      postedTotals.merge(key, signed, BigDecimal::add);
    }
    return new PayablesReconciliation(unique.size(), targets.size(), notPosted, parked, doubles, exportedTotals, postedTotals);
  }

  @Override
  public void close() {
    engine.close();
  }

  /** Builds a {@link PayablesIntegration}. */
  public static final class Builder {
    private @Nullable StateStore store;
    private PayablesSource.@Nullable Provider source;
    private PayablesLedger.@Nullable Provider ledger;
    private final List<String> tenants = new ArrayList<>();
    private ReferenceTables referenceTables = ReferenceTables.empty();
    private SyncListener listener = new SyncListener() {};
    private PostingMode mode = PostingMode.AP_INVOICES;
    private boolean deferMissing;
    private boolean sameVendorCodes = true;
    private boolean costCenters;
    private boolean payments;
    private boolean vendorsBothWays = true;
    private String glAccountType = "gl-account";
    private int parallelism = 4;
    private int pageSize = 100;
    private Duration interval = Duration.ofMinutes(5);
    private Duration jitter = Duration.ofSeconds(10);
    private RetryQueuePolicy retryPolicy = RetryQueuePolicy.defaults();
    private boolean dryRun;
    private @Nullable String nodeId;
    private UnaryOperator<SyncEngine.Builder> engineCustomizer = UnaryOperator.identity();

    private Builder() {}

    /**
     * The state store (required).
     *
     * @param value the store holding cursors, mappings and the operation log of every tenant
     * @return this builder
     */
    public Builder store(StateStore value) {
      this.store = Objects.requireNonNull(value, "store");
      return this;
    }

    /**
     * The AP system (required).
     *
     * @param value the source of approved AP invoices, payments and vendor changes
     * @return this builder
     */
    public Builder source(PayablesSource.Provider value) {
      this.source = Objects.requireNonNull(value, "source");
      return this;
    }

    /**
     * The ERP (required).
     *
     * @param value the ledger the invoices are posted to
     * @return this builder
     */
    public Builder ledger(PayablesLedger.Provider value) {
      this.ledger = Objects.requireNonNull(value, "ledger");
      return this;
    }

    /**
     * The tenants.
     *
     * @param values tenant ids, added to those given before
     * @return this builder
     */
    public Builder tenants(Collection<String> values) {
      tenants.addAll(values);
      return this;
    }

    /**
     * The tenants' reference tables ({@code gl-accounts}, {@code vendors}, {@code accounts}).
     *
     * @param value the tables (default: empty)
     * @return this builder
     */
    public Builder referenceTables(ReferenceTables value) {
      this.referenceTables = Objects.requireNonNull(value, "referenceTables");
      return this;
    }

    /**
     * The engine listener.
     *
     * @param value hooks for every engine step (default: none)
     * @return this builder
     */
    public Builder listener(SyncListener value) {
      this.listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    /**
     * How invoices are posted (default AP invoices).
     *
     * @param value AP invoices or GL journals
     * @return this builder
     */
    public Builder postingMode(PostingMode value) {
      this.mode = Objects.requireNonNull(value, "postingMode");
      return this;
    }

    /**
     * Defer (retry later) instead of park an invoice whose GL account or vendor has no mapping (default park).
     *
     * @param value true to defer, false to park
     * @return this builder
     */
    public Builder deferMissingMappings(boolean value) {
      this.deferMissing = value;
      return this;
    }

    /**
     * Whether an AP-system vendor code without mapping or table entry is taken as the ledger's
     * code (default true: the AP system holds the ERP's vendor codes).
     *
     * @param value true to take an unmapped code as the ledger's
     * @return this builder
     */
    public Builder sameVendorCodes(boolean value) {
      this.sameVendorCodes = value;
      return this;
    }

    /**
     * Run the cost-centre flow (default false; the ledger must keep cost centres).
     *
     * @param value true to add the flow
     * @return this builder
     */
    public Builder costCenters(boolean value) {
      this.costCenters = value;
      return this;
    }

    /**
     * Run the payments flow (default false; both sides must support it).
     *
     * @param value true to add the flow
     * @return this builder
     */
    public Builder payments(boolean value) {
      this.payments = value;
      return this;
    }

    /**
     * Sync vendor changes from the AP system back to the ledger (default true).
     *
     * @param value false to sync vendors from the ledger to the AP system only
     * @return this builder
     */
    public Builder vendorsBothWays(boolean value) {
      this.vendorsBothWays = value;
      return this;
    }

    /**
     * The ledger's GL account record type (default {@code gl-account}).
     *
     * @param value the {@link ExternalRef#type()} of the ledger's GL account refs
     * @return this builder
     */
    public Builder glAccountType(String value) {
      this.glAccountType = Objects.requireNonNull(value, "glAccountType");
      return this;
    }

    /**
     * Records written at once per flow (default 4).
     *
     * @param value the number of records in flight per flow
     * @return this builder
     */
    public Builder parallelism(int value) {
      this.parallelism = value;
      return this;
    }

    /**
     * Records per page (default 100).
     *
     * @param value the page size of every read
     * @return this builder
     */
    public Builder pageSize(int value) {
      this.pageSize = value;
      return this;
    }

    /**
     * Schedule of every flow (default 5 minutes, 10 s jitter).
     *
     * @param interval the time between the start of two runs of a flow
     * @param jitter the most a run is moved at random, so tenants do not poll in step
     * @return this builder
     */
    public Builder schedule(Duration interval, Duration jitter) {
      this.interval = Objects.requireNonNull(interval, "interval");
      this.jitter = Objects.requireNonNull(jitter, "jitter");
      return this;
    }

    /**
     * Retry policy of every flow.
     *
     * @param value backoff and attempts of the retry queue (default {@link RetryQueuePolicy#defaults()})
     * @return this builder
     */
    public Builder retryPolicy(RetryQueuePolicy value) {
      this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
      return this;
    }

    /**
     * Only report what would be written.
     *
     * @param value true for a dry run (default false)
     * @return this builder
     */
    public Builder dryRun(boolean value) {
      this.dryRun = value;
      return this;
    }

    /**
     * The node id (several processes on one store).
     *
     * @param value the id, unique among the nodes sharing the store; null for a random one (the default)
     * @return this builder
     */
    public Builder nodeId(@Nullable String value) {
      this.nodeId = value;
      return this;
    }

    /**
     * Last changes to the engine builder (clock, lease TTL ...).
     *
     * @param customizer given the builder with every flow added, returns the builder to build
     * @return this builder
     */
    public Builder engine(UnaryOperator<SyncEngine.Builder> customizer) {
      this.engineCustomizer = Objects.requireNonNull(customizer, "engine");
      return this;
    }

    /**
     * The integration.
     *
     * @return a new integration; its engine is not started
     * @throws NullPointerException when the store, the source or the ledger is missing
     */
    public PayablesIntegration build() {
      Objects.requireNonNull(store, "store is required");
      Objects.requireNonNull(source, "source is required");
      Objects.requireNonNull(ledger, "ledger is required");
      return new PayablesIntegration(this);
    }
  }

  /** A poll source with nothing in it. */
  private static final class EmptyPoll<S> implements PollSource<S> {
    private static final EmptyPoll<?> INSTANCE = new EmptyPoll<>();

    @SuppressWarnings("unchecked")
    static <S> EmptyPoll<S> instance() {
      return (EmptyPoll<S>) INSTANCE;
    }

    @Override
    public io.mlconnector.core.sync.ChangeDetection changeDetection() {
      return io.mlconnector.core.sync.ChangeDetection.values()[0];
    }

    @Override
    public io.mlconnector.core.sync.SourcePage<S> read(io.mlconnector.core.sync.PollRequest request) {
      return io.mlconnector.core.sync.SourcePage.empty();
    }

    @Override
    public java.util.Optional<S> fetch(ExternalRef ref) {
      return java.util.Optional.empty();
    }
  }
}
