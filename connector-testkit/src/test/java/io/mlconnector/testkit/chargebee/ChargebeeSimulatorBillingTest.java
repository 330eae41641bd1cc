package io.mlconnector.testkit.chargebee;

import static io.mlconnector.testkit.chargebee.CbSupport.customer;
import static io.mlconnector.testkit.chargebee.CbSupport.get;
import static io.mlconnector.testkit.chargebee.CbSupport.invoice;
import static io.mlconnector.testkit.chargebee.CbSupport.num;
import static io.mlconnector.testkit.chargebee.CbSupport.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.testkit.chargebee.CbSupport.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Payments, refunds as credit notes, voids, subscriptions with items, events. */
class ChargebeeSimulatorBillingTest {

  @Test
  void partialPaymentThenRestMarksPaidAndRefundIssuesACreditNote() {
    try (ChargebeeSimulator sim = ChargebeeSimulator.builder().requestsPerMinute(0).build()) {
      customer(sim, "C-1");
      String inv = invoice(sim, "C-1", "INV-1");
      sim.pay(inv, 1000L);
      Map<String, Object> half = sim.record("invoice", inv);
      assertThat(half).containsEntry("status", "payment_due");
      assertThat(num(half.get("amount_due"))).isEqualTo(4250);
      Answer rest = post(sim, "/invoices/" + inv + "/record_payment", null, "transaction[payment_method]", "bank_transfer",
          "transaction[reference_number]", "CHK-9");
      assertThat(rest.get("invoice")).containsEntry("status", "paid");
      assertThat(rest.get("transaction")).containsEntry("payment_method", "bank_transfer");
      String cn = sim.refund(inv, 500L);
      Map<String, Object> note = sim.record("credit_note", cn);
      assertThat(note).containsEntry("type", "refundable").containsEntry("reference_invoice_id", inv);
      assertThat(num(note.get("amount_refunded"))).isEqualTo(500);
      List<Map<String, Object>> refunds = get(sim, "/transactions?type[is]=refund").list();
      assertThat(refunds).hasSize(1);
      List<Map<String, Object>> events = get(sim, "/events?sort_by[asc]=occurred_at&limit=100&event_type[in]="
          + java.net.URLEncoder.encode("[\"payment_succeeded\",\"payment_refunded\"]", java.nio.charset.StandardCharsets.UTF_8)).list();
      assertThat(events).extracting(e -> (Object) ((Map<?, ?>) e.get("event")).get("event_type"))
          .containsExactly("payment_succeeded", "payment_succeeded", "payment_refunded");
      assertThatThrownBy(() -> sim.refund(inv, 100_000L)).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aFailedPaymentLeavesTheInvoiceDueAndVoidNeedsNoPayments() {
    try (ChargebeeSimulator sim = ChargebeeSimulator.builder().requestsPerMinute(0).build()) {
      customer(sim, "C-1");
      String inv = invoice(sim, "C-1", "INV-1");
      String txn = sim.failPayment(inv);
      assertThat(sim.record("transaction", txn)).containsEntry("status", "failure");
      assertThat(sim.record("invoice", inv)).containsEntry("status", "payment_due");
      Answer voided = post(sim, "/invoices/" + inv + "/void", null, "comment", "cancelled in the ERP");
      assertThat(voided.get("invoice")).containsEntry("status", "voided");
      assertThat(post(sim, "/invoices/" + inv + "/void", null).status()).isEqualTo(409);
      String paid = invoice(sim, "C-1", "INV-2");
      sim.pay(paid, null);
      Answer refused = post(sim, "/invoices/" + paid + "/void", null);
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.json()).containsEntry("api_error_code", "invalid_state_for_request");
    }
  }

  @Test
  void subscriptionsWithItemsInvoiceAtOnceAndCancel() {
    try (ChargebeeSimulator sim = ChargebeeSimulator.builder().requestsPerMinute(0).build()) {
      customer(sim, "C-1");
      assertThat(post(sim, "/items", null, "id", "support", "name", "Support", "type", "plan").status()).isEqualTo(200);
      assertThat(post(sim, "/item_prices", null, "id", "support-USD-monthly", "item_id", "support", "name",
          "Support monthly", "price", "9900", "currency_code", "USD", "period", "1", "period_unit", "month").status())
          .isEqualTo(200);
      Answer sub = post(sim, "/customers/C-1/subscription_for_items", null, "id", "C-1-erp",
          "subscription_items[item_price_id][0]", "support-USD-monthly", "subscription_items[quantity][0]", "2",
          "po_number", "INV-7");
      assertThat(sub.status()).as("%s", sub.json()).isEqualTo(200);
      assertThat(sub.get("subscription")).containsEntry("status", "active");
      assertThat(sub.get("invoice")).containsEntry("po_number", "INV-7").containsEntry("subscription_id", "C-1-erp");
      assertThat(num(sub.get("invoice").get("total"))).isEqualTo(19800);
      Answer more = post(sim, "/subscriptions/C-1-erp/update_for_items", null,
          "subscription_items[item_price_id][0]", "support-USD-monthly", "subscription_items[quantity][0]", "3",
          "po_number", "INV-8");
      assertThat(num(more.get("invoice").get("total"))).isEqualTo(9900);
      sim.cancelSubscription("C-1-erp");
      assertThat(get(sim, "/subscriptions/C-1-erp").get("subscription")).containsEntry("status", "cancelled");
      assertThat(sim.events()).extracting(e -> e.get("event_type")).contains("subscription_created",
          "subscription_changed", "subscription_cancelled", "invoice_generated");
    }
  }
}
