package io.mlconnector.benchmarks;

import io.mlconnector.core.model.CanonicalRecord;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.state.InboxEvent;
import io.mlconnector.core.state.JdbcStateStore;
import io.mlconnector.core.state.Operation;
import io.mlconnector.core.state.OperationStatus;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.state.spi.StateStoreSpi;
import io.mlconnector.core.sync.ChangeDetection;
import io.mlconnector.core.sync.Checkpoint;
import io.mlconnector.core.sync.EventPage;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.WebhookEvent;
import io.mlconnector.core.sync.WebhookSource;
import io.mlconnector.core.sync.WebhookVerificationException;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The engine at scale, with the remote systems as in-process stubs that only sleep (latency) and
 * pace (a request budget per tenant, a token bucket without burst): every CPU cycle the process
 * spends is the engine's and its store's, so process CPU is the engine's own CPU. Each tenant has the
 * five flows of a receivables pair: {@code customers} and {@code invoices} polled from the ERP,
 * invoices written to the collector; {@code payments}, {@code refunds} and {@code disputes} webhook
 * flows fed by the collector's event list (the backstop: no webhook is delivered) and written to
 * the ERP. One collector request per event page, per object fetched and {@code calls} per invoice
 * written; one ERP request per page read and per payment written.
 *
 * <p>Modes ({@code mode=tenants,backstop,idle,recovery,busyShutdown}, all by default):
 * <ul>
 *   <li>{@code tenants}: {@code tenants} tenants with {@code invoices} new invoices each, the engine
 *       started on its scheduler; aggregate invoices/s against the sum of the tenants' budgets
 *       ({@code tenants x budget / calls}), and process CPU per invoice.
 *   <li>{@code backstop}: then {@code invoices} payment events per tenant appear in the collector's
 *       event list (no webhook); the scheduled backstop reads them, fetches each payment and writes
 *       it to the ERP: payments/s and process CPU per payment.
 *   <li>{@code idle}: {@code idleTenants} tenants, nothing new, a schedule of {@code idleIntervalSec}
 *       (default one minute): process CPU in %
 *       of one core over {@code idleMinutes} after a first pass, remote requests per pass, threads,
 *       heap; then how long {@code shutdown} of that idle engine takes.
 *   <li>{@code recovery}: a store with {@code waiting} inbox events (80% of types no flow handles,
 *       left from before) and an engine started on it: the time from {@code start()} to the first
 *       record written, with the flows' default jitter and with none.
 *   <li>{@code busyShutdown}: {@code shutdown} in the middle of the {@code tenants} workload: how long
 *       it takes and, for every write the collector received, the operation's state (DONE or
 *       PENDING; never missing).
 * </ul>
 *
 * <p>Arguments (all optional): {@code mode=... tenants=100 invoices=20 budget=25 calls=3
 * latencyMs=50 parallelism=4 idleTenants=1000 idleMinutes=3 waiting=5000 store=h2|memory
 * warmup=0}: {@code warmup} runs the {@code tenants} (and {@code backstop}) workload that many
 * times first on worlds of their own, reported as warmup rows, so that the measured pass does not
 * include the JIT compiling the code it runs.
 */
public final class EngineScaleBenchmark {
  private EngineScaleBenchmark() {}

  static final String ERP = "erp";
  static final String COLLECTOR = "collector";
  static final String PAYMENT = "payment.succeeded";
  static final String REFUND = "refund.created";
  static final String DISPUTE = "dispute.created";

  /** Runs the harness; see the class comment for arguments. */
  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("mode", "tenants,backstop,idle,recovery,busyShutdown");
    o.put("tenants", "100");
    o.put("invoices", "20");
    o.put("budget", "25");
    o.put("calls", "3");
    o.put("latencyMs", "50");
    o.put("parallelism", "4");
    o.put("idleTenants", "1000");
    o.put("idleMinutes", "3");
    o.put("idleIntervalSec", "60");
    o.put("waiting", "5000");
    o.put("store", "h2");
    o.put("warmup", "0");
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 1 || !o.containsKey(arg.substring(0, eq))) {
        throw new IllegalArgumentException("unknown argument '" + arg + "'; known: " + o.keySet());
      }
      o.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    Settings s = new Settings(Integer.parseInt(o.get("tenants")), Integer.parseInt(o.get("invoices")),
        Double.parseDouble(o.get("budget")), Integer.parseInt(o.get("calls")),
        Long.parseLong(o.get("latencyMs")), Integer.parseInt(o.get("parallelism")), o.get("store"));
    Set<String> modes = Set.of(o.get("mode").split(","));
    BenchmarkReport.title(String.format(Locale.ROOT,
        "Engine at scale: %s store, remote latency %d ms, collector budget %.0f req/s per tenant, %d calls per invoice, parallelism %d",
        s.store, s.latencyMs, s.budget, s.calls, s.parallelism));
    if (modes.contains("tenants") || modes.contains("backstop")) {
      // warmup passes: the same workload on a world (and store) of their own, reported apart, so
      // that the measured pass does not also pay for the JIT compiling the engine's and store's code
      for (int i = Integer.parseInt(o.get("warmup")); i > 0; i--) {
        tenants(s, modes.contains("backstop"), "warmup ");
      }
      tenants(s, modes.contains("backstop"), "");
    }
    if (modes.contains("busyShutdown")) {
      busyShutdown(s);
    }
    if (modes.contains("recovery")) {
      recovery(s, Integer.parseInt(o.get("waiting")));
    }
    if (modes.contains("idle")) {
      idle(s, Integer.parseInt(o.get("idleTenants")), Integer.parseInt(o.get("idleMinutes")),
          Duration.ofSeconds(Long.parseLong(o.get("idleIntervalSec"))));
    }
  }

  record Settings(int tenants, int invoices, double budget, int calls, long latencyMs, int parallelism, String store) {}

  // ------------------------------------------------------------------ modes

  /** The world of the {@code tenants} and {@code busyShutdown} modes: every tenant with its invoices. */
  static World withInvoices(Settings s) throws Exception {
    World w = new World(s, s.tenants, Duration.ofSeconds(5), Duration.ofMillis(500));
    for (Account a : w.accounts.values()) {
      a.seedInvoices(s.invoices);
    }
    return w;
  }

  static void tenants(Settings s, boolean backstop, String label) throws Exception {
    try (World w = withInvoices(s)) {
      long total = (long) s.tenants * s.invoices;
      double sumOfBounds = s.tenants * s.budget / s.calls;
      long cpu0 = cpuNanos();
      long t0 = System.nanoTime();
      w.engine.start();
      w.awaitInvoices(total, Duration.ofMinutes(30));
      double elapsed = (System.nanoTime() - t0) / 1e9;
      double cpuMs = (cpuNanos() - cpu0) / 1e6;
      double rate = total / elapsed;
      BenchmarkReport.row(String.format(Locale.ROOT, "%stenants: %d x %d invoices", label, s.tenants, s.invoices),
          "%.1f invoices/s in %.1f s = %.1f%% of the sum of the tenants' bounds (%.1f/s); "
              + "CPU %.2f ms per invoice; %d threads at the end, load %.1f",
          rate, elapsed, 100 * rate / sumOfBounds, sumOfBounds, cpuMs / total, threads(), load());
      if (!backstop) {
        return;
      }
      for (Account a : w.accounts.values()) {
        a.seedPayments(s.invoices);
      }
      cpu0 = cpuNanos();
      t0 = System.nanoTime();
      w.awaitPayments(total, Duration.ofMinutes(30));
      elapsed = (System.nanoTime() - t0) / 1e9;
      cpuMs = (cpuNanos() - cpu0) / 1e6;
      BenchmarkReport.row(String.format(Locale.ROOT, "%sbackstop: %d x %d payment events", label, s.tenants, s.invoices),
          "%.1f payments/s in %.1f s (schedule every 5 s); CPU %.2f ms per payment; "
              + "%d event reads, %d fetches; load %.1f",
          total / elapsed, elapsed, cpuMs / total, w.eventReads.get(), w.fetches.get(), load());
    }
  }

  static void busyShutdown(Settings s) throws Exception {
    try (World w = withInvoices(s)) {
      long total = (long) s.tenants * s.invoices;
      w.engine.start();
      w.awaitInvoices(total / 2, Duration.ofMinutes(30));
      long t0 = System.nanoTime();
      boolean clean = w.engine.shutdown(Duration.ofSeconds(30));
      double took = (System.nanoTime() - t0) / 1e9;
      Map<String, Integer> states = new java.util.TreeMap<>();
      for (Account a : w.accounts.values()) {
        for (String key : a.writtenKeys) {
          String state = w.store.operation(a.tenant, key).map(Operation::status).map(OperationStatus::name)
              .orElse("MISSING");
          states.merge(state, 1, Integer::sum);
        }
      }
      BenchmarkReport.row("busy shutdown after half the invoices",
          "returned %s in %.2f s; %d invoice writes received by the collector, their operations: %s",
          clean ? "clean" : "NOT clean", took, w.invoicesWritten.get(), states);
      if (states.containsKey("MISSING")) {
        throw new IllegalStateException("a write the collector received has no operation: " + states);
      }
    }
  }

  static void recovery(Settings s, int waiting) throws Exception {
    for (Duration jitter : List.of(Duration.ofSeconds(6), Duration.ZERO)) {
      Path dir = Files.createTempDirectory("mlc-recovery");
      try {
        // the inbox a stopped process left: mostly events no flow acts on, some payments
        try (World before = new World(s, 1, dir, Duration.ofMinutes(1), jitter)) {
          StateStoreSpi spi = StateStoreSpi.of(before.store);
          Account a = before.accounts.values().iterator().next();
          List<InboxEvent> rows = new ArrayList<>();
          Instant now = Instant.now();
          String[] flows = {"payments", "refunds", "disputes"};
          for (int i = 0; i < waiting; i++) {
            boolean handled = i % 5 == 0;
            String flow = handled ? "payments" : flows[i % 3];
            String type = handled ? PAYMENT : "customer.updated";
            String object = "pay-" + i;
            if (handled) {
              a.objects.put(object, new Rec(ExternalRef.of(COLLECTOR, a.tenant, "payment", object), 1, object));
            }
            rows.add(InboxEvent.received(a.tenant, COLLECTOR + "/" + flow, "evt_w" + i, type, object, now));
            if (rows.size() == 500) {
              spi.receiveAll(rows);
              rows.clear();
            }
          }
          if (!rows.isEmpty()) {
            spi.receiveAll(rows);
          }
        }
        try (World after = new World(s, 1, dir, Duration.ofMinutes(1), jitter)) {
          // the objects of the waiting payments, in the new process's collector
          Account a = after.accounts.values().iterator().next();
          for (int i = 0; i < waiting; i += 5) {
            a.objects.put("pay-" + i, new Rec(ExternalRef.of(COLLECTOR, a.tenant, "payment", "pay-" + i), 1, "pay-" + i));
          }
          long t0 = System.nanoTime();
          after.engine.start();
          after.awaitPayments(1, Duration.ofMinutes(5));
          double first = (System.nanoTime() - t0) / 1e9;
          after.awaitPayments(waiting / 5, Duration.ofMinutes(30));
          double all = (System.nanoTime() - t0) / 1e9;
          BenchmarkReport.row(String.format(Locale.ROOT, "recovery: %d waiting (%d handled), jitter %d s",
                  waiting, waiting / 5, jitter.toSeconds()),
              "first payment written %.2f s after start(), all %d in %.1f s; load %.1f",
              first, waiting / 5, all, load());
        }
      } finally {
        delete(dir);
      }
    }
  }

  static void idle(Settings s, int tenants, int minutes, Duration interval) throws Exception {
    try (World w = new World(s, tenants, interval, interval.dividedBy(10))) {
      w.engine.start();
      // the first pass: every run acquires its lease the first time, creates cursors
      Thread.sleep(interval.toMillis() + 10_000);
      long requests0 = w.requests.get();
      long reads0 = w.eventReads.get();
      long polls0 = w.pollReads.get();
      long cpu0 = cpuNanos();
      long t0 = System.nanoTime();
      Thread.sleep(TimeUnit.MINUTES.toMillis(minutes));
      double elapsed = (System.nanoTime() - t0) / 1e9;
      double cpuS = (cpuNanos() - cpu0) / 1e9;
      double passes = elapsed / interval.toSeconds();
      System.gc();
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      BenchmarkReport.row(String.format(Locale.ROOT, "idle: %d tenants x 5 flows, %d s schedule", tenants,
              interval.toSeconds()),
          "CPU %.2f%% of one core over %.0f s; per pass %.0f requests (%.0f event reads, %.0f poll reads) = %.2f per tenant; "
              + "%d threads, heap %d MB after GC; load %.1f",
          100 * cpuS / elapsed, elapsed, (w.requests.get() - requests0) / passes,
          (w.eventReads.get() - reads0) / passes, (w.pollReads.get() - polls0) / passes,
          (w.requests.get() - requests0) / passes / tenants, threads(), heap >> 20, load());
      long t1 = System.nanoTime();
      boolean clean = w.engine.shutdown(Duration.ofSeconds(30));
      BenchmarkReport.row("idle shutdown", "returned %s in %.3f s",
          clean ? "clean" : "NOT clean", (System.nanoTime() - t1) / 1e9);
    }
  }

  // ------------------------------------------------------------------ the world

  /** The engine, its store and the tenants' stub systems. */
  static final class World implements AutoCloseable {
    final Settings s;
    final Path dir;
    final boolean ownDir;
    final StateStore store;
    final SyncEngine engine;
    final Map<String, Account> accounts = new ConcurrentHashMap<>();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong eventReads = new AtomicLong();
    final AtomicLong pollReads = new AtomicLong();
    final AtomicLong fetches = new AtomicLong();
    final AtomicLong invoicesWritten = new AtomicLong();
    final AtomicLong paymentsWritten = new AtomicLong();

    World(Settings s, int tenants, Duration interval, Duration jitter) throws Exception {
      this(s, tenants, Files.createTempDirectory("mlc-scale"), true, interval, jitter);
    }

    World(Settings s, int tenants, Path dir, Duration interval, Duration jitter) throws Exception {
      this(s, tenants, dir, false, interval, jitter);
    }

    private World(Settings s, int tenants, Path dir, boolean ownDir, Duration interval, Duration jitter) {
      this.s = s;
      this.dir = dir;
      this.ownDir = ownDir;
      this.store = switch (s.store) {
        case "h2" -> JdbcStateStore.embeddedH2(dir).build();
        case "memory" -> new InMemoryStateStore();
        default -> throw new IllegalArgumentException("store must be h2 or memory, was " + s.store);
      };
      List<String> names = new ArrayList<>();
      for (int i = 0; i < tenants; i++) {
        String t = String.format(Locale.ROOT, "t%04d", i);
        names.add(t);
        accounts.put(t, new Account(this, t));
      }
      this.engine = SyncEngine.builder()
          .store(store)
          .nodeId("bench")
          .addFlow(poll("customers", a -> a.customers, interval, jitter))
          .addFlow(poll("invoices", a -> a.invoices, interval, jitter))
          .addFlow(webhook("payments", PAYMENT, interval, jitter))
          .addFlow(webhook("refunds", REFUND, interval, jitter))
          .addFlow(webhook("disputes", DISPUTE, interval, jitter))
          .tenants(names)
          .build();
    }

    private Flow<Rec, Rec> poll(String name, java.util.function.Function<Account, List<Rec>> list,
        Duration interval, Duration jitter) {
      return Flow.poll(name, Rec.class, t -> new ErpRecords(accounts.get(t), list.apply(accounts.get(t))),
              Rec.class, t -> new CollectorSink(accounts.get(t)))
          .mapper((r, c) -> r)
          .parallelism(s.parallelism)
          .pageSize(100)
          .schedule(interval, jitter)
          .build();
    }

    private Flow<Rec, Rec> webhook(String name, String type, Duration interval, Duration jitter) {
      return Flow.webhook(name, Rec.class, t -> new CollectorEvents(accounts.get(t), type),
              t -> (headers, body) -> {
                throw new WebhookVerificationException(401, "no webhooks in this harness");
              },
              Rec.class, t -> new ErpSink(accounts.get(t)))
          .mapper((r, c) -> r)
          .parallelism(s.parallelism)
          .pageSize(100)
          .schedule(interval, jitter)
          .build();
    }

    void awaitInvoices(long n, Duration max) throws InterruptedException {
      await(invoicesWritten, n, max, "invoices");
    }

    void awaitPayments(long n, Duration max) throws InterruptedException {
      await(paymentsWritten, n, max, "payments");
    }

    private static void await(AtomicLong counter, long n, Duration max, String what) throws InterruptedException {
      long deadline = System.nanoTime() + max.toNanos();
      while (counter.get() < n) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("only " + counter.get() + " of " + n + " " + what + " written in " + max);
        }
        Thread.sleep(5);
      }
    }

    @Override
    public void close() throws Exception {
      if (!engine.isShutdown()) {
        engine.shutdown(Duration.ofSeconds(30));
      }
      store.close();
      if (ownDir) {
        delete(dir);
      }
    }
  }

  /** One tenant's ERP and collector: records, events, objects, and the collector's request budget. */
  static final class Account {
    final World world;
    final String tenant;
    final List<Rec> customers = new CopyOnWriteArrayList<>();
    final List<Rec> invoices = new CopyOnWriteArrayList<>();
    final List<WebhookEvent> events = new CopyOnWriteArrayList<>();
    final Map<String, Rec> objects = new ConcurrentHashMap<>();
    final Map<ExternalRef, ExternalRef> stamps = new ConcurrentHashMap<>();
    final Set<String> writtenKeys = ConcurrentHashMap.newKeySet();
    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    Account(World world, String tenant) {
      this.world = world;
      this.tenant = tenant;
      this.intervalNanos = (long) (1e9 / world.s.budget);
    }

    void seedInvoices(int n) {
      for (int i = 0; i < n; i++) {
        invoices.add(new Rec(ExternalRef.of(ERP, tenant, "invoice", String.format(Locale.ROOT, "inv-%06d", i)), i, "i" + i));
      }
    }

    void seedPayments(int n) {
      for (int i = 0; i < n; i++) {
        String id = "pay-" + i;
        objects.put(id, new Rec(ExternalRef.of(COLLECTOR, tenant, "payment", id), 1, id));
        events.add(new WebhookEvent("evt_" + tenant + "_" + i, PAYMENT, id));
      }
    }

    /** One collector request: paced by the tenant's budget, then the latency. */
    void collectorCall() {
      world.requests.incrementAndGet();
      long slot;
      synchronized (this) {
        slot = Math.max(System.nanoTime(), nextSlot);
        nextSlot = slot + intervalNanos;
      }
      sleepUntil(slot + TimeUnit.MILLISECONDS.toNanos(world.s.latencyMs));
    }

    /** One ERP request: the latency only. */
    void erpCall() {
      world.requests.incrementAndGet();
      sleepUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(world.s.latencyMs));
    }
  }

  /** A source record and target record of the harness. */
  record Rec(ExternalRef ref, long modified, String payload) implements CanonicalRecord {
    @Override
    public String version() {
      return Long.toString(modified);
    }
  }

  /** An ERP list read by position. */
  static final class ErpRecords implements PollSource<Rec> {
    private final Account account;
    private final List<Rec> records;

    ErpRecords(Account account, List<Rec> records) {
      this.account = account;
      this.records = records;
    }

    @Override
    public ChangeDetection changeDetection() {
      return ChangeDetection.MONOTONIC_KEY;
    }

    @Override
    public SourcePage<Rec> read(PollRequest request) {
      account.world.pollReads.incrementAndGet();
      account.erpCall();
      int from = request.after() == null ? 0 : Integer.parseInt(request.after().value()) + 1;
      int to = Math.min(records.size(), from + request.pageSize());
      if (from >= to) {
        return SourcePage.empty();
      }
      return new SourcePage<>(List.copyOf(records.subList(from, to)), Checkpoint.of(Integer.toString(to - 1), ""),
          to < records.size());
    }

    @Override
    public Optional<Rec> fetch(ExternalRef ref) {
      return records.stream().filter(r -> r.ref().equals(ref)).findFirst();
    }
  }

  /** The collector's event list and objects of one type, listed with any types. */
  static final class CollectorEvents implements WebhookSource<Rec> {
    private final Account account;
    private final String type;

    CollectorEvents(Account account, String type) {
      this.account = account;
      this.type = type;
    }

    @Override
    public String system() {
      return COLLECTOR;
    }

    @Override
    public Set<String> eventTypes() {
      return Set.of(type);
    }

    @Override
    public Optional<ExternalRef> objectOf(WebhookEvent event) {
      return type.equals(event.type())
          ? Optional.of(ExternalRef.of(COLLECTOR, account.tenant, "payment", event.payload()))
          : Optional.empty();
    }

    @Override
    public Optional<Rec> fetch(ExternalRef ref) {
      account.world.fetches.incrementAndGet();
      account.collectorCall();
      return Optional.ofNullable(account.objects.get(ref.id()));
    }

    @Override
    public EventPage eventsSince(String cursor) {
      return eventsSince(cursor, eventTypes());
    }

    @Override
    public boolean listsEventsOfAnyType() {
      return true;
    }

    @Override
    public EventPage eventsSince(String cursor, Set<String> types) {
      account.world.eventReads.incrementAndGet();
      account.collectorCall();
      int from = cursor == null ? 0 : Integer.parseInt(cursor);
      List<WebhookEvent> all = account.events;
      int to = Math.min(all.size(), from + 100);
      List<WebhookEvent> out = new ArrayList<>();
      for (WebhookEvent e : all.subList(Math.min(from, to), to)) {
        if (types.isEmpty() || types.contains(e.type())) {
          out.add(e);
        }
      }
      return new EventPage(out, Integer.toString(to), to < all.size());
    }
  }

  /** The collector's invoice endpoint: {@code calls} paced requests per invoice. */
  static final class CollectorSink implements Sink<Rec> {
    private final Account account;

    CollectorSink(Account account) {
      this.account = account;
    }

    @Override
    public String system() {
      return COLLECTOR;
    }

    @Override
    public WriteResult create(Rec record, WriteContext context) {
      for (int i = 0; i < account.world.s.calls; i++) {
        account.collectorCall();
      }
      ExternalRef target = ExternalRef.of(COLLECTOR, account.tenant, "invoice", "in_" + record.ref().id());
      account.stamps.put(context.source(), target);
      account.writtenKeys.add(context.operationKey());
      account.world.invoicesWritten.incrementAndGet();
      return new WriteResult(target, Map.of(), context.operationKey());
    }

    @Override
    public WriteResult update(ExternalRef target, Rec record, WriteContext context) {
      account.collectorCall();
      return new WriteResult(target, Map.of(), context.operationKey());
    }

    @Override
    public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
      account.collectorCall();
      return Optional.ofNullable(account.stamps.get(source)).map(WriteResult::of);
    }
  }

  /** The ERP's payment endpoint: one request per payment. */
  static final class ErpSink implements Sink<Rec> {
    private final Account account;

    ErpSink(Account account) {
      this.account = account;
    }

    @Override
    public String system() {
      return ERP;
    }

    @Override
    public WriteResult create(Rec record, WriteContext context) {
      account.erpCall();
      ExternalRef target = ExternalRef.of(ERP, account.tenant, "payment", "p-" + record.ref().id());
      account.stamps.put(context.source(), target);
      account.world.paymentsWritten.incrementAndGet();
      return new WriteResult(target, Map.of(), context.operationKey());
    }

    @Override
    public WriteResult update(ExternalRef target, Rec record, WriteContext context) {
      account.erpCall();
      return new WriteResult(target, Map.of(), context.operationKey());
    }

    @Override
    public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
      account.erpCall();
      return Optional.ofNullable(account.stamps.get(source)).map(WriteResult::of);
    }
  }

  // ------------------------------------------------------------------ helpers

  static void sleepUntil(long deadline) {
    long wait;
    while ((wait = deadline - System.nanoTime()) > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  static long cpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }

  static int threads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  static void delete(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
