package io.mlconnector.testkit.chargebee.internal;

import io.mlconnector.testkit.http.SimResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code /customers}: create, retrieve, update, update_billing_info, delete, list. */
public final class CustomerApi {
  static final Set<String> ADDRESS = Set.of("first_name", "last_name", "email", "company", "phone", "line1",
      "line2", "line3", "city", "state_code", "state", "zip", "country", "validation_status");
  private static final Set<String> FIELDS = Set.of("first_name", "last_name", "email", "phone", "company",
      "auto_collection", "net_term_days", "preferred_currency_code", "vat_number", "taxability", "locale",
      "meta_data", "invoice_notes");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.\\-]+");

  static final Lists.Spec LIST = new Lists.Spec("customer",
      Map.of("id", Lists.Kind.STRING, "email", Lists.Kind.STRING, "company", Lists.Kind.STRING,
          "first_name", Lists.Kind.STRING, "last_name", Lists.Kind.STRING,
          "created_at", Lists.Kind.TIMESTAMP, "updated_at", Lists.Kind.TIMESTAMP),
      Set.of("created_at", "updated_at"), "created_at", Set.of());

  private final Store store;
  private final int maxIdLength;

  /** The customers of {@code store}; caller-chosen ids are limited to {@code maxIdLength}. */
  public CustomerApi(Store store, int maxIdLength) {
    this.store = store;
    this.maxIdLength = maxIdLength;
  }

  /** {@code POST /customers}. */
  public SimResponse create(Params p) {
    Set<String> allowed = new java.util.HashSet<>(FIELDS);
    allowed.add("id");
    p.allow(allowed, Map.of("billing_address", ADDRESS), Map.of());
    String id = p.get("id");
    if (id != null) {
      if (id.length() > maxIdLength) {
        throw ApiError.badParam("id", "id : cannot be more than " + maxIdLength + " characters");
      }
      if (!ID.matcher(id).matches()) {
        throw ApiError.badParam("id", "id : invalid characters");
      }
      if (store.find("customer", id) != null) {
        throw new ApiError(400, "invalid_request", "duplicate_entry",
            "The value " + id + " is already present.", "id");
      }
    } else {
      id = store.newId("");
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("auto_collection", "on");
    c.put("net_term_days", 0L);
    c.put("allow_direct_debit", false);
    c.put("taxability", "taxable");
    c.put("pii_cleared", "active");
    c.put("card_status", "no_card");
    c.put("promotional_credits", 0L);
    c.put("refundable_credits", 0L);
    c.put("excess_payments", 0L);
    c.put("unbilled_charges", 0L);
    apply(c, p);
    Map<String, String> addr = p.object("billing_address");
    if (!addr.isEmpty()) {
      c.put("billing_address", address(addr));
    }
    store.insert("customer", id, c);
    store.event("customer_created", Map.of("customer", c));
    return ok(c);
  }

  /** {@code POST /customers/{id}}. */
  public SimResponse update(String id, Params p) {
    p.allow(FIELDS, Map.of(), Map.of());
    Map<String, Object> c = live(id);
    apply(c, p);
    store.touch(c);
    store.event("customer_changed", Map.of("customer", c));
    return ok(c);
  }

  /** {@code POST /customers/{id}/update_billing_info}. */
  public SimResponse updateBillingInfo(String id, Params p) {
    p.allow(Set.of("vat_number", "vat_number_prefix", "entity_identifier_scheme", "business_customer_without_vat_number"),
        Map.of("billing_address", ADDRESS), Map.of());
    Map<String, Object> c = live(id);
    Map<String, String> addr = p.object("billing_address");
    if (!addr.isEmpty()) {
      c.put("billing_address", address(addr));
    }
    if (p.get("vat_number") != null) {
      c.put("vat_number", p.get("vat_number"));
    }
    store.touch(c);
    store.event("customer_changed", Map.of("customer", c));
    return ok(c);
  }

  /** {@code POST /customers/{id}/delete}. */
  public SimResponse delete(String id, Params p) {
    p.allow(Set.of("delete_payment_method"), Map.of(), Map.of());
    Map<String, Object> c = live(id);
    c.put("deleted", true);
    store.touch(c);
    store.event("customer_deleted", Map.of("customer", c));
    return ok(c);
  }

  /** {@code GET /customers/{id}}. */
  public SimResponse retrieve(String id) {
    return ok(store.get("customer", id));
  }

  /** {@code GET /customers}. */
  public SimResponse list(Params q) {
    return Lists.page(LIST, new ArrayList<>(store.table("customer").values()), q);
  }

  private Map<String, Object> live(String id) {
    Map<String, Object> c = store.get("customer", id);
    if (Boolean.TRUE.equals(c.get("deleted"))) {
      throw ApiError.notFound("customer", id);
    }
    return c;
  }

  private static void apply(Map<String, Object> c, Params p) {
    for (String f : FIELDS) {
      String v = p.get(f);
      if (v == null) {
        continue;
      }
      switch (f) {
        case "net_term_days" -> c.put(f, Params.parseLong(f, v));
        case "auto_collection" -> {
          if (!v.equals("on") && !v.equals("off")) {
            throw ApiError.badParam(f, "auto_collection : must be on or off");
          }
          c.put(f, v);
        }
        case "preferred_currency_code" -> c.put(f, currency(f, v));
        case "meta_data" -> c.put(f, metaData(v));
        default -> c.put(f, v);
      }
    }
    c.putAll(p.customFields());
  }

  static String currency(String param, String v) {
    if (!v.matches("[A-Z]{3}")) {
      throw ApiError.badParam(param, param + " : invalid currency code " + v);
    }
    return v;
  }

  static Object metaData(String v) {
    Object parsed;
    try {
      parsed = Json.read(v);
    } catch (IllegalArgumentException e) {
      throw ApiError.badParam("meta_data", "meta_data : invalid JSON");
    }
    if (!(parsed instanceof Map)) {
      throw ApiError.badParam("meta_data", "meta_data : must be a JSON object");
    }
    return parsed;
  }

  static Map<String, Object> address(Map<String, String> a) {
    Map<String, Object> out = new LinkedHashMap<>(a);
    out.putIfAbsent("validation_status", "not_validated");
    out.put("object", "billing_address");
    return out;
  }

  static SimResponse ok(Map<String, Object> c) {
    return SimResponse.json(200, Json.write(Store.wrap("customer", c)));
  }
}
