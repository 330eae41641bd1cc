package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.stripe.StripeMetadata;
import io.mlconnector.testkit.syspro.ArInvoice;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 429 storms from Stripe slow the sync down; they neither lose nor duplicate anything. */
class StripeRateLimitTest {

  @Test
  void aStormOf429sLeavesEveryInvoiceOnceInStripe() {
    try (Harness h = new Harness()) {
      List<ArInvoice> invoices = h.seed(4, 12);
      h.stripe().rateLimitStorm(25);

      h.runUntil(() -> invoices.stream().allMatch(i -> Harness.stripeInvoice(h.app, i).isPresent()));

      for (ArInvoice inv : invoices) {
        String ref = "syspro:ar-invoice:" + inv.customer() + "|" + inv.invoice() + "|I";
        assertThat(h.stripe().countWithMetadata("invoice", StripeMetadata.SOURCE_REF, ref)).as(ref).isEqualTo(1);
      }
      h.stripe().payInvoice(h.stripeInvoice(invoices.get(0)));
      h.stripe().payInvoice(h.stripeInvoice(invoices.get(1)));
      h.awaitDeliveries();
      h.stripe().rateLimitStorm(30);
      h.runUntil(() -> h.syspro().arPayments().size() == 2);
      h.runOnce();
      assertThat(h.syspro().arPayments()).hasSize(2);
      assertThat(h.reconcileWhenSettled().allMatched()).isTrue();
      assertThat(h.deadLetters()).isEmpty();
    }
  }
}
