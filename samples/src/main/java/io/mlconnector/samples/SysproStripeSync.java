package io.mlconnector.samples;

import io.mlconnector.core.mapping.MapperRegistry;
import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.Dispute;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.sync.DependencyPolicy;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.RetryPolicy;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.SyncListener;
import io.mlconnector.core.sync.TenantScoped;
import io.mlconnector.core.sync.WebhookEndpoint;
import io.mlconnector.core.sync.ContentVersionedInvoices;
import io.mlconnector.samples.internal.EnrichingSource;
import io.mlconnector.samples.internal.InvoiceLinks;
import io.mlconnector.stripe.StripeCustomerRequest;
import io.mlconnector.stripe.StripeCustomerSink;
import io.mlconnector.stripe.StripeInvoiceRequest;
import io.mlconnector.stripe.StripeInvoiceSink;
import io.mlconnector.stripe.StripeSources;
import io.mlconnector.syspro.SysproRefs;
import io.mlconnector.syspro.SysproSync;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The SYSPRO &lt;-&gt; Stripe integration on one {@link SyncEngine}: five flows per tenant.
 *
 * <table>
 *   <caption>flows</caption>
 *   <tr><th>flow</th><th>from</th><th>to</th></tr>
 *   <tr><td>{@value #CUSTOMERS}</td><td>SYSPRO {@code ArCustomer} (OData, polled)</td><td>Stripe customers</td></tr>
 *   <tr><td>{@value #INVOICES}</td><td>SYSPRO AR invoices with lines (polled; a customer not yet in
 *       Stripe is synced on demand first)</td><td>Stripe invoices sent for collection</td></tr>
 *   <tr><td>{@value #PAYMENTS}</td><td>Stripe {@code invoice.paid}, {@code payment_intent.succeeded},
 *       {@code charge.succeeded} (webhook + events backstop)</td><td>ARSTPY payments</td></tr>
 *   <tr><td>{@value #REFUNDS}</td><td>Stripe refunds</td><td>ARSTPY adjustments</td></tr>
 *   <tr><td>{@value #DISPUTES}</td><td>Stripe disputes</td><td>ARSTPY adjustments (reversed when won)</td></tr>
 * </table>
 *
 * <pre>{@code
 * SysproStripeSync sync = SysproStripeSync.builder()
 *     .store(JdbcStateStore.embeddedH2(dataDir).build())
 *     .systems(tenant -> systemsOf(tenant))        // SYSPRO client, Stripe connector, webhook verifier
 *     .tenants(List.of("acme"))
 *     .build();
 * sync.engine().start();                          // or sync.runOnce("acme") from your scheduler
 * }</pre>
 */
public final class SysproStripeSync implements AutoCloseable {
  /** Flow: SYSPRO customers to Stripe. */
  public static final String CUSTOMERS = "syspro-customers";
  /** Flow: SYSPRO AR invoices to Stripe. */
  public static final String INVOICES = "syspro-invoices";
  /** Flow: Stripe payments to SYSPRO. */
  public static final String PAYMENTS = "stripe-payments";
  /** Flow: Stripe refunds to SYSPRO. */
  public static final String REFUNDS = "stripe-refunds";
  /** Flow: Stripe disputes to SYSPRO. */
  public static final String DISPUTES = "stripe-disputes";
  /** Every flow, in the order {@link #runOnce} runs them (references first). */
  public static final List<String> FLOWS = List.of(CUSTOMERS, INVOICES, PAYMENTS, REFUNDS, DISPUTES);
  /** The webhook flows a Stripe delivery is handed to. */
  public static final List<String> WEBHOOK_FLOWS = List.of(PAYMENTS, REFUNDS, DISPUTES);

  private final SyncEngine engine;
  private final StateStore store;
  private final Map<String, Tenant> tenants;

  private SysproStripeSync(Builder b) {
    this.store = b.store;
    this.tenants = b.tenantCache;
    MapperRegistry.Builder registry = MapperRegistry.builder().addFactory(SysproStripeMappers.factory(b.store));
    b.mapperCustomizer.accept(registry);
    // overrides registered through the customizer win over the factory (registry lookup order)
    TenantScoped<Tenant> t = tenant -> b.tenantCache.computeIfAbsent(tenant, x -> new Tenant(b.systems.forTenant(x)));
    RetryPolicy retry = b.retryPolicy;
    Flow<Customer, StripeCustomerRequest> customers =
        Flow.poll(CUSTOMERS, Customer.class, x -> t.forTenant(x).sync.customers(),
                StripeCustomerRequest.class, x -> t.forTenant(x).customerSink)
            .handles(SysproRefs.SYSTEM, SysproRefs.CUSTOMER)
            .parallelism(b.parallelism).pageSize(b.pageSize).readAhead(b.readAhead).schedule(b.interval, b.jitter)
            .retryPolicy(retry).build();
    Flow<Invoice, StripeInvoiceRequest> invoices =
        Flow.poll(INVOICES, Invoice.class, x -> new ContentVersionedInvoices(t.forTenant(x).sync.arInvoices()),
                StripeInvoiceRequest.class, x -> t.forTenant(x).invoiceSink)
            .handles(SysproRefs.SYSTEM, SysproRefs.AR_INVOICE)
            .dependencyPolicy(DependencyPolicy.SYNC_ON_DEMAND)
            .parallelism(b.parallelism).pageSize(b.pageSize).readAhead(b.readAhead).schedule(b.interval, b.jitter)
            .retryPolicy(retry).build();
    Flow<Payment, Payment> payments =
        Flow.webhook(PAYMENTS, Payment.class,
                x -> new EnrichingSource<>(StripeSources.payments(t.forTenant(x).systems.stripe()),
                    t.forTenant(x).links::payment, t.forTenant(x).systems.stripe(), b.backstopLookback),
                x -> t.forTenant(x).systems.webhooks(), Payment.class, x -> t.forTenant(x).sync.payments())
            .parallelism(b.inboundParallelism).schedule(b.interval, b.jitter).retryPolicy(retry).build();
    Flow<Refund, Refund> refunds =
        Flow.webhook(REFUNDS, Refund.class,
                x -> new EnrichingSource<>(StripeSources.refunds(t.forTenant(x).systems.stripe()),
                    t.forTenant(x).links::refund, t.forTenant(x).systems.stripe(), b.backstopLookback),
                x -> t.forTenant(x).systems.webhooks(), Refund.class, x -> t.forTenant(x).sync.refunds())
            .parallelism(b.inboundParallelism).schedule(b.interval, b.jitter).retryPolicy(retry).build();
    Flow<Dispute, Dispute> disputes =
        Flow.webhook(DISPUTES, Dispute.class,
                x -> new EnrichingSource<>(StripeSources.disputes(t.forTenant(x).systems.stripe()),
                    t.forTenant(x).links::dispute, t.forTenant(x).systems.stripe(), b.backstopLookback),
                x -> t.forTenant(x).systems.webhooks(), Dispute.class, x -> t.forTenant(x).sync.disputes())
            .parallelism(b.inboundParallelism).schedule(b.interval, b.jitter).retryPolicy(retry).build();
    SyncEngine.Builder eb =
        SyncEngine.builder().store(b.store).mappers(registry.build()).listener(b.listener)
            .addFlow(customers).addFlow(invoices).addFlow(payments).addFlow(refunds).addFlow(disputes)
            .tenants(b.tenantNames).pendingGracePeriod(b.pendingGrace);
    if (b.nodeId != null) {
      eb.nodeId(b.nodeId);
    }
    if (b.seed != null) {
      eb.randomSeed(b.seed);
    }
    this.engine = b.engineCustomizer.apply(eb).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The engine running the five flows (start it, or call {@link #runOnce}). */
  public SyncEngine engine() {
    return engine;
  }

  /** The state store. */
  public StateStore store() {
    return store;
  }

  /** The clients of {@code tenant} (created on first use). */
  public Systems systems(String tenant) {
    Tenant t = tenants.get(tenant);
    if (t == null) {
      throw new IllegalArgumentException("tenant " + tenant + " has not run yet; no clients were created");
    }
    return t.systems;
  }

  /** The endpoints a Stripe webhook delivery for this integration is handed to. */
  public List<WebhookEndpoint> webhookEndpoints() {
    List<WebhookEndpoint> out = new ArrayList<>();
    for (String flow : WEBHOOK_FLOWS) {
      out.add(engine.webhookEndpoint(flow));
    }
    return out;
  }

  /**
   * Runs every flow once for {@code tenant}, references first (customers, invoices, then payments,
   * refunds, disputes), and returns each flow's report.
   */
  public Map<String, RunReport> runOnce(String tenant) {
    Map<String, RunReport> out = new LinkedHashMap<>();
    for (String flow : FLOWS) {
      out.put(flow, engine.runOnce(tenant, flow));
    }
    return out;
  }

  /**
   * The Stripe invoice currently collecting a mapped ERP invoice: the mapping's target, or after a
   * void-and-re-issue the invoice its {@link StripeInvoiceSink#ATTR_INVOICE} attribute names.
   */
  public static String currentInvoice(io.mlconnector.core.state.Mapping mapping) {
    return mapping.attributes().getOrDefault(StripeInvoiceSink.ATTR_INVOICE, mapping.target().id());
  }

  /** Shuts the engine down (not the store, not the clients). */
  @Override
  public void close() {
    engine.close();
  }

  private static final class Tenant {
    final Systems systems;
    final SysproSync sync;
    final StripeCustomerSink customerSink;
    final StripeInvoiceSink invoiceSink;
    final InvoiceLinks links;

    Tenant(Systems systems) {
      this.systems = Objects.requireNonNull(systems, "systems");
      this.sync = SysproSync.builder(systems.syspro()).build();
      this.customerSink = new StripeCustomerSink(systems.stripe());
      this.invoiceSink = new StripeInvoiceSink(systems.stripe());
      this.links = new InvoiceLinks(systems.stripe());
    }
  }

  /** Builds a {@link SysproStripeSync}. */
  public static final class Builder {
    private StateStore store;
    private TenantScoped<Systems> systems;
    private final List<String> tenantNames = new ArrayList<>();
    private final Map<String, Tenant> tenantCache = new ConcurrentHashMap<>();
    private int parallelism = 8;
    private boolean readAhead = true;
    private int inboundParallelism = 4;
    private int pageSize = 100;
    private Duration interval = Duration.ofMinutes(1);
    private Duration jitter = Duration.ofSeconds(5);
    private Duration pendingGrace = Duration.ofMinutes(2);
    private RetryPolicy retryPolicy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(10), 12);
    private SyncListener listener = SyncListener.NONE;
    private Consumer<MapperRegistry.Builder> mapperCustomizer = r -> {};
    private UnaryOperator<SyncEngine.Builder> engineCustomizer = e -> e;
    private String nodeId;
    private Long seed;
    private Duration backstopLookback;

    private Builder() {}

    /** The state store (required). */
    public Builder store(StateStore value) {
      this.store = Objects.requireNonNull(value, "store");
      return this;
    }

    /** Creates each tenant's clients (required); asked once per tenant. */
    public Builder systems(TenantScoped<Systems> value) {
      this.systems = Objects.requireNonNull(value, "systems");
      return this;
    }

    /** The tenants served. */
    public Builder tenants(Collection<String> values) {
      Objects.requireNonNull(values, "tenants");
      tenantNames.addAll(values);
      return this;
    }

    /** Records written at once by the SYSPRO to Stripe flows, 1 to 256 (default 8). */
    public Builder parallelism(int value) {
      if (value < 1 || value > 256) {
        throw new IllegalArgumentException("parallelism must be 1 to 256, was " + value);
      }
      this.parallelism = value;
      return this;
    }

    /** Records written at once by the Stripe to SYSPRO flows, 1 to 256 (default 4). */
    public Builder inboundParallelism(int value) {
      if (value < 1 || value > 256) {
        throw new IllegalArgumentException("inboundParallelism must be 1 to 256, was " + value);
      }
      this.inboundParallelism = value;
      return this;
    }

    /**
     * Whether the SYSPRO to Stripe flows read their next page from SYSPRO while they write the
     * current one to Stripe (default true; see {@link Flow.Builder#readAhead(boolean)}).
     */
    public Builder readAhead(boolean value) {
      this.readAhead = value;
      return this;
    }

    /** Records per page read from SYSPRO, 1 to 10,000 (default 100). */
    public Builder pageSize(int value) {
      if (value < 1 || value > 10_000) {
        throw new IllegalArgumentException("pageSize must be 1 to 10000, was " + value);
      }
      this.pageSize = value;
      return this;
    }

    /** The poll interval and its jitter when the engine is started (default 1 minute, 5 s). */
    public Builder schedule(Duration interval, Duration jitter) {
      this.interval = Objects.requireNonNull(interval, "interval");
      this.jitter = Objects.requireNonNull(jitter, "jitter");
      return this;
    }

    /** How old a PENDING write must be before recovery looks it up by its stamp (default 2 min). */
    public Builder pendingGracePeriod(Duration value) {
      this.pendingGrace = Objects.requireNonNull(value, "pendingGracePeriod");
      return this;
    }

    /** Backoff and attempts of the retry queue (default 1 s doubling to 10 min, 12 attempts). */
    public Builder retryPolicy(RetryPolicy value) {
      this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
      return this;
    }

    /** Hooks for every engine step. */
    public Builder listener(SyncListener value) {
      this.listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    /**
     * Adjusts the mapper registry, e.g. {@code r -> r.override("acme", Customer.class,
     * StripeCustomerRequest.class, myMapper)}; overrides win over the pair's defaults.
     */
    public Builder mappers(Consumer<MapperRegistry.Builder> value) {
      this.mapperCustomizer = Objects.requireNonNull(value, "mappers");
      return this;
    }

    /** Adjusts the engine builder last (lease and claim times, scheduler threads ...). */
    public Builder engine(UnaryOperator<SyncEngine.Builder> value) {
      this.engineCustomizer = Objects.requireNonNull(value, "engine");
      return this;
    }

    /** This node's id (give a restarted process its previous id to take its leases back at once). */
    public Builder nodeId(String value) {
      this.nodeId = Objects.requireNonNull(value, "nodeId");
      return this;
    }

    /**
     * How far back the Stripe events backstop reads on its first run, before it has a cursor
     * (default: connector-stripe's {@link StripeSources#DEFAULT_LOOKBACK}, 3 days). Later runs
     * read on from their cursor.
     */
    public Builder backstopLookback(Duration value) {
      Objects.requireNonNull(value, "backstopLookback");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("backstopLookback must be positive, was " + value);
      }
      this.backstopLookback = value;
      return this;
    }

    /** Seeds the engine's jitter and backoff (tests). */
    public Builder randomSeed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * The integration.
     *
     * @throws IllegalStateException when the store or the systems are missing
     */
    public SysproStripeSync build() {
      if (store == null) {
        throw new IllegalStateException("store is required");
      }
      if (systems == null) {
        throw new IllegalStateException("systems is required");
      }
      return new SysproStripeSync(this);
    }
  }
}
