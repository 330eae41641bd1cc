package io.mlconnector.testkit.acumatica.internal;

import io.mlconnector.testkit.http.SimRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Request bodies of the entity routes: the sent entity unwrapped from its {@code {"value": ...}}
 * form against the version's schema (values coerced to their types, unknown fields counted and
 * ignored or refused), the 422 echo with each error placed where it belongs, and the business
 * date header.
 */
final class BodyCodec {
  private final Settings settings;
  private final Schemas schemas;
  private final Clock clock;
  private final AtomicLong unknownFields = new AtomicLong();

  BodyCodec(Settings settings, Schemas schemas, Clock clock) {
    this.settings = settings;
    this.schemas = schemas;
    this.clock = clock;
  }

  /** Fields sent that the version's schema does not have. */
  long unknownFields() {
    return unknownFields.get();
  }

  LocalDate businessDate(SimRequest request) {
    String h = request.header("px-cbapibusinessdate");
    if (h != null) {
      String t = h.trim().replace('/', '-');
      try {
        return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
      } catch (RuntimeException e) {
        // an unreadable business date is ignored
      }
    }
    return LocalDate.ofInstant(clock.instant(), settings.zone);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> unwrap(String version, String schemaName, Map<String, Object> sent, String prefix) {
    Map<String, String> fields = schemas.fields(version, schemaName);
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : sent.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      switch (k) {
        case "id":
          if (v != null) {
            out.put("id", v.toString().toLowerCase());
          }
          continue;
        case "delete":
          out.put("delete", Boolean.TRUE.equals(v));
          continue;
        case "rowNumber":
        case "custom":
        case "_links":
        case "files":
        case "error":
          continue;
        case "note":
          if (v instanceof Map && ((Map<?, ?>) v).get("value") != null) {
            out.put("note", ((Map<?, ?>) v).get("value").toString());
          }
          continue;
        default:
          break;
      }
      String type = fields.get(k);
      if (type == null) {
        unknownFields.incrementAndGet();
        if (settings.rejectUnknownFields) {
          throw new IllegalArgumentException("The field " + prefix + k + " is not in entity " + schemaName
              + " of endpoint Default/" + version + ".");
        }
        continue;
      }
      if (type.startsWith("link:")) {
        if (!(v instanceof Map)) {
          throw new IllegalArgumentException(prefix + k + " must be an object.");
        }
        out.put(k, unwrap(version, type.substring(5), (Map<String, Object>) v, prefix + k + "/"));
      } else if (type.startsWith("details:")) {
        if (!(v instanceof List)) {
          throw new IllegalArgumentException(prefix + k + " must be an array.");
        }
        List<Object> lines = new ArrayList<>();
        for (Object line : (List<?>) v) {
          if (!(line instanceof Map)) {
            throw new IllegalArgumentException(prefix + k + " must hold objects.");
          }
          lines.add(unwrap(version, type.substring(8), (Map<String, Object>) line, prefix + k + "/"));
        }
        out.put(k, lines);
      } else {
        if (!(v instanceof Map)) {
          throw new IllegalArgumentException("The value of " + prefix + k + " must be wrapped as {\"value\": ...}.");
        }
        Map<String, Object> wrapped = (Map<String, Object>) v;
        if (!wrapped.containsKey("value")) {
          continue; // {} is an absent value
        }
        out.put(k, coerce(prefix + k, type, wrapped.get("value")));
      }
    }
    return out;
  }

  private @Nullable Object coerce(String field, String type, Object v) {
    if (v == null) {
      return null;
    }
    try {
      switch (type) {
        case "decimal":
          return v instanceof BigDecimal ? v : new BigDecimal(v.toString());
        case "int":
          return new BigDecimal(v.toString()).intValueExact();
        case "boolean":
          if (v instanceof Boolean) {
            return v;
          }
          if (v.toString().equalsIgnoreCase("true") || v.toString().equalsIgnoreCase("false")) {
            return Boolean.valueOf(v.toString());
          }
          throw new IllegalArgumentException("not a boolean");
        case "datetime": {
          String t = v.toString();
          if (t.length() == 10) {
            return LocalDate.parse(t).atStartOfDay(settings.zone).toInstant();
          }
          return Filter.toInstant(t, settings.zone);
        }
        default:
          return v.toString();
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("The value '" + v + "' of " + field + " is not a valid " + type + ".");
    }
  }

  /** The sent entity with {@code error} placed where each error belongs. */
  @SuppressWarnings("unchecked")
  Map<String, Object> echo(String entity, Map<String, Object> sent, List<Business.Err> errors, boolean insert) {
    Map<String, Object> out = (Map<String, Object>) deepCopy(sent);
    if (insert && !entity.equals("Customer") && !entity.equals("Account")) {
      String auto = entity.equals("JournalTransaction") ? "BatchNbr" : "ReferenceNbr";
      if (!out.containsKey(auto)) {
        out.put(auto, new LinkedHashMap<>(Map.of("value", "<NEW>")));
      }
    }
    List<String> recordErrors = new ArrayList<>();
    for (Business.Err e : errors) {
      if (e.path().isEmpty()) {
        recordErrors.add(e.message());
        continue;
      }
      Map<String, Object> target = out;
      List<Object> p = e.path();
      if (p.size() == 3) {
        Object lines = out.get(p.get(0));
        int index = (Integer) p.get(1) - 1;
        if (lines instanceof List && index < ((List<?>) lines).size()) {
          target = (Map<String, Object>) ((List<Object>) lines).get(index);
        }
      }
      String field = p.get(p.size() - 1).toString();
      Object f = target.get(field);
      Map<String, Object> wrapped = f instanceof Map ? (Map<String, Object>) f : new LinkedHashMap<>();
      wrapped.put("error", wrapped.containsKey("error") ? wrapped.get("error") + " " + e.message() : e.message());
      target.put(field, wrapped);
    }
    if (!recordErrors.isEmpty()) {
      out.put("error", String.join(" ", recordErrors));
    } else {
      out.put("error", "Inserting or updating the record raised at least one error. Please review the errors.");
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static <T> T deepCopy(T v) {
    if (v instanceof Map) {
      Map<String, Object> m = new LinkedHashMap<>();
      ((Map<String, Object>) v).forEach((k, x) -> m.put(k, deepCopy(x)));
      return (T) m;
    }
    if (v instanceof List) {
      List<Object> l = new ArrayList<>();
      for (Object x : (List<?>) v) {
        l.add(deepCopy(x));
      }
      return (T) l;
    }
    return v;
  }
}
