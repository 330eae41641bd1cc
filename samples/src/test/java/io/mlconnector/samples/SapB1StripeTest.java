package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.RetryItem;
import io.mlconnector.core.sync.RetryQueuePolicy;
import io.mlconnector.integrations.ReceivablesReconciliation;
import io.mlconnector.samples.pairs.Pair;
import io.mlconnector.samples.pairs.Pairs;
import io.mlconnector.samples.systems.SapB1Simulation;
import io.mlconnector.samples.systems.SimulatedLedger.SeededInvoice;
import io.mlconnector.samples.systems.StripeSimulation;
import io.mlconnector.stripe.StripeCanonical;
import io.mlconnector.stripe.StripeInvoiceSink;
import io.mlconnector.testkit.sapb1.SapB1Simulator;
import io.mlconnector.testkit.stripe.StripeSimulator;
import io.mlconnector.testkit.stripe.WebhookControls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** SAP Business One with Stripe, end to end through the published receivables integration. */
class SapB1StripeTest {
  private static final String TENANT = "acme";

  /** Both simulators and the sample app of the sap-b1-stripe pair on a fresh H2 store. */
  static final class Pair2 implements AutoCloseable {
    final SapB1Simulation erp;
    final StripeSimulation stripeSim;
    final SampleApp app;

    Pair2() {
      this(b -> b, Map.of());
    }

    /** With the SAP B1 simulation configured by {@code erpConfig} and {@code extra} settings of the sample. */
    Pair2(UnaryOperator<SapB1Simulation.Builder> erpConfig, Map<String, String> extra) {
      erp = erpConfig.apply(SapB1Simulation.builder()).start();
      stripeSim = StripeSimulation.builder().start();
      Path dir;
      try {
        dir = Files.createTempDirectory("mlc-sapb1-e2e");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Map<String, String> props = new HashMap<>();
      props.put("pair", "sap-b1-stripe");
      props.put("tenant", TENANT);
      props.put("data.dir", dir.toString());
      props.put("webhook.host", "127.0.0.1");
      props.put("webhook.port", "0");
      props.put("stripe.requests.per.second", "200");
      props.put("engine.pending.grace", "PT0S");
      props.putAll(erp.properties(TENANT));
      props.putAll(stripeSim.properties(TENANT));
      props.putAll(extra);
      app = SampleApp.open(SampleConfig.of(props, "test"), ReceivablesDemo.demoKeys(),
          b -> b.retryPolicy(new RetryQueuePolicy(Duration.ofMillis(50), Duration.ofMillis(400), 30)).randomSeed(1));
      stripeSim.deliverWebhooksTo(app.webhookUrl());
    }

    SapB1Simulator sap() {
      return erp.simulator();
    }

    StripeSimulator stripe() {
      return stripeSim.simulator();
    }

    String stripeInvoice(SeededInvoice inv) {
      return app.store().mappingBySource(inv.ref(), StripeCanonical.SYSTEM).map(StripeInvoiceSink::currentInvoice)
          .orElseThrow(() -> new AssertionError("invoice " + inv.number() + " is not in Stripe"));
    }

    double paid(SeededInvoice inv) {
      return ((Number) sap().invoice(Long.parseLong(inv.ref().id())).get("PaidToDate")).doubleValue();
    }

    List<Map<String, Object>> livePayments() {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Map<String, Object> p : sap().all("IncomingPayments")) {
        if ("tNO".equals(p.get("Cancelled"))) {
          out.add(p);
        }
      }
      return out;
    }

    void awaitDeliveries() throws InterruptedException {
      assertThat(stripeSim.awaitDeliveries(Duration.ofSeconds(20))).as("webhooks delivered").isTrue();
    }

    void runUntil(BooleanSupplier done) {
      await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
          .pollInSameThread().untilAsserted(() -> {
            app.runOnce();
            assertThat(done.getAsBoolean()).as(() -> "the condition; parked: " + deadLetters()).isTrue();
          });
    }

    ReceivablesReconciliation reconcileWhenSettled() {
      ReceivablesReconciliation[] last = new ReceivablesReconciliation[1];
      runUntil(() -> (last[0] = app.reconcile()).allMatched());
      return last[0];
    }

    List<RetryItem> deadLetters() {
      return app.store().deadLetters(DeadLetterQuery.all(TENANT)).items();
    }

    @Override
    public void close() {
      app.close();
      stripeSim.close();
      erp.close();
    }
  }

  @Test
  void theDemoOfThePairReconciles() throws Exception {
    Pair pair = Pairs.named("sap-b1-stripe");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Pair.DemoResult result = pair.demo(new PrintStream(buf, true, StandardCharsets.UTF_8),
        Files.createTempDirectory("mlc-sapb1-demo"), 12);
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(result.ok()).as(out).isTrue();
    assertThat(result.records()).isEqualTo(12);
    assertThat(out).contains("incoming payments in SAP B1");
  }

  @Test
  void aPaymentInStripeBecomesOneIncomingPaymentAndEverythingReconciles() throws Exception {
    try (Pair2 p = new Pair2()) {
      List<SeededInvoice> invoices = p.erp.seed(TENANT, 3, 5, 11);
      p.app.runOnce();
      for (SeededInvoice inv : invoices) {
        Map<String, Object> si = p.stripe().object(p.stripeInvoice(inv));
        assertThat(si.get("status")).isEqualTo("open");
      }
      SeededInvoice first = invoices.get(0);
      p.stripe().payInvoice(p.stripeInvoice(first));
      p.awaitDeliveries();
      p.runUntil(() -> "bost_Close".equals(p.sap().invoice(Long.parseLong(first.ref().id())).get("DocumentStatus")));
      assertThat(p.livePayments()).singleElement().satisfies(m -> {
        assertThat((String) m.get("Remarks")).startsWith("mlc:stripe:payment_intent:pi_");
        assertThat(m.get("PaymentInvoices").toString()).contains("DocEntry=" + first.ref().id());
      });
      assertThat(p.reconcileWhenSettled().lines()).hasSize(5);
      assertThat(p.deadLetters()).isEmpty();
    }
  }

  @Test
  void sessionsThatExpireMidRunAreRenewedAndEveryPaymentPostsOnce() throws Exception {
    try (Pair2 p = new Pair2()) {
      List<SeededInvoice> invoices = p.erp.seed(TENANT, 2, 4, 5);
      p.app.runOnce();
      long loginsBefore = p.sap().logins();
      p.sap().expireSessions(); // the idle timeout lapsed, or the Service Layer restarted
      p.stripe().payInvoice(p.stripeInvoice(invoices.get(0)));
      p.stripe().payInvoice(p.stripeInvoice(invoices.get(1)));
      p.awaitDeliveries();
      p.sap().failNextWithSessionTimeout(2); // and once more while the run is going
      p.runUntil(() -> p.livePayments().size() == 2);
      p.app.runOnce();
      assertThat(p.sap().logins()).isGreaterThan(loginsBefore);
      assertThat(p.livePayments()).hasSize(2);
      assertThat(p.sap().all("IncomingPayments")).hasSize(2);
      assertThat(p.reconcileWhenSettled().allMatched()).isTrue();
      assertThat(p.deadLetters()).isEmpty();
    }
  }

  @Test
  void duplicateAndReorderedWebhooksPostEachPaymentOnce() throws Exception {
    try (Pair2 p = new Pair2()) {
      List<SeededInvoice> invoices = p.erp.seed(TENANT, 3, 3, 9);
      p.app.runOnce();
      p.stripe().webhooks().hold().duplicateNext(200);
      p.stripe().payInvoice(p.stripeInvoice(invoices.get(0)));
      long due = (Long) p.stripe().object(p.stripeInvoice(invoices.get(1))).get("amount_due");
      p.stripe().payInvoice(p.stripeInvoice(invoices.get(1)), due / 3);
      p.stripe().payInvoice(p.stripeInvoice(invoices.get(1)), due / 3);
      String refunded = p.stripe().payInvoice(p.stripeInvoice(invoices.get(2)));
      p.stripe().refund(refunded, 1000L);
      p.stripe().webhooks().release(WebhookControls.Order.REVERSED);
      p.awaitDeliveries();
      p.runUntil(() -> p.sap().all("IncomingPayments").size() == 5);
      p.app.runOnce();
      // four payments, one of them cancelled and re-posted less the refund: five documents, four live
      assertThat(p.sap().all("IncomingPayments")).hasSize(5);
      assertThat(p.livePayments()).hasSize(4);
      assertThat(p.reconcileWhenSettled().allMatched()).isTrue();
      assertThat(p.deadLetters()).isEmpty();
    }
  }
}
