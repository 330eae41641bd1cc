package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.samples.AcumaticaStripeTest.Pair;
import io.mlconnector.samples.systems.AcumaticaSimulation;
import io.mlconnector.samples.systems.SimulatedLedger.SeededInvoice;
import io.mlconnector.testkit.stripe.WebhookControls;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Acumatica with Stripe: duplicate, out-of-order and missed webhooks (payments, a refund, payouts)
 * still post each payment once and each GL journal once, and the clearing account ends empty.
 */
class AcumaticaStripeWebhookTest {
  private static final String TENANT = "acme";

  @Test
  void duplicateAndReorderedDeliveriesPostEachPaymentAndJournalOnce() {
    try (Pair p = new Pair(s -> s)) {
      List<SeededInvoice> invoices = p.acumatica.seed(TENANT, 2, 4, 11);
      p.runOnce();
      p.stripe().webhooks().hold().duplicateNext(200);
      p.stripe().payInvoice(p.stripeInvoice(invoices.get(0)));
      String split = p.stripeInvoice(invoices.get(1));
      long due = (Long) p.stripe().object(split).get("amount_due");
      p.stripe().payInvoice(split, due / 3);
      p.stripe().payInvoice(split, due / 3);
      p.stripe().payInvoice(p.stripeInvoice(invoices.get(2)));
      p.stripe().refund(p.stripe().chargesOfInvoice(p.stripeInvoice(invoices.get(2))).get(0), 1000L);
      p.stripe().webhooks().release(WebhookControls.Order.REVERSED);
      p.awaitDeliveries();
      p.runUntil(() -> p.released("Payment") == 4 && p.acumatica.accountBalance(AcumaticaSimulation.REFUNDS).signum() > 0);

      p.stripe().webhooks().hold().duplicateNext(200);
      List<String> payouts = p.stripe().payOut(true);
      assertThat(payouts).isNotEmpty();
      p.stripe().webhooks().release(WebhookControls.Order.REVERSED);
      p.awaitDeliveries();
      p.runUntil(() -> p.clearing().signum() == 0 && p.acumatica.accountBalance(AcumaticaSimulation.BANK).signum() > 0);
      p.runOnce();

      assertOnce(p);
      assertThat(p.acumatica.accountBalance(AcumaticaSimulation.REFUNDS)).isEqualByComparingTo("10.00");
      assertThat(p.sim().balance("SalesInvoice", "Invoice", invoices.get(0).number())).isEqualByComparingTo("0");
      assertThat(p.reconcileWhenSettled().allMatched()).isTrue();
      assertThat(p.deadLetters()).isEmpty();
    }
  }

  @Test
  void missedWebhooksAreCaughtByTheEventsBackstop() {
    try (Pair p = new Pair(s -> s)) {
      List<SeededInvoice> invoices = p.acumatica.seed(TENANT, 1, 2, 13);
      p.runOnce();
      p.stripe().webhooks().dropNext(1000);
      p.stripe().payInvoice(p.stripeInvoice(invoices.get(0)));
      p.stripe().payInvoice(p.stripeInvoice(invoices.get(1)));
      p.awaitDeliveries();
      p.runUntil(() -> p.released("Payment") == 2);
      p.stripe().payOut(true);
      p.awaitDeliveries();
      p.runUntil(() -> p.clearing().signum() == 0 && p.acumatica.accountBalance(AcumaticaSimulation.BANK).signum() > 0);

      assertOnce(p);
      for (SeededInvoice inv : invoices) {
        assertThat(p.sim().balance("SalesInvoice", "Invoice", inv.number())).isEqualByComparingTo("0");
      }
      assertThat(p.deadLetters()).isEmpty();
    }
  }

  /** No two payments carry one stamp, no two journals open with one stamp, all released. */
  private static void assertOnce(Pair p) {
    List<Map<String, Object>> payments = p.sim().records("Payment");
    assertThat(payments.stream().map(r -> value(r, "ExternalRef")).collect(Collectors.toSet())).hasSize(payments.size());
    List<Map<String, Object>> journals = p.sim().records("JournalTransaction");
    Map<String, Long> perStamp = journals.stream().collect(Collectors.groupingBy(
        j -> value(j, "Description").substring(0, value(j, "Description").indexOf(']') + 1), Collectors.counting()));
    assertThat(perStamp.values()).as("journals per stamp").containsOnly(1L);
    assertThat(journals).allSatisfy(j -> assertThat(value(j, "Status")).isEqualTo("Posted"));
  }

  private static String value(Map<String, Object> record, String field) {
    Object f = record.get(field);
    Object v = f instanceof Map ? ((Map<?, ?>) f).get("value") : null;
    return v == null ? "" : v.toString();
  }
}
