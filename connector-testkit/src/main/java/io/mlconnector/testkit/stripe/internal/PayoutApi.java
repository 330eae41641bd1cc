package io.mlconnector.testkit.stripe.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Payouts (test control): the available balance paid out, one payout per currency, sweeping the
 * balance transactions not yet paid out.
 */
final class PayoutApi {
  private final Store store;
  private final PaymentApi payments;

  PayoutApi(Store store, PaymentApi payments) {
    this.store = store;
    this.payments = payments;
  }

  // ---------------------------------------------------------------- payouts

  /**
   * Pays out the available balance, one payout per currency: each payout sweeps the available
   * balance transactions not yet paid out. {@code includePending} settles pending ones first.
   */
  List<Map<String, Object>> payOut(Ctx ctx, boolean includePending) {
    payments.tick();
    Map<String, List<Map<String, Object>>> byCurrency = new TreeMap<>();
    List<Map<String, Object>> txns = store.all("balance_transaction");
    for (int i = txns.size() - 1; i >= 0; i--) {
      Map<String, Object> t = txns.get(i);
      String id = (String) t.get("id");
      if ("payout".equals(t.get("type")) || store.hidden(id).containsKey("payout")) {
        continue;
      }
      if ("pending".equals(t.get("status"))) {
        if (!includePending) {
          continue;
        }
        t.put("status", "available");
        t.put("available_on", store.now());
      }
      byCurrency.computeIfAbsent((String) t.get("currency"), k -> new ArrayList<>()).add(t);
    }
    List<Map<String, Object>> payouts = new ArrayList<>();
    for (Map.Entry<String, List<Map<String, Object>>> e : byCurrency.entrySet()) {
      long sum = 0;
      for (Map<String, Object> t : e.getValue()) {
        sum += (Long) t.get("net");
      }
      if (sum <= 0) {
        continue;
      }
      String id = store.newId("po");
      for (Map<String, Object> t : e.getValue()) {
        store.hidden((String) t.get("id")).put("payout", id);
      }
      Map<String, Object> txn = payments.balanceTransaction(-sum, 0, e.getKey(), "payout", "payout", id,
          "STRIPE PAYOUT", false);
      long now = store.now();
      Map<String, Object> po = new LinkedHashMap<>();
      po.put("id", id);
      po.put("object", "payout");
      po.put("amount", sum);
      po.put("application_fee", null);
      po.put("application_fee_amount", null);
      po.put("arrival_date", now);
      po.put("automatic", true);
      po.put("balance_transaction", txn.get("id"));
      po.put("created", now);
      po.put("currency", e.getKey());
      po.put("description", "STRIPE PAYOUT");
      po.put("destination", "ba_" + store.accountId.substring(5) + "Bank");
      po.put("failure_balance_transaction", null);
      po.put("failure_code", null);
      po.put("failure_message", null);
      po.put("livemode", false);
      po.put("metadata", new LinkedHashMap<String, Object>());
      po.put("method", "standard");
      po.put("original_payout", null);
      po.put("payout_method", null);
      po.put("reconciliation_status", "completed");
      po.put("reversed_by", null);
      po.put("source_type", "card");
      po.put("statement_descriptor", null);
      po.put("status", "in_transit");
      Map<String, Object> trace = new LinkedHashMap<>();
      trace.put("status", "supported");
      trace.put("value", store.randomHex(16));
      po.put("trace_id", trace);
      po.put("type", "bank_account");
      store.insert(po);
      store.emit(ctx, "payout.created", po, null);
      Map<String, Object> before = Json.copy(po);
      po.put("status", "paid");
      store.touched(po);
      store.emit(ctx, "payout.paid", po, Diff.previous(before, po));
      payouts.add(po);
    }
    return payouts;
  }

  /**
   * {@code charge.payment_method_details.card} with every field Stripe sends for a card charge
   * (Stripe's own example, {@code fixtures3.json}): the test card 4242 with a passed CVC check, no
   * 3-D Secure, no wallet. The fingerprint is the same for the same card within an account, as
   * Stripe's is.
   */
}
