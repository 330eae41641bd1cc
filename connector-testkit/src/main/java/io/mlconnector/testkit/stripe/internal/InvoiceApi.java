package io.mlconnector.testkit.stripe.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/invoices}, {@code /v1/invoiceitems} and {@code /v1/invoice_payments}, with Stripe's
 * invoice state machine: draft -> open (finalize) -> paid | void | uncollectible; uncollectible ->
 * paid | void; paid and void are terminal. Items attach to drafts only.
 */
final class InvoiceApi {
  static final String NOT_EDITABLE = "invoice_not_editable";
  private static final int EMBEDDED_LINES = 10;

  private final Store store;
  private final boolean sendFinalizesDrafts;
  private PaymentApi payments;

  InvoiceApi(Store store, boolean sendFinalizesDrafts) {
    this.store = store;
    this.sendFinalizesDrafts = sendFinalizesDrafts;
  }

  void payments(PaymentApi payments) {
    this.payments = payments;
  }

  Map<String, Object> route(Ctx ctx, String method, List<String> path, Params p) {
    if (path.size() < 2) {
      return null;
    }
    switch (path.get(1)) {
      case "invoices":
        return invoices(ctx, method, path, p);
      case "invoiceitems":
        return items(ctx, method, path, p);
      case "invoice_payments":
        return invoicePayments(method, path, p);
      case "tax_rates":
        if (path.size() == 3 && method.equals("GET")) {
          p.allow();
          return store.render(store.require("tax_rate", path.get(2)), p.expand());
        }
        return null;
      default:
        return null;
    }
  }

  // ---------------------------------------------------------------- invoices

  private Map<String, Object> invoices(Ctx ctx, String method, List<String> path, Params p) {
    if (path.size() == 2) {
      return switch (method) {
        case "POST" -> store.render(create(ctx, p), p.expand());
        case "GET" -> list(p);
        default -> null;
      };
    }
    if (path.size() == 3 && path.get(2).equals("search") && method.equals("GET")) {
      p.allow("query", "limit", "page");
      return store.search("invoice", p, "/v1/invoices/search");
    }
    String id = path.get(2);
    if (path.size() == 3) {
      switch (method) {
        case "GET":
          p.allow();
          return store.render(store.require("invoice", id), p.expand());
        case "POST":
          return store.render(update(ctx, store.require("invoice", id), p), p.expand());
        case "DELETE":
          return delete(ctx, store.require("invoice", id));
        default:
          return null;
      }
    }
    if (path.size() == 4) {
      Map<String, Object> inv = store.require("invoice", id);
      String action = path.get(3);
      if (action.equals("lines") && method.equals("GET")) {
        p.allow("limit", "starting_after", "ending_before");
        return lines(inv, p);
      }
      if (!method.equals("POST")) {
        return null;
      }
      Map<String, Object> result = switch (action) {
        case "finalize" -> {
          p.allow("auto_advance");
          yield finalizeInvoice(ctx, inv, p.bool("auto_advance"));
        }
        case "send" -> {
          p.allow();
          yield send(ctx, inv);
        }
        case "pay" -> pay(ctx, inv, p);
        case "void" -> {
          p.allow();
          yield voidInvoice(ctx, inv);
        }
        case "mark_uncollectible" -> {
          p.allow();
          yield markUncollectible(ctx, inv);
        }
        case "add_lines" -> addLines(ctx, inv, p);
        default -> null;
      };
      return result == null ? null : store.render(result, p.expand());
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> create(Ctx ctx, Params p) {
    p.allow("customer", "collection_method", "days_until_due", "due_date", "currency", "auto_advance",
        "description", "metadata", "footer", "pending_invoice_items_behavior", "custom_fields",
        "statement_descriptor", "default_payment_method", "automatic_tax");
    String customerId = p.requireString("customer");
    Map<String, Object> customer = store.ref("customer", customerId, "customer");
    String collection = p.string("collection_method");
    if (collection == null) {
      collection = "charge_automatically";
    } else if (!collection.equals("send_invoice") && !collection.equals("charge_automatically")) {
      throw ApiError.invalid(null, "collection_method",
          "Invalid collection_method: must be one of charge_automatically or send_invoice");
    }
    String pending = p.string("pending_invoice_items_behavior");
    if (pending != null && !pending.equals("exclude") && !pending.equals("include")) {
      throw ApiError.invalid(null, "pending_invoice_items_behavior",
          "Invalid pending_invoice_items_behavior: must be one of exclude or include");
    }
    long now = store.now();
    String currency = p.currency("currency");
    if (currency == null) {
      currency = customer.get("currency") != null ? (String) customer.get("currency") : "usd";
    }
    Map<String, Object> inv = new LinkedHashMap<>();
    inv.put("id", store.newId("in"));
    inv.put("object", "invoice");
    inv.put("account_country", "US");
    inv.put("account_name", "ml-connector simulator");
    inv.put("account_tax_ids", null);
    inv.put("amount_due", 0L);
    inv.put("amount_overpaid", 0L);
    inv.put("amount_paid", 0L);
    inv.put("amount_remaining", 0L);
    inv.put("amount_shipping", 0L);
    inv.put("application", null);
    inv.put("attempt_count", 0L);
    inv.put("attempted", false);
    inv.put("auto_advance", false);
    Map<String, Object> tax = new LinkedHashMap<>();
    tax.put("disabled_reason", null);
    tax.put("enabled", false);
    tax.put("liability", null);
    tax.put("provider", null);
    tax.put("status", null);
    inv.put("automatic_tax", tax);
    inv.put("automatically_finalizes_at", null);
    inv.put("billing_reason", "manual");
    inv.put("collection_method", collection);
    inv.put("created", now);
    inv.put("currency", currency);
    inv.put("custom_fields", null);
    inv.put("customer", customerId);
    inv.put("customer_account", null);
    inv.put("customer_address", Json.copy(customer.get("address")));
    inv.put("customer_email", customer.get("email"));
    inv.put("customer_name", customer.get("name"));
    inv.put("customer_phone", customer.get("phone"));
    inv.put("customer_shipping", Json.copy(customer.get("shipping")));
    inv.put("customer_tax_exempt", customer.get("tax_exempt"));
    inv.put("customer_tax_ids", new ArrayList<>());
    inv.put("default_payment_method", null);
    inv.put("default_source", null);
    inv.put("default_tax_rates", new ArrayList<>());
    inv.put("description", null);
    inv.put("discounts", new ArrayList<>());
    inv.put("due_date", null);
    inv.put("effective_at", null);
    inv.put("ending_balance", null);
    inv.put("footer", null);
    inv.put("from_invoice", null);
    inv.put("hosted_invoice_url", null);
    inv.put("invoice_pdf", null);
    Map<String, Object> issuer = new LinkedHashMap<>();
    issuer.put("type", "self");
    inv.put("issuer", issuer);
    inv.put("last_finalization_error", null);
    inv.put("latest_revision", null);
    inv.put("lines", null);
    inv.put("livemode", false);
    inv.put("metadata", new LinkedHashMap<String, Object>());
    inv.put("next_payment_attempt", null);
    inv.put("number", null);
    inv.put("on_behalf_of", null);
    inv.put("parent", null);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("default_mandate", null);
    settings.put("payment_method_options", null);
    settings.put("payment_method_types", null);
    inv.put("payment_settings", settings);
    inv.put("period_end", now);
    inv.put("period_start", now);
    inv.put("post_payment_credit_notes_amount", 0L);
    inv.put("pre_payment_credit_notes_amount", 0L);
    inv.put("receipt_number", null);
    inv.put("rendering", null);
    inv.put("shipping_cost", null);
    inv.put("shipping_details", null);
    inv.put("starting_balance", 0L);
    inv.put("statement_descriptor", null);
    inv.put("status", "draft");
    Map<String, Object> transitions = new LinkedHashMap<>();
    transitions.put("finalized_at", null);
    transitions.put("marked_uncollectible_at", null);
    transitions.put("paid_at", null);
    transitions.put("voided_at", null);
    inv.put("status_transitions", transitions);
    inv.put("subscription", null);
    inv.put("subtotal", 0L);
    inv.put("subtotal_excluding_tax", 0L);
    inv.put("test_clock", null);
    inv.put("total", 0L);
    inv.put("total_discount_amounts", new ArrayList<>());
    inv.put("total_excluding_tax", 0L);
    inv.put("total_pretax_credit_amounts", new ArrayList<>());
    inv.put("total_taxes", new ArrayList<>());
    inv.put("webhooks_delivered_at", null);
    applyEditable(inv, p, true);
    if (collection.equals("send_invoice") && inv.get("due_date") == null) {
      throw ApiError.missing("days_until_due");
    }
    Map<String, Object> hidden = store.hidden((String) inv.get("id"));
    hidden.put("lines", new ArrayList<Map<String, Object>>());
    hidden.put("amount_paid_off_stripe", 0L);
    hidden.put("payments",
        store.list(List.of(), false, "/v1/invoice_payments?invoice=" + inv.get("id"), List.of()));
    if (customer.get("currency") == null) {
      customer.put("currency", currency);
    }
    store.insert(inv);
    if ("include".equals(pending)) {
      for (Map<String, Object> item : store.all("invoiceitem")) {
        if (customerId.equals(item.get("customer")) && item.get("invoice") == null
            && currency.equals(item.get("currency"))) {
          attach(item, inv);
        }
      }
    }
    recompute(inv);
    store.emit(ctx, "invoice.created", inv, null);
    return inv;
  }

  @SuppressWarnings("unchecked")
  private void applyEditable(Map<String, Object> inv, Params p, boolean creating) {
    String status = (String) inv.get("status");
    boolean draft = status.equals("draft");
    boolean terminal = status.equals("paid") || status.equals("void");
    if (!draft) {
      for (String f : new String[] {"collection_method", "currency", "default_payment_method", "automatic_tax"}) {
        if (p.has(f)) {
          throw ApiError.state(NOT_EDITABLE,
              "Finalized invoices can't be updated in this way: " + f + " can only change on a draft invoice.");
        }
      }
    }
    if (terminal) {
      for (String f : p.tree().keySet()) {
        if (!f.equals("metadata") && !f.equals("expand")) {
          throw ApiError.state(NOT_EDITABLE,
              "This invoice is " + status + "; only its metadata can be updated, not " + f + ".");
        }
      }
    }
    if (p.has("collection_method") && !creating) {
      String c = p.string("collection_method");
      if (!c.equals("send_invoice") && !c.equals("charge_automatically")) {
        throw ApiError.invalid(null, "collection_method",
            "Invalid collection_method: must be one of charge_automatically or send_invoice");
      }
      inv.put("collection_method", c);
    }
    for (String f : new String[] {"description", "footer", "statement_descriptor"}) {
      if (p.has(f)) {
        String v = p.string(f);
        inv.put(f, v.isEmpty() ? null : v);
      }
    }
    if (p.has("auto_advance")) {
      boolean auto = Boolean.TRUE.equals(p.bool("auto_advance"));
      inv.put("auto_advance", auto);
      inv.put("automatically_finalizes_at", auto && draft ? (Long) inv.get("created") + 3600 : null);
    }
    boolean sendInvoice = "send_invoice".equals(inv.get("collection_method"));
    if (p.has("days_until_due")) {
      Long days = p.longValue("days_until_due");
      if (!sendInvoice) {
        throw ApiError.invalid(null, "days_until_due",
            "days_until_due can only be set when collection_method is send_invoice.");
      }
      if (days == null || days < 0 || days > 3650) {
        throw ApiError.invalid("parameter_invalid_integer", "days_until_due",
            "Invalid days_until_due: must be between 0 and 3650.");
      }
      inv.put("due_date", (Long) inv.get("created") + days * 86400);
    }
    if (p.has("due_date")) {
      if (!sendInvoice) {
        throw ApiError.invalid(null, "due_date", "due_date can only be set when collection_method is send_invoice.");
      }
      if (p.has("days_until_due")) {
        throw ApiError.invalid(null, "due_date", "You may only specify one of these parameters: days_until_due, due_date.");
      }
      inv.put("due_date", p.longValue("due_date"));
    }
    if (!sendInvoice && !creating && p.has("collection_method")) {
      inv.put("due_date", null);
    }
    if (p.has("custom_fields")) {
      inv.put("custom_fields", p.raw("custom_fields") instanceof List ? Json.copy(p.raw("custom_fields")) : null);
    }
    p.applyMetadata((Map<String, Object>) inv.get("metadata"));
  }

  private Map<String, Object> update(Ctx ctx, Map<String, Object> inv, Params p) {
    p.allow("collection_method", "days_until_due", "due_date", "auto_advance", "description", "metadata",
        "footer", "custom_fields", "statement_descriptor", "default_payment_method", "automatic_tax");
    Map<String, Object> before = Json.copy(inv);
    Store.atomically(inv, () -> {
      applyEditable(inv, p, false);
      if ("send_invoice".equals(inv.get("collection_method")) && inv.get("due_date") == null) {
        throw ApiError.missing("days_until_due");
      }
    });
    changed(ctx, inv, before, "invoice.updated");
    return inv;
  }

  private void changed(Ctx ctx, Map<String, Object> inv, Map<String, Object> before, String eventType) {
    store.touched(inv);
    Map<String, Object> previous = Diff.previous(before, inv);
    if (!previous.isEmpty() || !eventType.equals("invoice.updated")) {
      store.emit(ctx, eventType, inv, previous.isEmpty() ? null : previous);
    }
  }

  private Map<String, Object> delete(Ctx ctx, Map<String, Object> inv) {
    if (!"draft".equals(inv.get("status"))) {
      throw ApiError.state(NOT_EDITABLE,
          "You can only delete draft invoices. This invoice is " + inv.get("status") + "; void it instead.");
    }
    for (Map<String, Object> line : lineList(inv)) {
      String itemId = (String) line.get("invoice_item");
      if (itemId != null) {
        store.markDeleted(itemId);
      }
    }
    store.markDeleted((String) inv.get("id"));
    store.emit(ctx, "invoice.deleted", inv, null);
    return Store.deletedStub(inv);
  }

  private Map<String, Object> list(Params p) {
    p.allow("customer", "status", "collection_method", "created", "due_date", "subscription", "limit",
        "starting_after", "ending_before");
    String customer = p.string("customer");
    String status = p.string("status");
    if (status != null && !List.of("draft", "open", "paid", "uncollectible", "void").contains(status)) {
      throw ApiError.invalid(null, "status",
          "Invalid status: must be one of draft, open, paid, uncollectible, or void");
    }
    String collection = p.string("collection_method");
    List<Map<String, Object>> items = new ArrayList<>();
    for (Map<String, Object> inv : store.all("invoice")) {
      if ((customer == null || customer.equals(inv.get("customer")))
          && (status == null || status.equals(inv.get("status")))
          && (collection == null || collection.equals(inv.get("collection_method")))
          && Filters.created(p, inv)
          && Filters.range(p, "due_date", inv)) {
        items.add(inv);
      }
    }
    return store.page(items, p, "/v1/invoices");
  }

  Map<String, Object> finalizeInvoice(Ctx ctx, Map<String, Object> inv, Boolean autoAdvance) {
    if (!"draft".equals(inv.get("status"))) {
      throw ApiError.state(NOT_EDITABLE,
          "This invoice is already finalized, you can't re-finalize a non-draft invoice (status: "
              + inv.get("status") + ").");
    }
    Map<String, Object> before = Json.copy(inv);
    Map<String, Object> customer = store.get((String) inv.get("customer"));
    long sequence = (Long) customer.get("next_invoice_sequence");
    customer.put("next_invoice_sequence", sequence + 1);
    long now = store.now();
    String token = store.newId("test").substring(5);
    inv.put("number", customer.get("invoice_prefix") + "-" + String.format("%04d", sequence));
    inv.put("hosted_invoice_url", "https://invoice.stripe.com/i/" + store.accountId + "/test_" + token);
    inv.put("invoice_pdf", "https://pay.stripe.com/invoice/" + store.accountId + "/test_" + token + "/pdf?s=ap");
    inv.put("status", "open");
    inv.put("effective_at", now);
    inv.put("ending_balance", 0L);
    inv.put("automatically_finalizes_at", null);
    if (autoAdvance != null) {
      inv.put("auto_advance", autoAdvance);
    }
    status(inv).put("finalized_at", now);
    changed(ctx, inv, before, "invoice.finalized");
    long due = (Long) inv.get("amount_due");
    if (due > 0 && due < PaymentApi.minimumCharge((String) inv.get("currency"))) {
      // below the minimum charge: Stripe carries the amount to the customer's balance
      customer.put("balance", (Long) customer.get("balance") + due);
      store.touched(customer);
      inv.put("ending_balance", due);
      inv.put("amount_remaining", 0L);
      markPaid(ctx, inv);
    } else if (due == 0L) {
      markPaid(ctx, inv);
    }
    return inv;
  }

  private Map<String, Object> send(Ctx ctx, Map<String, Object> inv) {
    if (!"send_invoice".equals(inv.get("collection_method"))) {
      throw ApiError.state(null,
          "You can only manually send an invoice if its collection method is 'send_invoice'.");
    }
    String status = (String) inv.get("status");
    if (status.equals("draft") && sendFinalizesDrafts) {
      // Stripe's API reference (finalize): "Stripe automatically finalizes drafts before sending".
      finalizeInvoice(ctx, inv, null);
    } else if (status.equals("draft") || status.equals("void")) {
      throw ApiError.state(NOT_EDITABLE, "You can't send a " + status + " invoice; finalize it first.");
    }
    store.emit(ctx, "invoice.sent", inv, null);
    return inv;
  }

  private Map<String, Object> pay(Ctx ctx, Map<String, Object> inv, Params p) {
    p.allow("paid_out_of_band", "payment_method", "source", "forgive", "off_session", "mandate");
    if ("draft".equals(inv.get("status"))) {
      finalizeInvoice(ctx, inv, null);
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
      markPaid(ctx, inv);
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

  private void requirePayable(Map<String, Object> inv) {
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
      markPaid(ctx, inv);
    } else {
      changed(ctx, inv, before, "invoice.updated");
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
    changed(ctx, inv, before, "invoice.payment_failed");
    return inv;
  }

  private void markPaid(Ctx ctx, Map<String, Object> inv) {
    Map<String, Object> before = Json.copy(inv);
    inv.put("status", "paid");
    inv.put("auto_advance", false);
    status(inv).put("paid_at", store.now());
    changed(ctx, inv, before, "invoice.paid");
  }

  Map<String, Object> voidInvoice(Ctx ctx, Map<String, Object> inv) {
    String status = (String) inv.get("status");
    if (!status.equals("open") && !status.equals("uncollectible")) {
      throw ApiError.state(NOT_EDITABLE,
          "You can only void open or uncollectible invoices; invoice " + inv.get("id") + " is " + status + ".");
    }
    if ((Long) inv.get("amount_paid") > 0) {
      throw ApiError.state(NOT_EDITABLE,
          "Invoice " + inv.get("id") + " has been partially paid and can no longer be voided.");
    }
    Map<String, Object> before = Json.copy(inv);
    inv.put("status", "void");
    inv.put("auto_advance", false);
    status(inv).put("voided_at", store.now());
    changed(ctx, inv, before, "invoice.voided");
    return inv;
  }

  Map<String, Object> markUncollectible(Ctx ctx, Map<String, Object> inv) {
    if (!"open".equals(inv.get("status"))) {
      throw ApiError.state(NOT_EDITABLE,
          "You can only mark open invoices as uncollectible; invoice " + inv.get("id") + " is "
              + inv.get("status") + ".");
    }
    Map<String, Object> before = Json.copy(inv);
    inv.put("status", "uncollectible");
    status(inv).put("marked_uncollectible_at", store.now());
    changed(ctx, inv, before, "invoice.marked_uncollectible");
    return inv;
  }

  /** Finalizes drafts with {@code auto_advance=true} about an hour after creation (simulated clock). */
  void tick(Ctx ctx) {
    long now = store.now();
    for (Map<String, Object> inv : store.all("invoice")) {
      Object at = inv.get("automatically_finalizes_at");
      if ("draft".equals(inv.get("status")) && at instanceof Long t && t <= now) {
        finalizeInvoice(ctx, inv, null);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> status(Map<String, Object> inv) {
    return (Map<String, Object>) inv.get("status_transitions");
  }

  // ---------------------------------------------------------------- add_lines and credit notes

  /**
   * {@code POST /v1/invoices/{id}/add_lines}: drafts only; each line becomes an invoice item on the
   * invoice. {@code tax_amounts} (with {@code tax_rate_data}) become the line's {@code taxes} and
   * count towards the total (exclusive tax) or inside it (inclusive). All lines are checked before
   * any is added.
   */
  @SuppressWarnings("unchecked")
  private Map<String, Object> addLines(Ctx ctx, Map<String, Object> inv, Params p) {
    p.allow("lines", "invoice_metadata");
    if (!"draft".equals(inv.get("status"))) {
      throw ApiError.state(NOT_EDITABLE, "You can only add lines to a draft invoice; invoice " + inv.get("id")
          + " is " + inv.get("status") + ".");
    }
    Object raw = p.raw("lines");
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      throw ApiError.missing("lines");
    }
    String customerId = (String) inv.get("customer");
    String currency = (String) inv.get("currency");
    List<Map<String, Object>> items = new ArrayList<>();
    List<List<Map<String, Object>>> taxes = new ArrayList<>();
    List<Map<String, Object>> rates = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String param = "lines[" + i + "]";
      if (!(list.get(i) instanceof Map)) {
        throw ApiError.invalid(null, param, "Invalid hash: " + param);
      }
      Params lp = Params.of((Map<String, Object>) list.get(i));
      lp.allow("amount", "description", "discountable", "discounts", "invoice_item", "metadata", "period",
          "price_data", "pricing", "quantity", "tax_amounts", "tax_rates");
      if (lp.has("invoice_item")) {
        throw ApiError.invalid(null, param + "[invoice_item]",
            "Attaching an existing invoice item through add_lines is not modelled by the simulator; pass amount.");
      }
      Map<String, Object> item = blankItem(customerId, currency, null);
      applyItem(item, lp, true);
      items.add(item);
      taxes.add(taxAmounts(lp, param, (Long) item.get("amount"), rates));
    }
    Map<String, Object> before = Json.copy(inv);
    for (Map<String, Object> rate : rates) {
      store.insert(rate);
    }
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> item = items.get(i);
      store.insert(item);
      attach(item, inv);
      List<Map<String, Object>> lines = lineList(inv);
      lines.get(lines.size() - 1).put("taxes", taxes.get(i));
      store.emit(ctx, "invoiceitem.created", item, null);
    }
    if (p.has("invoice_metadata")) {
      Params.of(Map.of("metadata", p.raw("invoice_metadata"))).applyMetadata((Map<String, Object>) inv.get("metadata"));
    }
    recompute(inv);
    changed(ctx, inv, before, "invoice.updated");
    return inv;
  }

  /** A line's {@code tax_amounts} as Stripe's line {@code taxes}; new tax rates go to {@code rates}. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> taxAmounts(Params lp, String param, long lineAmount, List<Map<String, Object>> rates) {
    List<Map<String, Object>> out = new ArrayList<>();
    Object raw = lp.raw("tax_amounts");
    if (raw == null || "".equals(raw)) {
      return out;
    }
    if (!(raw instanceof List<?> list)) {
      throw ApiError.invalid(null, param + "[tax_amounts]", "Invalid array: " + param + "[tax_amounts]");
    }
    for (int j = 0; j < list.size(); j++) {
      String tp = param + "[tax_amounts][" + j + "]";
      if (!(list.get(j) instanceof Map)) {
        throw ApiError.invalid(null, tp, "Invalid hash: " + tp);
      }
      Params t = Params.of((Map<String, Object>) list.get(j));
      t.allow("amount", "taxable_amount", "tax_rate_data", "taxability_reason");
      if (!t.has("amount")) {
        throw ApiError.missing(tp + "[amount]");
      }
      if (!t.has("taxable_amount")) {
        throw ApiError.missing(tp + "[taxable_amount]");
      }
      long amount = t.longValue("amount");
      long taxable = t.longValue("taxable_amount");
      if (amount < 0 || taxable < 0) {
        throw ApiError.invalid(null, tp + "[amount]", "Tax amounts must not be negative.");
      }
      Map<String, Object> data = t.map("tax_rate_data");
      if (data == null) {
        throw ApiError.missing(tp + "[tax_rate_data]");
      }
      Params d = Params.of(data);
      d.allow("display_name", "inclusive", "percentage", "country", "description", "jurisdiction",
          "jurisdiction_level", "state", "tax_type");
      String display = d.string("display_name");
      if (display == null || display.isEmpty()) {
        throw ApiError.missing(tp + "[tax_rate_data][display_name]");
      }
      Boolean inclusive = d.bool("inclusive");
      if (inclusive == null) {
        throw ApiError.missing(tp + "[tax_rate_data][inclusive]");
      }
      String percentage = d.string("percentage");
      if (percentage == null) {
        throw ApiError.missing(tp + "[tax_rate_data][percentage]");
      }
      BigDecimal pct = decimal(percentage, tp + "[tax_rate_data][percentage]");
      Map<String, Object> rate = new LinkedHashMap<>();
      rate.put("id", store.newId("txr"));
      rate.put("object", "tax_rate");
      rate.put("active", true);
      rate.put("country", d.string("country"));
      rate.put("created", store.now());
      rate.put("description", d.string("description"));
      rate.put("display_name", display);
      rate.put("effective_percentage", pct.doubleValue());
      rate.put("flat_amount", null);
      rate.put("inclusive", inclusive);
      rate.put("jurisdiction", d.string("jurisdiction"));
      rate.put("jurisdiction_level", d.string("jurisdiction_level"));
      rate.put("livemode", false);
      rate.put("metadata", new LinkedHashMap<String, Object>());
      rate.put("percentage", pct.doubleValue());
      rate.put("rate_type", "percentage");
      rate.put("state", d.string("state"));
      rate.put("tax_type", d.string("tax_type"));
      rates.add(rate);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("tax_rate", rate.get("id"));
      Map<String, Object> tax = new LinkedHashMap<>();
      tax.put("amount", amount);
      tax.put("tax_behavior", inclusive ? "inclusive" : "exclusive");
      tax.put("tax_rate_details", details);
      String reason = t.string("taxability_reason");
      tax.put("taxability_reason", reason == null ? "standard_rated" : reason);
      tax.put("taxable_amount", taxable);
      tax.put("type", "tax_rate_details");
      out.add(tax);
    }
    return out;
  }

  /** After a credit note changed {@code inv}: an open invoice credited down to zero is paid. */
  void changedByCreditNote(Ctx ctx, Map<String, Object> inv, Map<String, Object> before) {
    changed(ctx, inv, before, "invoice.updated");
    if ("open".equals(inv.get("status")) && (Long) inv.get("amount_remaining") == 0L) {
      markPaid(ctx, inv);
    }
  }

  /** The succeeded charge that paid {@code inv}, or null (paid out of band, or by credit notes). */
  @SuppressWarnings("unchecked")
  Map<String, Object> paidCharge(Map<String, Object> inv) {
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
  private Map<String, Object> openPayment(Map<String, Object> inv) {
    for (Map<String, Object> ip : store.all("invoice_payment")) {
      if (inv.get("id").equals(ip.get("invoice")) && "open".equals(ip.get("status"))) {
        return ip;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> newInvoicePayment(Map<String, Object> inv, Map<String, Object> pi, long requested) {
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

  // ---------------------------------------------------------------- lines and totals

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> lineList(Map<String, Object> inv) {
    return (List<Map<String, Object>>) store.hidden((String) inv.get("id")).get("lines");
  }

  private void recompute(Map<String, Object> inv) {
    long subtotal = 0;
    long exclusiveTax = 0;
    long inclusiveTax = 0;
    List<Map<String, Object>> lines = lineList(inv);
    Map<String, Map<String, Object>> totalTaxes = new LinkedHashMap<>();
    for (Map<String, Object> line : lines) {
      subtotal += (Long) line.get("amount");
      for (Map<String, Object> t : taxesOf(line)) {
        long a = (Long) t.get("amount");
        if ("inclusive".equals(t.get("tax_behavior"))) {
          inclusiveTax += a;
        } else {
          exclusiveTax += a;
        }
        String rate = String.valueOf(((Map<?, ?>) t.get("tax_rate_details")).get("tax_rate"));
        Map<String, Object> sum = totalTaxes.computeIfAbsent(rate, k -> {
          Map<String, Object> m = Json.copy(t);
          m.put("amount", 0L);
          m.put("taxable_amount", 0L);
          return m;
        });
        sum.put("amount", (Long) sum.get("amount") + a);
        sum.put("taxable_amount", (Long) sum.get("taxable_amount") + (Long) t.get("taxable_amount"));
      }
    }
    long total = subtotal + exclusiveTax;
    inv.put("subtotal", subtotal);
    inv.put("subtotal_excluding_tax", subtotal - inclusiveTax);
    inv.put("total", total);
    inv.put("total_excluding_tax", total - exclusiveTax - inclusiveTax);
    inv.put("total_taxes", new ArrayList<>(totalTaxes.values()));
    long due = Math.max(0, total + (Long) inv.get("starting_balance"));
    inv.put("amount_due", due);
    inv.put("amount_remaining", due - (Long) inv.get("amount_paid"));
    List<Map<String, Object>> embedded = new ArrayList<>();
    for (Map<String, Object> line : lines.subList(0, Math.min(EMBEDDED_LINES, lines.size()))) {
      embedded.add(wireLine(line));
    }
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("object", "list");
    list.put("data", embedded);
    list.put("has_more", lines.size() > EMBEDDED_LINES);
    list.put("total_count", (long) lines.size());
    list.put("url", "/v1/invoices/" + inv.get("id") + "/lines");
    inv.put("lines", list);
    store.touched(inv);
  }

  private static Map<String, Object> wireLine(Map<String, Object> line) {
    Map<String, Object> out = Json.copy(line);
    out.remove("invoice_item");
    return out;
  }

  private Map<String, Object> lines(Map<String, Object> inv, Params p) {
    int limit = Store.limit(p);
    List<Map<String, Object>> lines = lineList(inv);
    String after = p.string("starting_after");
    String before = p.string("ending_before");
    int from = 0;
    int to = lines.size();
    if (after != null) {
      from = indexOfLine(lines, after, "starting_after") + 1;
      to = Math.min(lines.size(), from + limit);
    } else if (before != null) {
      to = indexOfLine(lines, before, "ending_before");
      from = Math.max(0, to - limit);
    } else {
      to = Math.min(lines.size(), limit);
    }
    List<Map<String, Object>> data = new ArrayList<>();
    for (Map<String, Object> line : lines.subList(from, to)) {
      data.add(wireLine(line));
    }
    boolean hasMore = before != null ? from > 0 : to < lines.size();
    return store.list(data, hasMore, "/v1/invoices/" + inv.get("id") + "/lines", p.expand());
  }

  private static int indexOfLine(List<Map<String, Object>> lines, String id, String param) {
    for (int i = 0; i < lines.size(); i++) {
      if (id.equals(lines.get(i).get("id"))) {
        return i;
      }
    }
    throw ApiError.noSuch("line_item", id, param);
  }

  // ---------------------------------------------------------------- invoice items

  private Map<String, Object> items(Ctx ctx, String method, List<String> path, Params p) {
    if (path.size() == 2) {
      return switch (method) {
        case "POST" -> store.render(createItem(ctx, p), p.expand());
        case "GET" -> listItems(p);
        default -> null;
      };
    }
    if (path.size() != 3) {
      return null;
    }
    Map<String, Object> item = store.require("invoiceitem", path.get(2));
    switch (method) {
      case "GET":
        p.allow();
        return store.render(item, p.expand());
      case "POST":
        return store.render(updateItem(ctx, item, p), p.expand());
      case "DELETE": {
        Map<String, Object> inv = editableInvoiceOf(item);
        store.markDeleted((String) item.get("id"));
        if (inv != null) {
          lineList(inv).removeIf(l -> item.get("id").equals(l.get("invoice_item")));
          recompute(inv);
        }
        store.emit(ctx, "invoiceitem.deleted", item, null);
        return Store.deletedStub(item);
      }
      default:
        return null;
    }
  }

  private Map<String, Object> editableInvoiceOf(Map<String, Object> item) {
    String invoiceId = (String) item.get("invoice");
    if (invoiceId == null) {
      return null;
    }
    Map<String, Object> inv = store.get(invoiceId);
    if (!"draft".equals(inv.get("status"))) {
      throw ApiError.state(NOT_EDITABLE, "The invoice item " + item.get("id") + " is on invoice " + invoiceId
          + ", which is " + inv.get("status") + ": invoice items can only change while the invoice is a draft.");
    }
    return inv;
  }

  private static final String[] ITEM_PARAMS = {
    "customer", "invoice", "amount", "unit_amount", "unit_amount_decimal", "quantity", "quantity_decimal",
    "currency",
    "description", "metadata", "period", "discountable", "tax_rates", "tax_behavior", "tax_code",
    "price_data", "pricing", "price"
  };

  @SuppressWarnings("unchecked")
  private Map<String, Object> createItem(Ctx ctx, Params p) {
    p.allow(ITEM_PARAMS);
    String customerId = p.requireString("customer");
    Map<String, Object> customer = store.ref("customer", customerId, "customer");
    Map<String, Object> inv = null;
    String invoiceId = p.string("invoice");
    if (invoiceId != null && !invoiceId.isEmpty()) {
      inv = store.ref("invoice", invoiceId, "invoice");
      if (!"draft".equals(inv.get("status"))) {
        throw ApiError.state(NOT_EDITABLE, "You can only add invoice items to draft invoices; invoice "
            + invoiceId + " is " + inv.get("status") + ".");
      }
      if (!customerId.equals(inv.get("customer"))) {
        throw ApiError.invalid(null, "invoice", "The invoice " + invoiceId + " belongs to customer "
            + inv.get("customer") + ", not to " + customerId + ".");
      }
    }
    String currency = p.currency("currency");
    String expected = inv != null ? (String) inv.get("currency")
        : customer.get("currency") != null ? (String) customer.get("currency") : null;
    if (currency == null) {
      currency = expected != null ? expected : "usd";
    } else if (expected != null && !expected.equals(currency)) {
      throw ApiError.invalid(null, "currency", "The currency " + currency + " does not match the "
          + (inv != null ? "invoice" : "customer") + " currency " + expected + ".");
    }
    Map<String, Object> item = blankItem(customerId, currency, inv);
    applyItem(item, p, true);
    store.insert(item);
    if (inv != null) {
      attach(item, inv);
      recompute(inv);
    }
    store.emit(ctx, "invoiceitem.created", item, null);
    return item;
  }

  /** A new invoice item with Stripe's defaults, not yet stored. */
  private Map<String, Object> blankItem(String customerId, String currency, Map<String, Object> inv) {
    long now = store.now();
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", store.newId("ii"));
    item.put("object", "invoiceitem");
    item.put("amount", 0L);
    item.put("currency", currency);
    item.put("customer", customerId);
    item.put("customer_account", null);
    item.put("date", now);
    item.put("description", null);
    item.put("discountable", true);
    item.put("discounts", new ArrayList<>());
    item.put("invoice", inv == null ? null : inv.get("id"));
    item.put("livemode", false);
    item.put("metadata", new LinkedHashMap<String, Object>());
    item.put("net_amount", 0L);
    item.put("parent", null);
    Map<String, Object> period = new LinkedHashMap<>();
    period.put("end", now);
    period.put("start", now);
    item.put("period", period);
    Map<String, Object> pricing = new LinkedHashMap<>();
    pricing.put("price_details", null);
    pricing.put("type", "price_details");
    pricing.put("unit_amount_decimal", null);
    item.put("pricing", pricing);
    item.put("proration", false);
    item.put("quantity", 1L);
    item.put("quantity_decimal", "1");
    item.put("tax_rates", new ArrayList<>());
    item.put("test_clock", null);
    return item;
  }

  private Map<String, Object> updateItem(Ctx ctx, Map<String, Object> item, Params p) {
    p.allow("amount", "unit_amount", "unit_amount_decimal", "quantity", "quantity_decimal", "description", "metadata", "period",
        "discountable", "tax_rates", "tax_behavior", "tax_code", "price_data", "pricing");
    Map<String, Object> inv = editableInvoiceOf(item);
    Map<String, Object> before = Json.copy(item);
    Store.atomically(item, () -> applyItem(item, p, false));
    store.touched(item);
    if (inv != null) {
      for (Map<String, Object> line : lineList(inv)) {
        if (item.get("id").equals(line.get("invoice_item"))) {
          fillLine(line, item);
        }
      }
      recompute(inv);
    }
    Map<String, Object> previous = Diff.previous(before, item);
    if (!previous.isEmpty()) {
      store.emit(ctx, "invoiceitem.updated", item, previous);
    }
    return item;
  }

  @SuppressWarnings("unchecked")
  private void applyItem(Map<String, Object> item, Params p, boolean creating) {
    BigDecimal quantity = null;
    if (p.has("quantity") && p.has("quantity_decimal")) {
      throw ApiError.invalid(null, "quantity_decimal",
          "You may only specify one of these parameters: quantity, quantity_decimal.");
    }
    if (p.has("quantity")) {
      Long q = p.longValue("quantity");
      quantity = q == null ? null : BigDecimal.valueOf(q);
    } else if (p.has("quantity_decimal")) {
      quantity = decimal(p.string("quantity_decimal"), "quantity_decimal");
    }
    if (quantity != null && quantity.signum() < 0) {
      throw ApiError.invalid("parameter_invalid_integer", p.has("quantity") ? "quantity" : "quantity_decimal",
          "Invalid quantity: must be at least 0.");
    }
    if (p.has("pricing") || p.has("price")) {
      String price = p.has("price") ? p.string("price")
          : String.valueOf(p.map("pricing") == null ? null : p.map("pricing").get("price"));
      throw ApiError.noSuch("price", price, p.has("price") ? "price" : "pricing[price]");
    }
    BigDecimal unit = null;
    if (p.has("price_data")) {
      Map<String, Object> pd = p.map("price_data");
      if (pd == null || pd.get("product") == null || "".equals(pd.get("product"))) {
        throw ApiError.missing("price_data[product]");
      }
      Object ua = pd.get("unit_amount_decimal") != null ? pd.get("unit_amount_decimal") : pd.get("unit_amount");
      if (ua == null) {
        throw ApiError.missing("price_data[unit_amount]");
      }
      unit = decimal(String.valueOf(ua), "price_data[unit_amount]");
    } else if (p.has("unit_amount_decimal")) {
      unit = decimal(p.string("unit_amount_decimal"), "unit_amount_decimal");
    } else if (p.has("unit_amount")) {
      unit = BigDecimal.valueOf(p.longValue("unit_amount"));
    }
    Long amount = p.longValue("amount");
    if (amount != null && unit != null) {
      throw ApiError.invalid(null, "amount",
          "You may only specify one of these parameters: amount, unit_amount, unit_amount_decimal, price_data.");
    }
    BigDecimal q = quantity != null ? quantity : new BigDecimal((String) item.get("quantity_decimal"));
    Map<String, Object> pricing = (Map<String, Object>) item.get("pricing");
    if (amount != null) {
      item.put("amount", amount);
      pricing.put("unit_amount_decimal", q.signum() == 0 ? String.valueOf(amount)
          : new BigDecimal(amount).divide(q, 12, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
    } else if (unit != null) {
      item.put("amount", unit.multiply(q).setScale(0, RoundingMode.HALF_UP).longValueExact());
      pricing.put("unit_amount_decimal", unit.stripTrailingZeros().toPlainString());
    } else if (creating) {
      throw ApiError.missing("amount");
    } else if (quantity != null) {
      BigDecimal u = new BigDecimal((String) pricing.get("unit_amount_decimal"));
      item.put("amount", u.multiply(q).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }
    boolean whole = q.stripTrailingZeros().scale() <= 0;
    item.put("quantity", whole ? q.longValueExact() : null);
    item.put("quantity_decimal", q.stripTrailingZeros().toPlainString());
    item.put("net_amount", item.get("amount"));
    if (p.has("description")) {
      String d = p.string("description");
      item.put("description", d.isEmpty() ? null : d);
    }
    if (p.has("discountable")) {
      item.put("discountable", p.bool("discountable"));
    }
    if (p.has("period")) {
      Map<String, Object> period = p.map("period");
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("end", Params.of(period).longValue("end"));
      out.put("start", Params.of(period).longValue("start"));
      item.put("period", out);
    }
    if (p.has("tax_rates")) {
      item.put("tax_rates", new ArrayList<>(p.stringList("tax_rates")));
    }
    p.applyMetadata((Map<String, Object>) item.get("metadata"));
  }

  private static BigDecimal decimal(String v, String param) {
    try {
      BigDecimal d = new BigDecimal(v);
      if (d.scale() > 12) {
        throw ApiError.invalid(null, param, "Invalid decimal: " + v + " has more than 12 decimal places.");
      }
      return d;
    } catch (NumberFormatException e) {
      throw ApiError.invalid(null, param, "Invalid decimal: " + v);
    }
  }

  private void attach(Map<String, Object> item, Map<String, Object> inv) {
    item.put("invoice", inv.get("id"));
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("id", store.newId("il"));
    line.put("object", "line_item");
    line.put("invoice_item", item.get("id"));
    fillLine(line, item);
    line.put("invoice", inv.get("id"));
    lineList(inv).add(line);
    store.touched(item);
  }

  private static void fillLine(Map<String, Object> line, Map<String, Object> item) {
    line.put("amount", item.get("amount"));
    line.put("currency", item.get("currency"));
    line.put("description", item.get("description"));
    line.put("discount_amounts", new ArrayList<>());
    line.put("discountable", item.get("discountable"));
    line.put("discounts", new ArrayList<>());
    line.put("livemode", false);
    line.put("metadata", Json.copy(item.get("metadata")));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("invoice_item", item.get("id"));
    details.put("proration", false);
    details.put("proration_details", null);
    details.put("subscription", null);
    Map<String, Object> parent = new LinkedHashMap<>();
    parent.put("invoice_item_details", details);
    parent.put("subscription_item_details", null);
    parent.put("type", "invoice_item_details");
    line.put("parent", parent);
    line.put("period", Json.copy(item.get("period")));
    line.put("pretax_credit_amounts", new ArrayList<>());
    line.put("pricing", Json.copy(item.get("pricing")));
    line.put("quantity", item.get("quantity"));
    line.put("quantity_decimal", item.get("quantity_decimal"));
    line.put("subscription", null);
    line.put("subtotal", item.get("amount"));
    line.putIfAbsent("taxes", new ArrayList<>());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> taxesOf(Map<String, Object> line) {
    Object t = line.get("taxes");
    return t instanceof List ? (List<Map<String, Object>>) t : List.of();
  }

  private Map<String, Object> listItems(Params p) {
    p.allow("customer", "invoice", "pending", "created", "limit", "starting_after", "ending_before");
    String customer = p.string("customer");
    String invoice = p.string("invoice");
    Boolean pending = p.bool("pending");
    List<Map<String, Object>> items = new ArrayList<>();
    for (Map<String, Object> item : store.all("invoiceitem")) {
      if ((customer == null || customer.equals(item.get("customer")))
          && (invoice == null || invoice.equals(item.get("invoice")))
          && (pending == null || pending == (item.get("invoice") == null))
          && Filters.created(p, item)) {
        items.add(item);
      }
    }
    return store.page(items, p, "/v1/invoiceitems");
  }

  // ---------------------------------------------------------------- invoice payments

  private Map<String, Object> invoicePayments(String method, List<String> path, Params p) {
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
