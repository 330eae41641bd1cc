package io.mlconnector.chargebee;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A list request: filters ({@code status[in]=["paid","posted"]}, {@code updated_at[after]=...}),
 * sort, {@code limit} (1 to 100) and the opaque {@code offset} from the previous page. Immutable.
 */
public final class ChargebeeQuery {
  private final List<String[]> params;

  private ChargebeeQuery(List<String[]> params) {
    this.params = List.copyOf(params);
  }

  /** No filter, Chargebee's default limit. */
  public static ChargebeeQuery all() {
    return new ChargebeeQuery(List.of());
  }

  private ChargebeeQuery with(String name, String value) {
    List<String[]> p = new ArrayList<>(params);
    p.removeIf(e -> e[0].equals(name));
    p.add(new String[] {name, value});
    return new ChargebeeQuery(p);
  }

  /** {@code field[op]=value} ({@code is}, {@code is_not}, {@code starts_with}, {@code after}, {@code before}, ...). */
  public ChargebeeQuery filter(String field, String op, Object value) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(op, "op");
    return with(field + "[" + op + "]", String.valueOf(Objects.requireNonNull(value, "value")));
  }

  /** {@code field[is]=value}. */
  public ChargebeeQuery is(String field, String value) {
    return filter(field, "is", value);
  }

  /** {@code field[in]=["a","b"]}. */
  public ChargebeeQuery in(String field, Collection<String> values) {
    StringJoiner j = new StringJoiner(",", "[", "]");
    for (String v : values) {
      j.add("\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }
    return filter(field, "in", j.toString());
  }

  /** {@code field[between]=[from,to]} on Unix seconds, both ends included. */
  public ChargebeeQuery between(String field, long from, long to) {
    return filter(field, "between", "[" + from + "," + to + "]");
  }

  /** {@code sort_by[asc]=field}. */
  public ChargebeeQuery sortAsc(String field) {
    return with("sort_by[asc]", field);
  }

  /** {@code sort_by[desc]=field}. */
  public ChargebeeQuery sortDesc(String field) {
    return with("sort_by[desc]", field);
  }

  /** {@code include_deleted=true}. */
  public ChargebeeQuery includeDeleted() {
    return with("include_deleted", "true");
  }

  /** {@code limit}, 1 to 100. */
  public ChargebeeQuery limit(int limit) {
    if (limit < 1 || limit > 100) {
      throw new IllegalArgumentException("limit must be 1 to 100, was " + limit);
    }
    return with("limit", String.valueOf(limit));
  }

  /** {@code offset}: the previous page's {@code next_offset}, passed back untouched; null for the first page. */
  public ChargebeeQuery offset(String offset) {
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
