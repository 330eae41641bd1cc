package io.mlconnector.benchmarks;

import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.samples.DemoCompany;
import io.mlconnector.samples.ReceivablesDemo;
import io.mlconnector.samples.SampleApp;
import io.mlconnector.samples.SampleConfig;
import io.mlconnector.samples.systems.AcumaticaSimulation;
import io.mlconnector.samples.systems.SimulatedLedger.SeededInvoice;
import io.mlconnector.samples.systems.StripeSimulation;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;

/**
 * Acumatica released invoices (and their customers) into Stripe through the sample's flows, then
 * Stripe payments back into Acumatica as applied, released AR payments, with the same latency on
 * both simulators, Stripe's per-key request limit and the Acumatica licence's requests per minute
 * (the simulator delays requests past half its budget, as the licence does).
 *
 * <p>Out: the bound is the slower of the two limits for the requests the engine made (Stripe
 * requests / Stripe's rate, Acumatica requests / the licence's rate); the harness reports the
 * engine's elapsed time as a percentage of it. Back: payments posted per second and Acumatica
 * requests per second as a share of the licence's budget.
 *
 * <p>Arguments (all optional): {@code invoices=300 latencyMs=50 rate=25 rpm=1200 parallelism=16
 * payments=<invoices> readAhead=true sessions=4}: {@code readAhead} whether the flows read the next Acumatica page
 * while writing one.
 */
public final class AcumaticaStripeBenchmark {
  private AcumaticaStripeBenchmark() {}

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
    int rpm = Integer.parseInt(a.getOrDefault("rpm", "1200"));
    int parallelism = Integer.parseInt(a.getOrDefault("parallelism", "16"));
    int payments = Integer.parseInt(a.getOrDefault("payments", String.valueOf(invoices)));
    int sessions = Integer.parseInt(a.getOrDefault("sessions", "4"));
    boolean readAhead = Boolean.parseBoolean(a.getOrDefault("readAhead", "true"));
    System.out.printf(Locale.ROOT, "Acumatica <-> Stripe: %d invoices, %d customers, latency %d ms both sides,"
        + " Stripe limit %d req/s, licence %d req/min, %d Acumatica sessions%n", invoices, DemoCompany.customerCount(),
        latency.toMillis(), rate, rpm, sessions);

    try (AcumaticaSimulation acu = AcumaticaSimulation.builder().latency(latency).licence(10, rpm, 8).start();
        StripeSimulation stripe = StripeSimulation.builder().latency(latency).rateLimit(rate).start()) {
      List<SeededInvoice> seeded = acu.seed("bench", DemoCompany.customerCount(), invoices, 7);
      acu.simulator().clearRecordedRequests();
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Map<String, String> props = new HashMap<>();
      props.put("pair", "acumatica-stripe");
      props.put("tenant", "bench");
      props.putAll(acu.properties("bench"));
      props.putAll(stripe.properties("bench"));
      props.put("data.dir", Files.createTempDirectory("mlc-bench").toString());
      props.put("webhook.host", "127.0.0.1");
      props.put("webhook.port", "0");
      props.put("stripe.requests.per.second", String.valueOf(rate * 0.96));
      props.put("stripe.burst", "1");
      props.put("stripe.rate.decrease", "0.9");
      props.put("engine.parallelism", String.valueOf(parallelism));
      props.put("acumatica.requests.per.minute", String.valueOf((int) (rpm * 0.96)));
      props.put("acumatica.concurrent.requests", "8");
      props.put("acumatica.sessions", String.valueOf(sessions));
      try (SampleApp app = SampleApp.open(SampleConfig.of(props, "benchmark"),
          KeyProvider.of("bench", Map.of("bench", new SecretKeySpec(key, "AES"))), b -> b.pageSize(500).readAhead(readAhead))) {
        stripe.deliverWebhooksTo(app.webhookUrl());
        long stripe0 = stripe.simulator().requestCount();
        long t0 = System.nanoTime();
        RunReport customers = app.sync().engine().runOnce("bench", app.sync().customersFlow());
        RunReport written = app.sync().engine().runOnce("bench", app.sync().invoicesFlow());
        double out = (System.nanoTime() - t0) / 1e9;
        long stripeRequests = stripe.simulator().requestCount() - stripe0;
        long acuRequests = acu.simulator().recordedRequests().size();
        if (written.written() != invoices) {
          throw new IllegalStateException("only " + written.written() + " of " + invoices + " invoices were written: " + written);
        }
        double bound = Math.max(stripeRequests / (double) rate, acuRequests / (rpm / 60.0));
        System.out.printf(Locale.ROOT, "out: %d invoices, %d customers in %.1f s = %.2f invoices/s; %d Stripe requests,"
            + " %d Acumatica requests; bound %.1f s: engine at %.1f%% of the bound%n", written.written(),
            customers.written(), out, written.written() / out, stripeRequests, acuRequests, bound, 100 * bound / out);

        for (int i = 0; i < Math.min(payments, seeded.size()); i++) {
          String id = ReceivablesDemo.collectorInvoice(app, seeded.get(i)).orElseThrow();
          stripe.simulator().payInvoice(id);
        }
        stripe.awaitDeliveries(Duration.ofMinutes(10));
        acu.simulator().clearRecordedRequests();
        long t1 = System.nanoTime();
        int posted = 0;
        while (posted < Math.min(payments, seeded.size())) {
          RunReport r = app.sync().engine().runOnce("bench", app.sync().paymentsFlow());
          posted += r.written();
          if (r.written() == 0 && r.read() == 0) {
            Thread.sleep(20);
          }
        }
        double back = (System.nanoTime() - t1) / 1e9;
        long backRequests = acu.simulator().recordedRequests().size();
        System.out.printf(Locale.ROOT, "back: %d payments applied and released in %.1f s = %.2f payments/s;"
            + " %d Acumatica requests = %.1f req/s, %.1f%% of the licence's %.1f req/s%n", posted, back, posted / back,
            backRequests, backRequests / back, 100 * (backRequests / back) / (rpm / 60.0), rpm / 60.0);
      }
    }
  }
}
