package io.mlconnector.testkit.stripe.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/invoices}, {@code /v1/invoiceitems} and {@code /v1/invoice_payments}, with Stripe's
 * invoice state machine: draft -> open (finalize) -> paid | void | uncollectible; uncollectible ->
 * paid | void; paid and void are terminal. Items attach to drafts only. The lines, invoice items
 * and totals are {@link InvoiceLines}; paying and the invoice payments are {@link InvoicePayments}.
 */
final class InvoiceApi {
  static final String NOT_EDITABLE = "invoice_not_editable";

  private final Store store;
  private final boolean sendFinalizesDrafts;
  private final InvoiceLines lines;
  private final InvoicePayments paying;

  InvoiceApi(Store store, boolean sendFinalizesDrafts) {
    this.store = store;
    this.sendFinalizesDrafts = sendFinalizesDrafts;
    this.lines = new InvoiceLines(store, this);
    this.paying = new InvoicePayments(store, this);
  }

  void payments(PaymentApi payments) {
    paying.payments(payments);
  }

  @Nullable Map<String, Object> route(Ctx ctx, String method, List<String> path, Params p) {
    if (path.size() < 2) {
      return null;
    }
    switch (path.get(1)) {
      case "invoices":
        return invoices(ctx, method, path, p);
      case "invoiceitems":
        return lines.items(ctx, method, path, p);
      case "invoice_payments":
        return paying.invoicePayments(method, path, p);
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

  private @Nullable Map<String, Object> invoices(Ctx ctx, String method, List<String> path, Params p) {
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

  void changed(Ctx ctx, Map<String, Object> inv, Map<String, Object> before, String eventType) {
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

  Map<String, Object> finalizeInvoice(Ctx ctx, Map<String, Object> inv, @Nullable Boolean autoAdvance) {
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


  void markPaid(Ctx ctx, Map<String, Object> inv) {
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
  private static @Nullable Map<String, Object> status(Map<String, Object> inv) {
    return (Map<String, Object>) inv.get("status_transitions");
  }


  /** After a credit note changed {@code inv}: an open invoice credited down to zero is paid. */
  void changedByCreditNote(Ctx ctx, Map<String, Object> inv, Map<String, Object> before) {
    changed(ctx, inv, before, "invoice.updated");
    if ("open".equals(inv.get("status")) && (Long) inv.get("amount_remaining") == 0L) {
      markPaid(ctx, inv);
    }
  }

  // ---------------------------------------------------------------- lines, items and payments

  /** The invoice's lines (see {@link InvoiceLines#lineList}). */
  List<Map<String, Object>> lineList(Map<String, Object> inv) {
    return lines.lineList(inv);
  }

  /** A successful card payment towards the invoice (see {@link InvoicePayments#collect}). */
  Map<String, Object> collect(Ctx ctx, Map<String, Object> inv, long amount) {
    return paying.collect(ctx, inv, amount);
  }

  /** A failed attempt to pay the invoice (see {@link InvoicePayments#recordFailure}). */
  Map<String, Object> recordFailure(Ctx ctx, Map<String, Object> inv, String code, String declineCode) {
    return paying.recordFailure(ctx, inv, code, declineCode);
  }

  /** The succeeded charge that paid {@code inv}, or null (see {@link InvoicePayments#paidCharge}). */
  @Nullable Map<String, Object> paidCharge(Map<String, Object> inv) {
    return paying.paidCharge(inv);
  }

  private Map<String, Object> pay(Ctx ctx, Map<String, Object> inv, Params p) {
    return paying.pay(ctx, inv, p);
  }

  private Map<String, Object> addLines(Ctx ctx, Map<String, Object> inv, Params p) {
    return lines.addLines(ctx, inv, p);
  }

  private void attach(Map<String, Object> item, Map<String, Object> inv) {
    lines.attach(item, inv);
  }

  private Map<String, Object> lines(Map<String, Object> inv, Params p) {
    return lines.lines(inv, p);
  }

  private void recompute(Map<String, Object> inv) {
    lines.recompute(inv);
  }
}
