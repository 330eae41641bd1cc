package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.samples.systems.ChargebeeSimulation;
import io.mlconnector.samples.systems.SysproSimulation;
import io.mlconnector.testkit.chargebee.ChargebeeSimulator;
import io.mlconnector.testkit.syspro.ArInvoice;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The syspro-chargebee sample runs in its own JVM on an embedded H2 store and is killed (SIGKILL)
 * while it writes SYSPRO AR invoices into Chargebee and customers pay them there; the SYSPRO and
 * Chargebee simulators live in the test JVM and survive. After the last restart every SYSPRO
 * invoice exists exactly once in Chargebee (one non-voided invoice per {@code po_number}), every
 * customer once, and every Chargebee payment is posted exactly once in SYSPRO (ARSTPY).
 *
 * <p>The default suite runs a short version (60 invoices, 2 kills); {@code -Dmlc.crash=true} runs
 * the long one ({@code -Dmlc.crash.chargebee.invoices=1000 -Dmlc.crash.chargebee.kills=8} by default).
 */
class SysproChargebeeCrashTest {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path tempDir; // kept when the test fails, for its logs

  private static final String TENANT = "acme";

  @Test
  void twoKillsDuringAShortRunCreateEachChargebeeInvoiceOnce() throws Exception {
    run(60, 2, 20261207L, 800);
  }

  @Test
  @EnabledIfSystemProperty(named = "mlc.crash", matches = "true")
  void manyKillsDuringALongRunCreateEachChargebeeInvoiceOnce() throws Exception {
    run(Integer.getInteger("mlc.crash.chargebee.invoices", 1_000), Integer.getInteger("mlc.crash.chargebee.kills", 8),
        20261208L, 4000);
  }

  private void run(int count, int kills, long seed, int maxKillDelayMs) throws Exception {
    Random random = new Random(seed);
    // 100 ms on every Chargebee request and four writers: the kills land while invoices are being written
    try (SysproSimulation erp = SysproSimulation.builder().start();
        ChargebeeSimulation cb = ChargebeeSimulation.builder().latency(Duration.ofMillis(100)).plan("20000", 20000)
            .start()) {
      ChargebeeSimulator sim = cb.simulator();
      List<ArInvoice> invoices = DemoCompany.seed(erp.simulator(), DemoCompany.customerCount(), count, 11);
      int port = SampleProcess.freePort();
      Map<String, String> p = new HashMap<>();
      p.putAll(erp.properties(TENANT));
      p.putAll(cb.properties(TENANT));
      p.put("pair", "syspro-chargebee");
      p.put("tenant", TENANT);
      p.put("data.dir", tempDir.resolve("data").toString());
      p.put("webhook.host", "127.0.0.1");
      p.put("webhook.port", String.valueOf(port));
      p.put("poll.interval", "PT0.3S");
      p.put("node.id", "crash-node");
      p.put("engine.pending.grace", "PT1S");
      p.put("engine.claim.ttl", "PT2S");
      p.put("engine.lease.ttl", "PT3S");
      p.put("engine.parallelism", "4");
      // a payment whose deliveries all fell while no child was up is found by the backstop only
      p.put("chargebee.backstop.lookback", "PT1H");
      Path config = SampleProcess.writeConfig(tempDir, "sample.properties", p);
      cb.deliverWebhooksTo(URI.create("http://127.0.0.1:" + port + "/webhooks/chargebee/" + TENANT));
      Map<String, String> env = SampleProcess.keyEnv(random);

      Set<String> paid = new HashSet<>();
      List<Integer> progress = new ArrayList<>();
      for (int kill = 0; kill < kills; kill++) {
        Path log = tempDir.resolve("child-" + kill + ".log");
        Process child = SampleProcess.startRun(config, env, log);
        SampleProcess.awaitRunning(child, log);
        // kill once this child has written something, at a random moment after
        int before = invoiceCount(sim);
        SampleProcess.awaitWhileAlive(child, log, Duration.ofSeconds(300), Duration.ofMillis(20), "nothing written",
            () -> invoiceCount(sim) != before || invoiceCount(sim) >= count, SampleProcess.NOTHING);
        SampleProcess.keepDoing(Duration.ofMillis(random.nextInt(maxKillDelayMs)), Duration.ofMillis(50),
            () -> payOpenInvoices(sim, paid, random));
        SampleProcess.kill(child);
        progress.add(invoiceCount(sim));
      }

      Process last = SampleProcess.startRun(config, env, tempDir.resolve("child-last.log"));
      try {
        // liveness bound only
        SampleProcess.awaitWhileAlive(last, tempDir, Duration.ofSeconds(900), Duration.ofMillis(300), "not settled",
            () -> invoiceCount(sim) >= count && allPosted(sim, erp), () -> payOpenInvoices(sim, paid, random));
        Thread.sleep(1500); // a few more rounds: a duplicate would show now
      } finally {
        last.destroy();
        last.waitFor(30, TimeUnit.SECONDS);
      }
      System.out.println("syspro-chargebee crash test, Chargebee invoices after each kill: " + progress + " of " + count
          + "; payments " + paid.size());

      assertThat(progress.get(0)).as("the first kill landed while invoices were being written").isLessThan(count);
      Map<String, Long> perInvoice = sim.records("invoice").stream().filter(i -> !"voided".equals(i.get("status")))
          .collect(Collectors.groupingBy(i -> i.get("customer_id") + "/" + i.get("po_number"), Collectors.counting()));
      assertThat(perInvoice).hasSize(count);
      assertThat(perInvoice.values()).containsOnly(1L);
      for (ArInvoice inv : invoices) {
        assertThat(perInvoice).containsKey(inv.customer() + "/" + inv.invoice());
      }
      assertThat(sim.records("invoice")).as("no invoice created and voided either").hasSize(count);
      assertThat(sim.records("customer")).hasSize((int) invoices.stream().map(ArInvoice::customer).distinct().count());
      List<Map<String, Object>> payments = successfulPayments(sim);
      assertThat(payments).hasSizeGreaterThanOrEqualTo(paid.size()).isNotEmpty();
      for (Map<String, Object> t : payments) {
        String ref = (String) t.get("id"); // ARSTPY's reference is the source stamp: the transaction id
        assertThat(erp.simulator().arPaymentsWithReference(ref)).as("ARSTPY postings of " + ref).hasSize(1);
      }
      assertThat(erp.simulator().arPayments()).hasSize(payments.size());
    }
  }

  private static int invoiceCount(ChargebeeSimulator sim) {
    return sim.records("invoice").size();
  }

  /** Customers pay about a third of what is open, in full. */
  private static void payOpenInvoices(ChargebeeSimulator sim, Set<String> paid, Random random) {
    for (Map<String, Object> inv : sim.records("invoice")) {
      if ("payment_due".equals(inv.get("status")) && random.nextInt(3) == 0 && paid.add((String) inv.get("id"))) {
        sim.pay((String) inv.get("id"), null);
      }
    }
  }

  private static List<Map<String, Object>> successfulPayments(ChargebeeSimulator sim) {
    return sim.records("transaction").stream()
        .filter(t -> "payment".equals(t.get("type")) && "success".equals(t.get("status"))).toList();
  }

  private static boolean allPosted(ChargebeeSimulator sim, SysproSimulation erp) {
    for (Map<String, Object> t : successfulPayments(sim)) {
      if (erp.simulator().arPaymentsWithReference((String) t.get("id")).isEmpty()) {
        return false;
      }
    }
    return true;
  }
}
