package io.mlconnector.testkit.chargebee.internal;

import io.mlconnector.testkit.http.SimResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Invoices from charges and charge item prices, payments (transactions), refunds (refundable credit
 * notes) and voids. Tax is not modelled: {@code tax} is 0 and {@code taxable} is accepted and
 * ignored.
 */
public final class InvoiceApi {
  private static final Set<String> CHARGE = Set.of("amount", "amount_in_decimal", "description", "taxable",
      "tax_profile_id", "avalara_tax_code", "hsn_code", "taxjar_product_code", "avalara_sale_type",
      "avalara_transaction_type", "avalara_service_type", "date_from", "date_to");
  private static final Set<String> ITEM_PRICE = Set.of("item_price_id", "quantity", "quantity_in_decimal",
      "unit_price", "unit_price_in_decimal", "date_from", "date_to");

  static final Lists.Spec LIST = new Lists.Spec("invoice",
      Map.of("id", Lists.Kind.STRING, "customer_id", Lists.Kind.STRING, "subscription_id", Lists.Kind.STRING,
          "status", Lists.Kind.STRING, "date", Lists.Kind.TIMESTAMP, "paid_at", Lists.Kind.TIMESTAMP,
          "updated_at", Lists.Kind.TIMESTAMP, "voided_at", Lists.Kind.TIMESTAMP),
      Set.of("date", "updated_at"), "date", Set.of());
  static final Lists.Spec TXN_LIST = new Lists.Spec("transaction",
      Map.of("id", Lists.Kind.STRING, "customer_id", Lists.Kind.STRING, "subscription_id", Lists.Kind.STRING,
          "status", Lists.Kind.STRING, "type", Lists.Kind.STRING, "payment_method", Lists.Kind.STRING,
          "date", Lists.Kind.TIMESTAMP, "updated_at", Lists.Kind.TIMESTAMP),
      Set.of("date", "updated_at"), "date", Set.of());
  static final Lists.Spec CN_LIST = new Lists.Spec("credit_note",
      Map.of("id", Lists.Kind.STRING, "customer_id", Lists.Kind.STRING, "reference_invoice_id", Lists.Kind.STRING,
          "status", Lists.Kind.STRING, "date", Lists.Kind.TIMESTAMP, "updated_at", Lists.Kind.TIMESTAMP),
      Set.of("date", "updated_at"), "date", Set.of());

  private final Store store;
  private final String baseCurrency;
  private long creditNoteNumber;

  /** The invoices of {@code store}; {@code baseCurrency} is the site's currency. */
  public InvoiceApi(Store store, String baseCurrency) {
    this.store = store;
    this.baseCurrency = baseCurrency;
  }

  /** {@code POST /invoices/create_for_charge_items_and_charges}. */
  public SimResponse createForCharges(Params p) {
    p.allow(Set.of("customer_id", "subscription_id", "currency_code", "invoice_date", "po_number", "invoice_note",
            "remove_general_note", "auto_collection", "coupon_ids", "payment_source_id", "authorization_transaction_id",
            "replace_primary_payment_source", "retain_payment_source", "payment_initiator"),
        Map.of("shipping_address", CustomerApi.ADDRESS, "statement_descriptor", Set.of("descriptor", "additional_info")),
        Map.of("charges", CHARGE, "item_prices", ITEM_PRICE));
    String customerId = p.get("customer_id");
    String subscriptionId = p.get("subscription_id");
    Map<String, Object> sub = null;
    if (subscriptionId != null) {
      sub = store.get("subscription", subscriptionId);
      customerId = (String) sub.get("customer_id");
    } else if (customerId == null) {
      throw ApiError.badParam("customer_id", "customer_id : cannot be blank");
    }
    Map<String, Object> customer = liveCustomer(customerId);
    String currency = p.get("currency_code") != null
        ? CustomerApi.currency("currency_code", p.get("currency_code"))
        : (String) customer.getOrDefault("preferred_currency_code", baseCurrency);
    if (p.list("charges").isEmpty() && p.list("item_prices").isEmpty()) {
      throw ApiError.badParam("charges[amount][0]", "At least one charge or item price is required");
    }
    long now = store.clock().instant().getEpochSecond();
    long date = now;
    if (p.get("invoice_date") != null) {
      date = Params.parseLong("invoice_date", p.get("invoice_date"));
      if (date > now) {
        throw ApiError.badParam("invoice_date", "invoice_date : cannot be a future date");
      }
    }
    List<Map<String, Object>> lines = new ArrayList<>();
    List<Integer> idx = p.listIndices("charges");
    List<Map<String, String>> charges = p.list("charges");
    for (int i = 0; i < charges.size(); i++) {
      Map<String, String> c = charges.get(i);
      int n = idx.get(i);
      String amountText = c.get("amount");
      if (amountText == null || amountText.isEmpty()) {
        throw ApiError.badParam("charges[amount][" + n + "]", "charges[amount][" + n + "] : cannot be blank");
      }
      long amount = Params.parseLong("charges[amount][" + n + "]", amountText);
      if (amount < 1) {
        throw ApiError.badParam("charges[amount][" + n + "]", "charges[amount][" + n + "] : should be greater than 0");
      }
      String desc = c.get("description");
      if (desc == null || desc.isEmpty()) {
        throw ApiError.badParam("charges[description][" + n + "]",
            "charges[description][" + n + "] : cannot be blank");
      }
      lines.add(line(customerId, subscriptionId, desc, amount, 1, "adhoc", null, c.get("date_from"),
          c.get("date_to"), date));
    }
    List<Integer> pidx = p.listIndices("item_prices");
    List<Map<String, String>> prices = p.list("item_prices");
    for (int i = 0; i < prices.size(); i++) {
      Map<String, String> ip = prices.get(i);
      int n = pidx.get(i);
      String priceId = ip.get("item_price_id");
      Map<String, Object> price = priceId == null ? null : store.find("item_price", priceId);
      if (price == null) {
        throw ApiError.badParam("item_prices[item_price_id][" + n + "]",
            "item_prices[item_price_id][" + n + "] : " + priceId + " not found");
      }
      if (!"charge".equals(price.get("item_type"))) {
        throw ApiError.badParam("item_prices[item_price_id][" + n + "]",
            "item_prices[item_price_id][" + n + "] : only charge item prices can be invoiced this way");
      }
      if (!currency.equals(price.get("currency_code"))) {
        throw ApiError.badParam("item_prices[item_price_id][" + n + "]",
            "item_prices[item_price_id][" + n + "] : currency differs from the invoice's");
      }
      long qty = ip.get("quantity") == null ? 1 : Params.parseLong("item_prices[quantity][" + n + "]", ip.get("quantity"));
      long unit = ip.get("unit_price") == null ? Lists.num(price.get("price"))
          : Params.parseLong("item_prices[unit_price][" + n + "]", ip.get("unit_price"));
      lines.add(line(customerId, subscriptionId, (String) price.get("name"), unit, qty, "charge_item_price", priceId,
          ip.get("date_from"), ip.get("date_to"), date));
    }
    Map<String, Object> inv = newInvoice(customer, subscriptionId, currency, date, lines, p.get("po_number"));
    if (sub != null && p.get("po_number") == null && sub.get("po_number") != null) {
      inv.put("po_number", sub.get("po_number"));
    }
    if (p.get("invoice_note") != null) {
      inv.put("notes", List.of(Map.of("entity_type", "invoice", "note", p.get("invoice_note"))));
    }
    return SimResponse.json(200, Json.write(Store.wrap("invoice", inv)));
  }

  /** Creates and stores an invoice from line items and records {@code invoice_generated}. */
  public Map<String, Object> newInvoice(Map<String, Object> customer, String subscriptionId, String currency,
      long date, List<Map<String, Object>> lines, String poNumber) {
    long subTotal = 0;
    for (Map<String, Object> l : lines) {
      subTotal += Lists.num(l.get("amount"));
    }
    long netTerm = Lists.num(customer.get("net_term_days"));
    Map<String, Object> inv = new LinkedHashMap<>();
    inv.put("customer_id", customer.get("id"));
    if (subscriptionId != null) {
      inv.put("subscription_id", subscriptionId);
    }
    inv.put("recurring", subscriptionId != null);
    inv.put("price_type", "tax_exclusive");
    inv.put("date", date);
    inv.put("due_date", date + netTerm * 86400);
    inv.put("net_term_days", netTerm);
    inv.put("exchange_rate", 1.0);
    inv.put("currency_code", currency);
    inv.put("base_currency_code", baseCurrency);
    inv.put("total", subTotal);
    inv.put("amount_paid", 0L);
    inv.put("amount_adjusted", 0L);
    inv.put("write_off_amount", 0L);
    inv.put("credits_applied", 0L);
    inv.put("amount_due", subTotal);
    inv.put("sub_total", subTotal);
    inv.put("tax", 0L);
    inv.put("round_off_amount", 0L);
    inv.put("first_invoice", false);
    inv.put("has_advance_charges", false);
    inv.put("term_finalized", true);
    inv.put("is_gifted", false);
    if (poNumber != null) {
      if (poNumber.length() > 100) {
        throw ApiError.badParam("po_number", "po_number : cannot be more than 100 characters");
      }
      inv.put("po_number", poNumber);
    }
    inv.put("line_items", lines);
    inv.put("taxes", new ArrayList<>());
    inv.put("linked_payments", new ArrayList<>());
    inv.put("issued_credit_notes", new ArrayList<>());
    if (customer.get("billing_address") != null) {
      inv.put("billing_address", Json.copy(customer.get("billing_address")));
    }
    inv.put("status", status(inv));
    String id = store.nextInvoiceNumber();
    store.insert("invoice", id, inv);
    for (Map<String, Object> l : lines) {
      l.put("subscription_id", subscriptionId);
    }
    store.event("invoice_generated", Map.of("invoice", inv));
    return inv;
  }

  Map<String, Object> line(String customerId, @Nullable String subscriptionId, String desc, long unit, long qty,
      String entityType, @Nullable String entityId, @Nullable String from, @Nullable String to, long date) {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("id", store.newId("li_"));
    l.put("date_from", from == null ? date : Params.parseLong("date_from", from));
    l.put("date_to", to == null ? date : Params.parseLong("date_to", to));
    l.put("unit_amount", unit);
    l.put("quantity", qty);
    l.put("amount", unit * qty);
    l.put("pricing_model", "flat_fee");
    l.put("is_taxed", false);
    l.put("tax_amount", 0L);
    l.put("object", "line_item");
    l.put("customer_id", customerId);
    l.put("subscription_id", subscriptionId);
    l.put("description", desc);
    l.put("entity_type", entityType);
    l.put("entity_id", entityId);
    l.put("discount_amount", 0L);
    l.put("item_level_discount_amount", 0L);
    return l;
  }

  private String status(Map<String, Object> inv) {
    if (Lists.num(inv.get("amount_due")) == 0) {
      return "paid";
    }
    return Lists.num(inv.get("due_date")) > store.clock().instant().getEpochSecond() ? "posted" : "payment_due";
  }

  /** {@code GET /invoices/{id}}. */
  public SimResponse retrieve(String id) {
    return SimResponse.json(200, Json.write(Store.wrap("invoice", store.get("invoice", id))));
  }

  /** {@code GET /invoices}. */
  public SimResponse list(Params q) {
    refreshStatuses();
    return Lists.page(LIST, new ArrayList<>(store.table("invoice").values()), q);
  }

  /** Posted invoices past their due date become payment_due (as time passes). */
  public void refreshStatuses() {
    for (Map<String, Object> inv : store.table("invoice").values()) {
      if ("posted".equals(inv.get("status")) && Lists.num(inv.get("due_date")) <= store.clock().instant().getEpochSecond()) {
        inv.put("status", "payment_due");
        store.touch(inv);
      }
    }
  }

  /** {@code POST /invoices/{id}/update_details}. */
  public SimResponse updateDetails(String id, Params p) {
    p.allow(Set.of("po_number", "comment", "vat_number"), Map.of("billing_address", CustomerApi.ADDRESS,
        "shipping_address", CustomerApi.ADDRESS), Map.of());
    Map<String, Object> inv = store.get("invoice", id);
    if ("voided".equals(inv.get("status"))) {
      throw ApiError.invalidState("Invoice " + id + " is voided");
    }
    if (p.get("po_number") != null) {
      inv.put("po_number", p.get("po_number"));
    }
    store.touch(inv);
    store.event("invoice_updated", Map.of("invoice", inv));
    return SimResponse.json(200, Json.write(Store.wrap("invoice", inv)));
  }

  /** {@code POST /invoices/{id}/void}. */
  public SimResponse voidInvoice(String id, Params p) {
    p.allow(Set.of("comment", "void_reason_code"), Map.of(), Map.of());
    Map<String, Object> inv = store.get("invoice", id);
    if ("voided".equals(inv.get("status"))) {
      throw ApiError.invalidState("Invoice " + id + " is already voided");
    }
    if (Lists.num(inv.get("amount_paid")) > 0) {
      throw ApiError.invalidState("Invoice " + id + " has payments applied; remove them before voiding");
    }
    inv.put("status", "voided");
    inv.put("voided_at", store.clock().instant().getEpochSecond());
    inv.put("amount_due", 0L);
    store.touch(inv);
    store.event("invoice_updated", Map.of("invoice", inv));
    return SimResponse.json(200, Json.write(Store.wrap("invoice", inv)));
  }

  /** {@code POST /invoices/{id}/record_payment}: an offline payment. */
  public SimResponse recordPayment(String id, Params p) {
    p.allow(Set.of("comment"), Map.of("transaction", Set.of("amount", "payment_method", "reference_number",
        "id_at_gateway", "status", "date", "error_code", "error_text")), Map.of());
    Map<String, String> t = p.object("transaction");
    String method = t.get("payment_method");
    if (method == null || method.isEmpty()) {
      throw ApiError.badParam("transaction[payment_method]", "transaction[payment_method] : cannot be blank");
    }
    Long amount = t.get("amount") == null ? null : Params.parseLong("transaction[amount]", t.get("amount"));
    Map<String, Object> txn = pay(id, amount, method, "not_applicable", t.get("reference_number"));
    Map<String, Object> body = new LinkedHashMap<>(Store.wrap("invoice", store.get("invoice", id)));
    body.put("transaction", Store.render(txn));
    return SimResponse.json(200, Json.write(body));
  }

  /** A successful payment of {@code amount} (null: all that is due); emits {@code payment_succeeded}. */
  public Map<String, Object> pay(
      String invoiceId, @Nullable Long amount, String method, String gateway, @Nullable String reference) {
    Map<String, Object> inv = store.get("invoice", invoiceId);
    String st = (String) inv.get("status");
    if (!st.equals("posted") && !st.equals("payment_due") && !st.equals("not_paid")) {
      throw ApiError.invalidState("Invoice " + invoiceId + " is " + st + " and cannot take a payment");
    }
    long due = Lists.num(inv.get("amount_due"));
    long amt = amount == null ? due : amount;
    if (amt < 1 || amt > due) {
      throw ApiError.badParam("transaction[amount]", "transaction[amount] : must be between 1 and " + due);
    }
    Map<String, Object> txn = transaction(inv, "payment", "success", amt, method, gateway, reference);
    long now = store.clock().instant().getEpochSecond();
    txn.put("linked_invoices", new ArrayList<>(List.of(linkedInvoice(inv, amt, now))));
    inv.put("amount_paid", Lists.num(inv.get("amount_paid")) + amt);
    inv.put("amount_due", due - amt);
    if (due - amt == 0) {
      inv.put("status", "paid");
      inv.put("paid_at", now);
      inv.remove("dunning_status");
    }
    payments(inv).add(linkedPayment(txn, amt, now));
    store.touch(inv);
    store.event("payment_succeeded", ordered("transaction", txn, "invoice", inv, "customer",
        store.get("customer", (String) inv.get("customer_id"))));
    return txn;
  }

  /** A declined payment attempt; emits {@code payment_failed}. */
  public Map<String, Object> fail(String invoiceId) {
    Map<String, Object> inv = store.get("invoice", invoiceId);
    String st = (String) inv.get("status");
    if (!st.equals("posted") && !st.equals("payment_due")) {
      throw ApiError.invalidState("Invoice " + invoiceId + " is " + st);
    }
    Map<String, Object> txn = transaction(inv, "payment", "failure", Lists.num(inv.get("amount_due")), "card",
        "chargebee", null);
    txn.put("error_code", "card_declined");
    txn.put("error_text", "Your card was declined.");
    inv.put("dunning_status", "in_progress");
    store.touch(inv);
    store.event("payment_failed", ordered("transaction", txn, "invoice", inv, "customer",
        store.get("customer", (String) inv.get("customer_id"))));
    return txn;
  }

  /** {@code POST /invoices/{id}/refund}. */
  public SimResponse refundApi(String id, Params p) {
    p.allow(Set.of("refund_amount", "comment", "customer_notes"),
        Map.of("credit_note", Set.of("reason_code", "create_reason_code")), Map.of());
    Long amount = p.getLong("refund_amount");
    String reason = p.object("credit_note").getOrDefault("reason_code", "other");
    Map<String, Object> cn = refund(id, amount, reason);
    Map<String, Object> body = new LinkedHashMap<>(Store.wrap("invoice", store.get("invoice", id)));
    body.put("transaction", Store.render(store.get("transaction",
        (String) ((Map<?, ?>) ((List<?>) cn.get("linked_refunds")).get(0)).get("txn_id"))));
    body.put("credit_note", Store.render(cn));
    return SimResponse.json(200, Json.write(body));
  }

  /**
   * Refunds {@code amount} (null: all paid and not yet refunded) of a paid invoice: a refundable
   * credit note and a refund transaction; emits {@code credit_note_created} and {@code
   * payment_refunded}.
   */
  public Map<String, Object> refund(String invoiceId, @Nullable Long amount, String reasonCode) {
    Map<String, Object> inv = store.get("invoice", invoiceId);
    long paid = Lists.num(inv.get("amount_paid"));
    long refunded = 0;
    for (Object o : (List<?>) inv.get("issued_credit_notes")) {
      refunded += Lists.num(((Map<?, ?>) o).get("cn_total"));
    }
    long left = paid - refunded;
    if (left <= 0) {
      throw ApiError.invalidState("Invoice " + invoiceId + " has nothing left to refund");
    }
    long amt = amount == null ? left : amount;
    if (amt < 1 || amt > left) {
      throw ApiError.badParam("refund_amount", "refund_amount : must be between 1 and " + left);
    }
    Map<String, Object> paidTxn = null;
    for (Object o : payments(inv)) {
      Map<?, ?> lp = (Map<?, ?>) o;
      if ("success".equals(lp.get("txn_status"))) {
        paidTxn = store.get("transaction", (String) lp.get("txn_id"));
      }
    }
    long now = store.clock().instant().getEpochSecond();
    Map<String, Object> txn = transaction(inv, "refund", "success", amt,
        paidTxn == null ? "other" : (String) paidTxn.get("payment_method"),
        paidTxn == null ? "not_applicable" : (String) paidTxn.get("gateway"), null);
    if (paidTxn != null) {
      txn.put("reference_transaction_id", paidTxn.get("id"));
      paidTxn.put("amount_unused", 0L);
      paidTxn.put("refunded_txn_id", txn.get("id"));
      store.touch(paidTxn);
    }
    Map<String, Object> cn = new LinkedHashMap<>();
    cn.put("customer_id", inv.get("customer_id"));
    cn.put("subscription_id", inv.get("subscription_id"));
    cn.put("reference_invoice_id", invoiceId);
    cn.put("type", "refundable");
    cn.put("reason_code", reasonCode);
    cn.put("status", "refunded");
    cn.put("date", now);
    cn.put("price_type", "tax_exclusive");
    cn.put("currency_code", inv.get("currency_code"));
    cn.put("total", amt);
    cn.put("sub_total", amt);
    cn.put("amount_allocated", 0L);
    cn.put("amount_refunded", amt);
    cn.put("amount_available", 0L);
    cn.put("refunded_at", now);
    Map<String, Object> lr = new LinkedHashMap<>();
    lr.put("txn_id", txn.get("id"));
    lr.put("applied_amount", amt);
    lr.put("applied_at", now);
    lr.put("txn_status", "success");
    lr.put("txn_date", now);
    lr.put("txn_amount", amt);
    cn.put("linked_refunds", new ArrayList<>(List.of(lr)));
    store.insert("credit_note", "CN-" + (++creditNoteNumber), cn);
    txn.put("linked_credit_notes", new ArrayList<>(List.of(Map.of("cn_id", cn.get("id"), "applied_amount", amt,
        "applied_at", now, "cn_reason_code", reasonCode, "cn_date", now, "cn_total", amt, "cn_status", "refunded",
        "cn_reference_invoice_id", invoiceId))));
    Map<String, Object> issued = new LinkedHashMap<>();
    issued.put("cn_id", cn.get("id"));
    issued.put("cn_reason_code", reasonCode);
    issued.put("cn_date", now);
    issued.put("cn_total", amt);
    issued.put("cn_status", "refunded");
    @SuppressWarnings("unchecked")
    List<Object> cns = (List<Object>) inv.get("issued_credit_notes");
    cns.add(issued);
    store.touch(inv);
    store.event("credit_note_created", ordered("credit_note", cn, "invoice", inv, null, null));
    store.event("payment_refunded", ordered("transaction", txn, "invoice", inv, "customer",
        store.get("customer", (String) inv.get("customer_id"))));
    return cn;
  }

  private Map<String, Object> transaction(Map<String, Object> inv, String type, String status, long amount,
      String method, String gateway, @Nullable String reference) {
    Map<String, Object> t = new LinkedHashMap<>();
    long now = store.clock().instant().getEpochSecond();
    t.put("customer_id", inv.get("customer_id"));
    t.put("subscription_id", inv.get("subscription_id"));
    t.put("payment_method", method);
    t.put("reference_number", reference);
    t.put("gateway", gateway);
    t.put("type", type);
    t.put("date", now);
    t.put("exchange_rate", 1.0);
    t.put("amount", amount);
    t.put("amount_unused", 0L);
    t.put("currency_code", inv.get("currency_code"));
    t.put("base_currency_code", baseCurrency);
    t.put("status", status);
    if (!"not_applicable".equals(gateway)) {
      t.put("id_at_gateway", store.newId("ch_"));
    }
    return store.insert("transaction", store.newId("txn_"), t);
  }

  private static Map<String, Object> linkedInvoice(Map<String, Object> inv, long amount, long now) {
    Map<String, Object> li = new LinkedHashMap<>();
    li.put("invoice_id", inv.get("id"));
    li.put("applied_amount", amount);
    li.put("applied_at", now);
    li.put("invoice_date", inv.get("date"));
    li.put("invoice_total", inv.get("total"));
    li.put("invoice_status", Lists.num(inv.get("amount_due")) - amount == 0 ? "paid" : inv.get("status"));
    return li;
  }

  private static Map<String, Object> linkedPayment(Map<String, Object> txn, long amount, long now) {
    Map<String, Object> lp = new LinkedHashMap<>();
    lp.put("txn_id", txn.get("id"));
    lp.put("applied_amount", amount);
    lp.put("applied_at", now);
    lp.put("txn_status", txn.get("status"));
    lp.put("txn_date", txn.get("date"));
    lp.put("txn_amount", txn.get("amount"));
    return lp;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> payments(Map<String, Object> inv) {
    return (List<Object>) inv.get("linked_payments");
  }

  private static Map<String, Map<String, Object>> ordered(String k1, Map<String, Object> v1, String k2,
      Map<String, Object> v2, @Nullable String k3, @Nullable Map<String, Object> v3) {
    Map<String, Map<String, Object>> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    if (k3 != null) {
      m.put(k3, v3);
    }
    return m;
  }

  private Map<String, Object> liveCustomer(String id) {
    Map<String, Object> c = store.find("customer", id);
    if (c == null || Boolean.TRUE.equals(c.get("deleted"))) {
      throw new ApiError(404, "invalid_request", "resource_not_found", "customer not found for " + id, "customer_id");
    }
    return c;
  }

  /** {@code GET /transactions/{id}}. */
  public SimResponse transaction(String id) {
    return SimResponse.json(200, Json.write(Store.wrap("transaction", store.get("transaction", id))));
  }

  /** {@code GET /transactions}. */
  public SimResponse transactions(Params q) {
    return Lists.page(TXN_LIST, new ArrayList<>(store.table("transaction").values()), q);
  }

  /** {@code GET /credit_notes/{id}}. */
  public SimResponse creditNote(String id) {
    return SimResponse.json(200, Json.write(Store.wrap("credit_note", store.get("credit_note", id))));
  }

  /** {@code GET /credit_notes}. */
  public SimResponse creditNotes(Params q) {
    return Lists.page(CN_LIST, new ArrayList<>(store.table("credit_note").values()), q);
  }
}
