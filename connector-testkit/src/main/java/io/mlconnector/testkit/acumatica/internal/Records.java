package io.mlconnector.testkit.acumatica.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The simulated company's records, stored unwrapped (plain values; date-times as {@link Instant}),
 * and their rendering into the contract's wrapped JSON for one endpoint version.
 */
public final class Records {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");

  private final Settings settings;
  private final Schemas schemas;
  private final Clock clock;
  private final Map<String, Map<String, Map<String, Object>>> byEntity = new LinkedHashMap<>();
  private final Map<String, AtomicLong> numbers = new LinkedHashMap<>();
  private Instant lastStamp = Instant.EPOCH;

  public Records(Settings settings, Schemas schemas, Clock clock) {
    this.settings = settings;
    this.schemas = schemas;
    this.clock = clock;
  }

  /** The key fields of an entity. */
  public static List<String> keys(String entity) {
    switch (entity) {
      case "Customer":
        return List.of("CustomerID");
      case "JournalTransaction":
        return List.of("Module", "BatchNbr");
      case "Account":
        return List.of("AccountCD");
      default:
        return List.of("Type", "ReferenceNbr");
    }
  }

  /** The table of {@code entity} (id to record), created on first use; callers hold the lock. */
  public Map<String, Map<String, Object>> table(String entity) {
    return byEntity.computeIfAbsent(entity, k -> new LinkedHashMap<>());
  }

  /** Records of {@code entity} in key order. */
  public List<Map<String, Object>> sorted(String entity) {
    List<Map<String, Object>> rows = new ArrayList<>(table(entity).values());
    Comparator<Map<String, Object>> c = Comparator.comparing(r -> keyText(entity, r));
    rows.sort(c);
    return rows;
  }

  private static String keyText(String entity, Map<String, Object> r) {
    StringBuilder sb = new StringBuilder();
    for (String k : keys(entity)) {
      Object v = r.get(k);
      sb.append(v == null ? "" : v.toString().toUpperCase(Locale.ROOT)).append('\u0000');
    }
    return sb.toString();
  }

  /** The record whose key fields equal {@code keys} (case-insensitive), or null. */
  public @Nullable Map<String, Object> byKeys(String entity, List<String> keys) {
    List<String> names = keys(entity);
    if (keys.size() != names.size()) {
      return null;
    }
    for (Map<String, Object> r : table(entity).values()) {
      boolean all = true;
      for (int i = 0; i < names.size(); i++) {
        Object v = r.get(names.get(i));
        if (v == null || !v.toString().equalsIgnoreCase(keys.get(i))) {
          all = false;
          break;
        }
      }
      if (all) {
        return r;
      }
    }
    return null;
  }

  /** The next auto-number of {@code series}, e.g. {@code INV000001} or {@code 000001}. */
  public String nextNumber(String series, String prefix) {
    long n = numbers.computeIfAbsent(series, k -> new AtomicLong()).incrementAndGet();
    return prefix + String.format("%06d", n);
  }

  /** A new record id. */
  public static String newId() {
    return UUID.randomUUID().toString();
  }

  /** The next change stamp: now, never before the previous stamp. */
  public Instant stamp() {
    // stored at the precision it is rendered with (milliseconds), so filters see what clients see
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    if (now.isBefore(lastStamp)) {
      now = lastStamp;
    }
    lastStamp = now;
    return now;
  }

  // ------------------------------------------------------------------ rendering

  /**
   * The wrapped JSON of {@code record} for {@code version}: system fields, the top-level fields
   * of the schema ({@code only} limits them when not null), linked and detail entities only when
   * named in {@code expand}, {@code $select} paths when {@code select} is not empty.
   */
  public Map<String, Object> render(String entity, String version, Map<String, Object> record, int rowNumber,
      Set<String> expand, Set<String> select, @Nullable Set<String> only) {
    return render(entity, entity, version, record, rowNumber, expand, select, only, "");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> render(String top, String schemaName, String version, Map<String, Object> record,
      int rowNumber, Set<String> expand, Set<String> select, @Nullable Set<String> only, String prefix) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", record.get("id"));
    out.put("rowNumber", new BigDecimal(rowNumber));
    out.put("note", wrap(record.getOrDefault("note", "")));
    Map<String, String> fields = schemas.fields(version, schemaName);
    for (Map.Entry<String, String> f : fields.entrySet()) {
      String name = f.getKey();
      String type = f.getValue();
      String path = prefix + name;
      if (name.equals("id") || name.equals("rowNumber") || name.equals("custom") || name.equals("error")) {
        continue;
      }
      if (type.startsWith("link:") || type.startsWith("details:")) {
        if (!expand.contains(path)) {
          continue;
        }
        String inner = type.substring(type.indexOf(':') + 1);
        Object v = record.get(name);
        if (type.startsWith("link:")) {
          Map<String, Object> linked = v instanceof Map ? (Map<String, Object>) v : Map.of("id", newIdFor(record, name));
          out.put(name, render(top, inner, version, linked, 1, expand, select, null, path + "/"));
        } else {
          List<Object> lines = new ArrayList<>();
          int i = 0;
          if (v instanceof List) {
            for (Object line : (List<?>) v) {
              lines.add(render(top, inner, version, (Map<String, Object>) line, ++i, expand, select, null, path + "/"));
            }
          }
          out.put(name, lines);
        }
        continue;
      }
      if (only != null && !only.contains(name)) {
        continue;
      }
      if (!select.isEmpty() && !selected(select, path)) {
        continue;
      }
      if (record.containsKey(name)) {
        out.put(name, wrap(record.get(name)));
      } else if (only == null && select.isEmpty()) {
        out.put(name, new LinkedHashMap<>());
      }
    }
    if (expand.contains(prefix + "files") && record.get("_files") instanceof List) {
      out.put("files", record.get("_files"));
    }
    if (record.get("_error") != null) {
      out.put("error", record.get("_error"));
    }
    out.put("custom", new LinkedHashMap<>());
    if (prefix.isEmpty()) {
      String self = "/" + settings.site + "/entity/Default/" + version + "/" + top + "/" + record.get("id");
      Map<String, Object> links = new LinkedHashMap<>();
      links.put("self", self);
      links.put("files:put", self.replace("/" + record.get("id"), "/" + keyPath(top, record)) + "/files/{filename}");
      out.put("_links", links);
    }
    return out;
  }

  private static String newIdFor(Map<String, Object> record, String name) {
    return UUID.nameUUIDFromBytes((record.get("id") + "/" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
  }

  private static String keyPath(String entity, Map<String, Object> record) {
    StringBuilder sb = new StringBuilder();
    for (String k : keys(entity)) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(record.get(k));
    }
    return sb.toString();
  }

  private static boolean selected(Set<String> select, String path) {
    return select.contains(path);
  }

  private Map<String, Object> wrap(Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (value instanceof Instant) {
      Instant i = (Instant) value;
      m.put("value", settings.offsetInResponses
          ? i.atZone(settings.zone).toOffsetDateTime().toString()
          : LOCAL.format(LocalDateTime.ofInstant(i, settings.zone)));
    } else if (value instanceof Integer) {
      m.put("value", new BigDecimal((Integer) value));
    } else {
      m.put("value", value);
    }
    return m;
  }

  /** The zone offset-free date-times are read in. */
  public ZoneId zone() {
    return settings.zone;
  }
}
