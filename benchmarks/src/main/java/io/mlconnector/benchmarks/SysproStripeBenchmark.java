package io.mlconnector.benchmarks;

import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.samples.DemoCompany;
import io.mlconnector.samples.SampleApp;
import io.mlconnector.samples.SampleConfig;
import io.mlconnector.samples.systems.StripeSimulation;
import io.mlconnector.samples.systems.SysproSimulation;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;

/**
 * SYSPRO AR invoices (and their customers) into Stripe through the sample's flows, with the same
 * latency on both simulators and Stripe's per-key request limit, next to {@link SerialBaseline} (a
 * hand-written loop of the same stripe-java calls), both measured in one run.
 *
 * <p>The rate-limit bound is the Stripe requests the engine made divided by the limit: no client
 * can be faster. The harness reports the engine's elapsed time as a percentage of that bound
 * ({@code bound / elapsed}) and its speed-up over the baseline (invoices per second).
 *
 * <p>Arguments (all optional): {@code invoices=300 latencyMs=50 rate=25 budget=<0.96 rate> burst=1
 * decrease=0.9 parallelism=16 readAhead=true baseline=true}: {@code budget}, {@code burst} and {@code
 * decrease} are the connector's own request budget per second, its burst and its back-off factor
 * after a 429; {@code readAhead} whether the flows read the next SYSPRO page while writing one.
 */
public final class SysproStripeBenchmark {
  private SysproStripeBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Map<String, String> a = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("arguments are key=value, got '" + arg + "'");
      }
      a.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    int invoices = Integer.parseInt(a.getOrDefault("invoices", "300"));
    Duration latency = Duration.ofMillis(Long.parseLong(a.getOrDefault("latencyMs", "50")));
    int rate = Integer.parseInt(a.getOrDefault("rate", "25"));
    int parallelism = Integer.parseInt(a.getOrDefault("parallelism", "16"));
    boolean baseline = Boolean.parseBoolean(a.getOrDefault("baseline", "true"));
    double budget = Double.parseDouble(a.getOrDefault("budget", String.valueOf(rate * 0.96)));
    int burst = Integer.parseInt(a.getOrDefault("burst", "1"));
    double decrease = Double.parseDouble(a.getOrDefault("decrease", "0.9"));
    boolean readAhead = Boolean.parseBoolean(a.getOrDefault("readAhead", "true"));

    System.out.printf(Locale.ROOT, "SYSPRO -> Stripe: %d invoices, %d customers, latency %d ms both sides, Stripe limit %d req/s%n",
        invoices, DemoCompany.customerCount(), latency.toMillis(), rate);
    // the engine first: it is the run sensitive to other load on the machine
    Engine engine = engine(invoices, latency, rate, budget, burst, decrease, parallelism, readAhead);
    double boundSeconds = engine.requests / (double) rate;
    double elapsed = engine.elapsed.toNanos() / 1e9;
    System.out.printf(Locale.ROOT,
        "engine (parallelism %d): %d invoices, %d customers, %d Stripe requests in %.1f s = %.2f invoices/s, %.1f requests/s%n",
        parallelism, engine.invoices, engine.customers, engine.requests, elapsed, engine.invoices / elapsed,
        engine.requests / elapsed);
    System.out.printf(Locale.ROOT, "rate-limit bound %.1f s: engine at %.1f%% of the bound%n", boundSeconds,
        100 * boundSeconds / elapsed);
    System.out.flush();
    SerialBaseline.Result base = null;
    if (baseline) {
      base = SerialBaseline.measure(invoices, latency, rate);
      System.out.println(base);
    }
    if (base != null) {
      System.out.printf(Locale.ROOT, "speed-up over the serial baseline: %.2fx%n", (engine.invoices / elapsed) / base.invoicesPerSecond());
    }
  }

  record Engine(int invoices, int customers, long requests, Duration elapsed) {}

  static Engine engine(int invoices, Duration latency, int rate, double budget, int burst, double decrease,
      int parallelism, boolean readAhead) throws Exception {
    try (PairSimulators<SysproSimulation, StripeSimulation> sims = SerialBaseline.simulators(latency, rate)) {
      DemoCompany.seed(sims.ledger().simulator(), DemoCompany.customerCount(), invoices, 7);
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Map<String, String> props = sims.properties("bench", Map.of(
          "data.dir", Files.createTempDirectory("mlc-bench").toString(),
          "webhook.host", "127.0.0.1",
          "webhook.port", "0",
          "stripe.requests.per.second", String.valueOf(budget),
          "stripe.burst", String.valueOf(burst),
          "stripe.rate.decrease", String.valueOf(decrease),
          "engine.parallelism", String.valueOf(parallelism)));
      try (SampleApp app = SampleApp.open(SampleConfig.of(props, "benchmark"),
          KeyProvider.of("bench", Map.of("bench", new SecretKeySpec(key, "AES"))),
          b -> b.pageSize(500).readAhead(readAhead))) {
        long requests0 = sims.collector().simulator().requestCount();
        long t0 = System.nanoTime();
        RunReport customers = app.sync().engine().runOnce("bench", app.sync().customersFlow());
        RunReport written = app.sync().engine().runOnce("bench", app.sync().invoicesFlow());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        long requests = sims.collector().simulator().requestCount() - requests0;
        if (written.written() != invoices) {
          throw new IllegalStateException("only " + written.written() + " of " + invoices + " invoices were written: " + written);
        }
        return new Engine(written.written(), customers.written(), requests, elapsed);
      }
    }
  }
}
