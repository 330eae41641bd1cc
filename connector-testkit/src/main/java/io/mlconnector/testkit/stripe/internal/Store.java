package io.mlconnector.testkit.stripe.internal;

import io.mlconnector.testkit.SimClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The simulated account's objects: every object by id, creation order per type, a search index
 * that lags writes by a configurable delay, and the event log. Not thread-safe: the router holds
 * the simulator's lock around every call.
 */
public final class Store {
  private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  /** Fields only present when a request asks for them with {@code expand[]} (per object type). */
  private static final Map<String, Set<String>> INCLUDABLE =
      Map.of("invoice", Set.of("payments", "amount_paid_off_stripe"));

  final SimClock clock;
  final String accountId;
  private final Random random;
  private final Duration searchDelay;
  private final Map<String, Map<String, Object>> objects = new HashMap<>();
  private final Map<String, String> typeOf = new HashMap<>();
  private final Map<String, Long> seq = new HashMap<>();
  private final Map<String, List<String>> byType = new HashMap<>();
  private final Set<String> deleted = new HashSet<>();
  private final Map<String, List<Snapshot>> searchIndex = new HashMap<>();
  /** Hidden (non-wire) values, e.g. includable fields and links Stripe does not expose. */
  private final Map<String, Map<String, Object>> hidden = new HashMap<>();
  private final List<Consumer<Map<String, Object>>> eventSinks = new ArrayList<>();
  private long nextSeq;

  private record Snapshot(long visibleAtMillis, Map<String, Object> fields) {}

  /** A store with seeded ids. */
  public Store(SimClock clock, long seed, Duration searchDelay, String accountId) {
    this.clock = clock;
    this.random = new Random(seed);
    this.searchDelay = searchDelay;
    this.accountId = accountId;
  }

  long now() {
    return clock.instant().getEpochSecond();
  }

  String newId(String prefix) {
    StringBuilder b = new StringBuilder(prefix).append('_');
    int len = prefix.equals("cus") ? 14 : 24;
    for (int i = 0; i < len; i++) {
      b.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
    }
    return b.toString();
  }

  String randomHex(int len) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < len; i++) {
      b.append("0123456789ABCDEF".charAt(random.nextInt(16)));
    }
    return b.toString();
  }

  /** Adds a new object (its {@code id} and {@code object} fields set) and indexes it. */
  Map<String, Object> insert(Map<String, Object> obj) {
    String id = (String) obj.get("id");
    String type = (String) obj.get("object");
    objects.put(id, obj);
    typeOf.put(id, type);
    seq.put(id, nextSeq++);
    byType.computeIfAbsent(type, t -> new ArrayList<>()).add(id);
    touched(obj);
    return obj;
  }

  /** Records that an object changed, so search sees the change after the indexing delay. */
  void touched(Map<String, Object> obj) {
    String id = (String) obj.get("id");
    searchIndex.computeIfAbsent(id, k -> new ArrayList<>())
        .add(new Snapshot(clock.millis() + searchDelay.toMillis(), Json.copy(obj)));
  }

  /** Runs {@code change} on {@code obj}; if it fails, {@code obj} is restored as it was. */
  static void atomically(Map<String, Object> obj, Runnable change) {
    Map<String, Object> before = Json.copy(obj);
    try {
      change.run();
    } catch (RuntimeException e) {
      obj.clear();
      obj.putAll(before);
      throw e;
    }
  }

  void markDeleted(String id) {
    deleted.add(id);
  }

  boolean isDeleted(String id) {
    return deleted.contains(id);
  }

  @Nullable Map<String, Object> get(@Nullable String id) {
    return id == null ? null : objects.get(id);
  }

  /** The object of {@code type} addressed by a URL, or 404 resource_missing. */
  Map<String, Object> require(String type, String id) {
    Map<String, Object> o = objects.get(id);
    if (o == null || !type.equals(typeOf.get(id)) || deleted.contains(id)) {
      throw ApiError.notFound(type, id);
    }
    return o;
  }

  /** The object of {@code type} named by a parameter, or 400 resource_missing on that parameter. */
  Map<String, Object> ref(String type, String id, String param) {
    Map<String, Object> o = objects.get(id);
    if (o == null || !type.equals(typeOf.get(id)) || deleted.contains(id)) {
      throw ApiError.noSuch(type, id, param);
    }
    return o;
  }

  /** Every live object of a type, newest first. */
  List<Map<String, Object>> all(String type) {
    List<String> ids = byType.getOrDefault(type, List.of());
    List<Map<String, Object>> out = new ArrayList<>(ids.size());
    for (int i = ids.size() - 1; i >= 0; i--) {
      if (!deleted.contains(ids.get(i))) {
        out.add(objects.get(ids.get(i)));
      }
    }
    return out;
  }

  Map<String, Object> hidden(String id) {
    return hidden.computeIfAbsent(id, k -> new HashMap<>());
  }

  void onEvent(Consumer<Map<String, Object>> sink) {
    eventSinks.add(sink);
  }

  /** Records an event for a change and hands it to the webhook dispatcher. */
  Map<String, Object> emit(Ctx ctx, String type, Map<String, Object> object, @Nullable Map<String, Object> previous) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", newId("evt"));
    event.put("object", "event");
    // no "account": Stripe sends it only on Connect events (for a connected account), and the
    // simulator's events all belong to the platform account itself
    event.put("api_version", ctx.apiVersion());
    event.put("context", null);
    event.put("created", now());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("object", Json.copy(object));
    if (previous != null) {
      data.put("previous_attributes", Json.copy(previous));
    }
    event.put("data", data);
    event.put("livemode", false);
    event.put("pending_webhooks", 0L);
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("id", ctx.requestId());
    request.put("idempotency_key", ctx.idempotencyKey());
    event.put("request", request);
    event.put("type", type);
    insert(event);
    for (Consumer<Map<String, Object>> sink : eventSinks) {
      sink.accept(event);
    }
    return event;
  }

  // ---------------------------------------------------------------- rendering and expansion

  /** A copy of {@code obj} for the wire with the requested expansions applied. */
  Map<String, Object> render(Map<String, Object> obj, List<String> expand) {
    Map<String, Object> out = Json.copy(obj);
    for (String path : expand) {
      expandPath(out, path);
    }
    return out;
  }

  private void expandPath(Map<String, Object> root, String path) {
    String[] parts = path.split("\\.");
    if (parts.length > 4) {
      throw ApiError.invalid(null, "expand",
          "You cannot expand more than 4 levels of a property. Property: " + path);
    }
    expandAt(root, parts, 0, path);
  }

  @SuppressWarnings("unchecked")
  private void expandAt(Object node, String[] parts, int i, String path) {
    if (!(node instanceof Map)) {
      return; // a null (or unexpandable leaf) stays as it is
    }
    Map<String, Object> m = (Map<String, Object>) node;
    String key = parts[i];
    boolean last = i == parts.length - 1;
    Object objectType = m.get("object");
    if (key.equals("data") && ("list".equals(objectType) || "search_result".equals(objectType))) {
      if (last) {
        throw cannotExpand(path);
      }
      for (Object item : (List<Object>) m.get("data")) {
        expandAt(item, parts, i + 1, path);
      }
      return;
    }
    Set<String> includable = INCLUDABLE.getOrDefault(String.valueOf(objectType), Set.of());
    if (includable.contains(key) && !m.containsKey(key)) {
      Object value = Json.copy(hidden((String) m.get("id")).get(key));
      if (value instanceof Map<?, ?> lm && "list".equals(lm.get("object"))) {
        List<Object> items = new ArrayList<>();
        for (Object o : (List<Object>) lm.get("data")) {
          items.add(o instanceof String s && objects.containsKey(s) ? Json.copy(objects.get(s)) : o);
        }
        ((Map<String, Object>) lm).put("data", items);
      }
      m.put(key, value);
      if (!last) {
        expandAt(m.get(key), parts, i + 1, path);
      }
      return;
    }
    if (!m.containsKey(key)) {
      throw cannotExpand(path);
    }
    Object v = m.get(key);
    if (v instanceof String id) {
      Map<String, Object> target = objects.get(id);
      if (target == null) {
        throw cannotExpand(path);
      }
      Map<String, Object> copy = deleted.contains(id) ? deletedStub(target) : Json.copy(target);
      m.put(key, copy);
      v = copy;
    } else if (v instanceof List<?> list) {
      List<Object> replaced = new ArrayList<>();
      for (Object o : list) {
        replaced.add(o instanceof String s && objects.containsKey(s) ? Json.copy(objects.get(s)) : o);
      }
      m.put(key, replaced);
      if (!last) {
        for (Object o : replaced) {
          expandAt(o, parts, i + 1, path);
        }
      }
      return;
    } else if (v != null && !(v instanceof Map)) {
      throw cannotExpand(path);
    } else if (last && v instanceof Map<?, ?> hash && !hash.containsKey("object")) {
      throw cannotExpand(path); // a plain hash, not an (already expanded) object
    }
    if (!last) {
      expandAt(v, parts, i + 1, path);
    }
  }

  private static ApiError cannotExpand(String path) {
    return ApiError.invalid(null, "expand", "This property cannot be expanded (" + path + ").");
  }

  static Map<String, Object> deletedStub(Map<String, Object> obj) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", obj.get("id"));
    out.put("object", obj.get("object"));
    out.put("deleted", true);
    return out;
  }

  // ---------------------------------------------------------------- lists and search

  /** A Stripe list over {@code newestFirst} with {@code limit}, {@code starting_after}, {@code ending_before}. */
  Map<String, Object> page(List<Map<String, Object>> newestFirst, Params p, String url) {
    int limit = limit(p);
    String after = p.string("starting_after");
    String before = p.string("ending_before");
    if (after != null && before != null) {
      throw ApiError.invalid(null, "ending_before",
          "You may only specify one of these parameters: ending_before, starting_after.");
    }
    List<Map<String, Object>> data;
    boolean hasMore;
    if (after != null) {
      long cursor = cursorSeq(after, "starting_after");
      List<Map<String, Object>> older = new ArrayList<>();
      for (Map<String, Object> o : newestFirst) {
        if (seq.get((String) o.get("id")) < cursor) {
          older.add(o);
        }
      }
      data = older.subList(0, Math.min(limit, older.size()));
      hasMore = older.size() > limit;
    } else if (before != null) {
      long cursor = cursorSeq(before, "ending_before");
      List<Map<String, Object>> newer = new ArrayList<>();
      for (Map<String, Object> o : newestFirst) {
        if (seq.get((String) o.get("id")) > cursor) {
          newer.add(o);
        }
      }
      data = newer.subList(Math.max(0, newer.size() - limit), newer.size());
      hasMore = newer.size() > limit;
    } else {
      data = newestFirst.subList(0, Math.min(limit, newestFirst.size()));
      hasMore = newestFirst.size() > limit;
    }
    return list(data, hasMore, url, p.expand());
  }

  /** A list object around already selected items. */
  Map<String, Object> list(List<Map<String, Object>> data, boolean hasMore, String url, List<String> expand) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("object", "list");
    List<Object> items = new ArrayList<>();
    for (Map<String, Object> o : data) {
      items.add(Json.copy(o));
    }
    out.put("data", items);
    out.put("has_more", hasMore);
    out.put("url", url);
    for (String path : expand) {
      expandPath(out, path);
    }
    return out;
  }

  private long cursorSeq(String id, String param) {
    Long s = seq.get(id);
    if (s == null) {
      throw ApiError.noSuch(objectKind(id), id, param);
    }
    return s;
  }

  private static String objectKind(String id) {
    int u = id.indexOf('_');
    return u < 0 ? "object" : switch (id.substring(0, u)) {
      case "cus" -> "customer";
      case "in" -> "invoice";
      case "ii" -> "invoiceitem";
      case "pi" -> "payment_intent";
      case "ch" -> "charge";
      case "re" -> "refund";
      case "dp", "du" -> "dispute";
      case "txn" -> "balance_transaction";
      case "po" -> "payout";
      case "evt" -> "event";
      case "cn" -> "credit_note";
      case "txr" -> "tax_rate";
      case "inpay" -> "invoice_payment";
      default -> "object";
    };
  }

  static int limit(Params p) {
    Long limit = p.longValue("limit");
    if (limit == null) {
      return 10;
    }
    if (limit < 1 || limit > 100) {
      throw ApiError.invalid("parameter_invalid_integer", "limit",
          "Invalid limit: must be between 1 and 100, was " + limit + ".");
    }
    return limit.intValue();
  }

  /**
   * A search over objects of {@code type} as the index saw them ({@code query} in Stripe's search
   * language, {@code page} cursor from {@code next_page}).
   */
  Map<String, Object> search(String type, Params p, String url) {
    SearchQuery query = SearchQuery.parse(p.requireString("query"));
    int limit = limit(p);
    long afterSeq = Long.MAX_VALUE;
    String page = p.string("page");
    if (page != null && !page.isEmpty()) {
      afterSeq = decodePage(page);
    }
    long nowMillis = clock.millis();
    List<Map<String, Object>> hits = new ArrayList<>();
    for (Map<String, Object> o : all(type)) {
      String id = (String) o.get("id");
      if (seq.get(id) >= afterSeq) {
        continue;
      }
      Map<String, Object> seen = indexed(id, nowMillis);
      if (seen != null && query.matches(seen)) {
        hits.add(o);
      }
    }
    boolean hasMore = hits.size() > limit;
    List<Map<String, Object>> data = hits.subList(0, Math.min(limit, hits.size()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("object", "search_result");
    List<Object> items = new ArrayList<>();
    for (Map<String, Object> o : data) {
      items.add(Json.copy(o));
    }
    out.put("data", items);
    out.put("has_more", hasMore);
    out.put("next_page", hasMore ? encodePage(seq.get((String) data.get(data.size() - 1).get("id"))) : null);
    out.put("url", url);
    for (String path : p.expand()) {
      expandPath(out, path);
    }
    return out;
  }

  private @Nullable Map<String, Object> indexed(String id, long nowMillis) {
    Map<String, Object> latest = null;
    for (Snapshot s : searchIndex.getOrDefault(id, List.of())) {
      if (s.visibleAtMillis() <= nowMillis) {
        latest = s.fields();
      }
    }
    return latest;
  }

  private static String encodePage(long seq) {
    return "page_" + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("seq:" + seq).getBytes(StandardCharsets.UTF_8));
  }

  private static long decodePage(String page) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(page.substring("page_".length())), StandardCharsets.UTF_8);
      if (!page.startsWith("page_") || !raw.startsWith("seq:")) {
        throw new IllegalArgumentException(page);
      }
      return Long.parseLong(raw.substring(4));
    } catch (RuntimeException e) {
      throw ApiError.invalid(null, "page", "Invalid page token: " + page);
    }
  }

  /** How many live objects of {@code type} match {@code filter} (test-control assertions). */
  int count(String type, Predicate<Map<String, Object>> filter) {
    int n = 0;
    for (Map<String, Object> o : all(type)) {
      if (filter.test(Collections.unmodifiableMap(Json.copy(o)))) {
        n++;
      }
    }
    return n;
  }
}
