package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.stripe.StripeMetadata;
import io.mlconnector.testkit.syspro.ArInvoice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An AR invoice cancelled in SYSPRO (a credit note under its number) voids its Stripe invoice; the
 * other invoices are left alone and the reconciliation still matches.
 */
class InvoiceCancellationTest {

  @Test
  void aCancelledSysproInvoiceVoidsItsStripeInvoice() {
    try (Harness h = new Harness()) {
      List<ArInvoice> invoices = h.seed(2, 3);
      h.runOnce();
      ArInvoice cancelled = invoices.get(0);
      ArInvoice kept = invoices.get(1);
      String cancelledId = h.stripeInvoice(cancelled);
      String keptId = h.stripeInvoice(kept);
      assertThat(h.stripe().object(cancelledId).get("status")).isEqualTo("open");

      h.syspro().cancelArInvoice(cancelled.customer(), cancelled.invoice());
      h.runUntil(() -> "void".equals(h.stripe().object(cancelledId).get("status")));
      h.runOnce();

      assertThat(h.stripe().object(cancelledId).get("status")).isEqualTo("void");
      // voided, not re-issued: no live Stripe invoice for the SYSPRO invoice
      String ref = "syspro:ar-invoice:" + cancelled.customer() + "|" + cancelled.invoice() + "|I";
      assertThat(h.stripe().count("invoice",
          i -> ref.equals(((Map<?, ?>) i.get("metadata")).get(StripeMetadata.SOURCE_REF))
              && !"void".equals(i.get("status")))).isZero();
      // the credit note is the cancellation, not a document of its own
      String creditRef = "syspro:ar-invoice:" + cancelled.customer() + "|" + cancelled.invoice() + "|C";
      assertThat(h.stripe().count("invoice",
          i -> creditRef.equals(((Map<?, ?>) i.get("metadata")).get(StripeMetadata.SOURCE_REF)))).isZero();
      assertThat(h.stripeInvoice(kept)).isEqualTo(keptId);
      assertThat(h.stripe().object(keptId).get("status")).isEqualTo("open");

      io.mlconnector.integrations.ReceivablesReconciliation report = h.reconcileWhenSettled();
      assertThat(report.allMatched()).as(report.format()).isTrue();
      assertThat(report.lines()).filteredOn(l -> l.invoice().equals(cancelled.invoice()))
          .singleElement()
          .satisfies(l -> assertThat(l.collected().status()).isEqualTo("void"));
      assertThat(h.syspro().arPayments()).isEmpty();
      assertThat(h.deadLetters()).isEmpty();
    }
  }

  @Test
  void anInvoiceCancelledBeforeItReachedStripeIsRefusedWithItsReason() {
    try (Harness h = new Harness()) {
      List<ArInvoice> invoices = h.seed(1, 2);
      ArInvoice cancelled = invoices.get(1);
      h.syspro().cancelArInvoice(cancelled.customer(), cancelled.invoice());
      h.runOnce();

      assertThat(Harness.stripeInvoice(h.app, cancelled)).isEmpty();
      assertThat(Harness.stripeInvoice(h.app, invoices.get(0))).isPresent();
      assertThat(h.stripe().count("invoice", i -> true)).isEqualTo(1);
      assertThat(h.deadLetters()).singleElement()
          .satisfies(d -> assertThat(d.lastError()).contains(cancelled.invoice(), "cancelled in SYSPRO before it reached Stripe"));
    }
  }
}
