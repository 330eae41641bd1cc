package io.mlconnector.benchmarks;

import com.chargebee.Environment;
import com.chargebee.APIException;
import com.chargebee.models.Customer;
import com.chargebee.models.Invoice;
import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.model.InvoiceLine;
import io.mlconnector.core.model.MinorUnits;
import io.mlconnector.core.sync.Checkpoint;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.samples.DemoCompany;
import io.mlconnector.samples.SampleApp;
import io.mlconnector.samples.SampleConfig;
import io.mlconnector.samples.systems.ChargebeeSimulation;
import io.mlconnector.samples.systems.SysproSimulation;
import io.mlconnector.syspro.SysproClient;
import io.mlconnector.syspro.SysproConfig;
import io.mlconnector.syspro.SysproCredentials;
import io.mlconnector.syspro.SysproSync;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;

/**
 * SYSPRO AR invoices (and their customers) into Chargebee through the sample's flows, with the same
 * latency on both simulators and the Chargebee plan's per-minute limit, next to a serial loop
 * written with the official client (chargebee-java 3.30.0), both measured in one run.
 *
 * <p>The bound is the least time in which the run's Chargebee requests can be sent under the
 * plan's limit, a sliding 60-second window starting fresh: request k (from 0) cannot go before
 * {@code floor(k / limit) x 60 s}, so the first window's allowance counts as sent at time zero
 * ({@link #windowBound}). No client can be faster. The plain rate bound ({@code requests / (limit /
 * 60 s)}) is printed too. The harness reports {@code bound / elapsed} and the engine's speed-up over
 * the loop (invoices per second).
 *
 * <p>Arguments (all optional): {@code invoices=150 latencyMs=50 plan=starter|performance
 * parallelism=16 pageSize=50 baseline=true together=false}: a page smaller than the run lets the
 * flow read the next SYSPRO page while it writes the current one; {@code together=true} runs the
 * engine and the loop at the same time, each against its own simulated site.
 */
public final class SysproChargebeeBenchmark {
  private SysproChargebeeBenchmark() {}

  record Result(String what, int invoices, int customers, long requests, Duration elapsed) {
    double seconds() {
      return elapsed.toNanos() / 1e9;
    }

    String line(int perMinute) {
      double bound = requests / (perMinute / 60.0);
      double window = windowBound(requests, perMinute);
      return String.format(Locale.ROOT, "%s: %d invoices, %d customers, %d Chargebee requests in %.1f s = %.2f invoices/s,"
          + " %.2f requests/s; %.1f%% of the sliding-window bound (%.1f s), %.1f%% of the plain rate bound (%.1f s)",
          what, invoices, customers, requests, seconds(), invoices / seconds(), requests / seconds(),
          100 * window / seconds(), window, 100 * bound / seconds(), bound);
    }
  }

  /**
   * The least time in which {@code requests} requests can be sent when at most {@code perMinute}
   * go in any 60 seconds and the first window is fresh: request k (from 0) cannot go before {@code
   * floor(k / perMinute) x 60 s}, so the first window's allowance is free at time zero and the
   * last request goes at {@code floor((requests - 1) / perMinute) x 60 s}.
   */
  static double windowBound(long requests, int perMinute) {
    return requests <= 0 ? 0 : Math.floorDiv(requests - 1, perMinute) * 60.0;
  }

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
    int invoices = Integer.parseInt(a.getOrDefault("invoices", "150"));
    Duration latency = Duration.ofMillis(Long.parseLong(a.getOrDefault("latencyMs", "50")));
    String plan = a.getOrDefault("plan", "starter");
    int perMinute = switch (plan) {
      case "starter", "test_site" -> 150;
      case "performance" -> 1000;
      case "enterprise" -> 3500;
      default -> Integer.parseInt(plan);
    };
    int parallelism = Integer.parseInt(a.getOrDefault("parallelism", "16"));
    int pageSize = Integer.parseInt(a.getOrDefault("pageSize", "50"));
    boolean baseline = Boolean.parseBoolean(a.getOrDefault("baseline", "true"));
    // Each side has its own simulated site (its own limit): run side by side they share only the
    // machine, and a 10,000-invoice Starter run (about 67 minutes each) fits in one sitting.
    boolean together = Boolean.parseBoolean(a.getOrDefault("together", "false"));
    double rate = perMinute / 60.0;
    System.out.printf(Locale.ROOT, "SYSPRO -> Chargebee: %d invoices, %d customers, latency %d ms both sides, plan %s"
        + " (%d requests/minute = %.2f/s)%n", invoices, DemoCompany.customerCount(), latency.toMillis(), plan, perMinute, rate);
    Result engine;
    Result base = null;
    if (baseline && together) {
      System.out.println("engine and serial loop side by side, each on its own simulated site");
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        java.util.concurrent.Future<Result> e = pool.submit(() -> engine(invoices, latency, plan, perMinute, parallelism,
            pageSize));
        java.util.concurrent.Future<Result> s = pool.submit(() -> serial(invoices, latency, perMinute));
        engine = e.get();
        base = s.get();
      } finally {
        pool.shutdownNow();
      }
      System.out.println(engine.line(perMinute));
    } else {
      engine = engine(invoices, latency, plan, perMinute, parallelism, pageSize);
      System.out.println(engine.line(perMinute));
      System.out.flush();
      if (baseline) {
        base = serial(invoices, latency, perMinute);
      }
    }
    if (base != null) {
      System.out.println(base.line(perMinute));
      System.out.printf(Locale.ROOT, "speed-up over the serial loop: %.2fx%n",
          (engine.invoices() / engine.seconds()) / (base.invoices() / base.seconds()));
    }
  }

  private static ChargebeeSimulation chargebee(Duration latency, String plan, int perMinute) {
    return ChargebeeSimulation.builder().latency(latency).plan(plan, perMinute).start();
  }

  static Result engine(int invoices, Duration latency, String plan, int perMinute, int parallelism, int pageSize)
      throws Exception {
    try (SysproSimulation syspro = SysproSimulation.builder().latency(latency).start();
        ChargebeeSimulation cb = chargebee(latency, plan, perMinute)) {
      DemoCompany.seed(syspro.simulator(), DemoCompany.customerCount(), invoices, 7);
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Map<String, String> props = new HashMap<>();
      props.put("pair", "syspro-chargebee");
      props.put("tenant", "bench");
      props.putAll(syspro.properties("bench"));
      props.putAll(cb.properties("bench"));
      props.put("data.dir", Files.createTempDirectory("mlc-bench").toString());
      props.put("webhook.host", "127.0.0.1");
      props.put("webhook.port", "0");
      props.put("engine.parallelism", String.valueOf(parallelism));
      try (SampleApp app = SampleApp.open(SampleConfig.of(props, "benchmark"),
          KeyProvider.of("bench", Map.of("bench", new SecretKeySpec(key, "AES"))), b -> b.pageSize(pageSize))) {
        long requests0 = cb.simulator().requestCount();
        long t0 = System.nanoTime();
        RunReport customers = app.sync().engine().runOnce("bench", app.sync().customersFlow());
        RunReport written = app.sync().engine().runOnce("bench", app.sync().invoicesFlow());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        if (written.written() != invoices) {
          throw new IllegalStateException("only " + written.written() + " of " + invoices + " invoices were written: " + written);
        }
        return new Result("engine (parallelism " + parallelism + ")", (int) written.written(), (int) customers.written(),
            cb.simulator().requestCount() - requests0, elapsed);
      }
    }
  }

  /**
   * The baseline a developer would write with chargebee-java: read the SYSPRO invoices, then one
   * after another create the customer the first time it is seen and the invoice from one charge per
   * line (and per line tax), each with an idempotency key; on a 429 wait out {@code Retry-After}.
   */
  static Result serial(int invoices, Duration latency, int perMinute) throws Exception {
    try (SysproSimulation syspro = SysproSimulation.builder().latency(latency).start();
        ChargebeeSimulation cb = chargebee(latency, "x", perMinute)) {
      DemoCompany.seed(syspro.simulator(), DemoCompany.customerCount(), invoices, 7);
      Map<String, String> p = new HashMap<>(syspro.properties("baseline"));
      long requests0 = cb.simulator().requestCount();
      long t0 = System.nanoTime();
      List<io.mlconnector.core.model.Invoice> erp = new ArrayList<>();
      try (HttpTransport transport = HttpTransport.builder().build()) {
        SysproClient client = SysproClient.create(transport, SysproConfig.builder("baseline", "baseline/syspro")
            .restBaseUrl(p.get("syspro.rest.url"))
            .credentials(SysproCredentials.of(p.get("syspro.operator"), p.get("syspro.operator.password"),
                p.get("syspro.company"), ""))
            .odata(p.get("syspro.odata.url"), p.get("syspro.operator"), p.get("syspro.odata.password"))
            .build());
        try {
          var source = SysproSync.builder(client).build().arInvoices();
          Checkpoint after = null;
          while (true) {
            SourcePage<io.mlconnector.core.model.Invoice> page = source.read(new PollRequest(after, Duration.ZERO, 500));
            erp.addAll(page.records());
            if (!page.hasMore() || page.next() == null) {
              break;
            }
            after = page.next();
          }
        } finally {
          client.close();
        }
      }
      Environment env = environment(cb);
      MinorUnits units = MinorUnits.iso();
      Set<String> customers = new HashSet<>();
      for (io.mlconnector.core.model.Invoice inv : erp) {
        String code = inv.party().id();
        if (customers.add(code)) {
          withRetry(() -> Customer.create().id(code).company(code).setIdempotencyKey("cus-" + code).request(env));
        }
        Invoice.CreateForChargeItemsAndChargesRequest r = Invoice.createForChargeItemsAndCharges().customerId(code)
            .currencyCode(inv.currency().getCurrencyCode()).poNumber(inv.number());
        int n = 0;
        for (InvoiceLine l : inv.lines()) {
          r.chargeAmount(n, units.toMinor(l.amount()))
              .chargeDescription(n++, l.description() == null ? "Line " + l.number() : l.description());
          if (!l.taxAmount().isZero()) {
            r.chargeAmount(n, units.toMinor(l.taxAmount())).chargeDescription(n++, "Tax");
          }
        }
        r.setIdempotencyKey("inv-" + inv.number());
        withRetry(() -> r.request(env));
      }
      return new Result("serial loop (chargebee-java)", erp.size(), customers.size(),
          cb.simulator().requestCount() - requests0, Duration.ofNanos(System.nanoTime() - t0));
    }
  }

  interface Call {
    void run() throws Exception;
  }

  private static void withRetry(Call call) throws Exception {
    while (true) {
      try {
        call.run();
        return;
      } catch (APIException e) {
        if (e.httpStatusCode != 429) {
          throw e;
        }
        List<String> after = e.headers == null ? null : e.headers.get("Retry-After");
        long seconds = after == null || after.isEmpty() ? 1 : Long.parseLong(after.get(0).trim());
        Thread.sleep(seconds * 1000);
      }
    }
  }

  /** chargebee-java's per-request environment, pointed at the simulator (site 127.0.0, suffix 1:port). */
  private static Environment environment(ChargebeeSimulation cb) {
    System.setProperty("com.chargebee.api.protocol", "http");
    System.setProperty("com.chargebee.api.domain.suffix", "1:" + cb.simulator().port());
    try {
      return new Environment("127.0.0", cb.simulator().apiKey());
    } finally {
      System.clearProperty("com.chargebee.api.protocol");
      System.clearProperty("com.chargebee.api.domain.suffix");
    }
  }
}
