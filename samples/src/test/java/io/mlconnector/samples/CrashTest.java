package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.model.Charge;
import com.stripe.model.Invoice;
import com.stripe.param.ChargeListParams;
import com.stripe.param.InvoiceListParams;
import io.mlconnector.stripe.StripeMetadata;
import io.mlconnector.testkit.syspro.ArInvoice;
import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample runs in its own JVM on an embedded H2 store and is killed (SIGKILL) at seeded random
 * points ten times while it syncs 500 invoices and customers pay them in Stripe; the simulators
 * live in the test JVM and survive. After the last restart every invoice exists exactly once in
 * Stripe and every payment is posted exactly once in SYSPRO.
 */
class CrashTest {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path tempDir; // kept when the test fails, for its logs

  private static final int INVOICES = 500;
  private static final int KILLS = 10;

  @Test
  void tenKillsLoseNothingAndDuplicateNothing() throws Exception {
    Random random = new Random(20261121);
    try (SimulatedSystems sims = SimulatedSystems.builder().threads(8).start()) {
      List<ArInvoice> invoices = DemoCompany.seed(sims.syspro(), DemoCompany.customerCount(), INVOICES, 3);
      Path dir = tempDir;
      int port = freePort();
      Map<String, String> extra = new HashMap<>();
      extra.put("data.dir", dir.resolve("data").toString());
      extra.put("webhook.host", "127.0.0.1");
      extra.put("webhook.port", String.valueOf(port));
      extra.put("poll.interval", "PT0.3S");
      extra.put("node.id", "crash-node");
      extra.put("engine.pending.grace", "PT1S");
      extra.put("engine.claim.ttl", "PT2S");
      extra.put("engine.lease.ttl", "PT3S");
      extra.put("engine.parallelism", "8");
      // the first backstop read must reach back over the whole test: a webhook sent while no child was up
      // (its retries spent) is only found there; a 20 s look-back could miss it for good
      extra.put("stripe.backstop.lookback", "PT1H");
      extra.put("stripe.requests.per.second", "300");
      extra.put("stripe.rate.limit.backoff", "PT0.05S");
      extra.put("stripe.rate.limit.backoff.max", "PT0.5S");
      Path config = dir.resolve("sample.properties");
      Properties p = new Properties();
      p.putAll(sims.properties("acme", extra));
      try (Writer w = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
        p.store(w, "crash test");
      }
      sims.stripe().webhooks().addEndpoint(java.net.URI.create("http://127.0.0.1:" + port + "/webhooks/stripe/acme"),
          sims.webhookSecret());
      StripeClient stripe = StripeClient.builder().setApiKey(sims.stripe().apiKey()).setApiBase(sims.stripe().baseUrl()).build();
      byte[] key = new byte[32];
      random.nextBytes(key);
      Map<String, String> env = Map.of("MLC_KEY_CURRENT", "crash", "MLC_KEY_CRASH", Base64.getEncoder().encodeToString(key));

      Set<String> paid = new HashSet<>();
      List<String> progress = new ArrayList<>();
      for (int kill = 0; kill < KILLS; kill++) {
        Path log = dir.resolve("child-" + kill + ".log");
        Process child = start(config, env, log);
        awaitRunning(child, log); // a loaded machine may take seconds to start a JVM: kill a running engine
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3000 + random.nextInt(4000));
        while (System.nanoTime() < until) {
          payOpenInvoices(stripe, sims, paid, random);
          Harness.pause(200);
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        progress.add(sims.stripe().count("invoice", i -> true) + " invoices in Stripe, "
            + sims.syspro().arPayments().size() + " ARSTPY postings");
      }

      Process last = start(config, env, dir.resolve("child-last.log"));
      try {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos(); // liveness bound only (loaded 2-core CI)
        while (!(allIssued(sims, invoices) && allPosted(stripe, sims))) {
          assertThat(last.isAlive()).as("the sample stopped; see " + dir).isTrue();
          assertThat(System.nanoTime()).as("not settled within 300 s; see " + dir).isLessThan(deadline);
          Harness.pause(500);
        }
      } finally {
        last.destroy();
        last.waitFor(30, TimeUnit.SECONDS);
      }

      // the kills landed while invoices were still being issued, not after the work was done
      assertThat(progress.get(0)).doesNotStartWith(INVOICES + " invoices");
      System.out.println("crash test, after each kill: " + progress);
      for (ArInvoice inv : invoices) {
        String ref = "syspro:ar-invoice:" + inv.customer() + "|" + inv.invoice() + "|I";
        assertThat(sims.stripe().countWithMetadata("invoice", StripeMetadata.SOURCE_REF, ref)).as(ref).isEqualTo(1);
      }
      Set<String> intents = succeededPaymentIntents(stripe);
      assertThat(intents).hasSizeGreaterThanOrEqualTo(paid.size()).isNotEmpty();
      for (String pi : intents) {
        assertThat(sims.syspro().arPaymentsWithReference(pi)).as("ARSTPY postings of " + pi).hasSize(1);
      }
      assertThat(sims.syspro().arPayments()).hasSize(intents.size());
      for (Invoice si : stripe.v1().invoices().list(InvoiceListParams.builder().setLimit(100L).build()).autoPagingIterable()) {
        String[] k = si.getMetadata().get(StripeMetadata.SOURCE_REF).split(":")[2].split("\\|");
        long remaining = si.getAmountRemaining();
        assertThat(sims.syspro().invoiceBalance(k[0], k[1]).movePointRight("jpy".equals(si.getCurrency()) ? 0 : 2)
            .longValueExact()).as("SYSPRO balance of " + k[1]).isEqualTo(remaining);
      }
    }
  }

  /** Waits (bounded: a liveness bound only) until the child says its engine is running. */
  private static void awaitRunning(Process child, Path log) throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!(Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("running"))) {
      assertThat(child.isAlive()).as("the sample stopped; see " + log).isTrue();
      assertThat(System.nanoTime()).as("the sample did not start within 120 s; see " + log).isLessThan(deadline);
      Harness.pause(100);
    }
  }

  private static Process start(Path config, Map<String, String> env, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-Dsun.net.httpserver.nodelay=true",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--config", config.toString());
    pb.environment().putAll(env);
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return pb.start();
  }

  /** Customers pay what is open: most in full, every fourth in part. */
  private static void payOpenInvoices(StripeClient stripe, SimulatedSystems sims, Set<String> paid, Random random)
      throws Exception {
    for (Invoice inv : stripe.v1().invoices().list(
        InvoiceListParams.builder().setStatus(InvoiceListParams.Status.OPEN).setLimit(100L).build()).getData()) {
      if (random.nextInt(3) != 0) {
        continue;
      }
      if (paid.add(inv.getId()) && random.nextInt(4) == 0 && inv.getAmountRemaining() > 100) {
        sims.stripe().payInvoice(inv.getId(), inv.getAmountRemaining() / 2);
      } else {
        sims.stripe().payInvoice(inv.getId());
      }
    }
  }

  private static boolean allIssued(SimulatedSystems sims, List<ArInvoice> invoices) {
    return sims.stripe().count("invoice", i -> "open".equals(i.get("status")) || "paid".equals(i.get("status")))
        >= invoices.size();
  }

  private static boolean allPosted(StripeClient stripe, SimulatedSystems sims) throws Exception {
    for (String pi : succeededPaymentIntents(stripe)) {
      if (sims.syspro().arPaymentsWithReference(pi).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> succeededPaymentIntents(StripeClient stripe) throws Exception {
    Set<String> out = new HashSet<>();
    for (Charge c : stripe.v1().charges().list(ChargeListParams.builder().setLimit(100L).build()).autoPagingIterable()) {
      if ("succeeded".equals(c.getStatus()) && c.getPaymentIntent() != null) {
        out.add(c.getPaymentIntent());
      }
    }
    return out;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
