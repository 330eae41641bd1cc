package io.mlconnector.core.sync;

import io.mlconnector.core.mapping.MapperRegistry;
import io.mlconnector.core.mapping.ReferenceTables;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.Page;
import io.mlconnector.core.state.PurgeResult;
import io.mlconnector.core.state.RetryItem;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.sync.internal.EngineCore;
import io.mlconnector.core.sync.internal.SafeListener;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps targets in sync with sources, for many tenants, with an exactly-once effect.
 *
 * <pre>{@code
 * SyncEngine engine = SyncEngine.builder()
 *     .store(store)
 *     .addFlow(Flow.poll("customers", Customer.class, t -> erp(t).customers(),
 *                        StripeCustomer.class, t -> stripe(t).customerSink()).build())
 *     .tenants(List.of("acme"))
 *     .build();
 * engine.start();                        // or engine.runOnce("acme", "customers") from your scheduler
 * }</pre>
 *
 * <p>Every record goes through one write path: a deterministic operation key (tenant, flow, source
 * ref, source version); a key already DONE is skipped; a known mapping means update; otherwise a
 * PENDING intent is recorded before the sink is called with the key as idempotency key and the
 * source ref stamped on the target; mapping, DONE and audit then commit together. An intent left
 * open by a crash or a lost response is resolved through {@link Sink#findByStamp}: adopted if it
 * landed, written again if not. Transient failures go to the retry queue with exponential backoff;
 * permanent ones are parked with their reason and can be replayed.
 *
 * <p>Each (tenant, flow) runs under a lease in the store, renewed while it runs, so several
 * engines (nodes) can share one store; a run that loses its lease stops before its next
 * checkpoint. Immutable configuration; thread-safe.
 */
public final class SyncEngine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);

  private final EngineCore core;
  private final StateStore store;
  private final Map<String, Flow<?, ?>> flows;
  private final Set<String> tenants = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService scheduler;
  private final ExecutorService workers;
  /** Scheduled runs executing now: at most maxConcurrentRuns; those due beyond wait in dueRuns. */
  private final java.util.concurrent.Semaphore runSlots;
  private final java.util.Queue<Runnable> dueRuns = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final ScheduledExecutorService leaseKeeper;
  private final Random random;
  private final String nodeId;
  private final Clock clock;
  private final Duration retention;
  private final Duration purgeInterval;
  private final Object lifecycle = new Object();
  private volatile boolean started;
  private volatile boolean shutdown;

  private SyncEngine(Builder b) {
    this.store = b.store;
    this.nodeId = b.nodeId;
    this.clock = b.clock;
    this.retention = b.retention;
    this.purgeInterval = b.purgeInterval;
    this.flows = Map.copyOf(b.flows);
    this.random = b.seed == null ? new Random() : new Random(b.seed);
    String prefix = "mlc-" + b.nodeId;
    this.workers = Executors.newCachedThreadPool(threads(prefix + "-worker"));
    this.runSlots = new java.util.concurrent.Semaphore(b.maxConcurrentRuns);
    this.leaseKeeper = Executors.newSingleThreadScheduledExecutor(threads(prefix + "-lease"));
    ScheduledThreadPoolExecutor runs = new ScheduledThreadPoolExecutor(b.schedulerThreads, threads(prefix + "-run"));
    // shutdown drops the runs scheduled for later instead of waiting for them to come due
    runs.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    runs.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    runs.setRemoveOnCancelPolicy(true);
    this.scheduler = runs;
    this.core =
        new EngineCore(
            b.store,
            b.nodeId,
            b.clock,
            new SafeListener(b.listener),
            b.mappers,
            b.referenceTables,
            b.leaseTtl,
            b.pendingGrace,
            b.claimTtl,
            flows,
            workers,
            leaseKeeper,
            random);
    tenants.addAll(b.tenants);
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return this engine's node id (the lease and claim owner)} */
  public String nodeId() {
    return nodeId;
  }

  /** {@return the registered flows, by name} */
  public Map<String, Flow<?, ?>> flows() {
    return flows;
  }

  /** {@return the tenants this engine serves} */
  public Set<String> tenants() {
    return Set.copyOf(tenants);
  }

  /**
   * Starts serving {@code tenant}: the scheduler (when started) runs every flow for it, and its
   * webhooks are accepted.
   *
   * @param tenant the tenant id; adding it again does nothing
   */
  public void addTenant(String tenant) {
    requireText(tenant, "tenant");
    if (tenants.add(tenant) && started && !shutdown) {
      int pairs = tenants.size() * flows.size();
      for (Flow<?, ?> flow : flows.values()) {
        scheduleNext(tenant, flow, firstDelay(flow, pairs));
      }
    }
  }

  /**
   * Stops serving {@code tenant}; its runs in progress finish, no new ones start.
   *
   * @param tenant the tenant id
   */
  public void removeTenant(String tenant) {
    requireText(tenant, "tenant");
    tenants.remove(tenant);
    core.forgetTenant(tenant);
  }

  /**
   * Runs one flow for one tenant now, on the calling thread (records are written on the engine's
   * worker threads): recovery of open intents, due retries, then the flow's input. Returns {@link
   * RunReport.Status#LEASE_UNAVAILABLE} at once when another node is running it.
   *
   * @param tenant a tenant this engine serves
   * @param flow the flow name
   * @return what the run read, wrote, deferred, failed and parked
   * @throws IllegalArgumentException when the tenant or the flow is unknown
   * @throws IllegalStateException after {@link #shutdown}
   */
  public RunReport runOnce(String tenant, String flow) {
    requireText(tenant, "tenant");
    Flow<?, ?> definition = flow(flow);
    if (!tenants.contains(tenant)) {
      throw new IllegalArgumentException("unknown tenant " + tenant + "; addTenant it first");
    }
    if (shutdown) {
      throw new IllegalStateException("engine is shut down");
    }
    return core.run(tenant, definition);
  }

  /**
   * The endpoint that receives the webhooks of {@code flow} (a webhook flow).
   *
   * @param flow the name of a webhook flow
   * @return the flow's endpoint
   * @throws IllegalArgumentException when {@code flow} is not a webhook flow
   */
  public WebhookEndpoint webhookEndpoint(String flow) {
    Flow<?, ?> definition = flow(flow);
    if (definition.kind() != Flow.Kind.WEBHOOK) {
      throw new IllegalArgumentException("flow " + flow + " is not a webhook flow");
    }
    return new WebhookEndpoint(core, definition, tenants::contains);
  }

  /**
   * The intake of every webhook flow fed by {@code system} (the {@link WebhookSource#system} of
   * their sources, {@code stripe} say): one URL per tenant for all of them. Each delivery is
   * verified once, stored once for each flow whose source handles its type, in a group commit with
   * the deliveries that arrive with it, and answered after that commit is durable.
   *
   * @param system the sending system, lower case
   * @return the intake of that system's webhook flows
   * @throws IllegalArgumentException when the engine has no webhook flow
   */
  public WebhookIntake webhookIntake(String system) {
    requireText(system, "system");
    List<Flow<?, ?>> fed = new java.util.ArrayList<>();
    for (Flow<?, ?> f : flows.values()) {
      if (f.kind() == Flow.Kind.WEBHOOK) {
        fed.add(f); // the tenant's source says its system: the intake keeps those of this one
      }
    }
    if (fed.isEmpty()) {
      throw new IllegalArgumentException("the engine has no webhook flow");
    }
    fed.sort(java.util.Comparator.comparing(Flow::name));
    return new WebhookIntake(core, system, fed, tenants::contains);
  }

  /**
   * Dead letters (parked records) matching the filter, oldest first.
   *
   * @param query which dead letters, and which page of them
   * @return one page of matching dead letters; empty when none match
   */
  public Page<RetryItem> deadLetters(DeadLetterQuery query) {
    return store.deadLetters(Objects.requireNonNull(query, "query"));
  }

  /**
   * Replays every parked record matching the filter: each is tried again on its flow's next run.
   * Returns how many were replayed.
   *
   * @param query the filter of the dead letters to replay
   * @return how many were replayed
   */
  public int replay(DeadLetterQuery query) {
    int count = store.replay(Objects.requireNonNull(query, "query"));
    log.info("replayed {} dead letters of tenant {}", count, query.tenant());
    return count;
  }

  /**
   * Replays exactly one parked record (as listed by {@link #deadLetters}): it is tried again on its
   * flow's next run. Returns 1, or 0 when the item is no longer a dead letter (already replayed).
   *
   * @param deadLetter the item as {@link #deadLetters} listed it
   * @return 1, or 0 when it is no longer a dead letter
   */
  public int replay(RetryItem deadLetter) {
    Objects.requireNonNull(deadLetter, "deadLetter");
    if (!deadLetter.dead()) {
      throw new IllegalArgumentException("item " + deadLetter.id() + " is not a dead letter");
    }
    return replay(DeadLetterQuery.item(deadLetter.tenant(), deadLetter.id()));
  }

  /**
   * Compares each of {@code sources} (re-fetched, mapped as the flow would map it now) with its
   * mapped target as the sink reads it, with the flow's {@link RecordComparator}.
   *
   * @param tenant a tenant this engine serves
   * @param flow the flow name
   * @param sources the refs of the source records to compare
   * @return the entries, in the order checked
   */
  public ReconciliationReport reconcile(String tenant, String flow, Collection<ExternalRef> sources) {
    requireText(tenant, "tenant");
    Objects.requireNonNull(sources, "sources");
    return core.reconcile(tenant, flow(flow), List.copyOf(sources));
  }

  /**
   * Like {@link #reconcile(String, String, Collection)} over every record of a poll flow's source.
   *
   * @param tenant a tenant this engine serves
   * @param flow the name of a poll flow
   * @return the entries, in the order checked
   */
  public ReconciliationReport reconcile(String tenant, String flow) {
    requireText(tenant, "tenant");
    return core.reconcileAll(tenant, flow(flow));
  }

  /**
   * Applies the retention set with {@link Builder#retention(Duration)} now: deletes, across all
   * tenants, DONE operations, audit entries and finished inbox events older than it (see {@link
   * StateStore#purge}; PENDING intents and mappings are never removed). The scheduler of a started
   * engine does this every {@link Builder#purgeInterval(Duration)}; hosts that drive the engine
   * with {@link #runOnce} call this from their own scheduler.
   *
   * @return how many operations, audit entries and inbox events were deleted
   * @throws IllegalStateException when no retention is configured
   */
  public PurgeResult purgeExpired() {
    if (retention == null) {
      throw new IllegalStateException("no retention configured; set SyncEngine.Builder.retention");
    }
    PurgeResult result = store.purge(clock.instant().minus(retention));
    log.info("retention purge (older than {}): {}", retention, result);
    return result;
  }

  /**
   * Runs every (tenant, flow) on the engine's scheduler: each on its flow's interval plus a random
   * jitter; the first run after a random part of a window of 20 ms per (tenant, flow) pair the
   * engine serves, at most the flow's interval, whatever the jitter: a tenant with five flows
   * starts within 100 ms of {@code start()} (after a restart, what waited in its inbox is posted
   * at once), while 1,000 tenants with five flows start spread over a minute instead of all at
   * once. Nodes started together do not hit a remote together: each (tenant, flow) runs under its
   * lease on one node only. A tenant {@linkplain #addTenant added} later starts the same way; and,
   * when a retention is configured, the purge runs every {@link Builder#purgeInterval(Duration)}.
   * Idempotent.
   */
  public void start() {
    synchronized (lifecycle) {
      if (shutdown) {
        throw new IllegalStateException("engine is shut down");
      }
      if (started) {
        return;
      }
      started = true;
      int pairs = tenants.size() * flows.size();
      for (String tenant : tenants) {
        for (Flow<?, ?> flow : flows.values()) {
          scheduleNext(tenant, flow, firstDelay(flow, pairs));
        }
      }
      if (retention != null) {
        long every = purgeInterval.toMillis();
        scheduler.scheduleWithFixedDelay(
            () -> {
              try {
                purgeExpired();
              } catch (RuntimeException e) {
                log.warn("retention purge failed; tried again in {}", purgeInterval, e);
              }
            },
            every,
            every,
            TimeUnit.MILLISECONDS);
      }
    }
  }

  private void scheduleNext(String tenant, Flow<?, ?> flow, long delayMillis) {
    if (shutdown) {
      return;
    }
    try {
      // the scheduler's threads only start runs; each run executes on a pool that grows with the
      // runs due up to maxConcurrentRuns, so how many tenants run at once is bounded by their
      // budgets and the CPU, not by the scheduler's thread count; runs due beyond the cap (a store
      // or a machine that cannot keep up) wait in a queue instead of holding a thread each
      scheduler.schedule(
          () -> {
            if (shutdown || !tenants.contains(tenant)) {
              return;
            }
            dueRuns.add(() -> {
              try {
                if (!shutdown && tenants.contains(tenant)) {
                  core.run(tenant, flow, true);
                }
              } catch (RuntimeException e) {
                log.error("run of {} for tenant {} failed", flow.name(), tenant, e);
              } finally {
                scheduleNext(tenant, flow, nextDelay(flow));
              }
            });
            startDueRuns();
          },
          delayMillis,
          TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      log.debug("scheduler stopped; {} for tenant {} not rescheduled", flow.name(), tenant);
    }
  }

  /**
   * Starts the runs that came due on the worker pool (which reuses idle threads), as many as there
   * are free slots; each run frees its slot and starts the next one due when it ends.
   */
  private void startDueRuns() {
    while (!dueRuns.isEmpty() && runSlots.tryAcquire()) {
      Runnable due = dueRuns.poll();
      if (due == null) {
        runSlots.release();
        continue;
      }
      try {
        workers.execute(() -> {
          try {
            due.run();
          } finally {
            runSlots.release();
            startDueRuns();
          }
        });
      } catch (java.util.concurrent.RejectedExecutionException e) {
        runSlots.release();
        dueRuns.clear();
        log.debug("workers stopped; the runs due are not run");
        return;
      }
    }
  }

  /**
   * Spacing of the first runs after {@link #start()}: the runs of many tenants then start spread
   * out, not all at once (each run's store work and reads at once would queue behind one another
   * and hold a thread each), and those of a few tenants start at once.
   */
  static final long START_SPACING_MILLIS = 20;

  /**
   * The window the first run of a flow starts in, when the engine serves {@code pairs} (tenant,
   * flow) pairs: 20 ms per pair, at most the flow's interval. Not the jitter: the jitter spreads
   * the later runs (nodes that started together drift apart); the first run after a restart
   * should post what waited at once, and the leases already keep two nodes from running one
   * (tenant, flow) together.
   */
  static long firstRunWindowMillis(Flow<?, ?> flow, int pairs) {
    return Math.min(flow.interval().toMillis(), START_SPACING_MILLIS * Math.max(1, pairs));
  }

  /** The delay of the first run of {@code flow} for one tenant: a random part of its window. */
  long firstDelay(Flow<?, ?> flow, int pairs) {
    return randomUpTo(firstRunWindowMillis(flow, pairs));
  }

  /** The delay of a run after the previous one ended: the flow's interval plus a random jitter. */
  long nextDelay(Flow<?, ?> flow) {
    return flow.interval().toMillis() + randomUpTo(flow.jitter().toMillis());
  }

  private long randomUpTo(long bound) {
    synchronized (random) {
      return bound <= 0 ? 0 : random.nextLong(bound + 1);
    }
  }

  /**
   * Stops gracefully: no new run starts; runs in progress finish the records in flight, give back
   * their unprocessed inbox and retry claims (another node takes them at once) and release their
   * leases (checkpoints only ever cover durable pages). Waits up to {@code timeout}, then interrupts what is left. Returns true when everything
   * stopped in time.
   *
   * @param timeout how long to wait for runs in progress
   * @return true when everything stopped in time
   */
  public boolean shutdown(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    synchronized (lifecycle) {
      // runs see the stop before isShutdown() turns true
      core.stop();
      shutdown = true;
    }
    scheduler.shutdown();
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean clean = true;
    try {
      clean &= scheduler.awaitTermination(remaining(deadline), TimeUnit.NANOSECONDS);
      while (core.busy() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      clean &= !core.busy();
      dueRuns.clear();
      workers.shutdown();
      clean &= workers.awaitTermination(remaining(deadline), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      clean = false;
    }
    if (!clean) {
      log.warn("engine did not stop within {}; interrupting what is left", timeout);
      scheduler.shutdownNow();
      workers.shutdownNow();
    }
    leaseKeeper.shutdownNow();
    core.closeIntake();
    return clean;
  }

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  /**
   * True once {@link #shutdown} was called.
   *
   * @return true after {@link #shutdown}
   */
  public boolean isShutdown() {
    return shutdown;
  }

  /** {@link #shutdown} with a 30 second timeout. Does not close the store. */
  @Override
  public void close() {
    shutdown(Duration.ofSeconds(30));
  }

  private Flow<?, ?> flow(String name) {
    requireText(name, "flow");
    Flow<?, ?> flow = flows.get(name);
    if (flow == null) {
      throw new IllegalArgumentException("unknown flow " + name + "; known: " + flows.keySet());
    }
    return flow;
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Builds a {@link SyncEngine}. */
  public static final class Builder {
    private StateStore store;
    private String nodeId = UUID.randomUUID().toString().substring(0, 8);
    private Clock clock = Clock.systemUTC();
    private SyncListener listener = SyncListener.NONE;
    private MapperRegistry mappers = MapperRegistry.builder().build();
    private ReferenceTables referenceTables = ReferenceTables.empty();
    private Duration leaseTtl = Duration.ofSeconds(30);
    private Duration pendingGrace = Duration.ofMinutes(2);
    private Duration claimTtl = Duration.ofMinutes(5);
    private int schedulerThreads = 2;
    private int maxConcurrentRuns = 256;
    private Duration retention;
    private Duration purgeInterval = Duration.ofHours(6);
    private Long seed;
    private final Map<String, Flow<?, ?>> flows = new LinkedHashMap<>();
    private final List<String> tenants = new ArrayList<>();

    private Builder() {}

    /**
     * The state store (required). The engine never closes it.
     *
     * @param value the store shared by every node of the deployment
     * @return this builder
     * @throws IllegalArgumentException when the store does not implement {@link
     *     io.mlconnector.core.state.spi.StateStoreSpi} (every store of this library does)
     */
    public Builder store(StateStore value) {
      this.store = io.mlconnector.core.state.spi.StateStoreSpi.of(value);
      return this;
    }

    /**
     * This node's id: the owner of its leases and claims (default: random). Give a restarted
     * process its previous id to take its leases back at once instead of after they lapse.
     *
     * @param value this node's id, unique among the nodes sharing the store
     * @return this builder
     */
    public Builder nodeId(String value) {
      requireText(value, "nodeId");
      this.nodeId = value;
      return this;
    }

    /**
     * The clock for audit times, backoff and grace periods (default UTC system clock).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Hooks for every step (default none).
     *
     * @param value the listener; called on the engine's threads
     * @return this builder
     */
    public Builder listener(SyncListener value) {
      this.listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    /**
     * The mappers of flows that do not set their own (default empty).
     *
     * @param value the registry
     * @return this builder
     */
    public Builder mappers(MapperRegistry value) {
      this.mappers = Objects.requireNonNull(value, "mappers");
      return this;
    }

    /**
     * The per-tenant reference tables mappers read (default empty).
     *
     * @param value the tables
     * @return this builder
     */
    public Builder referenceTables(ReferenceTables value) {
      this.referenceTables = Objects.requireNonNull(value, "referenceTables");
      return this;
    }

    /**
     * How long a (tenant, flow) lease lasts unless renewed (default 30 s; renewed every third).
     *
     * @param value the lease lifetime
     * @return this builder
     */
    public Builder leaseTtl(Duration value) {
      this.leaseTtl = positive(value, "leaseTtl");
      return this;
    }

    /**
     * How old a PENDING intent must be before recovery resolves it through find-by-stamp (default
     * 2 minutes). Keep it above the sinks' longest call, so an intent still in flight on a node
     * that lost its lease is not resolved under it.
     *
     * @param value the minimum age, not negative
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder pendingGracePeriod(Duration value) {
      Objects.requireNonNull(value, "pendingGracePeriod");
      if (value.isNegative()) {
        throw new IllegalArgumentException("pendingGracePeriod must not be negative, was " + value);
      }
      this.pendingGrace = value;
      return this;
    }

    /**
     * How long an inbox or retry claim lasts before another node may take it (default 5 min).
     *
     * @param value the claim lifetime
     * @return this builder
     */
    public Builder claimTtl(Duration value) {
      this.claimTtl = positive(value, "claimTtl");
      return this;
    }

    /**
     * Threads that start scheduled runs when they come due (default 2). The runs themselves
     * execute on the engine's worker pool, which grows with the runs due: many tenants' runs
     * proceed at once, each held only by its own budgets.
     *
     * @param value the thread count, at least 1
     * @return this builder
     * @throws IllegalArgumentException when less than 1
     */
    public Builder schedulerThreads(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("schedulerThreads must be at least 1, was " + value);
      }
      this.schedulerThreads = value;
      return this;
    }

    /**
     * Scheduled runs that may execute at once (default 256), each on its own thread; runs that come
     * due beyond that wait in a queue, in order, and hold no thread. Keep it above the number of
     * tenants' flows that have work at the same time (a run waiting on its tenant's rate budget
     * holds its slot): the cap is for a store or a machine that falls behind, where more threads
     * would only queue on the store's connections.
     *
     * @param value the most scheduled runs at once, at least 1
     * @return this builder
     */
    public Builder maxConcurrentRuns(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxConcurrentRuns must be at least 1, was " + value);
      }
      this.maxConcurrentRuns = value;
      return this;
    }

    /**
     * How long DONE operations, audit entries and finished inbox events are kept (default: for
     * ever). A started engine purges older ones every {@link #purgeInterval(Duration)}; see {@link
     * SyncEngine#purgeExpired()}. Keep it longer than any sender's webhook redelivery window
     * (Stripe: three days) and than the audit history you must be able to show.
     *
     * @param maxAge the age after which finished state is deleted
     * @return this builder
     */
    public Builder retention(Duration maxAge) {
      this.retention = positive(maxAge, "retention");
      return this;
    }

    /**
     * How often a started engine applies the {@link #retention(Duration)} (default 6 hours).
     *
     * @param value the time between purges
     * @return this builder
     */
    public Builder purgeInterval(Duration value) {
      this.purgeInterval = positive(value, "purgeInterval");
      return this;
    }

    /**
     * Seeds the random source of jitter and backoff (tests).
     *
     * @param value the seed
     * @return this builder
     */
    public Builder randomSeed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * Registers a flow; names must be unique.
     *
     * @param flow the flow
     * @return this builder
     * @throws IllegalArgumentException when a flow of the same name is registered
     */
    public Builder addFlow(Flow<?, ?> flow) {
      Objects.requireNonNull(flow, "flow");
      if (flows.putIfAbsent(flow.name(), flow) != null) {
        throw new IllegalArgumentException("flow " + flow.name() + " is registered twice");
      }
      return this;
    }

    /**
     * The tenants served from the start (more with {@link SyncEngine#addTenant}).
     *
     * @param values the tenant ids
     * @return this builder
     */
    public Builder tenants(Collection<String> values) {
      Objects.requireNonNull(values, "tenants");
      for (String tenant : values) {
        requireText(tenant, "tenant");
        tenants.add(tenant);
      }
      return this;
    }

    /**
     * The engine.
     *
     * @return the engine, not started
     * @throws IllegalStateException when no store or no flow is set
     */
    public SyncEngine build() {
      if (store == null) {
        throw new IllegalStateException("store is required");
      }
      if (flows.isEmpty()) {
        throw new IllegalStateException("at least one flow is required");
      }
      return new SyncEngine(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }
  }
}
