package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.state.RetryItem;
import io.mlconnector.testkit.syspro.ArInvoice;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A declined card posts nothing in SYSPRO and shows, with its reason, in the audit and the dead letters. */
class PaymentFailureTest {

  @Test
  void aDeclinedPaymentIsVisibleAndTheLaterPaymentPostsOnce() {
    try (Harness h = new Harness()) {
      List<ArInvoice> invoices = h.seed(2, 2);
      h.runOnce();
      ArInvoice inv = invoices.get(0);
      h.stripe().failInvoicePayment(h.stripeInvoice(inv));
      h.awaitDeliveries();

      h.runUntil(() -> !h.deadLetters().isEmpty());

      assertThat(h.syspro().arPayments()).isEmpty();
      RetryItem parked = h.deadLetters().get(0);
      assertThat(parked.flow()).isEqualTo(Harness.PAYMENTS);
      assertThat(parked.lastError()).contains("FAILED").contains("only succeeded payments");
      List<AuditEntry> audit = h.app.store().audit(new AuditQuery(Harness.TENANT, null, null,
          Harness.PAYMENTS, null, null, AuditEntry.Outcome.PARKED, 10, null)).items();
      assertThat(audit).singleElement().satisfies(a -> assertThat(a.error()).contains("FAILED"));

      h.stripe().payInvoice(h.stripeInvoice(inv));
      h.awaitDeliveries();
      h.runUntil(() -> h.syspro().invoiceBalance(inv.customer(), inv.invoice()).signum() == 0);
      assertThat(h.syspro().arPayments()).hasSize(1);
      assertThat(h.reconcileWhenSettled().allMatched()).isTrue();
    }
  }
}
