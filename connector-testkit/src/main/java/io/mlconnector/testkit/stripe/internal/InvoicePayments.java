package io.mlconnector.testkit.stripe.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Paying an invoice: {@code POST /v1/invoices/{id}/pay} (a card, or {@code paid_out_of_band}), the
 * test-control payments and failed attempts, the invoice payments they leave ({@code
 * /v1/invoice_payments}) and the PaymentIntents behind them (through {@link PaymentApi}).
 */
final class InvoicePayments {
  private static final String NOT_EDITABLE = InvoiceApi.NOT_EDITABLE;

  private final Store store;
  private final InvoiceApi invoices;
  private PaymentApi payments;

  InvoicePayments(Store store, InvoiceApi invoices) {
    this.store = store;
    this.invoices = invoices;
  }

  void payments(PaymentApi payments) {
    this.payments = payments;
  }

  Map<String, Object> pay(Ctx ctx, Map<String, Object> inv, Params p) {
    p.allow("paid_out_of_band", "payment_method", "source", "forgive", "off_session", "mandate");
    if ("draft".equals(inv.get("status"))) {
      invoices.finalizeInvoice(ctx, inv, null);
    }
    requirePayable(inv);
    if (Boolean.TRUE.equals(p.bool("paid_out_of_band"))) {
      Map<String, Object> before = Json.copy(inv);
      long remaining = (Long) inv.get("amount_remaining");
      Map<String, Object> hidden = store.hidden((String) inv.get("id"));
      hidden.put("amount_paid_off_stripe", (Long) hidden.get("amount_paid_off_stripe") + remaining);
      inv.put("amount_paid", (Long) inv.get("amount_paid") + remaining);
      inv.put("amount_remaining", 0L);
      store.touched(inv);
      invoices.markPaid(ctx, inv);
      return inv;
    }
    String pm = p.string("payment_method");
    if (pm == null) {
      pm = p.string("source");
    }
    if (pm == null) {
      throw ApiError.state(null, "This customer has no attached payment source or default payment method. "
          + "Please consider adding a default payment method, or pass paid_out_of_band=true.");
    }
    if (pm.equals("pm_card_chargeDeclined") || pm.equals("tok_chargeDeclined")) {
      recordFailure(ctx, inv, "card_declined", "generic_decline");
      throw new ApiError(402, "card_error", "card_declined", null, "Your card was declined.", true);
    }
    return collect(ctx, inv, (Long) inv.get("amount_remaining"));
  }

  void requirePayable(Map<String, Object> inv) {
    String status = (String) inv.get("status");
    if (!status.equals("open") && !status.equals("uncollectible")) {
      throw ApiError.state(NOT_EDITABLE,
          "Invoice " + inv.get("id") + " is " + status + " and cannot be paid: only open or uncollectible "
              + "invoices can be paid.");
    }
  }

  /** A successful card payment of {@code amount} towards the invoice (test-control or API pay). */
  @SuppressWarnings("unchecked")
  Map<String, Object> collect(Ctx ctx, Map<String, Object> inv, long amount) {
    if ("draft".equals(inv.get("status"))) {
      throw ApiError.state(NOT_EDITABLE, "Invoice " + inv.get("id") + " is a draft: finalize it before paying.");
    }
    requirePayable(inv);
    long remaining = (Long) inv.get("amount_remaining");
    if (amount <= 0 || amount > remaining) {
      throw ApiError.invalid("amount_too_large", "amount",
          "Payment amount " + amount + " must be between 1 and the amount remaining (" + remaining + ").");
    }
    Map<String, Object> before = Json.copy(inv);
    Map<String, Object> payment = openPayment(inv);
    Map<String, Object> retried = null;
    if (payment != null && ((Long) payment.get("amount_requested")) == amount) {
      // the customer retries the failed attempt: Stripe confirms the same PaymentIntent again
      retried = store.get((String) ((Map<String, Object>) payment.get("payment")).get("payment_intent"));
    } else if (payment != null) {
      // a different amount: the open attempt is abandoned and a new one made
      payments.cancel(ctx, store.get((String) ((Map<String, Object>) payment.get("payment")).get("payment_intent")));
      payment.put("status", "canceled");
      ((Map<String, Object>) payment.get("status_transitions")).put("canceled_at", store.now());
      payment.put("is_default", false);
      store.touched(payment);
      payment = null;
    }
    Map<String, Object> pi = payments.chargeForInvoice(ctx, inv, amount, retried);
    if (payment == null) {
      payment = newInvoicePayment(inv, pi, amount);
    }
    payment.put("amount_paid", amount);
    payment.put("status", "paid");
    ((Map<String, Object>) payment.get("status_transitions")).put("paid_at", store.now());
    store.touched(payment);
    inv.put("amount_paid", (Long) inv.get("amount_paid") + amount);
    inv.put("amount_remaining", remaining - amount);
    inv.put("attempt_count", (Long) inv.get("attempt_count") + 1);
    inv.put("attempted", true);
    store.touched(inv);
    if (remaining - amount == 0) {
      store.emit(ctx, "invoice.payment_succeeded", inv, Diff.previous(before, inv));
      invoices.markPaid(ctx, inv);
    } else {
      invoices.changed(ctx, inv, before, "invoice.updated");
    }
    return inv;
  }

  /** A failed attempt to pay the invoice (test-control). */
  Map<String, Object> recordFailure(Ctx ctx, Map<String, Object> inv, String code, String declineCode) {
    requirePayable(inv);
    Map<String, Object> before = Json.copy(inv);
    Map<String, Object> payment = openPayment(inv);
    @SuppressWarnings("unchecked")
    Map<String, Object> existing = payment == null ? null
        : store.get((String) ((Map<String, Object>) payment.get("payment")).get("payment_intent"));
    Map<String, Object> pi = payments.failForInvoice(ctx, inv, code, declineCode, existing);
    if (payment == null) {
      // Stripe lists the attempt as the invoice's default payment, still open until it succeeds
      newInvoicePayment(inv, pi, (Long) inv.get("amount_remaining"));
    }
    inv.put("attempt_count", (Long) inv.get("attempt_count") + 1);
    inv.put("attempted", true);
    invoices.changed(ctx, inv, before, "invoice.payment_failed");
    return inv;
  }

  /** The succeeded charge that paid {@code inv}, or null (paid out of band, or by credit notes). */
  @SuppressWarnings("unchecked")
  @Nullable Map<String, Object> paidCharge(Map<String, Object> inv) {
    for (Map<String, Object> ip : store.all("invoice_payment")) {
      if (inv.get("id").equals(ip.get("invoice")) && "paid".equals(ip.get("status"))) {
        Map<String, Object> pi = store.get((String) ((Map<String, Object>) ip.get("payment")).get("payment_intent"));
        Object charge = pi == null ? null : pi.get("latest_charge");
        if (charge instanceof String id) {
          return store.get(id);
        }
      }
    }
    return null;
  }

  /** The invoice's default payment still open (a failed attempt waiting for a new method), or null. */
  @Nullable Map<String, Object> openPayment(Map<String, Object> inv) {
    for (Map<String, Object> ip : store.all("invoice_payment")) {
      if (inv.get("id").equals(ip.get("invoice")) && "open".equals(ip.get("status"))) {
        return ip;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> newInvoicePayment(Map<String, Object> inv, Map<String, Object> pi, long requested) {
    Map<String, Object> payment = new LinkedHashMap<>();
    payment.put("id", store.newId("inpay"));
    payment.put("object", "invoice_payment");
    payment.put("amount_paid", null);
    payment.put("amount_requested", requested);
    payment.put("created", store.now());
    payment.put("currency", inv.get("currency"));
    payment.put("invoice", inv.get("id"));
    payment.put("is_default", true);
    payment.put("livemode", false);
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("type", "payment_intent");
    ref.put("payment_intent", pi.get("id"));
    payment.put("payment", ref);
    payment.put("status", "open");
    Map<String, Object> transitions = new LinkedHashMap<>();
    transitions.put("canceled_at", null);
    transitions.put("paid_at", null);
    payment.put("status_transitions", transitions);
    store.insert(payment);
    Map<String, Object> list = (Map<String, Object>) store.hidden((String) inv.get("id")).get("payments");
    ((List<Object>) list.get("data")).add(0, payment.get("id"));
    return payment;
  }

  // ---------------------------------------------------------------- invoice payments

  @Nullable Map<String, Object> invoicePayments(String method, List<String> path, Params p) {
    if (!method.equals("GET")) {
      return null;
    }
    if (path.size() == 3) {
      p.allow();
      return store.render(store.require("invoice_payment", path.get(2)), p.expand());
    }
    p.allow("invoice", "payment", "status", "limit", "starting_after", "ending_before");
    String invoice = p.string("invoice");
    String status = p.string("status");
    List<Map<String, Object>> items = new ArrayList<>();
    for (Map<String, Object> ip : store.all("invoice_payment")) {
      if ((invoice == null || invoice.equals(ip.get("invoice")))
          && (status == null || status.equals(ip.get("status")))) {
        items.add(ip);
      }
    }
    return store.page(items, p, "/v1/invoice_payments");
  }
}
