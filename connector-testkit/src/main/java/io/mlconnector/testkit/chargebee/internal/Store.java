package io.mlconnector.testkit.chargebee.internal;

import io.mlconnector.testkit.SimClock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The site's records, as maps of Chargebee attributes. Keys starting with {@code _} are the
 * simulator's own (a creation sequence for stable paging) and never leave it. Not thread-safe: the
 * engine serialises access.
 */
public final class Store {
  /** Resource tables by wrapper name. */
  public final Map<String, Map<String, Map<String, Object>>> tables = new LinkedHashMap<>();
  /** Events, oldest first. */
  public final List<Map<String, Object>> events = new ArrayList<>();

  private final SimClock clock;
  private final Random random;
  private long seq;
  private long lastVersion;
  private long invoiceNumber = 1000;
  private Consumer<Map<String, Object>> eventListener = e -> {};

  /** A store on the simulated clock; ids are drawn from {@code seed}. */
  public Store(SimClock clock, long seed) {
    this.clock = clock;
    this.random = new Random(seed);
    for (String t : List.of("customer", "invoice", "subscription", "item", "item_price", "transaction",
        "credit_note", "event")) {
      tables.put(t, new LinkedHashMap<>());
    }
  }

  /** Receives every event recorded (the webhook dispatcher). */
  public void onEvent(Consumer<Map<String, Object>> listener) {
    this.eventListener = listener;
  }

  /** The simulated clock. */
  public SimClock clock() {
    return clock;
  }

  /** A table. */
  public @Nullable Map<String, Map<String, Object>> table(String name) {
    return tables.get(name);
  }

  /** A record or null. */
  public @Nullable Map<String, Object> find(String table, String id) {
    return tables.get(table).get(id);
  }

  /** A record or 404. */
  public Map<String, Object> get(String table, String id) {
    Map<String, Object> r = find(table, id);
    if (r == null) {
      throw ApiError.notFound(table, id);
    }
    return r;
  }

  /** A new Chargebee-style id: {@code prefix} plus 16 random alphanumerics. */
  public String newId(String prefix) {
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    StringBuilder sb = new StringBuilder(prefix);
    for (int i = 0; i < 16; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** The next invoice number (the site's default numbering: 1001, 1002, ...). */
  public String nextInvoiceNumber() {
    return String.valueOf(++invoiceNumber);
  }

  /** Inserts a new record with {@code object}, timestamps and a first {@code resource_version}. */
  public Map<String, Object> insert(String table, String id, Map<String, Object> r) {
    long now = clock.instant().getEpochSecond();
    r.put("id", id);
    r.putIfAbsent("created_at", now);
    r.put("updated_at", now);
    r.put("resource_version", nextVersion());
    r.put("deleted", false);
    r.put("object", table);
    r.put("_seq", ++seq);
    tables.get(table).put(id, r);
    return r;
  }

  /** Marks a change: bumps {@code resource_version} and {@code updated_at}. */
  public void touch(Map<String, Object> r) {
    r.put("updated_at", clock.instant().getEpochSecond());
    r.put("resource_version", nextVersion());
  }

  private long nextVersion() {
    long v = Math.max(clock.millis(), lastVersion + 1);
    lastVersion = v;
    return v;
  }

  /**
   * Records an event whose {@code content} holds the given resources, wrapped by name (rendered
   * copies, as they stand now).
   */
  public Map<String, Object> event(String type, Map<String, Map<String, Object>> content) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("id", newId("ev_"));
    e.put("occurred_at", clock.instant().getEpochSecond());
    e.put("source", "api");
    e.put("object", "event");
    e.put("api_version", "v2");
    e.put("event_type", type);
    Map<String, Object> c = new LinkedHashMap<>();
    content.forEach((k, v) -> c.put(k, render(v)));
    e.put("content", c);
    e.put("webhook_status", "not_configured");
    e.put("webhooks", new ArrayList<>());
    e.put("_seq", ++seq);
    events.add(e);
    tables.get("event").put((String) e.get("id"), e);
    eventListener.accept(e);
    return e;
  }

  /** A copy without the simulator's own keys. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> render(Map<String, Object> r) {
    Map<String, Object> out = new LinkedHashMap<>();
    r.forEach((k, v) -> {
      if (!k.startsWith("_") && v != null) {
        out.put(k, Json.copy(v));
      }
    });
    return out;
  }

  /** One resource wrapped by name. */
  public static Map<String, Object> wrap(String name, Map<String, Object> r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(name, render(r));
    return out;
  }
}
