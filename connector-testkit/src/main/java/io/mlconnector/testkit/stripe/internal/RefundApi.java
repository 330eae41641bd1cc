package io.mlconnector.testkit.stripe.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Money going back: refunds ({@code POST /v1/refunds}, and those a credit note makes) and disputes
 * (opened and closed through the test controls or {@code POST /v1/disputes/{id}/close}), with the
 * balance transactions they leave. Charges and payment intents are {@link PaymentApi}'s.
 */
final class RefundApi {
  private final Store store;
  private final PaymentApi payments;

  RefundApi(Store store, PaymentApi payments) {
    this.store = store;
    this.payments = payments;
  }

  // ---------------------------------------------------------------- refunds

  Map<String, Object> createRefund(Ctx ctx, Params p) {
    p.allow("charge", "payment_intent", "amount", "reason", "metadata", "instructions_email", "origin",
        "refund_application_fee", "reverse_transfer");
    String chargeId = p.string("charge");
    String piId = p.string("payment_intent");
    if (chargeId == null && piId == null) {
      throw ApiError.missing("charge");
    }
    Map<String, Object> charge;
    if (chargeId != null) {
      charge = store.ref("charge", chargeId, "charge");
    } else {
      Map<String, Object> pi = store.ref("payment_intent", piId, "payment_intent");
      if (pi.get("latest_charge") == null || !"succeeded".equals(pi.get("status"))) {
        throw ApiError.state(null, "PaymentIntent " + piId + " has no successful charge to refund.");
      }
      charge = store.get((String) pi.get("latest_charge"));
    }
    String reason = p.string("reason");
    if (reason != null && !List.of("duplicate", "fraudulent", "requested_by_customer").contains(reason)) {
      throw ApiError.invalid(null, "reason",
          "Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer");
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    p.applyMetadata(metadata); // validated before anything changes
    return refund(ctx, charge, p.longValue("amount"), reason, metadata);
  }

  /** Refunds {@code amount} (null: everything not yet refunded) of a charge. */
  @SuppressWarnings("unchecked")
  Map<String, Object> refund(
      Ctx ctx,
      Map<String, Object> charge,
      @Nullable Long amount,
      @Nullable String reason,
      @Nullable Map<String, Object> metadata) {
    String chargeId = (String) charge.get("id");
    if (!"succeeded".equals(charge.get("status"))) {
      throw ApiError.state(null, "Charge " + chargeId + " did not succeed and cannot be refunded.");
    }
    if (Boolean.TRUE.equals(charge.get("disputed"))) {
      throw ApiError.state("charge_disputed",
          "Charge " + chargeId + " has been charged back; cannot issue a refund.");
    }
    long refundable = (Long) charge.get("amount") - (Long) charge.get("amount_refunded");
    if (refundable == 0) {
      throw ApiError.state("charge_already_refunded", "Charge " + chargeId + " has already been refunded.");
    }
    long value = amount == null ? refundable : amount;
    String currency = (String) charge.get("currency");
    PaymentApi.checkPaymentAmount(value, currency, "amount");
    if (value > refundable) {
      throw ApiError.invalid("amount_too_large", "amount", "Refund amount (" + value
          + ") is greater than unrefunded amount on charge (" + refundable + ")");
    }
    Map<String, Object> before = Json.copy(charge);
    String id = store.newId("re");
    Map<String, Object> txn = payments.balanceTransaction(-value, 0, currency, "refund", "refund", id,
        "REFUND FOR CHARGE (" + charge.get("description") + ")", false);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", id);
    r.put("object", "refund");
    r.put("amount", value);
    r.put("balance_transaction", txn.get("id"));
    r.put("charge", chargeId);
    r.put("created", store.now());
    r.put("currency", currency);
    r.put("customer", charge.get("customer"));
    r.put("customer_account", null);
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("reference", null);
    card.put("reference_status", "pending");
    card.put("reference_type", "acquirer_reference_number");
    card.put("type", "refund");
    Map<String, Object> dest = new LinkedHashMap<>();
    dest.put("card", card);
    dest.put("type", "card");
    r.put("destination_details", dest);
    r.put("metadata", metadata == null ? new LinkedHashMap<String, Object>() : metadata);
    r.put("payment_intent", charge.get("payment_intent"));
    r.put("payment_method", charge.get("payment_method"));
    r.put("reason", reason);
    r.put("receipt_number", null);
    r.put("source_transfer_reversal", null);
    r.put("status", "succeeded");
    r.put("transfer_reversal", null);
    store.insert(r);
    long refunded = (Long) charge.get("amount_refunded") + value;
    charge.put("amount_refunded", refunded);
    charge.put("refunded", refunded == (Long) charge.get("amount"));
    Map<String, Object> refunds = (Map<String, Object>) charge.get("refunds");
    ((List<Object>) refunds.get("data")).add(0, Json.copy(r));
    store.touched(charge);
    store.emit(ctx, "refund.created", r, null);
    store.emit(ctx, "charge.refunded", charge, Diff.previous(before, charge));
    return r;
  }

  // ---------------------------------------------------------------- disputes

  /** A customer opens a dispute on a charge: funds and the dispute fee are withdrawn. */
  Map<String, Object> openDispute(Ctx ctx, Map<String, Object> charge, @Nullable String reason, @Nullable Long amount) {
    String chargeId = (String) charge.get("id");
    if (!"succeeded".equals(charge.get("status"))) {
      throw new IllegalStateException("charge " + chargeId + " did not succeed and cannot be disputed");
    }
    if (Boolean.TRUE.equals(charge.get("disputed"))) {
      throw new IllegalStateException("charge " + chargeId + " is already disputed");
    }
    long value = amount == null ? (Long) charge.get("amount") - (Long) charge.get("amount_refunded") : amount;
    if (value <= 0 || value > (Long) charge.get("amount")) {
      throw new IllegalArgumentException("dispute amount must be 1 to the charge amount, was " + value);
    }
    String id = store.newId("dp");
    String currency = (String) charge.get("currency");
    Map<String, Object> txn = payments.balanceTransaction(-value, PaymentApi.DISPUTE_FEE, currency, "adjustment", "dispute", id,
        "Chargeback withdrawal for " + chargeId, false);
    long now = store.now();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", id);
    d.put("object", "dispute");
    d.put("amount", value);
    List<Object> txns = new ArrayList<>();
    txns.add(Json.copy(txn));
    d.put("balance_transactions", txns);
    d.put("charge", chargeId);
    d.put("created", now);
    d.put("currency", currency);
    d.put("enhanced_eligibility_types", new ArrayList<>());
    Map<String, Object> evidence = new LinkedHashMap<>();
    for (String k : new String[] {"access_activity_log", "billing_address", "cancellation_policy",
        "cancellation_policy_disclosure", "cancellation_rebuttal", "customer_communication",
        "customer_email_address", "customer_name", "customer_purchase_ip", "customer_signature",
        "duplicate_charge_documentation", "duplicate_charge_explanation", "duplicate_charge_id",
        "product_description", "receipt", "refund_policy", "refund_policy_disclosure",
        "refund_refusal_explanation", "service_date", "service_documentation", "shipping_address",
        "shipping_carrier", "shipping_date", "shipping_documentation", "shipping_tracking_number",
        "uncategorized_file", "uncategorized_text"}) {
      evidence.put(k, null);
    }
    evidence.put("enhanced_evidence", new LinkedHashMap<String, Object>());
    d.put("evidence", evidence);
    Map<String, Object> evidenceDetails = new LinkedHashMap<>();
    evidenceDetails.put("due_by", now + 7 * 86400);
    evidenceDetails.put("has_evidence", false);
    evidenceDetails.put("past_due", false);
    evidenceDetails.put("submission_count", 0L);
    evidenceDetails.put("enhanced_eligibility", new LinkedHashMap<String, Object>());
    d.put("evidence_details", evidenceDetails);
    d.put("is_charge_refundable", false);
    d.put("livemode", false);
    d.put("metadata", new LinkedHashMap<String, Object>());
    d.put("payment_intent", charge.get("payment_intent"));
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("brand", "visa");
    card.put("case_type", "chargeback");
    card.put("network_reason_code", "10.4");
    Map<String, Object> pmd = new LinkedHashMap<>();
    pmd.put("card", card);
    pmd.put("type", "card");
    d.put("payment_method_details", pmd);
    d.put("reason", reason == null ? "fraudulent" : reason);
    d.put("status", "needs_response");
    store.insert(d);
    Map<String, Object> before = Json.copy(charge);
    charge.put("disputed", true);
    store.touched(charge);
    store.emit(ctx, "charge.dispute.created", d, null);
    store.emit(ctx, "charge.dispute.funds_withdrawn", d, null);
    store.emit(ctx, "charge.updated", charge, Diff.previous(before, charge));
    return d;
  }

  /** Closes a dispute: won reinstates the funds, lost (or accepted through the API) keeps them withdrawn. */
  @SuppressWarnings("unchecked")
  Map<String, Object> closeDispute(Ctx ctx, Map<String, Object> d, boolean won) {
    String status = (String) d.get("status");
    if (status.equals("won") || status.equals("lost")) {
      throw ApiError.state(null, "This dispute is already closed (" + status + ").");
    }
    Map<String, Object> before = Json.copy(d);
    if (won) {
      long amount = (Long) d.get("amount");
      Map<String, Object> txn = payments.balanceTransaction(amount, 0, (String) d.get("currency"), "adjustment",
          "dispute_reversal", (String) d.get("id"), "Chargeback reversal for " + d.get("charge"), false);
      ((List<Object>) d.get("balance_transactions")).add(Json.copy(txn));
    }
    d.put("status", won ? "won" : "lost");
    d.put("is_charge_refundable", false);
    store.touched(d);
    if (won) {
      store.emit(ctx, "charge.dispute.funds_reinstated", d, null);
    }
    store.emit(ctx, "charge.dispute.closed", d, Diff.previous(before, d));
    return d;
  }
}
