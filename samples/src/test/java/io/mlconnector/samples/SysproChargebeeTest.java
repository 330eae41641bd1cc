package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.integrations.ReceivablesReconciliation;
import io.mlconnector.samples.pairs.Pair;
import io.mlconnector.samples.pairs.Pairs;
import io.mlconnector.samples.systems.ChargebeeSimulation;
import io.mlconnector.samples.systems.SimulatedLedger.SeededInvoice;
import io.mlconnector.samples.systems.SysproSimulation;
import io.mlconnector.core.sync.RetryQueuePolicy;
import io.mlconnector.testkit.chargebee.ChargebeeSimulator;
import io.mlconnector.testkit.http.Fault;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** SYSPRO -> Chargebee through the published receivables integration. */
class SysproChargebeeTest {
  private static final String TENANT = "acme";

  @Test
  void theDemoPairReconciles() throws Exception {
    Path dir = Files.createTempDirectory("mlc-cb-demo");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try {
      Pair.DemoResult r = Pairs.named("syspro-chargebee").demo(new PrintStream(buf, true, StandardCharsets.UTF_8), dir, 12);
      String out = buf.toString(StandardCharsets.UTF_8);
      assertThat(r.ok()).as(out).isTrue();
      assertThat(r.records()).as(out).isEqualTo(12);
      assertThat(out).contains("12 invoices written").contains("2 refunds");
    } finally {
      Harness.deleteTree(dir);
    }
  }

  /** The two simulators and the sample app for one test. */
  private static final class Pair2 implements AutoCloseable {
    final SysproSimulation erp = SysproSimulation.builder().start();
    final ChargebeeSimulation cb;
    final Path dir;
    final Map<String, String> props = new HashMap<>();
    final io.mlconnector.core.credential.KeyProvider keys = ReceivablesDemo.demoKeys();
    SampleApp app;
    final List<SeededInvoice> invoices;

    Pair2(ChargebeeSimulation.Builder cbb, int customers, int count) throws Exception {
      this.cb = cbb.start();
      this.dir = Files.createTempDirectory("mlc-cb");
      invoices = erp.seed(TENANT, customers, count, 5);
      props.put("pair", "syspro-chargebee");
      props.put("tenant", TENANT);
      props.putAll(erp.properties(TENANT));
      props.putAll(cb.properties(TENANT));
      props.put("data.dir", dir.toString());
      props.put("webhook.host", "127.0.0.1");
      props.put("webhook.port", "0");
      props.put("engine.pending.grace", "PT0S");
      app = open();
      erp.prepare(app.ledgerSystem(), customers);
      cb.deliverWebhooksTo(app.webhookUrl());
    }

    private SampleApp open() {
      return SampleApp.open(SampleConfig.of(props, "test"), keys,
          b -> b.retryPolicy(new RetryQueuePolicy(Duration.ofMillis(50), Duration.ofMillis(400), 30)).randomSeed(1));
    }

    /** Stops the app and opens it again on the same store (a restart of the process). */
    void restart() throws Exception {
      app.close();
      app = open();
      cb.deliverWebhooksTo(app.webhookUrl());
    }

    ChargebeeSimulator sim() {
      return cb.simulator();
    }

    String cbInvoice(SeededInvoice inv) {
      return ReceivablesDemo.collectorInvoice(app, inv).orElseThrow(() -> new AssertionError(inv.number() + " not in Chargebee"));
    }

    void runUntil(BooleanSupplier done) {
      await().atMost(Duration.ofSeconds(150)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
          .pollInSameThread().untilAsserted(() -> {
            app.runOnce();
            assertThat(done.getAsBoolean()).as("the condition").isTrue();
          });
    }

    ReceivablesReconciliation settle() {
      ReceivablesReconciliation[] last = new ReceivablesReconciliation[1];
      runUntil(() -> (last[0] = app.reconcile()).allMatched());
      return last[0];
    }

    @Override
    public void close() throws Exception {
      app.close();
      cb.close();
      erp.close();
      Harness.deleteTree(dir);
    }
  }

  private static Map<String, Long> invoicesPerPoNumber(ChargebeeSimulator sim) {
    return sim.records("invoice").stream().filter(i -> !"voided".equals(i.get("status")))
        .collect(Collectors.groupingBy(i -> (String) i.get("po_number"), Collectors.counting()));
  }

  @Test
  void webhookDuplicatesPostOnceAndForgeriesGainNothing() throws Exception {
    try (Pair2 p = new Pair2(ChargebeeSimulation.builder(), 3, 4)) {
      p.runUntil(() -> p.invoices.stream().allMatch(i -> ReceivablesDemo.collectorInvoice(p.app, i).isPresent()));
      SeededInvoice first = p.invoices.get(0);
      SeededInvoice second = p.invoices.get(1);
      p.sim().webhooks().duplicateNext(10);
      p.sim().pay(p.cbInvoice(first), null);
      assertThat(p.cb.awaitDeliveries(Duration.ofSeconds(20))).isTrue();
      p.runUntil(() -> p.erp.simulator().arPayments().size() == 1);

      // a delivery without the endpoint's credentials is refused at the door
      Map<String, Object> real = p.sim().events().stream().filter(e -> "payment_succeeded".equals(e.get("event_type")))
          .findFirst().orElseThrow();
      String body = io.mlconnector.chargebee.internal.CbJson.write(real);
      assertThat(post(p.app.webhookUrl(), "mlconnector:guess", body)).isEqualTo(401);
      // a forged body naming the real event id, claiming another invoice was paid: the event is
      // fetched from Chargebee by id, so nothing new is posted
      String forged = body.replace(p.cbInvoice(first), p.cbInvoice(second)).replace("\"amount\":", "\"amount\":9");
      assertThat(post(p.app.webhookUrl(), "mlconnector:demo-webhook-password-0000", forged)).isBetween(200, 299);
      // a forged event id Chargebee does not know is parked, never acted on
      String unknown = body.replace((String) real.get("id"), "ev_forged000000001");
      post(p.app.webhookUrl(), "mlconnector:demo-webhook-password-0000", unknown);
      for (int i = 0; i < 5; i++) {
        p.app.runOnce();
      }
      assertThat(p.erp.simulator().arPayments()).hasSize(1);
      assertThat(p.erp.simulator().arPayments().get(0).invoice()).isEqualTo(first.number());
      assertThat(p.sim().webhooks().deliveries().stream().filter(d -> d.eventType().equals("payment_succeeded")).count())
          .isEqualTo(2);

      // a delivery that never arrives: the events backstop (GET /events) brings the payment in
      p.sim().webhooks().dropNext(1);
      p.sim().pay(p.cbInvoice(second), null);
      p.runUntil(() -> p.erp.simulator().arPayments().size() == 2);
      assertThat(p.erp.simulator().arPayments().get(1).invoice()).isEqualTo(second.number());
    }
  }

  @Test
  void afterARestartOneEventsReadPerScheduledPassServesThePaymentsRefundsAndCancellationsFlows() throws Exception {
    try (Pair2 p = new Pair2(ChargebeeSimulation.builder(), 2, 3)) {
      p.runUntil(() -> p.invoices.stream().allMatch(i -> ReceivablesDemo.collectorInvoice(p.app, i).isPresent()));
      p.sim().pay(p.cbInvoice(p.invoices.get(0)), null);
      p.runUntil(() -> p.erp.simulator().arPayments().size() == 1);
      // no webhook arrives from now on: only the events backstop can bring these in
      p.sim().webhooks().dropNext(100);
      p.sim().pay(p.cbInvoice(p.invoices.get(1)), null);
      p.sim().refund(p.cbInvoice(p.invoices.get(0)), 100L);
      p.restart(); // the events backstop's cursor is in the store
      long reads = p.sim().eventListReads();

      p.app.start(); // the engine's scheduler: one pass of every flow at once, the next in a minute
      await().atMost(Duration.ofSeconds(50)).pollInterval(Duration.ofMillis(50))
          .until(() -> p.erp.simulator().arPayments().size() == 3);

      // the payments, refunds and cancellations flows of the pass shared one read of the event list
      assertThat(p.sim().eventListReads() - reads).isEqualTo(1);
      assertThat(p.erp.simulator().arPayments()).extracting(a -> a.invoice())
          .containsExactlyInAnyOrder(p.invoices.get(0).number(), p.invoices.get(1).number(), p.invoices.get(0).number());
    }
  }

  @Test
  void aRateLimitStormAtTheStarterLimitLosesAndDuplicatesNothing() throws Exception {
    try (Pair2 p = new Pair2(ChargebeeSimulation.builder().plan("starter", 150), 2, 3)) {
      p.sim().rateLimitStorm(8);
      ReceivablesReconciliation report = p.settle();
      assertThat(report.lines()).hasSize(3);
      assertThat(invoicesPerPoNumber(p.sim())).hasSize(3).allSatisfy((po, n) -> assertThat(n).isEqualTo(1));
      assertThat(p.sim().records("customer")).hasSize(2);
    }
  }

  @Test
  void anAnswerLostAfterCommitAndARetryAfterTheIdempotencyWindowCreateOneInvoice() throws Exception {
    try (Pair2 p = new Pair2(ChargebeeSimulation.builder(), 2, 3)) {
      // every invoice create commits in Chargebee and its answer is lost (replays to the
      // transport's retries are lost too): the engine keeps PENDING intents
      // (and so are the invoice lists find-by-stamp reads: nothing is resolved before the window ends)
      p.sim().faults().random(1.0, Fault.RESPONSE_LOST_AFTER_COMMIT,
          r -> r.path().endsWith("/invoices/create_for_charge_items_and_charges")
              || (r.method().equals("GET") && r.path().endsWith("/invoices")));
      p.app.runOnce();
      p.app.runOnce();
      assertThat(p.sim().records("invoice")).hasSize(3);
      assertThat(p.app.store().mappingBySource(p.invoices.get(0).ref(), "chargebee")).isEmpty();
      // 31 minutes later Chargebee has forgotten the idempotency keys: only find-by-stamp can tell
      p.sim().faults().reset();
      p.sim().advanceClock(Duration.ofMinutes(31));
      ReceivablesReconciliation report = p.settle();
      assertThat(report.lines()).hasSize(3);
      assertThat(p.sim().records("invoice")).hasSize(3);
      assertThat(invoicesPerPoNumber(p.sim())).hasSize(3).allSatisfy((po, n) -> assertThat(n).isEqualTo(1));
      List<String> actions = p.app.store().audit(new io.mlconnector.core.state.AuditQuery(
              TENANT, null, null, null, null, null, null, 200, null)).items().stream()
          .filter(e -> e.target() != null && "chargebee".equals(e.target().system()) && "invoice".equals(e.target().type()))
          .map(io.mlconnector.core.state.AuditEntry::action).toList();
      assertThat(actions).as("invoices adopted through find-by-stamp").filteredOn(a -> a.startsWith("adopt")).hasSize(3);
    }
  }

  @Test
  void aSysproSessionThatExpiresMidRunIsRenewedAndEveryPaymentPostsOnce() throws Exception {
    try (Pair2 p = new Pair2(ChargebeeSimulation.builder(), 3, 4)) {
      p.runUntil(() -> p.invoices.stream().allMatch(i -> ReceivablesDemo.collectorInvoice(p.app, i).isPresent()));
      p.sim().pay(p.cbInvoice(p.invoices.get(0)), null);
      assertThat(p.cb.awaitDeliveries(Duration.ofSeconds(20))).isTrue();
      p.runUntil(() -> p.erp.simulator().arPayments().size() == 1);

      // past SYSPRO's idle timeout: the pooled e.net session is dead; the next postings must log on again
      p.erp.simulator().advanceClock(Duration.ofMinutes(45));
      p.sim().pay(p.cbInvoice(p.invoices.get(1)), null);
      p.sim().pay(p.cbInvoice(p.invoices.get(2)), null);
      assertThat(p.cb.awaitDeliveries(Duration.ofSeconds(20))).isTrue();
      p.runUntil(() -> p.erp.simulator().arPayments().size() >= 3);
      p.app.runOnce();

      assertThat(p.erp.simulator().expiredSessionCount()).isGreaterThanOrEqualTo(1);
      assertThat(p.erp.simulator().arPayments()).hasSize(3)
          .extracting(io.mlconnector.testkit.syspro.ArPayment::invoice)
          .containsExactlyInAnyOrder(p.invoices.get(0).number(), p.invoices.get(1).number(), p.invoices.get(2).number());
      assertThat(invoicesPerPoNumber(p.sim())).hasSize(4).allSatisfy((po, n) -> assertThat(n).isEqualTo(1));
      assertThat(p.app.store().deadLetters(io.mlconnector.core.state.DeadLetterQuery.all(TENANT))
          .items()).isEmpty();
      assertThat(p.settle().allMatched()).isTrue();
    }
  }

  @Test
  void aCancelledSubscriptionIsAuditedAndNotedForTheTenantAndPostsNothing() throws Exception {
    try (Pair2 p = new Pair2(ChargebeeSimulation.builder(), 3, 3)) {
      p.runUntil(() -> p.invoices.stream().allMatch(i -> ReceivablesDemo.collectorInvoice(p.app, i).isPresent()));
      io.mlconnector.chargebee.ChargebeeClient client =
          ((io.mlconnector.samples.systems.ChargebeeSystem) p.app.collectorSystem()).client();
      client.post("items", io.mlconnector.chargebee.ChargebeeForm.create().put("id", "support").put("name", "Support")
          .put("type", "plan"), null);
      client.post("item_prices", io.mlconnector.chargebee.ChargebeeForm.create().put("id", "support-EUR")
          .put("item_id", "support").put("name", "Support monthly").put("price", 9900).put("currency_code", "EUR")
          .put("period", 1).put("period_unit", "month"), null);
      List<String> customers = p.sim().records("customer").stream().map(c -> (String) c.get("id")).sorted().toList();
      for (String c : customers.subList(0, 2)) {
        client.post("customers/" + c + "/subscription_for_items", io.mlconnector.chargebee.ChargebeeForm.create()
            .put("id", c + "-support").putList("subscription_items", 0, "item_price_id", "support-EUR")
            .putList("subscription_items", 0, "quantity", 1), null);
      }
      io.mlconnector.samples.systems.SubscriptionNotices notices = new io.mlconnector.samples.systems.SubscriptionNotices(
          TENANT, io.mlconnector.samples.systems.ChargebeeSystem.noticesFile(p.app.config()), r -> java.util.Optional.empty(),
          java.time.Clock.systemUTC());
      int postings = p.erp.simulator().arPayments().size();

      // a webhook, delivered three times: one notice
      p.sim().webhooks().duplicateNext(3);
      p.sim().cancelSubscription(customers.get(0) + "-support");
      assertThat(p.cb.awaitDeliveries(Duration.ofSeconds(20))).isTrue();
      p.runUntil(() -> notices.notices().size() == 1);
      Map<String, String> first = notices.notices().get(0);
      assertThat(first).containsEntry("subscription", customers.get(0) + "-support")
          .containsEntry("syspro_customer", customers.get(0)).containsEntry("status", "cancelled")
          .containsEntry("item_prices", "support-EUR").containsEntry("recurring", "");
      assertThat(first.get("action")).startsWith("stop the recurring SYSPRO billing");
      assertThat(first.get("cancelled_at")).isNotBlank();

      // a delivery that never arrives: the events backstop brings the second cancellation in
      p.sim().webhooks().dropNext(1);
      p.sim().cancelSubscription(customers.get(1) + "-support");
      p.runUntil(() -> notices.notices().size() == 2);
      assertThat(notices.notices().get(1)).containsEntry("syspro_customer", customers.get(1));

      // a forged body naming the first cancellation's real event id but another subscription: Chargebee's copy decides
      Map<String, Object> real = p.sim().events().stream().filter(e -> "subscription_cancelled".equals(e.get("event_type")))
          .findFirst().orElseThrow();
      String forged = io.mlconnector.chargebee.internal.CbJson.write(real)
          .replace(customers.get(0) + "-support", customers.get(2) + "-support");
      assertThat(post(p.app.webhookUrl(), "mlconnector:demo-webhook-password-0000", forged)).isBetween(200, 299);
      for (int i = 0; i < 5; i++) {
        p.app.runOnce();
      }
      assertThat(notices.notices()).hasSize(2);
      // no money moved: nothing posted to ARSTPY; the engine audited each cancellation
      assertThat(p.erp.simulator().arPayments()).hasSize(postings);
      List<io.mlconnector.core.state.AuditEntry> audit = p.app.store().audit(new io.mlconnector.core.state.AuditQuery(
              TENANT, null, null, io.mlconnector.samples.systems.ChargebeeSystem.SUBSCRIPTION_CANCELLATIONS, null, null,
              io.mlconnector.core.state.AuditEntry.Outcome.SUCCEEDED, 100, null)).items();
      assertThat(audit).extracting(e -> e.source().id()).containsExactlyInAnyOrder(customers.get(0) + "-support",
          customers.get(1) + "-support");
      assertThat(audit).allSatisfy(e -> assertThat(e.target().type()).isEqualTo("subscription-notice"));
    }
  }

  private static int post(URI url, String basic, String body) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
