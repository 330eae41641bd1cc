package io.mlconnector.benchmarks;

import io.mlconnector.core.model.CanonicalRecord;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.state.JdbcStateStore;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.sync.ChangeDetection;
import io.mlconnector.core.sync.Checkpoint;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Engine throughput against a rate-limited, slow target: every sink call takes {@code latencyMs}
 * (default 50 ms) and the target allows {@code budget} requests per second (default 25, paced by a
 * token bucket without burst). Throughput is bounded by {@code min(budget, parallelism / latency)}
 * records per second; the harness reports what the engine reaches as a percentage of that bound,
 * for each parallelism. Every record is new, so each costs exactly one sink call (a create).
 *
 * <p>Arguments (all optional): {@code parallelism=1,4,8,16 seconds=8 latencyMs=50 budget=25
 * pageSize=100 store=memory|h2}.
 */
public final class EngineThroughputBenchmark {
  private EngineThroughputBenchmark() {}

  /** Runs the harness; see the class comment for arguments. */
  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>(Map.of(
        "parallelism", "1,4,8,16", "seconds", "8", "latencyMs", "50", "budget", "25",
        "pageSize", "100", "store", "memory"));
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 1 || !opts.containsKey(arg.substring(0, eq))) {
        throw new IllegalArgumentException("unknown argument '" + arg + "'; known: " + opts.keySet());
      }
      opts.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    int seconds = Integer.parseInt(opts.get("seconds"));
    long latencyMs = Long.parseLong(opts.get("latencyMs"));
    double budget = Double.parseDouble(opts.get("budget"));
    int pageSize = Integer.parseInt(opts.get("pageSize"));
    String storeKind = opts.get("store");

    BenchmarkReport.title(String.format(java.util.Locale.ROOT,
        "Engine throughput: sink latency %d ms, budget %.0f req/s, page %d, %s store",
        latencyMs, budget, pageSize, storeKind));
    // warm-up: JIT the write path before measuring
    measure(4, 60, latencyMs, 1000, pageSize, storeKind);
    for (String p : opts.get("parallelism").split(",")) {
      int parallelism = Integer.parseInt(p.trim());
      double bound = Math.min(budget, parallelism * 1000.0 / latencyMs);
      int records = (int) Math.round(bound * seconds);
      double rate = measure(parallelism, records, latencyMs, budget, pageSize, storeKind);
      BenchmarkReport.row("parallelism " + parallelism,
          "%6.2f rec/s of bound %5.2f = %5.1f%%  (%d records)", rate, bound, 100 * rate / bound,
          records);
    }
  }

  private static double measure(int parallelism, int records, long latencyMs, double budget,
      int pageSize, String storeKind) throws Exception {
    Path dir = null;
    StateStore store;
    if (storeKind.equals("h2")) {
      dir = Files.createTempDirectory("mlc-engine-bench");
      store = JdbcStateStore.embeddedH2(dir).build();
    } else if (storeKind.equals("memory")) {
      store = new InMemoryStateStore();
    } else {
      throw new IllegalArgumentException("store must be memory or h2, was " + storeKind);
    }
    BenchSource source = new BenchSource(records);
    SlowSink sink = new SlowSink(latencyMs, budget);
    SyncEngine engine = SyncEngine.builder()
        .store(store)
        .addFlow(Flow.poll("invoices", Invoice.class, t -> source, Invoice.class, t -> sink)
            .mapper((invoice, context) -> invoice)
            .parallelism(parallelism)
            .pageSize(pageSize)
            .build())
        .tenants(List.of("bench"))
        .build();
    long start = System.nanoTime();
    RunReport report = engine.runOnce("bench", "invoices");
    long elapsed = System.nanoTime() - start;
    engine.shutdown(java.time.Duration.ofSeconds(10));
    store.close();
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    if (report.written() != records || sink.creates.get() != records) {
      throw new IllegalStateException("expected " + records + " writes, got " + report);
    }
    return records / (elapsed / 1e9);
  }

  /** A source record of the harness. */
  record Invoice(ExternalRef ref, long modified, String payload) implements CanonicalRecord {
    @Override
    public String version() {
      return Long.toString(modified);
    }
  }

  /** A source of {@code count} new records, read by modified stamp. */
  static final class BenchSource implements PollSource<Invoice> {
    private final List<Invoice> records = new ArrayList<>();

    BenchSource(int count) {
      for (int i = 0; i < count; i++) {
        records.add(new Invoice(
            ExternalRef.of("erp", "bench", "invoice", String.format("inv-%07d", i)), i, "p" + i));
      }
    }

    @Override
    public ChangeDetection changeDetection() {
      return ChangeDetection.MONOTONIC_KEY;
    }

    @Override
    public SourcePage<Invoice> read(PollRequest request) {
      int from = request.after() == null ? 0 : Integer.parseInt(request.after().value()) + 1;
      int to = Math.min(records.size(), from + request.pageSize());
      if (from >= to) {
        return SourcePage.empty();
      }
      return new SourcePage<>(records.subList(from, to),
          Checkpoint.of(Integer.toString(to - 1), ""), to < records.size());
    }

    @Override
    public Optional<Invoice> fetch(ExternalRef ref) {
      return records.stream().filter(r -> r.ref().equals(ref)).findFirst();
    }
  }

  /** A target whose every call takes {@code latency} and that allows {@code budget} calls/s. */
  static final class SlowSink implements Sink<Invoice> {
    private final long latencyNanos;
    private final long intervalNanos;
    private long nextSlot = System.nanoTime();
    private final Map<ExternalRef, ExternalRef> stamps = new ConcurrentHashMap<>();
    final AtomicInteger creates = new AtomicInteger();

    SlowSink(long latencyMs, double budget) {
      this.latencyNanos = TimeUnit.MILLISECONDS.toNanos(latencyMs);
      this.intervalNanos = (long) (1e9 / budget);
    }

    private void call() {
      long slot;
      synchronized (this) {
        slot = Math.max(System.nanoTime(), nextSlot);
        nextSlot = slot + intervalNanos;
      }
      sleepUntil(slot + latencyNanos);
    }

    private static void sleepUntil(long deadline) {
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

    @Override
    public String system() {
      return "target";
    }

    @Override
    public WriteResult create(Invoice record, WriteContext context) {
      call();
      ExternalRef target = ExternalRef.of("target", "bench", "invoice", "t-" + record.ref().id());
      stamps.put(context.source(), target);
      creates.incrementAndGet();
      return new WriteResult(target, Map.of(), context.operationKey());
    }

    @Override
    public WriteResult update(ExternalRef target, Invoice record, WriteContext context) {
      call();
      return new WriteResult(target, Map.of(), context.operationKey());
    }

    @Override
    public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
      call();
      return Optional.ofNullable(stamps.get(source)).map(WriteResult::of);
    }
  }
}
