package io.mlconnector.testkit.syspro.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One in-memory SQL-like table: typed columns, a composite key and rows kept in key order. Rows are
 * column-name to value maps; values are {@link String}, {@link BigDecimal}, {@link Integer}, {@link
 * LocalDate} (null = empty date) or {@link Long} (row version). Not thread-safe: the owning {@link
 * Company} serialises access.
 */
public final class Table {

  /** Column types as the simulator stores them. */
  public enum Type {
    TEXT,
    DECIMAL,
    INTEGER,
    DATE,
    ROWVERSION
  }

  /**
   * A column.
   *
   * @param name SQL column name
   * @param type storage type
   * @param length maximum text length, or decimal precision
   * @param scale decimal scale
   */
  public record Col(String name, Type type, int length, int scale) {}

  private final String name;
  private final Map<String, Col> cols = new LinkedHashMap<>();
  private final List<String> key;
  private final TreeMap<String, Map<String, Object>> rows = new TreeMap<>();

  Table(String name, List<Col> cols, List<String> key) {
    this.name = name;
    cols.forEach(c -> this.cols.put(c.name(), c));
    this.key = List.copyOf(key);
  }

  private Table(Table other) {
    this.name = other.name;
    this.cols.putAll(other.cols);
    this.key = other.key;
    other.rows.forEach((k, v) -> rows.put(k, new LinkedHashMap<>(v)));
  }

  Table copy() {
    return new Table(this);
  }

  /** The SQL table name. */
  public String name() {
    return name;
  }

  /** Columns in declaration order. */
  public List<Col> columns() {
    return List.copyOf(cols.values());
  }

  /** The column of that exact name, or null. */
  public @Nullable Col column(String column) {
    return cols.get(column);
  }

  /** The key column names. */
  public List<String> key() {
    return key;
  }

  /** Rows in key order (live maps: copy before handing out). */
  public List<Map<String, Object>> rows() {
    return new ArrayList<>(rows.values());
  }

  /** Number of rows. */
  public int size() {
    return rows.size();
  }

  /** The row with these key values (in key column order), or null. */
  public @Nullable Map<String, Object> find(Object... keyValues) {
    return rows.get(keyString(List.of(keyValues)));
  }

  /** Inserts or replaces a row, filling absent columns with their empty value. */
  public Map<String, Object> put(Map<String, Object> row) {
    Map<String, Object> full = new LinkedHashMap<>();
    for (Col c : cols.values()) {
      Object v = row.get(c.name());
      full.put(c.name(), v == null ? empty(c) : v);
    }
    rows.put(keyOf(full), full);
    return full;
  }

  /** Removes the row with these key values. */
  public boolean remove(Object... keyValues) {
    return rows.remove(keyString(List.of(keyValues))) != null;
  }

  /** The key string of a row: key parts padded to their width and concatenated. */
  public String keyOf(Map<String, Object> row) {
    List<Object> parts = new ArrayList<>();
    for (String k : key) {
      parts.add(row.get(k));
    }
    return keyString(parts);
  }

  /** Rows whose key string is at or after {@code start}, in key order. */
  public List<Map<String, Object>> tailFrom(String start) {
    return new ArrayList<>(rows.tailMap(start, true).values());
  }

  /** Rows strictly before {@code start}, in key order. */
  public List<Map<String, Object>> headBefore(String start) {
    return new ArrayList<>(rows.headMap(start, false).values());
  }

  private String keyString(List<Object> parts) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < key.size() && i < parts.size(); i++) {
      Col c = cols.get(key.get(i));
      Object v = parts.get(i);
      if (c.type() == Type.INTEGER) {
        sb.append(String.format("%06d", v == null ? 0 : ((Number) v).intValue()));
      } else {
        String s = v == null ? "" : v.toString();
        sb.append(s);
        sb.append(" ".repeat(Math.max(0, c.length() - s.length())));
      }
    }
    return sb.toString();
  }

  static @Nullable Object empty(Col c) {
    switch (c.type()) {
      case TEXT:
        return "";
      case DECIMAL:
        return BigDecimal.ZERO.setScale(c.scale(), RoundingMode.UNNECESSARY);
      case INTEGER:
        return 0;
      case ROWVERSION:
        return 0L;
      default:
        return null;
    }
  }

  /** Unmodifiable view of a row. */
  public static Map<String, Object> view(Map<String, Object> row) {
    return Collections.unmodifiableMap(row);
  }
}
