package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.samples.SapB1StripeTest.Pair2;
import io.mlconnector.samples.systems.SimulatedLedger.SeededInvoice;
import io.mlconnector.sapb1.SapB1Client;
import io.mlconnector.sapb1.SapB1Config;
import io.mlconnector.sapb1.SapB1Credentials;
import io.mlconnector.sapb1.SapB1Refs;
import io.mlconnector.stripe.StripeCanonical;
import io.mlconnector.stripe.StripeMetadata;
import io.mlconnector.testkit.http.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sap-b1-stripe pair through what its remotes do on a bad day: a storm of 429s from Stripe, a
 * storm of proxy errors (and a lost answer to a write) from the Service Layer, webhooks that never
 * arrive, and the user's only licence seat taken by a person. Nothing is lost, nothing is posted
 * twice.
 */
class SapB1StripeFaultsTest {
  private static final String TENANT = "acme";
  /** Quick back-off after a 429, so a storm costs the test little time. */
  private static final Map<String, String> QUICK_BACKOFF = Map.of("stripe.rate.limit.backoff", "PT0.02S",
      "stripe.rate.limit.backoff.max", "PT0.2S");

  @Test
  void aStormOf429sFromStripeLeavesEveryInvoiceOnceInStripeAndEveryPaymentOnceInSap() throws Exception {
    try (Pair2 p = new Pair2(b -> b, QUICK_BACKOFF)) {
      List<SeededInvoice> invoices = p.erp.seed(TENANT, 4, 12, 13);
      p.stripe().rateLimitStorm(25);

      p.runUntil(() -> invoices.stream().allMatch(i -> p.app.store()
          .mappingBySource(i.ref(), StripeCanonical.SYSTEM).isPresent()));

      for (SeededInvoice inv : invoices) {
        assertThat(p.stripe().countWithMetadata("invoice", StripeMetadata.SOURCE_REF, inv.ref().key()))
            .as(inv.ref().key()).isEqualTo(1);
      }
      p.stripe().payInvoice(p.stripeInvoice(invoices.get(0)));
      p.stripe().payInvoice(p.stripeInvoice(invoices.get(1)));
      p.awaitDeliveries();
      p.stripe().rateLimitStorm(30); // the payments flow reads Stripe too
      p.runUntil(() -> p.livePayments().size() == 2);
      p.app.runOnce();
      assertThat(p.sap().all("IncomingPayments")).hasSize(2);
      assertThat(p.reconcileWhenSettled().allMatched()).isTrue();
      assertThat(p.deadLetters()).isEmpty();
    }
  }

  /**
   * The Service Layer answers no 429 (the reference lists none); when it is overloaded its reverse
   * proxy answers 502, the simulator's server error. A storm of them hits the invoice reads and the
   * payment writes, and one payment is posted but its answer lost: found by its stamp, not posted
   * again.
   */
  @Test
  void aStormOfProxyErrorsFromTheServiceLayerPostsEachPaymentOnce() throws Exception {
    try (Pair2 p = new Pair2(b -> b, QUICK_BACKOFF)) {
      List<SeededInvoice> invoices = p.erp.seed(TENANT, 3, 9, 17);
      p.sap().faults().failNext(12, Fault.SERVER_ERROR);
      p.runUntil(() -> invoices.stream().allMatch(i -> p.app.store()
          .mappingBySource(i.ref(), StripeCanonical.SYSTEM).isPresent()));
      assertThat(p.sap().faults().injectedCount()).isEqualTo(12);

      for (int i = 0; i < 4; i++) {
        p.stripe().payInvoice(p.stripeInvoice(invoices.get(i)));
      }
      p.awaitDeliveries();
      p.sap().faults().failNext(1, Fault.RESPONSE_LOST_AFTER_COMMIT).failNext(8, Fault.SERVER_ERROR);
      p.runUntil(() -> p.livePayments().size() >= 4 && p.sap().faults().injectedCount() == 21);
      p.app.runOnce();

      assertThat(p.sap().all("IncomingPayments")).hasSize(4);
      assertThat(p.livePayments()).extracting(m -> m.get("Remarks")).doesNotHaveDuplicates();
      assertThat(p.reconcileWhenSettled().allMatched()).isTrue();
      assertThat(p.deadLetters()).isEmpty();
    }
  }

  @Test
  void whenEveryWebhookIsLostTheEventsBackstopPostsEveryPayment() throws Exception {
    try (Pair2 p = new Pair2()) {
      List<SeededInvoice> invoices = p.erp.seed(TENANT, 3, 4, 19);
      p.app.runOnce();
      p.stripe().webhooks().dropNext(1000);
      String full = p.stripe().payInvoice(p.stripeInvoice(invoices.get(0)));
      long due = (Long) p.stripe().object(p.stripeInvoice(invoices.get(1))).get("amount_due");
      String part = p.stripe().payInvoice(p.stripeInvoice(invoices.get(1)), due / 2);
      String other = p.stripe().payInvoice(p.stripeInvoice(invoices.get(2)));
      p.awaitDeliveries();

      p.runUntil(() -> p.livePayments().size() == 3);
      p.app.runOnce();

      for (String charge : List.of(full, part, other)) {
        String pi = (String) p.stripe().object(charge).get("payment_intent");
        String stamp = SapB1Refs.stamp(ExternalRef.of("stripe", TENANT, "payment_intent", pi));
        assertThat(p.livePayments()).filteredOn(m -> stamp.equals(m.get("Remarks"))).as(pi).hasSize(1);
      }
      assertThat(p.paid(invoices.get(1))).isPositive();
      assertThat(p.sap().invoice(Long.parseLong(invoices.get(1).ref().id())).get("DocumentStatus")).isEqualTo("bost_Open");
      assertThat(p.reconcileWhenSettled().allMatched()).isTrue();
      assertThat(p.deadLetters()).isEmpty();
    }
  }

  @Test
  void afterTheSessionLapsesAndAPersonTakesTheOnlySeatPaymentsWaitAndPostOnce() throws Exception {
    // the client waits 0.2 s (not the default 30 s) before it asks for a seat again: the test's runs are bounded by 30 s
    try (Pair2 p = new Pair2(b -> b.licenceSeats(1), Map.of("sap-b1.seat.retry", "PT0.2S", "sap-b1.seat.retry.max", "PT1S"));
        HttpTransport transport = HttpTransport.builder().build()) {
      List<SeededInvoice> invoices = p.erp.seed(TENANT, 2, 2, 23);
      p.app.runOnce();
      Map<String, String> props = p.erp.properties(TENANT);
      SapB1Client person = SapB1Client.create(transport, SapB1Config.builder("other", "other/sap-b1",
          props.get("sap-b1.url"), SapB1Credentials.of(props.get("sap-b1.company"), props.get("sap-b1.user"),
              Secret.of(props.get("sap-b1.password")))).build());
      p.sap().advance(Duration.ofMinutes(45)); // the connector's idle session lapses and frees the seat
      person.ping(); // a person logs in with the same user and takes the only seat
      assertThat(p.sap().liveSessions()).isEqualTo(1);
      p.stripe().payInvoice(p.stripeInvoice(invoices.get(0)));
      p.awaitDeliveries();

      Map<String, RunReport> blocked = p.app.runOnce();

      assertThat(blocked.get(Harness.PAYMENTS).failed()).isPositive();
      assertThat(p.sap().all("IncomingPayments")).isEmpty();
      List<AuditEntry> failures = p.app.store().audit(new AuditQuery(TENANT, null, null, Harness.PAYMENTS, null, null,
          AuditEntry.Outcome.FAILED, 100, null)).items();
      assertThat(failures).isNotEmpty();
      assertThat(failures.get(0).error()).containsIgnoringCase("licence seat");
      assertThat(p.deadLetters()).isEmpty(); // waiting for a seat is transient: retried, not parked

      person.close(); // logs out: the seat is free again
      p.runUntil(() -> p.livePayments().size() == 1);
      p.app.runOnce();
      assertThat(p.sap().all("IncomingPayments")).hasSize(1);
      assertThat(p.reconcileWhenSettled().allMatched()).isTrue();
    }
  }
}
