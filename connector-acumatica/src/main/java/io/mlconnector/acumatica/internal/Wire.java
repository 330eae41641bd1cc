package io.mlconnector.acumatica.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The contract-based API's value wrapping, in one place: every field goes out as {@code {"value":
 * v}} and comes back the same way; {@code id}, {@code rowNumber}, {@code delete} and detail arrays
 * are not wrapped. Entities build and read their JSON trees only through these methods.
 *
 * <p>Date-times: requests carry the instance's local time without offset ({@code
 * 2024-06-30T00:00:00}), as the official examples do; responses are read with or without an
 * offset and with or without fractions (which form a server sends is unconfirmed), an offset-free
 * value being the instance's local time.
 */
public final class Wire {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter LOCAL_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");

  private Wire() {}

  /** A new, ordered JSON object. */
  public static Map<String, Object> object() {
    return new LinkedHashMap<>();
  }

  /** Puts {@code {"value": v}} under {@code field}; a null value leaves the field out. */
  public static void put(Map<String, Object> entity, String field, @Nullable Object value) {
    if (value == null) {
      return;
    }
    Map<String, Object> wrapped = new LinkedHashMap<>();
    wrapped.put("value", plain(value));
    entity.put(field, wrapped);
  }

  /** Puts a date as the local midnight of that day, offset-free. */
  public static void putDate(Map<String, Object> entity, String field, @Nullable LocalDate date) {
    if (date != null) {
      put(entity, field, LOCAL.format(date.atStartOfDay()));
    }
  }

  private static Object plain(Object value) {
    if (value instanceof BigDecimal || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Integer || value instanceof Long) {
      return value;
    }
    if (value instanceof LocalDateTime) {
      return LOCAL_MILLIS.format((LocalDateTime) value);
    }
    if (value instanceof LocalDate) {
      return LOCAL.format(((LocalDate) value).atStartOfDay());
    }
    if (value instanceof OffsetDateTime) {
      return ((OffsetDateTime) value).toString();
    }
    throw new IllegalArgumentException("no wire form for " + value.getClass().getName());
  }

  /** The raw value inside {@code {"value": v}}, or null when the field is absent or empty. */
  public static @Nullable Object raw(Map<String, Object> entity, String field) {
    Object wrapped = entity.get(field);
    if (!(wrapped instanceof Map)) {
      return null;
    }
    return ((Map<?, ?>) wrapped).get("value");
  }

  /** A text field, or null. */
  public static @Nullable String text(Map<String, Object> entity, String field) {
    Object v = raw(entity, field);
    return v == null ? null : v.toString();
  }

  /** A decimal field read from its literal text (never through a double), or null. */
  public static @Nullable BigDecimal decimal(Map<String, Object> entity, String field) {
    Object v = raw(entity, field);
    if (v == null) {
      return null;
    }
    if (v instanceof BigDecimal) {
      return (BigDecimal) v;
    }
    return new BigDecimal(v.toString());
  }

  /** A boolean field, or null. */
  public static @Nullable Boolean bool(Map<String, Object> entity, String field) {
    Object v = raw(entity, field);
    if (v == null) {
      return null;
    }
    return v instanceof Boolean ? (Boolean) v : Boolean.valueOf(v.toString());
  }

  /** An integer field, or null. */
  public static @Nullable Integer integer(Map<String, Object> entity, String field) {
    Object v = raw(entity, field);
    if (v == null) {
      return null;
    }
    return v instanceof Number ? ((Number) v).intValue() : new BigDecimal(v.toString()).intValueExact();
  }

  /**
   * A date-time field; an offset-free value is read in {@code zone}. Null when absent.
   *
   * @throws IllegalArgumentException when the text is not a date-time
   */
  public static @Nullable OffsetDateTime dateTime(Map<String, Object> entity, String field, ZoneId zone) {
    String v = text(entity, field);
    return v == null ? null : parseDateTime(v, zone);
  }

  /** The date part of a date-time field, as written (no zone shift), or null. */
  public static @Nullable LocalDate date(Map<String, Object> entity, String field) {
    String v = text(entity, field);
    if (v == null) {
      return null;
    }
    return v.length() >= 10 ? LocalDate.parse(v.substring(0, 10)) : LocalDate.parse(v);
  }

  /** Parses an ISO date-time with or without offset; offset-free values are in {@code zone}. */
  public static OffsetDateTime parseDateTime(String text, ZoneId zone) {
    try {
      TemporalAccessor t =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(
              text, OffsetDateTime::from, LocalDateTime::from);
      if (t instanceof OffsetDateTime) {
        return (OffsetDateTime) t;
      }
      return ((LocalDateTime) t).atZone(zone).toOffsetDateTime();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a date-time: '" + text + "'", e);
    }
  }

  /** A system (unwrapped) text field such as {@code id}, or null. */
  public static @Nullable String system(Map<String, Object> entity, String field) {
    Object v = entity.get(field);
    return v == null ? null : v.toString();
  }

  /** A detail array (each line a JSON object); empty when absent. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> details(Map<String, Object> entity, String field) {
    Object v = entity.get(field);
    if (!(v instanceof List)) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : (List<?>) v) {
      if (o instanceof Map) {
        out.add((Map<String, Object>) o);
      }
    }
    return out;
  }

  /** A linked entity (such as {@code MainContact}), or an empty map when absent. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> linked(Map<String, Object> entity, String field) {
    Object v = entity.get(field);
    return v instanceof Map ? (Map<String, Object>) v : Map.of();
  }
}
