package io.mlconnector.benchmarks;

import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.samples.DemoCompany;
import io.mlconnector.samples.SampleApp;
import io.mlconnector.samples.SampleConfig;
import io.mlconnector.samples.systems.SapB1Simulation;
import io.mlconnector.samples.systems.SimulatedLedger.SeededInvoice;
import io.mlconnector.samples.systems.StripeSimulation;
import io.mlconnector.sapb1.SapB1Client;
import io.mlconnector.sapb1.SapB1Config;
import io.mlconnector.sapb1.SapB1Credentials;
import io.mlconnector.sapb1.SapB1Ledger;
import io.mlconnector.sapb1.SapB1Refs;
import io.mlconnector.testkit.sapb1.SapB1Simulator;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.spec.SecretKeySpec;

/**
 * SAP Business One with Stripe, two measurements in one run.
 *
 * <p><b>Invoices out.</b> SAP B1 A/R invoices (and their customers) into Stripe through the sample's
 * {@code sap-b1-stripe} flows, with the same latency on both simulators and Stripe's per-key limit.
 * The bound is the Stripe requests made divided by the limit: no client can be faster; the harness
 * reports the elapsed time as a percentage of that bound and, as the baseline in the same run, the
 * same measurement of the SYSPRO -> Stripe pair ({@link SysproStripeBenchmark}) with the same
 * invoices, latency and limit: what the Stripe side costs with a different ERP ({@code
 * baseline=false} skips it).
 *
 * <p><b>Payments in.</b> Incoming payments posted through {@link SapB1Ledger#payments()} against a
 * Service Layer simulator whose load model serves {@code capacity} requests at once at {@code
 * latencyMs} and slows every request beyond, at parallelism 1, 4, 8 and 16 (the client's
 * concurrency limit set to the parallelism). The capacity is {@code capacity / latency} requests per
 * second; each payment is one request. Reported: payments per second, as a share of the capacity,
 * as a share of {@code min(parallelism, capacity) / latency}, and as a multiple of parallelism 1 in
 * the same run (the baseline).
 *
 * <p>Arguments (all optional): {@code invoices=300 latencyMs=50 rate=25 parallelism=16
 * payments=400 capacity=8 excessMs=10 levels=1,4,8,16 invoicesPart=true paymentsPart=true
 * baseline=true readAhead=true}.
 */
public final class SapB1StripeBenchmark {
  private static final String TENANT = "bench";

  private SapB1StripeBenchmark() {}

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
    Duration latency = Duration.ofMillis(Long.parseLong(a.getOrDefault("latencyMs", "50")));
    if (Boolean.parseBoolean(a.getOrDefault("invoicesPart", "true"))) {
      int invoices = Integer.parseInt(a.getOrDefault("invoices", "300"));
      int rate = Integer.parseInt(a.getOrDefault("rate", "25"));
      int parallelism = Integer.parseInt(a.getOrDefault("parallelism", "16"));
      boolean readAhead = Boolean.parseBoolean(a.getOrDefault("readAhead", "true"));
      double sap = invoices(invoices, latency, rate, parallelism, readAhead);
      if (Boolean.parseBoolean(a.getOrDefault("baseline", "true"))) {
        SysproStripeBenchmark.Engine s = SysproStripeBenchmark.engine(invoices, latency, rate, rate * 0.96, 1, 0.9,
            parallelism, true);
        double elapsed = s.elapsed().toNanos() / 1e9;
        double bound = s.requests() / (double) rate;
        System.out.printf(Locale.ROOT,
            "baseline SYSPRO -> Stripe, same run: %d invoices, %d Stripe requests in %.1f s = %.2f invoices/s;"
                + " %.1f%% of its bound; SAP B1 at %.2fx the baseline's rate%n",
            s.invoices(), s.requests(), elapsed, s.invoices() / elapsed, 100 * bound / elapsed, sap / (s.invoices() / elapsed));
      }
    }
    if (Boolean.parseBoolean(a.getOrDefault("paymentsPart", "true"))) {
      int capacity = Integer.parseInt(a.getOrDefault("capacity", "8"));
      Duration excess = Duration.ofMillis(Long.parseLong(a.getOrDefault("excessMs", "10")));
      int payments = Integer.parseInt(a.getOrDefault("payments", "400"));
      double base = 0;
      for (String level : a.getOrDefault("levels", "1,4,8,16").split(",")) {
        int p = Integer.parseInt(level.trim());
        double rate = payments(payments, latency, capacity, excess, p);
        double capacityRate = capacity * 1000.0 / latency.toMillis();
        double parallelBound = Math.min(p, capacity) * 1000.0 / latency.toMillis();
        if (base == 0) {
          base = rate;
        }
        System.out.printf(Locale.ROOT,
            "payments in, parallelism %2d: %.1f payments/s = %.1f%% of the capacity (%.0f/s), %.1f%% of min(parallelism,"
                + " capacity)/latency (%.0f/s), %.2fx parallelism %s%n",
            p, rate, 100 * rate / capacityRate, capacityRate, 100 * rate / parallelBound, parallelBound, rate / base,
            a.getOrDefault("levels", "1,4,8,16").split(",")[0].trim());
      }
    }
  }

  /** Runs the invoices-out part; returns invoices per second. */
  private static double invoices(int invoices, Duration latency, int rate, int parallelism, boolean readAhead)
      throws Exception {
    System.out.printf(Locale.ROOT, "SAP B1 -> Stripe: %d invoices, %d customers, latency %d ms both sides, Stripe limit %d req/s%n",
        invoices, DemoCompany.customerCount(), latency.toMillis(), rate);
    try (PairSimulators<SapB1Simulation, StripeSimulation> sims = new PairSimulators<>("sap-b1-stripe",
        SapB1Simulation.builder().latency(latency).threads(64).start(),
        StripeSimulation.builder().latency(latency).rateLimit(rate).threads(64).start())) {
      sims.ledger().seed(TENANT, DemoCompany.customerCount(), invoices, 7);
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Map<String, String> props = sims.properties(TENANT, Map.of(
          "data.dir", Files.createTempDirectory("mlc-bench-sapb1").toString(),
          "webhook.host", "127.0.0.1",
          "webhook.port", "0",
          "stripe.requests.per.second", String.valueOf(rate * 0.96),
          "stripe.burst", "1",
          "stripe.rate.decrease", "0.9",
          "engine.parallelism", String.valueOf(parallelism)));
      // the same flow settings as the SYSPRO -> Stripe measurement: pages of 500, the next page read
      // while the current one is written
      try (SampleApp app = SampleApp.open(SampleConfig.of(props, "benchmark"),
          KeyProvider.of("bench", Map.of("bench", new SecretKeySpec(key, "AES"))),
          b -> b.pageSize(500).readAhead(readAhead))) {
        long requests0 = sims.collector().simulator().requestCount();
        long t0 = System.nanoTime();
        RunReport customers = app.sync().engine().runOnce(TENANT, app.sync().customersFlow());
        RunReport written = app.sync().engine().runOnce(TENANT, app.sync().invoicesFlow());
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long requests = sims.collector().simulator().requestCount() - requests0;
        if (written.written() != invoices) {
          throw new IllegalStateException("only " + written.written() + " of " + invoices + " invoices were written: " + written);
        }
        double bound = requests / (double) rate;
        System.out.printf(Locale.ROOT,
            "engine (parallelism %d): %d invoices, %d customers, %d Stripe requests in %.1f s = %.2f invoices/s;"
                + " rate-limit bound %.1f s: %.1f%% of the bound%n",
            parallelism, written.written(), customers.written(), requests, elapsed, written.written() / elapsed, bound,
            100 * bound / elapsed);
        return written.written() / elapsed;
      }
    }
  }

  private static double payments(int count, Duration latency, int capacity, Duration excess, int parallelism)
      throws Exception {
    try (SapB1Simulation erp = SapB1Simulation.builder().latency(latency).capacity(capacity, excess).threads(64).start();
        HttpTransport transport = HttpTransport.builder().maxRequests(128, 128).build()) {
      SapB1Simulator sim = erp.simulator();
      List<SeededInvoice> invoices = erp.seed(TENANT, 1, count, 3); // USD customer: one line per payment
      Map<String, String> p = erp.properties(TENANT);
      SapB1Config config = SapB1Config.builder(TENANT, TENANT + "/sap-b1", p.get("sap-b1.url"),
              SapB1Credentials.of(p.get("sap-b1.company"), p.get("sap-b1.user"), Secret.of(p.get("sap-b1.password"))))
          .transferAccount(p.get("sap-b1.transfer.account")).maxConcurrentRequests(Math.min(40, parallelism)).build();
      try (SapB1Client client = SapB1Client.create(transport, config)) {
        client.ping();
        Sink<Payment> sink = SapB1Ledger.of(client).payments();
        ExternalRef customer = SapB1Refs.customer(TENANT, "C1000");
        List<Payment> todo = new ArrayList<>();
        for (SeededInvoice inv : invoices) {
          Map<String, Object> doc = sim.invoice(Long.parseLong(inv.ref().id()));
          Money amount = Money.of(String.valueOf(doc.get("DocTotal")), "USD");
          todo.add(Payment.builder().ref(ExternalRef.of("stripe", TENANT, "payment_intent", "pi_" + inv.ref().id()))
              .version("1").direction(Payment.Direction.RECEIVED).status(Payment.Status.SUCCEEDED)
              .method(Payment.Method.CARD).amount(amount).date(LocalDate.now()).party(customer)
              .apply(inv.ref(), amount).build());
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        long t0 = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < parallelism; w++) {
          workers.add(pool.submit(() -> {
            for (int i = next.getAndIncrement(); i < todo.size(); i = next.getAndIncrement()) {
              Payment pay = todo.get(i);
              sink.create(pay, new WriteContext(TENANT, "bench", "op" + i, pay.ref(), "1"));
            }
            return null;
          }));
        }
        for (Future<?> f : workers) {
          f.get();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        if (sim.all("IncomingPayments").size() != count) {
          throw new IllegalStateException("posted " + sim.all("IncomingPayments").size() + " of " + count);
        }
        return count / elapsed;
      }
    }
  }
}
