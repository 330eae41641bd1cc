package io.mlconnector.testkit.stripe.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An invoice's lines: {@code POST /v1/invoices/{id}/add_lines} (with {@code tax_amounts}), {@code
 * GET /v1/invoices/{id}/lines}, {@code /v1/invoiceitems} (items attach to drafts only), and the
 * totals recomputed from the lines (subtotal, exclusive and inclusive tax, total, amount due).
 */
final class InvoiceLines {
  private static final String NOT_EDITABLE = InvoiceApi.NOT_EDITABLE;
  private static final int EMBEDDED_LINES = 10;

  private final Store store;
  private final InvoiceApi invoices;

  InvoiceLines(Store store, InvoiceApi invoices) {
    this.store = store;
    this.invoices = invoices;
  }

  // ---------------------------------------------------------------- add_lines and credit notes

  /**
   * {@code POST /v1/invoices/{id}/add_lines}: drafts only; each line becomes an invoice item on the
   * invoice. {@code tax_amounts} (with {@code tax_rate_data}) become the line's {@code taxes} and
   * count towards the total (exclusive tax) or inside it (inclusive). All lines are checked before
   * any is added.
   */
  @SuppressWarnings("unchecked")
  Map<String, Object> addLines(Ctx ctx, Map<String, Object> inv, Params p) {
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
    invoices.changed(ctx, inv, before, "invoice.updated");
    return inv;
  }

  /** A line's {@code tax_amounts} as Stripe's line {@code taxes}; new tax rates go to {@code rates}. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> taxAmounts(Params lp, String param, long lineAmount, List<Map<String, Object>> rates) {
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

  // ---------------------------------------------------------------- lines and totals

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> lineList(Map<String, Object> inv) {
    return (List<Map<String, Object>>) store.hidden((String) inv.get("id")).get("lines");
  }

  void recompute(Map<String, Object> inv) {
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

  static Map<String, Object> wireLine(Map<String, Object> line) {
    Map<String, Object> out = Json.copy(line);
    out.remove("invoice_item");
    return out;
  }

  Map<String, Object> lines(Map<String, Object> inv, Params p) {
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

  static int indexOfLine(List<Map<String, Object>> lines, String id, String param) {
    for (int i = 0; i < lines.size(); i++) {
      if (id.equals(lines.get(i).get("id"))) {
        return i;
      }
    }
    throw ApiError.noSuch("line_item", id, param);
  }

  // ---------------------------------------------------------------- invoice items

  @Nullable Map<String, Object> items(Ctx ctx, String method, List<String> path, Params p) {
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

  @Nullable Map<String, Object> editableInvoiceOf(Map<String, Object> item) {
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
  Map<String, Object> createItem(Ctx ctx, Params p) {
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
  Map<String, Object> blankItem(String customerId, String currency, @Nullable Map<String, Object> inv) {
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

  Map<String, Object> updateItem(Ctx ctx, Map<String, Object> item, Params p) {
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
  void applyItem(Map<String, Object> item, Params p, boolean creating) {
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

  static BigDecimal decimal(String v, String param) {
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

  void attach(Map<String, Object> item, Map<String, Object> inv) {
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

  static void fillLine(Map<String, Object> line, Map<String, Object> item) {
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
  static List<Map<String, Object>> taxesOf(Map<String, Object> line) {
    Object t = line.get("taxes");
    return t instanceof List ? (List<Map<String, Object>>) t : List.of();
  }

  Map<String, Object> listItems(Params p) {
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
}
