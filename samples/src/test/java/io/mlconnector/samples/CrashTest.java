package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.model.Invoice;
import com.stripe.param.InvoiceListParams;
import io.mlconnector.stripe.StripeMetadata;
import io.mlconnector.testkit.syspro.ArInvoice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample runs in its own JVM on an embedded H2 store and is killed (SIGKILL) at seeded random
 * points ten times (each once it has issued something) while it syncs 500 invoices and customers
 * pay them in Stripe; the simulators
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
      int port = SampleProcess.freePort();
      Path config = SampleProcess.writeConfig(dir, "sample.properties",
          sims.properties("acme", SampleProcess.crashSettings(dir, port, 8)));
      sims.stripe().webhooks().addEndpoint(java.net.URI.create("http://127.0.0.1:" + port + "/webhooks/stripe/acme"),
          sims.webhookSecret());
      StripeClient stripe = SampleProcess.stripeClient(sims.stripe());
      Map<String, String> env = SampleProcess.keyEnv(random);

      Set<String> paid = new HashSet<>();
      List<String> progress = new ArrayList<>();
      for (int kill = 0; kill < KILLS; kill++) {
        Path log = dir.resolve("child-" + kill + ".log");
        Process child = SampleProcess.startRun(config, env, log);
        SampleProcess.awaitRunning(child, log); // a loaded machine may take seconds to start a JVM: kill a running engine
        // and one that has issued something: a loaded machine may take longer than the random delay to get there
        SampleProcess.awaitProgress(child, log, () -> sims.stripe().count("invoice", i -> true), INVOICES,
            () -> SampleProcess.payOpenInvoices(stripe, sims.stripe(), paid, random));
        SampleProcess.keepDoing(Duration.ofMillis(random.nextInt(4000)), Duration.ofMillis(200),
            () -> SampleProcess.payOpenInvoices(stripe, sims.stripe(), paid, random));
        SampleProcess.kill(child);
        progress.add(sims.stripe().count("invoice", i -> true) + " invoices in Stripe, "
            + sims.syspro().arPayments().size() + " ARSTPY postings");
      }

      Process last = SampleProcess.startRun(config, env, dir.resolve("child-last.log"));
      try {
        // liveness bound only (loaded 2-core CI)
        SampleProcess.awaitWhileAlive(last, dir, Duration.ofSeconds(300), Duration.ofMillis(500),
            "not settled within 300 s",
            () -> SampleProcess.allIssued(sims.stripe(), invoices.size()) && allPosted(stripe, sims),
            SampleProcess.NOTHING);
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
      Set<String> intents = SampleProcess.succeededPaymentIntents(stripe);
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

  private static boolean allPosted(StripeClient stripe, SimulatedSystems sims) throws Exception {
    for (String pi : SampleProcess.succeededPaymentIntents(stripe)) {
      if (sims.syspro().arPaymentsWithReference(pi).isEmpty()) {
        return false;
      }
    }
    return true;
  }
}
