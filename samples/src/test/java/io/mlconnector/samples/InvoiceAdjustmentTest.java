package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.stripe.StripeMetadata;
import io.mlconnector.testkit.syspro.ArInvoice;
import io.mlconnector.testkit.syspro.ArInvoiceLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An invoice changed in SYSPRO follows connector-stripe's policy (an open invoice is voided and
 * re-issued); a payment posted back into SYSPRO is not mistaken for a change.
 */
class InvoiceAdjustmentTest {

  @Test
  void changedLinesReissueTheOpenInvoiceAndPaymentsDoNotReissue() {
    try (Harness h = new Harness()) {
      List<ArInvoice> invoices = h.seed(2, 2);
      h.runOnce();
      ArInvoice changed = invoices.get(0);
      ArInvoice partlyPaid = invoices.get(1);
      String before = h.stripeInvoice(changed);
      String paidId = h.stripeInvoice(partlyPaid);

      // SYSPRO adjusts the first invoice: one more unit on every line
      List<ArInvoiceLine> lines = new ArrayList<>();
      BigDecimal value = BigDecimal.ZERO;
      for (ArInvoiceLine l : changed.lines()) {
        BigDecimal qty = l.quantity().add(BigDecimal.ONE);
        BigDecimal net = l.netValue().divide(l.quantity()).multiply(qty);
        lines.add(new ArInvoiceLine(l.line(), l.stockCode(), l.description(), qty, net, BigDecimal.ZERO));
        value = value.add(net);
      }
      ArInvoice adjusted = ArInvoice.of(changed.customer(), changed.invoice(), changed.invoiceDate(), value).withLines(lines);
      h.syspro().addArInvoice(adjusted);
      // the customer pays half of the second invoice in Stripe
      long due = (Long) h.stripe().object(paidId).get("amount_due");
      h.stripe().payInvoice(paidId, due / 2);
      h.awaitDeliveries();

      h.runUntil(() -> !h.stripeInvoice(changed).equals(before)
          && h.syspro().invoiceBalance(partlyPaid.customer(), partlyPaid.invoice()).compareTo(partlyPaid.value()) < 0);
      h.runOnce();

      String after = h.stripeInvoice(changed);
      assertThat(h.stripe().object(before).get("status")).isEqualTo("void");
      assertThat(h.stripe().object(after).get("status")).isEqualTo("open");
      assertThat((Long) h.stripe().object(after).get("total")).isEqualTo(value.movePointRight(2).longValueExact());
      String ref = "syspro:ar-invoice:" + changed.customer() + "|" + changed.invoice() + "|I";
      assertThat(h.stripe().count("invoice", i -> ref.equals(((java.util.Map<?, ?>) i.get("metadata")).get(StripeMetadata.SOURCE_REF))
          && !"void".equals(i.get("status")))).isEqualTo(1);
      // the partly paid invoice was left alone: same id, still open, half paid
      assertThat(h.stripeInvoice(partlyPaid)).isEqualTo(paidId);
      assertThat(h.stripe().object(paidId).get("status")).isEqualTo("open");
      assertThat(h.syspro().arPayments()).hasSize(1);
      assertThat(h.reconcileWhenSettled().allMatched()).isTrue();
      assertThat(h.deadLetters()).isEmpty();
    }
  }
}
