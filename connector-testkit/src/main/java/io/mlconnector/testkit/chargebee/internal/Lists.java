package io.mlconnector.testkit.chargebee.internal;

import io.mlconnector.testkit.http.SimResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * List endpoints: filters ({@code field[is]}, {@code [is_not]}, {@code [in]}, {@code [not_in]},
 * {@code [starts_with]}, {@code [is_present]}, {@code [after]}, {@code [before]}, {@code [on]},
 * {@code [between]}), {@code sort_by[asc|desc]}, {@code include_deleted}, {@code limit} (1..100,
 * default 10) and an opaque {@code offset} cursor (a JSON array of the sort value and an internal
 * sequence, as Chargebee's look, and the second it was issued where offsets expire; clients must pass
 * it back untouched). Timestamp filters are
 * strict: {@code [after]} means strictly after.
 */
public final class Lists {
  /** The kind of a filterable field. */
  public enum Kind {
    /** A string: is, is_not, starts_with, in, not_in, is_present. */
    STRING,
    /** Unix seconds: after, before, on, between, is_present. */
    TIMESTAMP
  }

  /**
   * How a resource lists.
   *
   * @param resource the wrapper name ({@code customer})
   * @param filters filterable fields and their kinds
   * @param sortable fields {@code sort_by} accepts
   * @param defaultSort the sort field when none is given
   * @param extra further plain parameters the endpoint accepts
   */
  public record Spec(String resource, Map<String, Kind> filters, Set<String> sortable, String defaultSort,
      Set<String> extra) {}

  private Lists() {}

  /** Filters, sorts and pages {@code all} (resources with a hidden {@code _seq}); offsets never expire. */
  public static SimResponse page(Spec spec, List<Map<String, Object>> all, Params q) {
    return page(spec, all, q, 0, 0);
  }

  /**
   * Filters, sorts and pages {@code all}; with {@code offsetLifetimeSeconds} above 0 each offset
   * also carries the second it was issued, and one older than that is refused with {@code 400
   * param_wrong_value} on {@code offset} (how long Chargebee keeps an offset valid is not
   * documented).
   */
  public static SimResponse page(Spec spec, List<Map<String, Object>> all, Params q, long nowSeconds,
      long offsetLifetimeSeconds) {
    for (String s : q.scalarsNames()) {
      if (!s.equals("limit") && !s.equals("offset") && !s.equals("include_deleted") && !spec.extra().contains(s)) {
        throw ApiError.badParam(s, s + " : is not a valid parameter");
      }
    }
    int limit = 10;
    if (q.get("limit") != null) {
      long l = Params.parseLong("limit", q.get("limit"));
      if (l < 1 || l > 100) {
        throw ApiError.badParam("limit", "limit : must be between 1 and 100");
      }
      limit = (int) l;
    }
    boolean includeDeleted = q.getBoolean("include_deleted", false);
    String sortField = spec.defaultSort();
    boolean asc = false;
    for (Map.Entry<String, Map<String, String>> e : q.objects().entrySet()) {
      String field = e.getKey();
      if (field.equals("sort_by")) {
        if (e.getValue().size() != 1) {
          throw ApiError.badParam("sort_by", "sort_by : give one of asc or desc");
        }
        Map.Entry<String, String> s = e.getValue().entrySet().iterator().next();
        if (!s.getKey().equals("asc") && !s.getKey().equals("desc")) {
          throw ApiError.badParam("sort_by[" + s.getKey() + "]", "sort_by : asc or desc");
        }
        if (!spec.sortable().contains(s.getValue())) {
          throw ApiError.badParam("sort_by[" + s.getKey() + "]", "sort_by : cannot sort by " + s.getValue());
        }
        asc = s.getKey().equals("asc");
        sortField = s.getValue();
        continue;
      }
      if (!spec.filters().containsKey(field)) {
        throw ApiError.badParam(field, field + " : is not a valid filter");
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> r : all) {
      if (!includeDeleted && Boolean.TRUE.equals(r.get("deleted"))) {
        continue;
      }
      if (matches(spec, r, q)) {
        rows.add(r);
      }
    }
    final String sf = sortField;
    Comparator<Map<String, Object>> order = Comparator.<Map<String, Object>>comparingLong(r -> num(r.get(sf)))
        .thenComparingLong(r -> num(r.get("_seq")));
    if (!asc) {
      order = order.reversed();
    }
    rows.sort(order);
    int start = 0;
    String offset = q.get("offset");
    if (offset != null) {
      long[] key = decodeOffset(offset);
      if (offsetLifetimeSeconds > 0 && key[2] >= 0 && nowSeconds - key[2] > offsetLifetimeSeconds) {
        throw ApiError.badParam("offset", "offset : has expired; list again from the start");
      }
      start = rows.size();
      for (int i = 0; i < rows.size(); i++) {
        long v = num(rows.get(i).get(sf));
        long seq = num(rows.get(i).get("_seq"));
        int cmp = v != key[0] ? Long.compare(v, key[0]) : Long.compare(seq, key[1]);
        if (asc ? cmp > 0 : cmp < 0) {
          start = i;
          break;
        }
      }
    }
    int end = Math.min(rows.size(), start + limit);
    List<Object> list = new ArrayList<>();
    for (Map<String, Object> r : rows.subList(start, end)) {
      Map<String, Object> wrap = new LinkedHashMap<>();
      wrap.put(spec.resource(), Store.render(r));
      list.add(wrap);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("list", list);
    if (end < rows.size()) {
      Map<String, Object> last = rows.get(end - 1);
      String issued = offsetLifetimeSeconds > 0 ? ",\"" + nowSeconds + "\"" : "";
      body.put("next_offset", "[\"" + num(last.get(sf)) + "\",\"" + num(last.get("_seq")) + "\"" + issued + "]");
    }
    return SimResponse.json(200, Json.write(body));
  }

  private static long[] decodeOffset(String offset) {
    try {
      Object parsed = Json.read(offset);
      List<?> l = (List<?>) parsed;
      long issued = l.size() > 2 ? Long.parseLong((String) l.get(2)) : -1;
      return new long[] {Long.parseLong((String) l.get(0)), Long.parseLong((String) l.get(1)), issued};
    } catch (RuntimeException e) {
      throw ApiError.badParam("offset", "offset : invalid value " + offset);
    }
  }

  static long num(Object o) {
    return o instanceof Number n ? n.longValue() : 0L;
  }

  private static boolean matches(Spec spec, Map<String, Object> r, Params q) {
    for (Map.Entry<String, Map<String, String>> e : q.objects().entrySet()) {
      Kind kind = spec.filters().get(e.getKey());
      if (kind == null) {
        continue;
      }
      Object value = r.get(e.getKey());
      for (Map.Entry<String, String> op : e.getValue().entrySet()) {
        String param = e.getKey() + "[" + op.getKey() + "]";
        if (!test(kind, value, op.getKey(), op.getValue(), param)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean test(Kind kind, Object value, String op, String arg, String param) {
    if (op.equals("is_present")) {
      boolean want = Boolean.parseBoolean(arg);
      return (value != null) == want;
    }
    if (kind == Kind.STRING) {
      String v = value == null ? null : String.valueOf(value);
      switch (op) {
        case "is": return arg.equals(v);
        case "is_not": return !arg.equals(v);
        case "starts_with": return v != null && v.startsWith(arg);
        case "in": return v != null && strings(arg, param).contains(v);
        case "not_in": return v == null || !strings(arg, param).contains(v);
        default: throw ApiError.badParam(param, param + " : unsupported operator for a string field");
      }
    }
    long v = num(value);
    if (value == null) {
      return false;
    }
    switch (op) {
      case "after": return v > Params.parseLong(param, arg);
      case "before": return v < Params.parseLong(param, arg);
      case "on": {
        long day = Params.parseLong(param, arg);
        return Math.floorDiv(v, 86400) == Math.floorDiv(day, 86400);
      }
      case "between": {
        List<String> b = strings(arg, param);
        if (b.size() != 2) {
          throw ApiError.badParam(param, param + " : needs two values");
        }
        return v >= Params.parseLong(param, b.get(0)) && v <= Params.parseLong(param, b.get(1));
      }
      default: throw ApiError.badParam(param, param + " : unsupported operator for a timestamp field");
    }
  }

  private static List<String> strings(String arg, String param) {
    Object parsed;
    try {
      parsed = Json.read(arg);
    } catch (IllegalArgumentException e) {
      throw ApiError.badParam(param, param + " : expects a JSON array");
    }
    if (!(parsed instanceof List<?> l)) {
      throw ApiError.badParam(param, param + " : expects a JSON array");
    }
    List<String> out = new ArrayList<>();
    for (Object o : l) {
      out.add(o instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(o));
    }
    return out;
  }
}
