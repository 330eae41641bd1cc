package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.testkit.stripe.WebhookControls;
import io.mlconnector.testkit.syspro.ArInvoice;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Duplicate, out-of-order and missed webhooks still post every payment exactly once. */
class WebhookDeliveryTest {

  @Test
  void duplicateAndReorderedDeliveriesPostEachPaymentOnce() {
    try (Harness h = new Harness()) {
      List<ArInvoice> invoices = h.seed(3, 4);
      h.runOnce();
      h.stripe().webhooks().hold().duplicateNext(200);
      List<String> charges = new ArrayList<>();
      charges.add(h.stripe().payInvoice(h.stripeInvoice(invoices.get(0))));
      long due = (Long) h.stripe().object(h.stripeInvoice(invoices.get(1))).get("amount_due");
      charges.add(h.stripe().payInvoice(h.stripeInvoice(invoices.get(1)), due / 3));
      charges.add(h.stripe().payInvoice(h.stripeInvoice(invoices.get(1)), due / 3));
      String refunded = h.stripe().payInvoice(h.stripeInvoice(invoices.get(2)));
      charges.add(refunded);
      String refund = h.stripe().refund(refunded, 1000L);
      h.stripe().webhooks().release(WebhookControls.Order.REVERSED);
      h.awaitDeliveries();

      h.runUntil(() -> h.syspro().arPaymentsWithReference(refund).size() == 1);
      h.runOnce();

      for (String charge : charges) {
        String pi = (String) h.stripe().object(charge).get("payment_intent");
        assertThat(h.syspro().arPaymentsWithReference(pi)).as("postings of " + pi).hasSize(1);
      }
      assertThat(h.syspro().arPaymentsWithReference(refund)).hasSize(1);
      assertThat(h.syspro().arPayments()).hasSize(5);
      assertThat(h.reconcileWhenSettled().allMatched()).isTrue();
      assertThat(h.deadLetters()).isEmpty();
    }
  }

  @Test
  void missedWebhooksAreCaughtByTheEventsBackstop() {
    try (Harness h = new Harness()) {
      List<ArInvoice> invoices = h.seed(2, 2);
      h.runOnce();
      h.stripe().webhooks().dropNext(1000);
      String charge = h.stripe().payInvoice(h.stripeInvoice(invoices.get(0)));
      h.awaitDeliveries();

      h.runUntil(() -> h.syspro().invoiceBalance(invoices.get(0).customer(), invoices.get(0).invoice()).signum() == 0);

      String pi = (String) h.stripe().object(charge).get("payment_intent");
      assertThat(h.syspro().arPaymentsWithReference(pi)).hasSize(1);
      assertThat(h.reconcileWhenSettled().allMatched()).isTrue();
    }
  }
}
