package io.mlconnector.testkit.sapb1.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Conversions between JSON values and the stored values of each property kind. */
public final class Values {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private Values() {}

  /** A stored or written date value as a date. */
  public static LocalDate toDate(Object v) {
    if (v instanceof LocalDate) {
      return (LocalDate) v;
    }
    return Filter.dateLiteral("'" + v + "'");
  }

  /** A stored or written time value as a time. */
  public static LocalTime toTime(Object v) {
    if (v instanceof LocalTime) {
      return (LocalTime) v;
    }
    return Filter.timeLiteral("'" + v + "'");
  }

  /**
   * A value written by a client, checked and converted for {@code prop}.
   *
   * @throws WriteException when the value does not fit
   */
  public static @Nullable Object fromJson(Schema schema, String type, Schema.Prop prop, Object v) {
    if (v == null) {
      return null;
    }
    try {
      switch (prop.kind()) {
        case STRING:
          if (v instanceof Map || v instanceof List) {
            throw new WriteException(400, -1000, "Property '" + prop.name() + "' of '" + type + "' must be a string");
          }
          return v instanceof Double && (Double) v == Math.rint((Double) v)
              ? String.valueOf(((Double) v).longValue()) : v.toString();
        case INT:
          return v instanceof Number ? Long.valueOf(((Number) v).longValue()) : Long.valueOf(v.toString().trim());
        case DOUBLE:
          return v instanceof Number ? Double.valueOf(((Number) v).doubleValue()) : Double.valueOf(v.toString().trim());
        case DATE:
          return toDate(v);
        case TIME:
          return toTime(v);
        case ENUM: {
          String member = schema.member(prop.enumType(), v);
          if (member == null) {
            throw new WriteException(400, -1000,
                "Enum value '" + v + "' is invalid for property '" + prop.name() + "' of '" + type + "'");
          }
          return member;
        }
        default:
          return v;
      }
    } catch (NumberFormatException | Filter.FilterException e) {
      throw new WriteException(400, -1000,
          "Value '" + v + "' is invalid for property '" + prop.name() + "' of '" + type + "'");
    }
  }

  /** A stored value as JSON for the given version's formats. */
  public static Object toJson(Object v, boolean v2, String v1DatePattern, String v2DatePattern) {
    if (v instanceof LocalDate) {
      return DateTimeFormatter.ofPattern(v2 ? v2DatePattern : v1DatePattern).format((LocalDate) v);
    }
    if (v instanceof LocalTime) {
      return TIME.format((LocalTime) v);
    }
    if (v instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(e.getKey().toString(), toJson(e.getValue(), v2, v1DatePattern, v2DatePattern));
      }
      return out;
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object o : (List<?>) v) {
        out.add(toJson(o, v2, v1DatePattern, v2DatePattern));
      }
      return out;
    }
    return v;
  }

  /** A number stored as a double (null as zero). */
  public static double num(Object v) {
    return v == null ? 0 : ((Number) v).doubleValue();
  }

  /** Rounds to the cent as B1 stores amounts with the company's precision (two places here). */
  public static double round2(double v) {
    return Math.round(v * 100.0) / 100.0;
  }
}
