package io.mlconnector.testkit.chargebee.internal;

import io.mlconnector.testkit.http.SimResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Product Catalog 2.0: items, item prices, and subscriptions with items. A subscription invoices
 * its items at once ({@code invoice_immediately}, default true); an update invoices the items it
 * adds or raises in full (no proration: a simplification). Terms are one item-price period long.
 */
public final class SubscriptionApi {
  private static final Set<String> SUB_ITEM = Set.of("item_price_id", "quantity", "unit_price", "billing_cycles");
  static final Lists.Spec SUB_LIST = new Lists.Spec("subscription",
      Map.of("id", Lists.Kind.STRING, "customer_id", Lists.Kind.STRING, "status", Lists.Kind.STRING,
          "created_at", Lists.Kind.TIMESTAMP, "updated_at", Lists.Kind.TIMESTAMP),
      Set.of("created_at", "updated_at"), "created_at", Set.of());
  static final Lists.Spec PRICE_LIST = new Lists.Spec("item_price",
      Map.of("id", Lists.Kind.STRING, "item_id", Lists.Kind.STRING, "item_type", Lists.Kind.STRING,
          "currency_code", Lists.Kind.STRING, "status", Lists.Kind.STRING, "updated_at", Lists.Kind.TIMESTAMP),
      Set.of("name", "id", "updated_at"), "updated_at", Set.of());

  private final Store store;
  private final InvoiceApi invoices;

  /** Subscriptions of {@code store}, invoicing through {@code invoices}. */
  public SubscriptionApi(Store store, InvoiceApi invoices) {
    this.store = store;
    this.invoices = invoices;
  }

  /** {@code POST /items}. */
  public SimResponse createItem(Params p) {
    p.allow(Set.of("id", "name", "type", "item_family_id", "description", "enabled_for_checkout", "metadata"),
        Map.of(), Map.of());
    String id = p.required("id");
    String type = p.required("type");
    if (!Set.of("plan", "addon", "charge").contains(type)) {
      throw ApiError.badParam("type", "type : must be plan, addon or charge");
    }
    if (store.find("item", id) != null) {
      throw new ApiError(400, "invalid_request", "duplicate_entry", "The value " + id + " is already present.", "id");
    }
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("name", p.required("name"));
    item.put("type", type);
    item.put("status", "active");
    item.put("item_family_id", p.get("item_family_id"));
    store.insert("item", id, item);
    store.event("item_created", Map.of("item", item));
    return SimResponse.json(200, Json.write(Store.wrap("item", item)));
  }

  /** {@code POST /item_prices}. */
  public SimResponse createItemPrice(Params p) {
    p.allow(Set.of("id", "item_id", "name", "pricing_model", "price", "currency_code", "period", "period_unit",
        "external_name", "description"), Map.of(), Map.of());
    String id = p.required("id");
    Map<String, Object> item = store.find("item", p.required("item_id"));
    if (item == null) {
      throw ApiError.badParam("item_id", "item_id : " + p.get("item_id") + " not found");
    }
    if (store.find("item_price", id) != null) {
      throw new ApiError(400, "invalid_request", "duplicate_entry", "The value " + id + " is already present.", "id");
    }
    String model = p.get("pricing_model") == null ? "flat_fee" : p.get("pricing_model");
    if (!Set.of("flat_fee", "per_unit").contains(model)) {
      throw ApiError.badParam("pricing_model", "pricing_model : the simulator models flat_fee and per_unit");
    }
    Map<String, Object> ip = new LinkedHashMap<>();
    ip.put("name", p.required("name"));
    ip.put("item_id", item.get("id"));
    ip.put("item_type", item.get("type"));
    ip.put("pricing_model", model);
    ip.put("price", p.getLong("price") == null ? 0L : p.getLong("price"));
    ip.put("currency_code", CustomerApi.currency("currency_code", p.required("currency_code")));
    ip.put("status", "active");
    if (!"charge".equals(item.get("type"))) {
      ip.put("period", p.getLong("period") == null ? 1L : p.getLong("period"));
      String unit = p.get("period_unit") == null ? "month" : p.get("period_unit");
      if (!Set.of("day", "week", "month", "year").contains(unit)) {
        throw ApiError.badParam("period_unit", "period_unit : invalid value " + unit);
      }
      ip.put("period_unit", unit);
    }
    store.insert("item_price", id, ip);
    store.event("item_price_created", Map.of("item_price", ip));
    return SimResponse.json(200, Json.write(Store.wrap("item_price", ip)));
  }

  /** {@code GET /item_prices/{id}}. */
  public SimResponse itemPrice(String id) {
    return SimResponse.json(200, Json.write(Store.wrap("item_price", store.get("item_price", id))));
  }

  /** {@code GET /item_prices}. */
  public SimResponse itemPrices(Params q) {
    return Lists.page(PRICE_LIST, new ArrayList<>(store.table("item_price").values()), q);
  }

  /** {@code POST /customers/{id}/subscription_for_items}. */
  public SimResponse create(String customerId, Params p) {
    p.allow(Set.of("id", "start_date", "billing_cycles", "auto_collection", "po_number", "meta_data",
        "invoice_immediately", "invoice_notes", "net_term_days"), Map.of(), Map.of("subscription_items", SUB_ITEM));
    Map<String, Object> customer = store.get("customer", customerId);
    if (Boolean.TRUE.equals(customer.get("deleted"))) {
      throw ApiError.notFound("customer", customerId);
    }
    String id = p.get("id") == null ? store.newId("") : p.get("id");
    if (store.find("subscription", id) != null) {
      throw new ApiError(400, "invalid_request", "duplicate_entry", "The value " + id + " is already present.", "id");
    }
    List<Map<String, Object>> items = items(p, null);
    if (items.isEmpty()) {
      throw ApiError.badParam("subscription_items[item_price_id][0]", "subscription_items[item_price_id][0] : cannot be blank");
    }
    String currency = null;
    boolean hasPlan = false;
    for (Map<String, Object> si : items) {
      Map<String, Object> price = store.get("item_price", (String) si.get("item_price_id"));
      currency = currency == null ? (String) price.get("currency_code") : currency;
      if (!currency.equals(price.get("currency_code"))) {
        throw ApiError.badParam("subscription_items[item_price_id]", "subscription_items : mixed currencies");
      }
      hasPlan |= "plan".equals(si.get("item_type"));
    }
    if (!hasPlan) {
      throw ApiError.badParam("subscription_items[item_price_id][0]", "A subscription needs one plan item price");
    }
    long now = store.clock().instant().getEpochSecond();
    Map<String, Object> sub = new LinkedHashMap<>();
    sub.put("customer_id", customerId);
    sub.put("currency_code", currency);
    sub.put("status", "active");
    sub.put("started_at", now);
    sub.put("activated_at", now);
    sub.put("current_term_start", now);
    sub.put("current_term_end", termEnd(now, items));
    sub.put("next_billing_at", sub.get("current_term_end"));
    sub.put("billing_period", 1L);
    sub.put("billing_period_unit", "month");
    sub.put("auto_collection", p.get("auto_collection") == null ? "on" : p.get("auto_collection"));
    if (p.get("po_number") != null) {
      sub.put("po_number", p.get("po_number"));
    }
    if (p.get("meta_data") != null) {
      sub.put("meta_data", CustomerApi.metaData(p.get("meta_data")));
    }
    sub.put("subscription_items", items);
    sub.put("due_invoices_count", 0L);
    store.insert("subscription", id, sub);
    store.event("subscription_created", Map.of("subscription", sub, "customer", customer));
    Map<String, Object> body = new LinkedHashMap<>(Store.wrap("subscription", sub));
    body.put("customer", Store.render(customer));
    if (p.getBoolean("invoice_immediately", true)) {
      Map<String, Object> inv = invoice(sub, customer, items);
      body.put("invoice", Store.render(inv));
    }
    return SimResponse.json(200, Json.write(body));
  }

  /** {@code POST /subscriptions/{id}/update_for_items}. */
  public SimResponse update(String id, Params p) {
    p.allow(Set.of("replace_items_list", "po_number", "invoice_immediately", "meta_data", "auto_collection",
        "end_of_term", "prorate"), Map.of(), Map.of("subscription_items", SUB_ITEM));
    Map<String, Object> sub = store.get("subscription", id);
    if (!"active".equals(sub.get("status")) && !"in_trial".equals(sub.get("status"))) {
      throw ApiError.invalidState("Subscription " + id + " is " + sub.get("status"));
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> current = (List<Map<String, Object>>) sub.get("subscription_items");
    List<Map<String, Object>> given = items(p, (String) sub.get("currency_code"));
    boolean replace = p.getBoolean("replace_items_list", false);
    List<Map<String, Object>> next = new ArrayList<>(replace ? List.of() : current);
    List<Map<String, Object>> toInvoice = new ArrayList<>();
    for (Map<String, Object> g : given) {
      Map<String, Object> old = null;
      for (Map<String, Object> c : current) {
        if (c.get("item_price_id").equals(g.get("item_price_id"))) {
          old = c;
        }
      }
      next.removeIf(c -> c.get("item_price_id").equals(g.get("item_price_id")));
      next.add(g);
      long oldQty = old == null ? 0 : Lists.num(old.get("quantity"));
      long addQty = Lists.num(g.get("quantity")) - oldQty;
      if (addQty > 0 || (old != null && !old.get("unit_price").equals(g.get("unit_price")))) {
        Map<String, Object> part = new LinkedHashMap<>(g);
        part.put("quantity", addQty > 0 ? addQty : Lists.num(g.get("quantity")));
        toInvoice.add(part);
      }
    }
    sub.put("subscription_items", next);
    if (p.get("po_number") != null) {
      sub.put("po_number", p.get("po_number"));
    }
    if (p.get("meta_data") != null) {
      sub.put("meta_data", CustomerApi.metaData(p.get("meta_data")));
    }
    store.touch(sub);
    Map<String, Object> customer = store.get("customer", (String) sub.get("customer_id"));
    store.event("subscription_changed", Map.of("subscription", sub, "customer", customer));
    Map<String, Object> body = new LinkedHashMap<>(Store.wrap("subscription", sub));
    body.put("customer", Store.render(customer));
    if (p.getBoolean("invoice_immediately", true) && !toInvoice.isEmpty()) {
      body.put("invoice", Store.render(invoice(sub, customer, toInvoice)));
    }
    return SimResponse.json(200, Json.write(body));
  }

  /** {@code POST /subscriptions/{id}/cancel_for_items}. */
  public SimResponse cancel(String id, Params p) {
    p.allow(Set.of("end_of_term", "cancel_option", "cancel_reason_code", "credit_option_for_current_term_charges"),
        Map.of(), Map.of());
    String reason = p.get("cancel_reason_code");
    Map<String, Object> sub = store.get("subscription", id);
    if (reason != null && !"cancelled".equals(sub.get("status"))) {
      sub.put("cancel_reason_code", reason);
    }
    return SimResponse.json(200, Json.write(cancelNow(id, p.getBoolean("end_of_term", false))));
  }

  /** Cancels a subscription (at once, or at term end); emits {@code subscription_cancelled} or
   * {@code subscription_cancellation_scheduled}. */
  public Map<String, Object> cancelNow(String id, boolean endOfTerm) {
    Map<String, Object> sub = store.get("subscription", id);
    if ("cancelled".equals(sub.get("status"))) {
      throw ApiError.invalidState("Subscription " + id + " is already cancelled");
    }
    Map<String, Object> customer = store.get("customer", (String) sub.get("customer_id"));
    if (endOfTerm) {
      sub.put("status", "non_renewing");
      sub.put("cancelled_at", sub.get("current_term_end"));
      store.touch(sub);
      store.event("subscription_cancellation_scheduled", Map.of("subscription", sub, "customer", customer));
    } else {
      sub.put("status", "cancelled");
      sub.put("cancelled_at", store.clock().instant().getEpochSecond());
      sub.remove("next_billing_at");
      store.touch(sub);
      store.event("subscription_cancelled", Map.of("subscription", sub, "customer", customer));
    }
    Map<String, Object> body = new LinkedHashMap<>(Store.wrap("subscription", sub));
    body.put("customer", Store.render(customer));
    return body;
  }

  /** {@code GET /subscriptions/{id}}: the subscription and its customer. */
  public SimResponse retrieve(String id) {
    Map<String, Object> sub = store.get("subscription", id);
    Map<String, Object> body = new LinkedHashMap<>(Store.wrap("subscription", sub));
    body.put("customer", Store.render(store.get("customer", (String) sub.get("customer_id"))));
    return SimResponse.json(200, Json.write(body));
  }

  /** {@code GET /subscriptions}. */
  public SimResponse list(Params q) {
    return Lists.page(SUB_LIST, new ArrayList<>(store.table("subscription").values()), q);
  }

  private List<Map<String, Object>> items(Params p, @Nullable String currency) {
    List<Map<String, Object>> out = new ArrayList<>();
    List<Integer> idx = p.listIndices("subscription_items");
    List<Map<String, String>> rows = p.list("subscription_items");
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> r = rows.get(i);
      int n = idx.get(i);
      String priceId = r.get("item_price_id");
      Map<String, Object> price = priceId == null ? null : store.find("item_price", priceId);
      if (price == null) {
        throw ApiError.badParam("subscription_items[item_price_id][" + n + "]",
            "subscription_items[item_price_id][" + n + "] : " + priceId + " not found");
      }
      if ("charge".equals(price.get("item_type"))) {
        throw ApiError.badParam("subscription_items[item_price_id][" + n + "]",
            "subscription_items[item_price_id][" + n + "] : charges are not subscription items");
      }
      if (currency != null && !currency.equals(price.get("currency_code"))) {
        throw ApiError.badParam("subscription_items[item_price_id][" + n + "]",
            "subscription_items[item_price_id][" + n + "] : currency differs from the subscription's");
      }
      Map<String, Object> si = new LinkedHashMap<>();
      si.put("item_price_id", priceId);
      si.put("item_type", price.get("item_type"));
      long qty = r.get("quantity") == null ? 1 : Params.parseLong("subscription_items[quantity][" + n + "]", r.get("quantity"));
      if (qty < 1) {
        throw ApiError.badParam("subscription_items[quantity][" + n + "]", "quantity : should be at least 1");
      }
      si.put("quantity", qty);
      long unit = r.get("unit_price") == null ? Lists.num(price.get("price"))
          : Params.parseLong("subscription_items[unit_price][" + n + "]", r.get("unit_price"));
      si.put("unit_price", unit);
      si.put("amount", unit * qty);
      si.put("object", "subscription_item");
      out.add(si);
    }
    return out;
  }

  private long termEnd(long start, List<Map<String, Object>> items) {
    for (Map<String, Object> si : items) {
      if ("plan".equals(si.get("item_type"))) {
        Map<String, Object> price = store.get("item_price", (String) si.get("item_price_id"));
        long period = Lists.num(price.get("period"));
        long days = switch ((String) price.get("period_unit")) {
          case "day" -> period;
          case "week" -> 7 * period;
          case "year" -> 365 * period;
          default -> 30 * period;
        };
        return start + days * 86400;
      }
    }
    return start + 30L * 86400;
  }

  private Map<String, Object> invoice(Map<String, Object> sub, Map<String, Object> customer,
      List<Map<String, Object>> items) {
    long now = store.clock().instant().getEpochSecond();
    List<Map<String, Object>> lines = new ArrayList<>();
    for (Map<String, Object> si : items) {
      Map<String, Object> price = store.get("item_price", (String) si.get("item_price_id"));
      Map<String, Object> l = invoices.line((String) customer.get("id"), (String) sub.get("id"),
          (String) price.get("name"), Lists.num(si.get("unit_price")), Lists.num(si.get("quantity")),
          "plan".equals(si.get("item_type")) ? "plan_item_price" : "addon_item_price",
          (String) si.get("item_price_id"), String.valueOf(now), String.valueOf(sub.get("current_term_end")), now);
      lines.add(l);
    }
    return invoices.newInvoice(customer, (String) sub.get("id"), (String) sub.get("currency_code"), now, lines,
        (String) sub.get("po_number"));
  }
}
