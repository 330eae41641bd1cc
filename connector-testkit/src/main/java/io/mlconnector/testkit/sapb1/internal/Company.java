package io.mlconnector.testkit.sapb1.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One in-memory company: the entity sets, the number series, and the generic rules of writes
 * (known properties, change tracking, DataVersion, PATCH merge or replace of collections). The
 * document rules (totals, payments applied to invoices) are in {@link Documents}. Every method
 * runs under the company's lock; a change set runs with an undo log so it can be rolled back.
 */
public final class Company {
  private final SimConfig config;
  private final Clock clock;
  private final Schema schema = Schema.get();
  private final Map<String, TreeMap<Object, Map<String, Object>>> sets = new HashMap<>();
  private final Map<String, Long> entrySeries = new HashMap<>();
  private final Map<String, Long> numberSeries = new HashMap<>();
  private final Documents documents;
  private @Nullable List<Runnable> undo;

  /** An empty company. */
  public Company(SimConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    for (String name : EntitySet.ALL.keySet()) {
      sets.put(name, new TreeMap<>());
    }
    this.documents = new Documents(this, config);
  }

  /** The schema. */
  public Schema schema() {
    return schema;
  }

  /** The lock every read and write holds. */
  public Object lock() {
    return this;
  }

  /** The company's local date and time now, to the second. */
  public LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), config.zone).truncatedTo(ChronoUnit.SECONDS);
  }

  // ------------------------------------------------------------------ reads

  /** The stored entity (live; do not change it outside the lock), or null. */
  public synchronized @Nullable Map<String, Object> get(String set, Object key) {
    return sets.get(set).get(normalizeKey(set, key));
  }

  /** Every entity of {@code set} in key order (copies of the list, live entities). */
  public synchronized List<Map<String, Object>> all(String set) {
    return new ArrayList<>(sets.get(set).values());
  }

  /** A deep copy of an entity, for tests and answers built outside the lock. */
  public synchronized @Nullable Map<String, Object> snapshot(String set, Object key) {
    Map<String, Object> e = get(set, key);
    return e == null ? null : deepCopy(e);
  }

  // ------------------------------------------------------------------ writes

  /** Creates an entity from a client's body; returns the stored entity. */
  public synchronized Map<String, Object> create(String set, Map<String, Object> body) {
    EntitySet es = EntitySet.ALL.get(set);
    if (set.equals("Currencies")) {
      throw new WriteException(405, -5006, "Currencies are read-only in this service");
    }
    Map<String, Object> e = convert(es.type(), body);
    switch (set) {
      case "BusinessPartners":
        documents.newBusinessPartner(e);
        break;
      case "Invoices":
      case "CreditNotes":
        documents.newDocument(es, e);
        break;
      default:
        documents.newPayment(e);
        break;
    }
    if (es.tracksUpdates()) {
      LocalDateTime now = now();
      e.put("CreateDate", now.toLocalDate());
      e.put("CreateTime", now.toLocalTime());
      if (es.isDocument()) {
        e.put("CreationDate", now.toLocalDate());
        e.put("DocTime", now.toLocalTime());
      }
      touch(e);
      e.put("DataVersion", 1L);
    }
    put(set, e.get(es.key()), e);
    return e;
  }

  /** Applies a PATCH. */
  public synchronized void patch(String set, Object key, Map<String, Object> body, boolean replaceCollections) {
    EntitySet es = EntitySet.ALL.get(set);
    Map<String, Object> e = require(set, key);
    Map<String, Object> changes = convert(es.type(), body);
    if (changes.containsKey(es.key()) && !changes.get(es.key()).equals(e.get(es.key()))) {
      throw new WriteException(400, -5002, "The key property " + es.key() + " cannot be changed");
    }
    remember(set, key);
    documents.checkPatch(es, e, changes);
    for (Map.Entry<String, Object> c : changes.entrySet()) {
      Object value = c.getValue();
      Schema.Prop p = schema.property(es.type(), c.getKey());
      if (p != null && p.kind() == Schema.Kind.COLLECTION && value instanceof List && !replaceCollections) {
        e.put(c.getKey(), mergeRows(asRows(e.get(c.getKey())), asRows(value)));
      } else {
        e.put(c.getKey(), value);
      }
    }
    documents.afterPatch(es, e, changes);
    changed(es, e);
  }

  /** Deletes an entity. */
  public synchronized void delete(String set, Object key) {
    EntitySet es = EntitySet.ALL.get(set);
    Map<String, Object> e = require(set, key);
    documents.checkDelete(es, e);
    remember(set, key);
    sets.get(set).remove(normalizeKey(set, key));
  }

  /** Runs a bound action ({@code Cancel}, {@code Close}, {@code Reopen}). */
  public synchronized void action(String set, Object key, String action) {
    EntitySet es = EntitySet.ALL.get(set);
    Map<String, Object> e = require(set, key);
    remember(set, key);
    documents.action(es, e, action);
  }

  /** Runs {@code work} atomically: if it throws, every change it made is undone. */
  public synchronized <T> T atomically(java.util.function.Supplier<T> work) {
    List<Runnable> outer = undo;
    undo = new ArrayList<>();
    Map<String, Long> entries = new HashMap<>(entrySeries);
    Map<String, Long> numbers = new HashMap<>(numberSeries);
    try {
      T result = work.get();
      if (outer != null) {
        outer.addAll(undo);
      }
      return result;
    } catch (RuntimeException ex) {
      for (int i = undo.size() - 1; i >= 0; i--) {
        undo.get(i).run();
      }
      entrySeries.clear();
      entrySeries.putAll(entries);
      numberSeries.clear();
      numberSeries.putAll(numbers);
      throw ex;
    } finally {
      undo = outer;
    }
  }

  /** Stores an entity as given, bypassing the write rules (read-only sets such as Currencies). */
  public synchronized void seed(String set, Map<String, Object> entity) {
    sets.get(set).put(normalizeKey(set, entity.get(EntitySet.ALL.get(set).key())), entity);
  }

  /** Removes every entity and resets the number series. */
  public synchronized void reset() {
    sets.values().forEach(Map::clear);
    entrySeries.clear();
    numberSeries.clear();
  }

  // ------------------------------------------------------------------ helpers for Documents

  Map<String, Object> require(String set, Object key) {
    Map<String, Object> e = get(set, key);
    if (e == null) {
      throw new WriteException(404, -2028, "No matching records found (ODBC -2028)");
    }
    return e;
  }

  long nextEntry(String set) {
    return entrySeries.merge(set, 1L, Long::sum);
  }

  long nextNumber(String set) {
    return numberSeries.merge(set, 1L, Long::sum);
  }

  void remember(String set, Object key) {
    if (undo == null) {
      return;
    }
    Object k = normalizeKey(set, key);
    Map<String, Object> before = sets.get(set).get(k);
    Map<String, Object> copy = before == null ? null : deepCopy(before);
    undo.add(() -> {
      if (copy == null) {
        sets.get(set).remove(k);
      } else {
        Map<String, Object> live = sets.get(set).get(k);
        if (live == null) {
          sets.get(set).put(k, copy);
        } else {
          live.clear();
          live.putAll(copy);
        }
      }
    });
  }

  void put(String set, Object key, Map<String, Object> e) {
    Object k = normalizeKey(set, key);
    if (sets.get(set).containsKey(k)) {
      throw new WriteException(400, -2035, "This entry already exists in the following tables (ODBC -2035)");
    }
    remember(set, k);
    sets.get(set).put(k, e);
  }

  /** Marks an entity changed: UpdateDate/UpdateTime from the clock and DataVersion + 1. */
  void changed(EntitySet es, Map<String, Object> e) {
    if (es.tracksUpdates()) {
      touch(e);
      e.put("DataVersion", ((Number) e.getOrDefault("DataVersion", 0L)).longValue() + 1);
    }
  }

  private void touch(Map<String, Object> e) {
    LocalDateTime now = now();
    e.put("UpdateDate", now.toLocalDate());
    e.put("UpdateTime", now.toLocalTime());
  }

  /** Checks and converts a client's body for {@code type}; unknown properties are refused. */
  Map<String, Object> convert(String type, Map<String, Object> body) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> en : body.entrySet()) {
      String name = en.getKey();
      if (name.startsWith("odata.") || name.startsWith("@odata.") || name.contains("@odata.")) {
        continue;
      }
      Schema.Prop p = schema.property(type, name);
      if (p == null) {
        if (name.startsWith("U_")) {
          out.put(name, en.getValue());
          continue;
        }
        throw new WriteException(400, -1000, "Property '" + name + "' of '" + type + "' is invalid");
      }
      if (p.kind() == Schema.Kind.COLLECTION) {
        if (!(en.getValue() instanceof List)) {
          throw new WriteException(400, -1000, "Property '" + name + "' of '" + type + "' must be a collection");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object row : (List<?>) en.getValue()) {
          if (!(row instanceof Map)) {
            throw new WriteException(400, -1000, "Rows of '" + name + "' must be objects");
          }
          @SuppressWarnings("unchecked")
          Map<String, Object> r = (Map<String, Object>) row;
          rows.add(schema.properties(p.elementType()).isEmpty() ? new LinkedHashMap<>(r) : convert(p.elementType(), r));
        }
        out.put(name, rows);
      } else {
        out.put(name, Values.fromJson(schema, type, p, en.getValue()));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> asRows(Object v) {
    return v == null ? new ArrayList<>() : (List<Map<String, Object>>) v;
  }

  /** Merge mode: rows with a known LineNum/RowNum/AddressName update that row; others are appended. */
  private static List<Map<String, Object>> mergeRows(List<Map<String, Object>> existing, List<Map<String, Object>> patch) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> r : existing) {
      out.add(new LinkedHashMap<>(r));
    }
    for (Map<String, Object> p : patch) {
      Map<String, Object> match = null;
      for (Map<String, Object> r : out) {
        if (sameRow(r, p)) {
          match = r;
          break;
        }
      }
      if (match == null) {
        out.add(new LinkedHashMap<>(p));
      } else {
        match.putAll(p);
      }
    }
    return out;
  }

  private static boolean sameRow(Map<String, Object> a, Map<String, Object> b) {
    for (String k : List.of("LineNum", "RowNum")) {
      if (b.get(k) != null) {
        return b.get(k).equals(a.get(k));
      }
    }
    if (b.get("AddressName") != null) {
      return b.get("AddressName").equals(a.get("AddressName"))
          && java.util.Objects.equals(b.getOrDefault("AddressType", a.get("AddressType")), a.get("AddressType"));
    }
    return false;
  }

  private static Object normalizeKey(String set, Object key) {
    EntitySet es = EntitySet.ALL.get(set);
    if (es.numericKey()) {
      return key instanceof Number ? ((Number) key).longValue() : Long.parseLong(key.toString());
    }
    return key.toString();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> deepCopy(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      Object v = e.getValue();
      if (v instanceof List) {
        List<Object> l = new ArrayList<>();
        for (Object o : (List<?>) v) {
          l.add(o instanceof Map ? deepCopy((Map<String, Object>) o) : o);
        }
        v = l;
      } else if (v instanceof Map) {
        v = deepCopy((Map<String, Object>) v);
      }
      out.put(e.getKey(), v);
    }
    return out;
  }

  /** Today in the company's zone. */
  LocalDate today() {
    return now().toLocalDate();
  }

  /** The time now in the company's zone. */
  LocalTime timeNow() {
    return now().toLocalTime();
  }
}
