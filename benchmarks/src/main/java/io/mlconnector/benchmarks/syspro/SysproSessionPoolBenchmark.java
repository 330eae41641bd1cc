package io.mlconnector.benchmarks.syspro;

import io.mlconnector.benchmarks.BenchmarkReport;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.syspro.SysproClient;
import io.mlconnector.syspro.SysproConfig;
import io.mlconnector.syspro.SysproCredentials;
import io.mlconnector.syspro.bo.ComfndQuery;
import io.mlconnector.testkit.syspro.BusyPolicy;
import io.mlconnector.testkit.syspro.Customer;
import io.mlconnector.testkit.syspro.Operator;
import io.mlconnector.testkit.syspro.SysproSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * COMFND calls per second through the SYSPRO session pool against the simulator with a fixed
 * per-call latency. With one call in flight per session the bound is {@code poolSize / latency};
 * callers are twice the pool size, so the pool, not the callers, is the limit. Each row first warms
 * up for 3 seconds (not measured).
 *
 * <p>Arguments (optional): {@code pools=1,2,4 seconds=5 latencyMs=20 rows=50}.
 */
public final class SysproSessionPoolBenchmark {

  private SysproSessionPoolBenchmark() {}

  /** Runs the harness. */
  public static void main(String[] args) throws Exception {
    // the wire log would otherwise print every exchange at DEBUG (logback's default level)
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    List<Integer> pools = List.of(1, 2, 4);
    int seconds = 5;
    int latencyMs = 20;
    int rows = 50;
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      switch (kv[0]) {
        case "pools":
          pools = new ArrayList<>();
          for (String p : kv[1].split(",")) {
            pools.add(Integer.parseInt(p.trim()));
          }
          break;
        case "seconds":
          seconds = Integer.parseInt(kv[1]);
          break;
        case "latencyMs":
          latencyMs = Integer.parseInt(kv[1]);
          break;
        case "rows":
          rows = Integer.parseInt(kv[1]);
          break;
        default:
          throw new IllegalArgumentException(
              "unknown argument " + arg + " (pools, seconds, latencyMs, rows)");
      }
    }
    BenchmarkReport.title(
        String.format(
            Locale.ROOT,
            "SYSPRO session pool: COMFND of %d rows, %d ms per call, %d s per row",
            rows,
            latencyMs,
            seconds));
    for (int pool : pools) {
      run(pool, seconds, latencyMs, rows);
    }
  }

  private static void run(int pool, int seconds, int latencyMs, int rows) throws Exception {
    try (SysproSimulator sim =
            SysproSimulator.builder()
                .operator(Operator.of("BENCH", "pw").withConcurrentUsers(pool))
                .busyPolicy(BusyPolicy.REJECT)
                .licenceSeats(pool)
                .threads(Math.max(4, pool * 2 + 2))
                .start();
        HttpTransport transport = HttpTransport.builder().build()) {
      for (int i = 0; i < rows; i++) {
        sim.addCustomer(Customer.of(String.format(Locale.ROOT, "C%05d", i), "Customer " + i));
      }
      sim.faults().latency(Duration.ofMillis(latencyMs));
      SysproConfig config =
          SysproConfig.builder("bench", "bench/syspro")
              .restBaseUrl(sim.restBaseUri().toString())
              .credentials(SysproCredentials.of("BENCH", "pw", sim.companyId(), ""))
              .sessionPoolSize(pool)
              .build();
      AtomicLong calls = new AtomicLong();
      AtomicLong failures = new AtomicLong();
      try (SysproClient client = SysproClient.create(transport, config)) {
        client.logonProfile();
        long warmEnd = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < warmEnd) {
          client.find(ComfndQuery.of("ArCustomer", "Customer", "Name"));
        }
        ExecutorService callers = Executors.newFixedThreadPool(pool * 2);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < pool * 2; t++) {
          running.add(
              callers.submit(
                  () -> {
                    while (System.nanoTime() < end) {
                      try {
                        client.find(ComfndQuery.of("ArCustomer", "Customer", "Name"));
                        calls.incrementAndGet();
                      } catch (RuntimeException e) {
                        failures.incrementAndGet();
                      }
                    }
                  }));
        }
        for (Future<?> f : running) {
          f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        callers.shutdown();
        double rate = calls.get() / elapsed;
        double bound = pool * 1000.0 / latencyMs;
        BenchmarkReport.row(
            "pool " + pool,
            "%8.1f calls/s  bound %6.1f  (%5.1f%%)  failures %d  logons %d",
            rate,
            bound,
            100 * rate / bound,
            failures.get(),
            sim.logonCount());
      }
    }
  }
}
