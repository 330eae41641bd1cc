package io.mlconnector.sapb1;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One Service Layer entity as it came over the wire: its JSON properties (user-defined {@code U_}
 * fields included) with typed readers that accept both versions' value forms (dates as {@code
 * 2024-05-10} or {@code 2024-05-10T00:00:00Z}, enums as member names, amounts as numbers), and its
 * ETag. Immutable.
 */
public final class B1Entity {
  private static final Pattern MS_DATE = Pattern.compile("/Date\\((-?\\d+)[^)]*\\)/");

  private final Map<String, Object> properties;
  private final @Nullable String etag;

  private B1Entity(Map<String, Object> properties, @Nullable String etag) {
    this.properties = properties;
    this.etag = etag;
  }

  /**
   * An entity of {@code properties} (copied; {@code odata.*} and {@code @odata.*} annotations
   *     dropped).
   *
   * @param properties the JSON properties
   * @param etag the {@code ETag} header, or null to take {@code @odata.etag} from the properties
   * @return the entity
   */
  public static B1Entity of(Map<String, ?> properties, @Nullable String etag) {
    Objects.requireNonNull(properties, "properties");
    Map<String, Object> copy = new LinkedHashMap<>();
    String tag = etag;
    for (Map.Entry<String, ?> e : properties.entrySet()) {
      String k = e.getKey();
      if (k.equals("@odata.etag") || k.equals("odata.etag")) {
        if (tag == null && e.getValue() != null) {
          tag = e.getValue().toString();
        }
        continue;
      }
      if (k.startsWith("odata.") || k.startsWith("@odata.")) {
        continue;
      }
      copy.put(k, e.getValue());
    }
    return new B1Entity(Collections.unmodifiableMap(copy), tag);
  }

  /**
   * The properties as sent (numbers as doubles, nested rows as lists of maps).
   *
   * @return the properties by name, unmodifiable
   */
  public Map<String, Object> properties() {
    return properties;
  }

  /**
   * The ETag ({@code W/"..."}), from the {@code ETag} header or {@code @odata.etag}, or null.
   *
   * @return the ETag, or null when the answer carried none
   */
  public @Nullable String etag() {
    return etag;
  }

  /**
   * Whether the property is present (possibly null).
   *
   * @param name the property name, e.g. {@code CardCode}
   * @return true when the entity carries it
   */
  public boolean has(String name) {
    return properties.containsKey(name);
  }

  /**
   * A property as text, or null. Whole numbers print without a decimal point.
   *
   * @param name the property name
   * @return the value as text, or null when absent or null
   */
  public @Nullable String string(String name) {
    Object v = properties.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Double && ((Double) v) == Math.rint((Double) v) && !Double.isInfinite((Double) v)) {
      return String.valueOf(((Double) v).longValue());
    }
    return v.toString();
  }

  /**
   * A whole-number property, or null.
   *
   * @param name the property name, e.g. {@code DocEntry}
   * @return the value, or null when absent or null
   * @throws B1FormatException if the value is not a whole number
   */
  public @Nullable Long integer(String name) {
    Object v = properties.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Number) {
      return ((Number) v).longValue();
    }
    try {
      return Long.valueOf(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new B1FormatException(name + " is not a whole number: " + v);
    }
  }

  /**
   * A numeric property as a decimal (the shortest decimal that round-trips the double), or null.
   *
   * @param name the property name, e.g. {@code DocTotal}
   * @return the value, or null when absent or null
   * @throws B1FormatException if the value is not a number
   */
  public @Nullable BigDecimal decimal(String name) {
    Object v = properties.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Double || v instanceof Float) {
      return BigDecimal.valueOf(((Number) v).doubleValue());
    }
    try {
      return new BigDecimal(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new B1FormatException(name + " is not a number: " + v);
    }
  }

  /**
   * A date property in any of the forms the versions send, or null.
   *
   * @param name the property name, e.g. {@code DocDate}
   * @return the date, or null when absent or null
   * @throws B1FormatException if the value is not a date
   */
  public @Nullable LocalDate date(String name) {
    Object v = properties.get(name);
    if (v == null) {
      return null;
    }
    String s = v.toString();
    Matcher ms = MS_DATE.matcher(s);
    if (ms.matches()) {
      return Instant.ofEpochMilli(Long.parseLong(ms.group(1))).atOffset(ZoneOffset.UTC).toLocalDate();
    }
    if (s.matches("\\d{8}")) {
      return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
          Integer.parseInt(s.substring(6)));
    }
    if (s.length() >= 10 && s.substring(0, 10).matches("\\d{4}-\\d{2}-\\d{2}")) {
      return LocalDate.parse(s.substring(0, 10));
    }
    throw new B1FormatException(name + " is not a date: " + s);
  }

  /**
   * A time property ({@code HH:mm:ss}, {@code HH:mm}, {@code PT10H15M}), or null.
   *
   * @param name the property name, e.g. {@code UpdateTime}
   * @return the time, or null when absent or null
   * @throws B1FormatException if the value is not a time
   */
  public @Nullable LocalTime time(String name) {
    Object v = properties.get(name);
    if (v == null) {
      return null;
    }
    String s = v.toString().trim();
    try {
      if (s.startsWith("PT")) {
        return LocalTime.MIDNIGHT.plus(java.time.Duration.parse(s));
      }
      if (s.matches("\\d{4}")) {
        return LocalTime.of(Integer.parseInt(s.substring(0, 2)), Integer.parseInt(s.substring(2)));
      }
      if (s.matches("\\d{6}")) {
        return LocalTime.of(Integer.parseInt(s.substring(0, 2)), Integer.parseInt(s.substring(2, 4)),
            Integer.parseInt(s.substring(4)));
      }
      return LocalTime.parse(s);
    } catch (RuntimeException e) {
      throw new B1FormatException(name + " is not a time: " + s);
    }
  }

  /**
   * Whether a {@code BoYesNoEnum} property is {@code tYES} (or {@code Y}).
   *
   * @param name the property name
   * @return true for {@code tYES}, {@code Y} or {@code 1}; false otherwise, also when absent
   */
  public boolean yes(String name) {
    String s = string(name);
    return "tYES".equals(s) || "Y".equals(s) || "1".equals(s);
  }

  /**
   * The rows of a collection property ({@code DocumentLines}, {@code PaymentInvoices}); empty when
   *     absent.
   *
   * @param name the collection property
   * @return the rows, without ETags, unmodifiable
   * @throws B1FormatException if the property is not a collection of objects
   */
  public List<B1Entity> rows(String name) {
    Object v = properties.get(name);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List)) {
      throw new B1FormatException(name + " is not a collection");
    }
    List<B1Entity> out = new ArrayList<>();
    for (Object o : (List<?>) v) {
      if (!(o instanceof Map)) {
        throw new B1FormatException(name + " holds a row that is not an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) o;
      out.add(of(m, null));
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public String toString() {
    Object key = properties.containsKey("DocEntry") ? properties.get("DocEntry")
        : properties.containsKey("CardCode") ? properties.get("CardCode") : properties.get("Code");
    return "B1Entity{" + key + ", " + properties.size() + " properties, etag=" + etag + '}';
  }
}
