package io.mlconnector.testkit.stripe.internal;

import java.util.Map;

/** List filters shared by several endpoints. */
final class Filters {
  private Filters() {}

  /** {@code created=n} or {@code created[gt|gte|lt|lte]=n} on the object's {@code created}. */
  static boolean created(Params p, Map<String, Object> obj) {
    return range(p, "created", obj);
  }

  static boolean range(Params p, String field, Map<String, Object> obj) {
    if (!p.has(field)) {
      return true;
    }
    Object value = obj.get(field);
    if (!(value instanceof Long)) {
      return false;
    }
    long v = (Long) value;
    Map<String, Object> m = p.map(field);
    if (m == null) {
      Long exact = p.longValue(field);
      return exact == null || v == exact;
    }
    for (Map.Entry<String, Object> e : m.entrySet()) {
      String param = field + "[" + e.getKey() + "]";
      long bound;
      try {
        bound = Long.parseLong(String.valueOf(e.getValue()));
      } catch (NumberFormatException ex) {
        throw ApiError.invalid("parameter_invalid_integer", param, "Invalid integer: " + e.getValue());
      }
      boolean ok = switch (e.getKey()) {
        case "gt" -> v > bound;
        case "gte" -> v >= bound;
        case "lt" -> v < bound;
        case "lte" -> v <= bound;
        default -> throw ApiError.unknown(param);
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
