package io.mlconnector.benchmarks;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.Completion;
import io.mlconnector.core.state.JdbcStateStore;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.state.OperationIntent;
import io.mlconnector.core.state.spi.StateStoreSpi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Measures the state store's share of the engine's per-record hot path: {@code begin} (the PENDING
 * intent) then {@code complete} (mapping + DONE + audit in one transaction), on embedded H2 and on
 * PostgreSQL, with 1 and 8 threads. Each record has its own source, target and operation key, as in
 * a sync of new records.
 *
 * <p>Arguments (all optional): {@code records=20000 warmup=5000 threads=1,8 stores=h2,pg
 * h2WriteDelayMs=0,500 rounds=3}; {@code stores=h2mem} adds an in-memory H2 run that shows the
 * store's own cost without disk writes. The PostgreSQL run reads {@code MLC_PG_URL} (default {@code
 * jdbc:postgresql://127.0.0.1:5432/test}), {@code MLC_PG_USER} (default {@code postgres}) and
 * {@code MLC_PG_PASSWORD}, works under a fresh table prefix and drops its tables afterwards; it is
 * skipped with a note when the server is down.
 */
public final class StateStoreBenchmark {
  private StateStoreBenchmark() {}

  /** Runs the harness; see the class comment for arguments. */
  public static void main(String[] args) throws Exception {
    Map<String, String> opts =
        new java.util.HashMap<>(
            Map.of(
                "records",
                "20000",
                "warmup",
                "5000",
                "threads",
                "1,8",
                "stores",
                "h2,pg",
                "h2WriteDelayMs",
                "0,500",
                "rounds",
                "3"));
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq < 1 || !opts.containsKey(a.substring(0, eq))) {
        throw new IllegalArgumentException(
            "unknown argument '" + a + "'; expected one of " + opts.keySet() + " as name=value");
      }
      opts.put(a.substring(0, eq), a.substring(eq + 1));
    }
    Plan plan =
        new Plan(
            Integer.parseInt(opts.get("records")),
            Integer.parseInt(opts.get("warmup")),
            Integer.parseInt(opts.get("rounds")));
    List<Integer> threadCounts =
        Stream.of(opts.get("threads").split(",")).map(String::trim).map(Integer::parseInt).toList();

    BenchmarkReport.title("StateStore hot path: begin + complete (mapping + DONE + audit)");
    BenchmarkReport.row(
        "JVM", "%s on %d CPUs", Runtime.version(), Runtime.getRuntime().availableProcessors());
    for (String kind : opts.get("stores").split(",")) {
      switch (kind.trim()) {
        case "h2" -> {
          for (String delay : opts.get("h2WriteDelayMs").split(",")) {
            runH2(plan, threadCounts, java.time.Duration.ofMillis(Long.parseLong(delay.trim())));
          }
        }
        case "pg" -> runPostgres(plan, threadCounts);
        case "h2mem" -> runH2InMemory(plan, threadCounts);
        default -> throw new IllegalArgumentException("stores: unknown store '" + kind + "'");
      }
    }
  }

  private static void runH2(Plan plan, List<Integer> threadCounts, java.time.Duration writeDelay)
      throws Exception {
    for (int threads : threadCounts) {
      Path dir = Files.createTempDirectory("mlc-bench-h2");
      try (JdbcStateStore store =
          JdbcStateStore.embeddedH2(dir).maxConnections(threads).writeDelay(writeDelay).build()) {
        measure("H2 file, write delay " + writeDelay.toMillis() + " ms", store, threads, plan);
      } finally {
        deleteTree(dir);
      }
    }
  }

  /** H2 without a file: the store's own cost (SQL, JDBC, locking) without any disk write. */
  private static void runH2InMemory(Plan plan, List<Integer> threadCounts) throws Exception {
    for (int threads : threadCounts) {
      JdbcConnectionPool pool =
          JdbcConnectionPool.create(
              "jdbc:h2:mem:bench" + threads + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
      pool.setMaxConnections(threads);
      try (JdbcStateStore store = JdbcStateStore.builder(pool).build()) {
        measure("H2 in memory (no file)", store, threads, plan);
      } finally {
        try (Connection c = pool.getConnection();
            Statement s = c.createStatement()) {
          s.execute("SHUTDOWN");
        }
        pool.dispose();
      }
    }
  }

  private static void runPostgres(Plan plan, List<Integer> threadCounts) throws Exception {
    PGConnectionPoolDataSource cpds = new PGConnectionPoolDataSource();
    cpds.setURL(env("MLC_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
    cpds.setUser(env("MLC_PG_USER", "postgres"));
    cpds.setPassword(env("MLC_PG_PASSWORD", ""));
    JdbcConnectionPool pool = JdbcConnectionPool.create(cpds);
    pool.setMaxConnections(16);
    try {
      try (Connection c = pool.getConnection()) {
        c.isValid(3);
      } catch (SQLException e) {
        BenchmarkReport.row(
            "PostgreSQL", "skipped: not reachable at %s (%s)", cpds.getURL(), e.getMessage());
        return;
      }
      for (int threads : threadCounts) {
        String prefix = "bench" + Long.toHexString(System.nanoTime() & 0xFFFFFFL) + "_";
        try (JdbcStateStore store = JdbcStateStore.builder(pool).tablePrefix(prefix).build()) {
          measure("PostgreSQL (pooled, loopback)", store, threads, plan);
        } finally {
          dropTables(pool, prefix);
        }
      }
    } finally {
      pool.dispose();
    }
  }

  /** Sizes of a measurement: records per round, warm-up records, rounds (the best is shown). */
  private record Plan(int records, int warmup, int rounds) {}

  private static void measure(String label, StateStoreSpi store, int threads, Plan plan)
      throws Exception {
    run(store, threads, plan.warmup(), "w");
    int records = plan.records();
    String best = null;
    double bestRate = 0;
    for (int round = 0; round < plan.rounds(); round++) {
      long[] latencies = new long[records];
      AtomicLong cpu = new AtomicLong();
      long wall = run(store, threads, records, "m" + round, latencies, cpu);
      double rate = records / (wall / 1e9);
      long sum = 0;
      for (long l : latencies) {
        sum += l;
      }
      long[] sorted = latencies.clone();
      java.util.Arrays.sort(sorted);
      String figures =
          String.format(
              java.util.Locale.ROOT,
              "%,9.0f records/s   mean %7.1f us/record   p99 %8.1f us   caller CPU %6.1f us/record",
              rate,
              sum / (double) records / 1e3,
              sorted[(int) (records * 0.99)] / 1e3,
              cpu.get() / (double) records / 1e3);
      if (best == null || rate > bestRate) {
        best = figures;
        bestRate = rate;
      }
    }
    String name = label + ", " + threads + (threads == 1 ? " thread" : " threads");
    BenchmarkReport.row(name, "%s", best);
  }

  private static long run(StateStoreSpi store, int threads, int records, String tag) throws Exception {
    return run(store, threads, records, tag, new long[records], new AtomicLong());
  }

  /** Runs {@code records} records over {@code threads} threads; returns the wall time in ns. */
  private static long run(
      StateStoreSpi store, int threads, int records, String tag, long[] latencies, AtomicLong cpuNanos)
      throws Exception {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicLong next = new AtomicLong();
    CountDownLatch go = new CountDownLatch(1);
    String runId = tag + System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(
          pool.submit(
              () -> {
                go.await();
                long cpuStart = mx.getCurrentThreadCpuTime();
                for (long i = next.getAndIncrement(); i < records; i = next.getAndIncrement()) {
                  long start = System.nanoTime();
                  record(store, runId, i);
                  latencies[(int) i] = System.nanoTime() - start;
                }
                cpuNanos.addAndGet(mx.getCurrentThreadCpuTime() - cpuStart);
                return null;
              }));
    }
    long start = System.nanoTime();
    go.countDown();
    for (Future<?> f : futures) {
      f.get();
    }
    long wall = System.nanoTime() - start;
    pool.shutdown();
    return wall;
  }

  /** One record of the hot path: the engine's state calls for a successful create. */
  private static void record(StateStoreSpi store, String runId, long i) {
    String tenant = "tenant-" + (i % 4);
    ExternalRef source = ExternalRef.of("syspro", tenant, "customer", runId + "-C" + i);
    ExternalRef target = ExternalRef.of("stripe", tenant, "customer", "cus_" + runId + i);
    String key = HexFormat.of().toHexDigits(i) + runId;
    OperationIntent intent = new OperationIntent(key, tenant, "customers", source, "v1", "create");
    if (!store.begin(intent).won()) {
      throw new IllegalStateException("operation " + key + " was already begun");
    }
    Instant now = Instant.now();
    store.complete(
        new Completion(
            tenant,
            key,
            new Mapping(source, target, Map.of("email_hash", "9f2c")),
            new AuditEntry(
                0,
                tenant,
                "customers",
                runId,
                source,
                target,
                "create",
                AuditEntry.Outcome.SUCCEEDED,
                null,
                "3b1f0c2d5e6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e",
                now)));
  }

  private static void dropTables(DataSource ds, String prefix) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (String table :
          List.of(
              "schema_version",
              "cursor",
              "mapping",
              "operation",
              "inbox",
              "seen_file",
              "document_key",
              "retry",
              "audit",
              "lease")) {
        s.execute("DROP TABLE IF EXISTS " + prefix + table);
      }
    }
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
