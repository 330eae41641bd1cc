package io.mlconnector.chargebee;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * A list request: filters ({@code status[in]=["paid","posted"]}, {@code updated_at[after]=...}),
 * sort, {@code limit} (1 to 100) and the opaque {@code offset} from the previous page. Immutable.
 */
public final class ChargebeeQuery {
  private final List<String[]> params;

  private ChargebeeQuery(List<String[]> params) {
    this.params = List.copyOf(params);
  }

  /**
   * No filter, Chargebee's default limit.
   *
   * @return an empty query
   */
  public static ChargebeeQuery all() {
    return new ChargebeeQuery(List.of());
  }

  private ChargebeeQuery with(String name, String value) {
    List<String[]> p = new ArrayList<>(params);
    p.removeIf(e -> e[0].equals(name));
    p.add(new String[] {name, value});
    return new ChargebeeQuery(p);
  }

  /**
   * {@code field[op]=value} ({@code is}, {@code is_not}, {@code starts_with}, {@code after}, {@code
   *     before}, ...).
   *
   * @param field the attribute, e.g. {@code updated_at}
   * @param op the operator, e.g. {@code after}
   * @param value the operand, sent as its {@code String.valueOf}
   * @return a query with the filter added (replacing one on the same field and operator)
   */
  public ChargebeeQuery filter(String field, String op, Object value) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(op, "op");
    return with(field + "[" + op + "]", String.valueOf(Objects.requireNonNull(value, "value")));
  }

  /**
   * {@code field[is]=value}.
   *
   * @param field the attribute, e.g. {@code customer_id}
   * @param value the value it must equal
   * @return a query with the filter added
   */
  public ChargebeeQuery is(String field, String value) {
    return filter(field, "is", value);
  }

  /**
   * {@code field[in]=["a","b"]}.
   *
   * @param field the attribute, e.g. {@code status}
   * @param values the values it may take
   * @return a query with the filter added
   */
  public ChargebeeQuery in(String field, Collection<String> values) {
    StringJoiner j = new StringJoiner(",", "[", "]");
    for (String v : values) {
      j.add("\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }
    return filter(field, "in", j.toString());
  }

  /**
   * {@code field[between]=[from,to]} on Unix seconds, both ends included.
   *
   * @param field a Unix-seconds attribute, e.g. {@code date}
   * @param from the first second included
   * @param to the last second included
   * @return a query with the filter added
   */
  public ChargebeeQuery between(String field, long from, long to) {
    return filter(field, "between", "[" + from + "," + to + "]");
  }

  /**
   * {@code sort_by[asc]=field}.
   *
   * @param field the attribute to sort by, oldest or smallest first
   * @return a query with the sort set
   */
  public ChargebeeQuery sortAsc(String field) {
    return with("sort_by[asc]", field);
  }

  /**
   * {@code sort_by[desc]=field}.
   *
   * @param field the attribute to sort by, newest or largest first
   * @return a query with the sort set
   */
  public ChargebeeQuery sortDesc(String field) {
    return with("sort_by[desc]", field);
  }

  /**
   * {@code include_deleted=true}.
   *
   * @return a query that also lists deleted records
   */
  public ChargebeeQuery includeDeleted() {
    return with("include_deleted", "true");
  }

  /**
   * {@code limit}, 1 to 100.
   *
   * @param limit the page size, 1 to 100
   * @return a query with the limit set
   * @throws IllegalArgumentException if {@code limit} is out of range
   */
  public ChargebeeQuery limit(int limit) {
    if (limit < 1 || limit > 100) {
      throw new IllegalArgumentException("limit must be 1 to 100, was " + limit);
    }
    return with("limit", String.valueOf(limit));
  }

  /**
   * {@code offset}: the previous page's {@code next_offset}, passed back untouched; null for the
   *     first page.
   *
   * @param offset the opaque offset, or null for the first page
   * @return a query with the offset set or removed
   */
  public ChargebeeQuery offset(@Nullable String offset) {
    if (offset == null) {
      List<String[]> p = new ArrayList<>(params);
      p.removeIf(e -> e[0].equals("offset"));
      return new ChargebeeQuery(p);
    }
    return with("offset", offset);
  }

  /** The parameters, in order. */
  List<String[]> params() {
    return params;
  }

  @Override
  public String toString() {
    StringJoiner j = new StringJoiner("&");
    for (String[] p : params) {
      j.add(p[0] + "=" + p[1]);
    }
    return j.toString();
  }
}
