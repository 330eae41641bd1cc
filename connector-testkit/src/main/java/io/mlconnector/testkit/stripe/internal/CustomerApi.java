package io.mlconnector.testkit.stripe.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code /v1/customers}: create, retrieve, update, delete, list, search. */
final class CustomerApi {
  private static final String[] WRITABLE = {
    "name", "email", "description", "phone", "address", "metadata", "preferred_locales",
    "invoice_prefix", "shipping", "tax_exempt", "invoice_settings", "balance"
  };
  private final Store store;

  CustomerApi(Store store) {
    this.store = store;
  }

  @Nullable Map<String, Object> route(Ctx ctx, String method, List<String> path, Params p) {
    if (path.size() < 2 || !path.get(1).equals("customers")) {
      return null;
    }
    if (path.size() == 2) {
      return switch (method) {
        case "POST" -> store.render(create(ctx, p), p.expand());
        case "GET" -> list(p);
        default -> null;
      };
    }
    if (path.size() == 3 && path.get(2).equals("search") && method.equals("GET")) {
      p.allow("query", "limit", "page");
      return store.search("customer", p, "/v1/customers/search");
    }
    if (path.size() == 3) {
      String id = path.get(2);
      switch (method) {
        case "GET": {
          Map<String, Object> c = store.get(id);
          if (c != null && "customer".equals(c.get("object")) && store.isDeleted(id)) {
            return Store.deletedStub(c);
          }
          return store.render(store.require("customer", id), p.expand());
        }
        case "POST":
          return store.render(update(ctx, store.require("customer", id), p), p.expand());
        case "DELETE": {
          Map<String, Object> c = store.require("customer", id);
          store.markDeleted(id);
          store.emit(ctx, "customer.deleted", c, null);
          return Store.deletedStub(c);
        }
        default:
          return null;
      }
    }
    return null;
  }

  private Map<String, Object> create(Ctx ctx, Params p) {
    p.allow(WRITABLE);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", store.newId("cus"));
    c.put("object", "customer");
    c.put("address", null);
    c.put("balance", 0L);
    c.put("created", store.now());
    c.put("currency", null);
    c.put("default_source", null);
    c.put("delinquent", false);
    c.put("description", null);
    c.put("discount", null);
    c.put("email", null);
    c.put("invoice_prefix", store.randomHex(8));
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("custom_fields", null);
    settings.put("default_payment_method", null);
    settings.put("footer", null);
    settings.put("rendering_options", null);
    c.put("invoice_settings", settings);
    c.put("livemode", false);
    c.put("metadata", new LinkedHashMap<String, Object>());
    c.put("name", null);
    c.put("next_invoice_sequence", 1L);
    c.put("phone", null);
    c.put("preferred_locales", new ArrayList<>());
    c.put("shipping", null);
    c.put("tax_exempt", "none");
    c.put("test_clock", null);
    apply(c, p);
    store.insert(c);
    store.emit(ctx, "customer.created", c, null);
    return c;
  }

  private Map<String, Object> update(Ctx ctx, Map<String, Object> c, Params p) {
    p.allow(WRITABLE);
    Map<String, Object> before = Json.copy(c);
    Store.atomically(c, () -> apply(c, p));
    Map<String, Object> previous = Diff.previous(before, c);
    store.touched(c);
    if (!previous.isEmpty()) {
      store.emit(ctx, "customer.updated", c, previous);
    }
    return c;
  }

  @SuppressWarnings("unchecked")
  private void apply(Map<String, Object> c, Params p) {
    for (String f : new String[] {"name", "email", "description", "phone"}) {
      if (p.has(f)) {
        String v = p.string(f);
        c.put(f, v.isEmpty() ? null : v);
      }
    }
    if (p.has("email") && c.get("email") != null && !((String) c.get("email")).contains("@")) {
      throw ApiError.invalid("email_invalid", "email", "Invalid email address: " + c.get("email"));
    }
    if (p.has("tax_exempt")) {
      String v = p.string("tax_exempt");
      if (!List.of("none", "exempt", "reverse").contains(v)) {
        throw ApiError.invalid(null, "tax_exempt", "Invalid tax_exempt: must be one of none, exempt or reverse");
      }
      c.put("tax_exempt", v);
    }
    if (p.has("balance")) {
      c.put("balance", p.longValue("balance"));
    }
    if (p.has("invoice_prefix")) {
      String v = p.requireString("invoice_prefix");
      if (!v.matches("[A-Z0-9]{3,12}")) {
        throw ApiError.invalid(null, "invoice_prefix",
            "Invalid invoice_prefix: 3 to 12 uppercase letters or numbers, was '" + v + "'.");
      }
      c.put("invoice_prefix", v);
    }
    if (p.has("address")) {
      Map<String, Object> a = p.map("address");
      if (a == null) {
        c.put("address", null);
      } else {
        Map<String, Object> addr = new LinkedHashMap<>();
        for (String k : new String[] {"city", "country", "line1", "line2", "postal_code", "state"}) {
          addr.put(k, a.get(k));
        }
        for (String k : a.keySet()) {
          if (!addr.containsKey(k)) {
            throw ApiError.unknown("address[" + k + "]");
          }
        }
        c.put("address", addr);
      }
    }
    if (p.has("shipping")) {
      c.put("shipping", p.map("shipping"));
    }
    if (p.has("preferred_locales")) {
      c.put("preferred_locales", new ArrayList<>(p.stringList("preferred_locales")));
    }
    if (p.has("invoice_settings")) {
      Map<String, Object> s = p.map("invoice_settings");
      if (s != null) {
        Map<String, Object> settings = (Map<String, Object>) c.get("invoice_settings");
        s.forEach(settings::put);
      }
    }
    p.applyMetadata((Map<String, Object>) c.get("metadata"));
  }

  private Map<String, Object> list(Params p) {
    p.allow("email", "created", "limit", "starting_after", "ending_before", "test_clock");
    String email = p.string("email");
    List<Map<String, Object>> items = new ArrayList<>();
    for (Map<String, Object> c : store.all("customer")) {
      if (email != null && !email.equalsIgnoreCase(String.valueOf(c.get("email")))) {
        continue;
      }
      if (!Filters.created(p, c)) {
        continue;
      }
      items.add(c);
    }
    return store.page(items, p, "/v1/customers");
  }
}
