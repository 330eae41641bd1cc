package io.mlconnector.integrations;

import io.mlconnector.core.mapping.MapperRegistry;
import io.mlconnector.core.mapping.ReferenceTables;
import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.Dispute;
import io.mlconnector.core.model.Fee;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.JournalEntry;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Payout;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.role.Collector;
import io.mlconnector.core.role.ReceivablesLedger;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.sync.ContentVersionedInvoices;
import io.mlconnector.core.sync.DependencyPolicy;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.RetryQueuePolicy;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.SyncListener;
import io.mlconnector.core.sync.WebhookEndpoint;
import io.mlconnector.core.sync.WebhookIntake;
import io.mlconnector.core.sync.WebhookSource;
import io.mlconnector.integrations.internal.NoEvents;
import io.mlconnector.integrations.internal.ReceivablesMappers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Receivables: any ERP {@link ReceivablesLedger} with any {@link Collector}, on one {@link
 * SyncEngine}. A pair is one line:
 *
 * <pre>{@code
 * ReceivablesIntegration sync = ReceivablesIntegration.builder(
 *         SysproLedger.provider(tenant -> SysproLedger.of(SysproSync.builder(sysproOf(tenant)).build())),
 *         StripeCollector.provider(tenant -> StripeCollector.of(stripeOf(tenant), verifierOf(tenant))))
 *     .store(JdbcStateStore.embeddedH2(dataDir).build())
 *     .tenants(List.of("acme"))
 *     .build();
 * sync.engine().start();                          // or sync.runOnce("acme") from your scheduler
 * }</pre>
 *
 * <table>
 *   <caption>flows (named after the systems: {@code syspro-customers}, {@code stripe-payments} ...)</caption>
 *   <tr><th>flow</th><th>from</th><th>to</th></tr>
 *   <tr><td>{@code <ledger>-customers}</td><td>ledger customers (polled)</td><td>collector customers</td></tr>
 *   <tr><td>{@code <ledger>-invoices}</td><td>ledger AR invoices with lines (polled; a customer not yet
 *       in the collector is synced on demand first)</td><td>collector invoices</td></tr>
 *   <tr><td>{@code <collector>-payments}</td><td>payments (webhooks + events backstop)</td><td>ledger payments</td></tr>
 *   <tr><td>{@code <collector>-refunds}</td><td>refunds</td><td>ledger refunds</td></tr>
 *   <tr><td>{@code <collector>-disputes}</td><td>disputes (idle where the collector has none)</td><td>ledger disputes</td></tr>
 *   <tr><td>{@code <collector>-fees}, {@code <collector>-payouts}</td><td>processing fees, paid payouts (only
 *       with {@link Builder#journals(boolean)})</td><td>ledger GL journals, accounts from reference table
 *       {@code gl-accounts} (keys {@code fees}, {@code clearing}, {@code bank}, optionally per currency
 *       {@code bank.EUR})</td></tr>
 * </table>
 *
 * <p>Invoices are versioned by their content ({@link ContentVersionedInvoices}), so a payment posted
 * back into the ledger is not mistaken for a change of the invoice. Mappers come from the
 * collector's defaults and this integration's own ({@code io.mlconnector.integrations.internal});
 * override any of them per tenant with {@link Builder#mappers}.
 */
public final class ReceivablesIntegration implements AutoCloseable {
  private final SyncEngine engine;
  private final StateStore store;
  private final ReceivablesLedger.Provider ledgerProvider;
  private final Collector.Provider<?, ?> collectorProvider;
  private final Map<String, ReceivablesLedger> ledgers;
  private final Map<String, Collector<?, ?>> collectors;
  private final List<String> flows;
  private final List<String> webhookFlows;

  private <C, I> ReceivablesIntegration(Builder<C, I> b) {
    this.store = b.store;
    this.ledgerProvider = b.ledger;
    this.collectorProvider = b.collector;
    this.ledgers = b.ledgers;
    this.collectors = b.collectors;
    ReceivablesLedger.Provider lp = b.ledger;
    Collector.Provider<C, I> cp = b.collector;
    Function<String, ReceivablesLedger> ledger = t -> b.ledgers.computeIfAbsent(t, lp::forTenant);
    @SuppressWarnings("unchecked")
    Function<String, Collector<C, I>> collector =
        t -> (Collector<C, I>) b.collectors.computeIfAbsent(t, cp::forTenant);
    MapperRegistry.Builder registry = MapperRegistry.builder().addFactory(new ReceivablesMappers(lp, cp));
    b.mapperCustomizer.accept(registry);
    String l = lp.system();
    String c = cp.system();
    List<Flow<?, ?>> all = new ArrayList<>();
    all.add(Flow.poll(l + "-customers", Customer.class, t -> ledger.apply(t).customers(),
            cp.customerType(), t -> collector.apply(t).customers())
        .handles(l, lp.customerType())
        .parallelism(b.parallelism).pageSize(b.pageSize).readAhead(b.readAhead).schedule(b.interval, b.jitter)
        .retryPolicy(b.retryPolicy).dryRun(b.dryRun).build());
    all.add(Flow.poll(l + "-invoices", Invoice.class, t -> new ContentVersionedInvoices(ledger.apply(t).invoices()),
            cp.invoiceType(), t -> collector.apply(t).invoices())
        .handles(l, lp.invoiceType())
        .dependencyPolicy(DependencyPolicy.SYNC_ON_DEMAND)
        .parallelism(b.parallelism).pageSize(b.pageSize).readAhead(b.readAhead).schedule(b.interval, b.jitter)
        .retryPolicy(b.retryPolicy).dryRun(b.dryRun).build());
    Duration lb = b.backstopLookback;
    all.add(inbound(b, c + "-payments", Payment.class, t -> collector.apply(t).payments(lb), Payment.class,
        t -> ledger.apply(t).payments(), collector));
    all.add(inbound(b, c + "-refunds", Refund.class, t -> collector.apply(t).refunds(lb), Refund.class,
        t -> ledger.apply(t).refunds(), collector));
    all.add(inbound(b, c + "-disputes", Dispute.class,
        t -> collector.apply(t).disputes(lb).orElseGet(() -> new NoEvents<>(c)), Dispute.class,
        t -> ledger.apply(t).disputes(), collector));
    if (b.journals) {
      all.add(inbound(b, c + "-fees", Fee.class,
          t -> collector.apply(t).fees(lb).orElseGet(() -> new NoEvents<>(c)), JournalEntry.class,
          t -> journals(ledger.apply(t), t), collector));
      all.add(inbound(b, c + "-payouts", Payout.class,
          t -> collector.apply(t).payouts(lb).orElseGet(() -> new NoEvents<>(c)), JournalEntry.class,
          t -> journals(ledger.apply(t), t), collector));
    }
    SyncEngine.Builder eb =
        SyncEngine.builder().store(b.store).mappers(registry.build()).listener(b.listener)
            .tenants(b.tenantNames).pendingGracePeriod(b.pendingGrace);
    if (b.referenceTables != null) {
      eb.referenceTables(b.referenceTables);
    }
    List<String> names = new ArrayList<>();
    List<String> hooks = new ArrayList<>();
    for (Flow<?, ?> f : all) {
      eb.addFlow(f);
      names.add(f.name());
      if (f.kind() == Flow.Kind.WEBHOOK) {
        hooks.add(f.name());
      }
    }
    this.flows = List.copyOf(names);
    this.webhookFlows = List.copyOf(hooks);
    if (b.nodeId != null) {
      eb.nodeId(b.nodeId);
    }
    if (b.seed != null) {
      eb.randomSeed(b.seed);
    }
    this.engine = b.engineCustomizer.apply(eb).build();
  }

  private static <S, T, C, I> Flow<S, T> inbound(
      Builder<?, ?> b, String name, Class<S> sourceType, Function<String, ? extends WebhookSource<S>> source,
      Class<T> targetType, Function<String, ? extends Sink<T>> sink, Function<String, Collector<C, I>> collector) {
    return Flow.webhook(name, sourceType, source::apply, t -> collector.apply(t).webhookVerifier(), targetType,
            sink::apply)
        .parallelism(b.inboundParallelism).schedule(b.interval, b.jitter).retryPolicy(b.retryPolicy)
        .dryRun(b.dryRun).build();
  }

  private static Sink<JournalEntry> journals(ReceivablesLedger ledger, String tenant) {
    return ledger.journals().orElseThrow(() -> new IllegalStateException(
        "the ledger of tenant " + tenant + " takes no GL journals; build the integration without journals(true)"));
  }

  /**
   * A builder pairing {@code ledger} with {@code collector}.
   *
   * @param <C> the collector's customer request type
   * @param <I> the collector's invoice request type
   * @param ledger the ERP side: customers and invoices out, payments, refunds and disputes in
   * @param collector the collecting side: customer and invoice sinks, payment events back
   * @return a builder; {@link Builder#store} is required
   */
  public static <C, I> Builder<C, I> builder(ReceivablesLedger.Provider ledger, Collector.Provider<C, I> collector) {
    return new Builder<>(ledger, collector);
  }

  /**
   * The engine running the flows (start it, or call {@link #runOnce}).
   *
   * @return the engine, built with every flow of {@link #flows()}
   */
  public SyncEngine engine() {
    return engine;
  }

  /**
   * The state store.
   *
   * @return the store given to the builder
   */
  public StateStore store() {
    return store;
  }

  /**
   * The pair's name, {@code <ledger>-<collector>}, for example {@code syspro-stripe}.
   *
   * @return the two system names, lower case, joined by a hyphen
   */
  public String pair() {
    return ledgerProvider.system() + "-" + collectorProvider.system();
  }

  /**
   * Every flow, in the order {@link #runOnce} runs them (references first).
   *
   * @return the flow names, unmodifiable
   */
  public List<String> flows() {
    return flows;
  }

  /**
   * The flow of customers to the collector.
   *
   * @return the flow's name
   */
  public String customersFlow() {
    return flows.get(0);
  }

  /**
   * The flow of invoices to the collector.
   *
   * @return the flow's name
   */
  public String invoicesFlow() {
    return flows.get(1);
  }

  /**
   * The flow of payments back into the ledger.
   *
   * @return the flow's name
   */
  public String paymentsFlow() {
    return flows.get(2);
  }

  /**
   * The flow of refunds back into the ledger.
   *
   * @return the flow's name
   */
  public String refundsFlow() {
    return flows.get(3);
  }

  /**
   * The flow of disputes back into the ledger.
   *
   * @return the flow's name
   */
  public String disputesFlow() {
    return flows.get(4);
  }

  /**
   * The webhook flows a collector delivery is handed to.
   *
   * @return the flow names, unmodifiable
   */
  public List<String> webhookFlows() {
    return webhookFlows;
  }

  /**
   * The endpoints a collector's webhook delivery for this integration is handed to, one per webhook flow.
   *
   * @return the endpoints, in the order of {@link #webhookFlows()}
   */
  public List<WebhookEndpoint> webhookEndpoints() {
    List<WebhookEndpoint> out = new ArrayList<>();
    for (String flow : webhookFlows) {
      out.add(engine.webhookEndpoint(flow));
    }
    return out;
  }

  /**
   * The intake of the collector's webhook deliveries for all this integration's webhook flows, one
   * URL per tenant: each delivery verified once, stored once for each flow that handles its type,
   * group-committed and answered after the commit is durable (see {@link WebhookIntake}). Prefer
   * it to {@link #webhookEndpoints}, which verify and store a delivery once per flow.
   *
   * @return the engine's intake for the collector's system
   */
  public WebhookIntake webhookIntake() {
    return engine.webhookIntake(collectorProvider.system());
  }

  /**
   * The ledger of {@code tenant} (created on first use).
   *
   * @param tenant the tenant id
   * @return the same ledger on every call for one tenant
   */
  public ReceivablesLedger ledger(String tenant) {
    return ledgers.computeIfAbsent(tenant, ledgerProvider::forTenant);
  }

  /**
   * The collector of {@code tenant} (created on first use).
   *
   * @param tenant the tenant id
   * @return the same collector on every call for one tenant
   */
  public Collector<?, ?> collector(String tenant) {
    return collectors.computeIfAbsent(tenant, collectorProvider::forTenant);
  }

  /**
   * Runs every flow once for {@code tenant}, references first (customers, invoices, then what comes
   * back), and returns each flow's report.
   *
   * @param tenant the tenant id
   * @return each flow's report by flow name, in the order the flows ran
   */
  public Map<String, RunReport> runOnce(String tenant) {
    Map<String, RunReport> out = new LinkedHashMap<>();
    for (String flow : flows) {
      out.put(flow, engine.runOnce(tenant, flow));
    }
    return out;
  }

  /**
   * The reconciliation report of {@code tenant} now: every ledger invoice against the collector.
   *
   * @param tenant the tenant id
   * @return the report, read from both systems and the store at the time of the call
   */
  public ReceivablesReconciliation reconcile(String tenant) {
    return ReceivablesReconciliation.of(ledgerProvider, ledger(tenant), collectorProvider.system(),
        collector(tenant), store);
  }

  /** Shuts the engine down (not the store, not the clients). */
  @Override
  public void close() {
    engine.close();
  }

  /**
   * Builds a {@link ReceivablesIntegration}.
   *
   * @param <C> the collector's customer request type
   * @param <I> the collector's invoice request type
   */
  public static final class Builder<C, I> {
    private final ReceivablesLedger.Provider ledger;
    private final Collector.Provider<C, I> collector;
    private final Map<String, ReceivablesLedger> ledgers = new ConcurrentHashMap<>();
    private final Map<String, Collector<?, ?>> collectors = new ConcurrentHashMap<>();
    private @Nullable StateStore store;
    private final List<String> tenantNames = new ArrayList<>();
    private int parallelism = 8;
    private boolean readAhead = true;
    private int inboundParallelism = 4;
    private int pageSize = 100;
    private Duration interval = Duration.ofMinutes(1);
    private Duration jitter = Duration.ofSeconds(5);
    private Duration pendingGrace = Duration.ofMinutes(2);
    private RetryQueuePolicy retryPolicy = new RetryQueuePolicy(Duration.ofSeconds(1), Duration.ofMinutes(10), 12);
    private SyncListener listener = SyncListener.NONE;
    private Consumer<MapperRegistry.Builder> mapperCustomizer = r -> {};
    private UnaryOperator<SyncEngine.Builder> engineCustomizer = e -> e;
    private @Nullable ReferenceTables referenceTables;
    private @Nullable String nodeId;
    private @Nullable Long seed;
    private @Nullable Duration backstopLookback;
    private boolean dryRun;
    private boolean journals;

    private Builder(ReceivablesLedger.Provider ledger, Collector.Provider<C, I> collector) {
      this.ledger = Objects.requireNonNull(ledger, "ledger");
      this.collector = Objects.requireNonNull(collector, "collector");
    }

    /**
     * The state store (required).
     *
     * @param value the store holding cursors, mappings and the operation log of every tenant
     * @return this builder
     */
    public Builder<C, I> store(StateStore value) {
      this.store = Objects.requireNonNull(value, "store");
      return this;
    }

    /**
     * The tenants served.
     *
     * @param values tenant ids, added to those given before
     * @return this builder
     */
    public Builder<C, I> tenants(Collection<String> values) {
      Objects.requireNonNull(values, "tenants");
      tenantNames.addAll(values);
      return this;
    }

    /**
     * Records written at once by the ledger to collector flows, 1 to 256 (default 8).
     *
     * @param value the number of records in flight per flow
     * @return this builder
     */
    public Builder<C, I> parallelism(int value) {
      this.parallelism = range("parallelism", value, 1, 256);
      return this;
    }

    /**
     * Records written at once by the collector to ledger flows, 1 to 256 (default 4).
     *
     * @param value the number of records in flight per flow
     * @return this builder
     */
    public Builder<C, I> inboundParallelism(int value) {
      this.inboundParallelism = range("inboundParallelism", value, 1, 256);
      return this;
    }

    /**
     * Whether the ledger to collector flows read their next page while they write the current one
     * (default true; see {@link Flow.Builder#readAhead(boolean)}).
     *
     * @param value true to overlap reading and writing
     * @return this builder
     */
    public Builder<C, I> readAhead(boolean value) {
      this.readAhead = value;
      return this;
    }

    /**
     * Records per page read from the ledger, 1 to 10,000 (default 100).
     *
     * @param value the page size
     * @return this builder
     */
    public Builder<C, I> pageSize(int value) {
      this.pageSize = range("pageSize", value, 1, 10_000);
      return this;
    }

    /**
     * The poll interval and its jitter when the engine is started (default 1 minute, 5 s).
     *
     * @param interval the time between the start of two runs of a flow
     * @param jitter the most a run is moved at random, so tenants do not poll in step
     * @return this builder
     */
    public Builder<C, I> schedule(Duration interval, Duration jitter) {
      this.interval = Objects.requireNonNull(interval, "interval");
      this.jitter = Objects.requireNonNull(jitter, "jitter");
      return this;
    }

    /**
     * How old a PENDING write must be before recovery looks it up by its stamp (default 2 min).
     *
     * @param value the grace period; longer than the slowest write the target may still finish
     * @return this builder
     */
    public Builder<C, I> pendingGracePeriod(Duration value) {
      this.pendingGrace = Objects.requireNonNull(value, "pendingGracePeriod");
      return this;
    }

    /**
     * Backoff and attempts of the retry queue (default 1 s doubling to 10 min, 12 attempts).
     *
     * @param value the policy of every flow
     * @return this builder
     */
    public Builder<C, I> retryPolicy(RetryQueuePolicy value) {
      this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
      return this;
    }

    /**
     * Hooks for every engine step.
     *
     * @param value the listener (default {@link SyncListener#NONE})
     * @return this builder
     */
    public Builder<C, I> listener(SyncListener value) {
      this.listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    /**
     * Adjusts the mapper registry, for example {@code r -> r.override("acme", Customer.class,
     * StripeCustomerRequest.class, myMapper)}; overrides win over the pair's defaults.
     *
     * @param value called once with the registry builder, after the pair's defaults are in it
     * @return this builder
     */
    public Builder<C, I> mappers(Consumer<MapperRegistry.Builder> value) {
      this.mapperCustomizer = Objects.requireNonNull(value, "mappers");
      return this;
    }

    /**
     * The tenants' reference tables (GL accounts for journals, the collector's own tables).
     *
     * @param value the tables (default: none)
     * @return this builder
     */
    public Builder<C, I> referenceTables(ReferenceTables value) {
      this.referenceTables = Objects.requireNonNull(value, "referenceTables");
      return this;
    }

    /**
     * Adjusts the engine builder last (lease and claim times, scheduler threads ...).
     *
     * @param value given the builder with every flow added, returns the builder to build
     * @return this builder
     */
    public Builder<C, I> engine(UnaryOperator<SyncEngine.Builder> value) {
      this.engineCustomizer = Objects.requireNonNull(value, "engine");
      return this;
    }

    /**
     * This node's id (give a restarted process its previous id to take its leases back at once).
     *
     * @param value the id, unique among the nodes sharing the store (default: a random one)
     * @return this builder
     */
    public Builder<C, I> nodeId(String value) {
      this.nodeId = Objects.requireNonNull(value, "nodeId");
      return this;
    }

    /**
     * How far back the collector's events backstop reads on its first run, before it has a cursor
     * (default: the collector's own). Later runs read on from their cursor.
     *
     * @param value how far back, positive
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is zero or negative
     */
    public Builder<C, I> backstopLookback(Duration value) {
      Objects.requireNonNull(value, "backstopLookback");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("backstopLookback must be positive, was " + value);
      }
      this.backstopLookback = value;
      return this;
    }

    /**
     * Maps and records every step but writes nothing to either system (default false).
     *
     * @param value true for a dry run
     * @return this builder
     */
    public Builder<C, I> dryRun(boolean value) {
      this.dryRun = value;
      return this;
    }

    /**
     * Adds the fee and payout flows, posting GL journals into the ledger (default false). Every
     * tenant's ledger must then take journals ({@link ReceivablesLedger#journals()}) and map its
     * accounts in reference table {@code gl-accounts}.
     *
     * @param value true to add the fee and payout flows
     * @return this builder
     */
    public Builder<C, I> journals(boolean value) {
      this.journals = value;
      return this;
    }

    /**
     * Seeds the engine's jitter and backoff (tests).
     *
     * @param value the seed; one seed gives one sequence of delays
     * @return this builder
     */
    public Builder<C, I> randomSeed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * The integration.
     *
     * @return a new integration; its engine is not started
     * @throws IllegalStateException when the store is missing
     */
    public ReceivablesIntegration build() {
      if (store == null) {
        throw new IllegalStateException("store is required");
      }
      return new ReceivablesIntegration(this);
    }

    private static int range(String name, int value, int min, int max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", was " + value);
      }
      return value;
    }
  }

  /** The ledger and collector system names, for messages. */
  @Override
  public String toString() {
    return "ReceivablesIntegration{" + pair() + ", flows " + flows + "}";
  }

}
