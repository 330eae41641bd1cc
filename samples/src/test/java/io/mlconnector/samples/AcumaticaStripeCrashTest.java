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
import java.math.BigDecimal;
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
      int port = SampleProcess.freePort();
      Path config = writeConfig(acu, stripe, port);
      stripe.deliverWebhooksTo(URI.create("http://127.0.0.1:" + port + "/webhooks/stripe/" + TENANT));
      StripeClient client = SampleProcess.stripeClient(stripe.simulator());
      Map<String, String> env = SampleProcess.keyEnv(random);

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
        Process child = SampleProcess.startRun(config, env, log);
        SampleProcess.awaitRunning(child, log);
        // kill once this child has written something (a loaded machine may take seconds to get going),
        // at a random moment after that
        long before = writes(acu, stripe);
        SampleProcess.awaitWhileAlive(child, log, Duration.ofSeconds(300), Duration.ofMillis(100), "nothing written",
            () -> writes(acu, stripe) != before, () -> SampleProcess.payOpenInvoices(client, stripe.simulator(), paid, random));
        SampleProcess.keepDoing(Duration.ofMillis(random.nextInt(2500)), Duration.ofMillis(100),
            () -> SampleProcess.payOpenInvoices(client, stripe.simulator(), paid, random));
        SampleProcess.kill(child);
        progress.add(stripe.simulator().count("invoice", i -> true) + " Stripe invoices, "
            + acu.simulator().records("Payment").size() + " payments, "
            + acu.simulator().records("JournalTransaction").size() + " journals");
      }
      Process last = SampleProcess.startRun(config, env, tempDir.resolve("child-last.log"));
      try {
        // every invoice issued and paid (some in part), then a payout of everything: afterwards the
        // clearing account must be empty
        Duration liveness = Duration.ofSeconds(kills > 3 ? 1800 : 300); // liveness only
        SampleProcess.awaitWhileAlive(last, tempDir, liveness, Duration.ofMillis(200), "invoices not issued in time",
            () -> SampleProcess.allIssued(stripe.simulator(), invoiceCount), SampleProcess.NOTHING);
        for (int round = 0; round < 3; round++) {
          SampleProcess.payOpenInvoices(client, stripe.simulator(), paid, random);
        }
        stripe.simulator().payOut(true);
        SampleProcess.awaitAssertedWhileAlive(last, tempDir, liveness, Duration.ofMillis(500), () -> assertThat(
            SampleProcess.allIssued(stripe.simulator(), invoiceCount) && allPosted(client, acu)
                && clearing(acu).signum() == 0)
            .as(() -> "settled (every invoice issued, every payment posted, the clearing account empty); see "
                + tempDir + "; clearing " + clearing(acu))
            .isTrue());
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
    Map<String, String> p = new HashMap<>();
    p.put("pair", "acumatica-stripe");
    p.put("tenant", TENANT);
    p.putAll(acu.properties(TENANT));
    p.putAll(stripe.properties(TENANT));
    p.putAll(SampleProcess.crashSettings(tempDir, port, 8));
    return SampleProcess.writeConfig(tempDir, "sample.properties", p);
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
}
