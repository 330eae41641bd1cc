package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.model.Charge;
import com.stripe.model.Invoice;
import com.stripe.param.ChargeListParams;
import com.stripe.param.InvoiceListParams;
import io.mlconnector.samples.systems.AcumaticaSimulation;
import io.mlconnector.samples.systems.SimulatedLedger.SeededInvoice;
import io.mlconnector.samples.systems.StripeSimulation;
import io.mlconnector.stripe.StripeMetadata;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acumatica-stripe sample runs in its own JVM on an embedded H2 store and is killed (SIGKILL)
 * at seeded random points while it syncs released Acumatica invoices into Stripe, customers pay
 * them in Stripe, and Stripe pays out (fee and payout journals); the simulators live in the test
 * JVM and survive. After the last restart every invoice exists once in Stripe, every Stripe
 * payment is one applied, released Acumatica payment, no GL journal is posted twice, each
 * invoice's Acumatica balance equals what Stripe still has to collect, and the Stripe clearing
 * account is empty (the payout journals moved exactly what payments less fees left in it).
 *
 * <p>Acumatica takes no idempotency key: what keeps a write single across a kill is the engine's
 * PENDING intent and the sinks' find-by-stamp (payments by {@code ExternalRef}, journals by the
 * stamp that opens their {@code Description}), which also finishes a release the kill cut off.
 *
 * <p>The default run is short (100 invoices, 3 kills); {@code -Dmlc.crash=true} runs the long one
 * (500 invoices, 10 kills; {@code -Dmlc.crash.invoices=N -Dmlc.crash.kills=K} change it).
 */
class AcumaticaStripeCrashTest {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path tempDir; // kept when the test fails, for its logs

  private static final String TENANT = "acme";

  @Test
  void threeKillsOverAHundredInvoicesPostEachPaymentAndJournalOnce() throws Exception {
    run(100, 3, 20261207L);
  }

  @Test
  @EnabledIfSystemProperty(named = "mlc.crash", matches = "true")
  void manyKillsOverFiveHundredInvoicesPostEachPaymentAndJournalOnce() throws Exception {
    run(Integer.getInteger("mlc.crash.invoices", 500), Integer.getInteger("mlc.crash.kills", 10), 20261208L);
  }

  private void run(int invoiceCount, int kills, long seed) throws Exception {
    Random random = new Random(seed);
    // a killed child never signs out: its sessions hold API-user slots until their token expires
    try (AcumaticaSimulation acu = AcumaticaSimulation.builder().licence(1000, 0, Integer.MAX_VALUE).start();
        StripeSimulation stripe = StripeSimulation.builder().threads(8).start()) {
      List<SeededInvoice> invoices = acu.seed(TENANT, DemoCompany.customerCount(), invoiceCount, seed);
      int port = freePort();
      Path config = writeConfig(acu, stripe, port);
      stripe.deliverWebhooksTo(URI.create("http://127.0.0.1:" + port + "/webhooks/stripe/" + TENANT));
      StripeClient client = StripeClient.builder().setApiKey(stripe.simulator().apiKey())
          .setApiBase(stripe.simulator().baseUrl()).build();
      byte[] key = new byte[32];
      random.nextBytes(key);
      Map<String, String> env = Map.of("MLC_KEY_CURRENT", "crash", "MLC_KEY_CRASH", Base64.getEncoder().encodeToString(key));

      Set<String> paid = new HashSet<>();
      List<String> progress = new ArrayList<>();
      for (int kill = 0; kill < kills; kill++) {
        if (kill > 0) {
          // a payout while no child runs: its webhook waits for the next one (or the backstop finds it).
          // Stripe's clock is not moved: its idempotency keys live 24 hours, and the Stripe invoice
          // sink replays a draft cut off by a kill through them
          stripe.simulator().payOut(true);
        }
        Path log = tempDir.resolve("child-" + kill + ".log");
        Process child = start(config, env, log);
        awaitRunning(child, log);
        // kill once this child has written something (a loaded machine may take seconds to get going),
        // at a random moment after that
        long before = writes(acu, stripe);
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos(); // liveness bound only
        while (writes(acu, stripe) == before) {
          assertThat(child.isAlive()).as("the sample stopped; see " + log).isTrue();
          assertThat(System.nanoTime()).as("nothing written; see " + log).isLessThan(deadline);
          payOpenInvoices(client, stripe, paid, random);
          Harness.pause(100);
        }
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(random.nextInt(2500));
        while (System.nanoTime() < until) {
          payOpenInvoices(client, stripe, paid, random);
          Harness.pause(100);
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        progress.add(stripe.simulator().count("invoice", i -> true) + " Stripe invoices, "
            + acu.simulator().records("Payment").size() + " payments, "
            + acu.simulator().records("JournalTransaction").size() + " journals");
      }
      Process last = start(config, env, tempDir.resolve("child-last.log"));
      try {
        // every invoice issued and paid (some in part), then a payout of everything: afterwards the
        // clearing account must be empty
        long issued = System.nanoTime() + Duration.ofSeconds(kills > 3 ? 1800 : 300).toNanos(); // liveness only
        while (!allIssued(stripe, invoiceCount)) {
          assertThat(last.isAlive()).as("the sample stopped; see " + tempDir).isTrue();
          assertThat(System.nanoTime()).as("invoices not issued in time; see " + tempDir).isLessThan(issued);
          Harness.pause(200);
        }
        for (int round = 0; round < 3; round++) {
          payOpenInvoices(client, stripe, paid, random);
        }
        stripe.simulator().payOut(true);
        long deadline = System.nanoTime() + Duration.ofSeconds(kills > 3 ? 1800 : 300).toNanos(); // liveness only
        while (!(allIssued(stripe, invoiceCount) && allPosted(client, acu) && clearing(acu).signum() == 0)) {
          assertThat(last.isAlive()).as("the sample stopped; see " + tempDir).isTrue();
          assertThat(System.nanoTime()).as("not settled in time; see " + tempDir + "; clearing " + clearing(acu))
              .isLessThan(deadline);
          Harness.pause(500);
        }
      } finally {
        last.destroy();
        last.waitFor(30, TimeUnit.SECONDS);
      }
      System.out.println("acumatica crash test, after each kill: " + progress);

      // the first kill landed while invoices were still being issued
      assertThat(progress.get(0)).doesNotStartWith(invoiceCount + " Stripe invoices");
      for (SeededInvoice inv : invoices) {
        String ref = inv.ref().system() + ":" + inv.ref().type() + ":" + inv.ref().id();
        assertThat(stripe.simulator().countWithMetadata("invoice", StripeMetadata.SOURCE_REF, ref)).as(ref).isEqualTo(1);
      }
      Set<String> charges = succeededCharges(client);
      assertThat(charges).hasSizeGreaterThanOrEqualTo(paid.size()).isNotEmpty();
      List<Map<String, Object>> payments = acu.simulator().records("Payment");
      assertThat(payments).as("one Acumatica payment per Stripe payment").hasSize(charges.size());
      assertThat(payments.stream().map(p -> value(p, "ExternalRef")).collect(Collectors.toSet()))
          .as("payment stamps").hasSize(payments.size());
      assertThat(payments.stream().map(p -> value(p, "PaymentRef")).collect(Collectors.toSet()))
          .as("payment references").containsExactlyInAnyOrderElementsOf(charges);
      assertThat(payments).allSatisfy(p -> assertThat(value(p, "Status")).isNotEqualTo("Balanced"));
      List<Map<String, Object>> journals = acu.simulator().records("JournalTransaction");
      Map<String, Long> perStamp = journals.stream().collect(Collectors.groupingBy(
          j -> value(j, "Description").substring(0, value(j, "Description").indexOf(']') + 1), Collectors.counting()));
      assertThat(perStamp.values()).as("GL journals per stamp").containsOnly(1L);
      assertThat(journals).isNotEmpty().allSatisfy(j -> assertThat(value(j, "Status")).isEqualTo("Posted"));
      Map<String, SeededInvoice> byRef = new HashMap<>();
      for (SeededInvoice inv : invoices) {
        byRef.put(inv.ref().system() + ":" + inv.ref().type() + ":" + inv.ref().id(), inv);
      }
      for (Invoice si : client.v1().invoices().list(InvoiceListParams.builder().setLimit(100L).build()).autoPagingIterable()) {
        SeededInvoice inv = byRef.get(si.getMetadata().get(StripeMetadata.SOURCE_REF));
        assertThat(inv).as("source of " + si.getId()).isNotNull();
        BigDecimal balance = acu.simulator().balance("SalesInvoice", "Invoice", inv.number());
        int exponent = "jpy".equals(si.getCurrency()) ? 0 : 2;
        assertThat(balance.movePointRight(exponent).longValueExact()).as("Acumatica balance of " + inv.number())
            .isEqualTo(si.getAmountRemaining());
      }
    }
  }

  private Path writeConfig(AcumaticaSimulation acu, StripeSimulation stripe, int port) throws IOException {
    Properties p = new Properties();
    p.put("pair", "acumatica-stripe");
    p.put("tenant", TENANT);
    p.putAll(acu.properties(TENANT));
    p.putAll(stripe.properties(TENANT));
    p.put("data.dir", tempDir.resolve("data").toString());
    p.put("webhook.host", "127.0.0.1");
    p.put("webhook.port", String.valueOf(port));
    p.put("poll.interval", "PT0.3S");
    p.put("node.id", "crash-node");
    p.put("engine.pending.grace", "PT1S");
    p.put("engine.claim.ttl", "PT2S");
    p.put("engine.lease.ttl", "PT3S");
    p.put("engine.parallelism", "8");
    // the first backstop read reaches back over the whole test: a webhook sent while no child was up
    // (its retries spent) is only found there
    p.put("stripe.backstop.lookback", "PT1H");
    p.put("stripe.requests.per.second", "300");
    p.put("stripe.rate.limit.backoff", "PT0.05S");
    p.put("stripe.rate.limit.backoff.max", "PT0.5S");
    Path config = tempDir.resolve("sample.properties");
    try (Writer w = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
      p.store(w, "acumatica crash test");
    }
    return config;
  }

  /** Everything the sample wrote so far: Stripe invoices, Acumatica payments and journals. */
  private static long writes(AcumaticaSimulation acu, StripeSimulation stripe) {
    return stripe.simulator().count("invoice", i -> true) + acu.simulator().records("Payment").size()
        + acu.simulator().records("JournalTransaction").size();
  }

  private static String value(Map<String, Object> record, String field) {
    Object f = record.get(field);
    Object v = f instanceof Map ? ((Map<?, ?>) f).get("value") : null;
    return v == null ? "" : v.toString();
  }

  /** The Stripe clearing account: released payments in (their cash account) plus its journal lines. */
  private static BigDecimal clearing(AcumaticaSimulation acu) {
    BigDecimal sum = acu.accountBalance(AcumaticaSimulation.CLEARING);
    for (Map<String, Object> pay : acu.simulator().records("Payment")) {
      if (!"Balanced".equals(value(pay, "Status"))) {
        sum = sum.add(new BigDecimal(value(pay, "PaymentAmount")));
      }
    }
    return sum;
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
  private static void payOpenInvoices(StripeClient client, StripeSimulation stripe, Set<String> paid, Random random)
      throws Exception {
    for (Invoice inv : client.v1().invoices().list(
        InvoiceListParams.builder().setStatus(InvoiceListParams.Status.OPEN).setLimit(100L).build()).getData()) {
      if (random.nextInt(3) != 0) {
        continue;
      }
      if (paid.add(inv.getId()) && random.nextInt(4) == 0 && inv.getAmountRemaining() > 100) {
        stripe.simulator().payInvoice(inv.getId(), inv.getAmountRemaining() / 2);
      } else {
        stripe.simulator().payInvoice(inv.getId());
      }
    }
  }

  private static boolean allIssued(StripeSimulation stripe, int invoices) {
    return stripe.simulator().count("invoice", i -> "open".equals(i.get("status")) || "paid".equals(i.get("status")))
        >= invoices;
  }

  private static boolean allPosted(StripeClient client, AcumaticaSimulation acu) throws Exception {
    Set<String> refs = acu.simulator().records("Payment").stream()
        .filter(p -> !"Balanced".equals(value(p, "Status"))).map(p -> value(p, "PaymentRef")).collect(Collectors.toSet());
    return refs.containsAll(succeededCharges(client));
  }

  private static Set<String> succeededCharges(StripeClient client) throws Exception {
    Set<String> out = new HashSet<>();
    for (Charge c : client.v1().charges().list(ChargeListParams.builder().setLimit(100L).build()).autoPagingIterable()) {
      if ("succeeded".equals(c.getStatus()) && c.getPaymentIntent() != null) {
        out.add(c.getId()); // an Acumatica payment's PaymentRef is the charge
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
