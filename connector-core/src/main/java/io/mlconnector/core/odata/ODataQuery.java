package io.mlconnector.core.odata;

import io.mlconnector.core.odata.internal.UriText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An immutable set of OData query options: {@code $filter}, {@code $select}, {@code $expand},
 * {@code $orderby}, {@code $top}, {@code $skip}, the count option and any custom parameter. Every
 * method returns a new query; the original is unchanged, so a base query can be shared.
 *
 * <pre>{@code
 * ODataQuery q = ODataQuery.of(ODataDialect.V4)
 *     .filter(ODataFilter.eq("Name", "O'Brien & Sons"))
 *     .select("Customer", "Name")
 *     .orderBy("Customer")
 *     .top(100);
 * q.toQueryString();
 * // $filter=Name%20eq%20%27O%27%27Brien%20%26%20Sons%27&$select=Customer%2CName&$orderby=Customer&$top=100
 * }</pre>
 *
 * <p>Values are percent-encoded strictly (everything but RFC 3986 unreserved characters, a space
 * as {@code %20}), which every server decodes; option names keep their literal {@code $}.
 */
public final class ODataQuery {
  private static final Pattern PATH =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(/[A-Za-z_][A-Za-z0-9_]*)*");
  private static final Pattern PARAM = Pattern.compile("\\$?[A-Za-z][A-Za-z0-9_.-]*");

  private final ODataDialect dialect;
  private final ODataFilter filter;
  private final List<String> select;
  private final List<String> expand;
  private final List<String> orderBy;
  private final Integer top;
  private final int skip;
  private final boolean count;
  private final Map<String, String> params;

  private ODataQuery(
      ODataDialect dialect,
      ODataFilter filter,
      List<String> select,
      List<String> expand,
      List<String> orderBy,
      Integer top,
      int skip,
      boolean count,
      Map<String, String> params) {
    this.dialect = dialect;
    this.filter = filter;
    this.select = select;
    this.expand = expand;
    this.orderBy = orderBy;
    this.top = top;
    this.skip = skip;
    this.count = count;
    this.params = params;
  }

  /**
   * An empty query in {@code dialect}.
   *
   * @param dialect the dialect literals are written in
   * @return a query with no option set
   */
  public static ODataQuery of(ODataDialect dialect) {
    return new ODataQuery(
        Objects.requireNonNull(dialect, "dialect"), null, List.of(), List.of(), List.of(), null, 0, false, Map.of());
  }

  /**
   * The dialect literals are written in.
   *
   * @return the dialect
   */
  public ODataDialect dialect() {
    return dialect;
  }

  /**
   * This query with {@code $filter} replaced by {@code filter} (null removes it).
   *
   * @param filter the filter, or null for none
   * @return a copy with that filter
   */
  public ODataQuery filter(@Nullable ODataFilter filter) {
    return new ODataQuery(dialect, filter, select, expand, orderBy, top, skip, count, params);
  }

  /**
   * This query's filter, or null.
   *
   * @return the filter, or null when none is set
   */
  public @Nullable ODataFilter filter() {
    return filter;
  }

  /**
   * This query with {@code $select} set to {@code fields} ({@code "*"} or property paths).
   *
   * @param fields the properties to return; none removes {@code $select}
   * @return a copy with that selection
   */
  public ODataQuery select(String... fields) {
    List<String> list = new ArrayList<>();
    for (String field : Objects.requireNonNull(fields, "fields")) {
      list.add("*".equals(field) ? field : path(field, "select"));
    }
    return new ODataQuery(dialect, filter, List.copyOf(list), expand, orderBy, top, skip, count, params);
  }

  /**
   * This query with {@code $expand} set to {@code navigations}: paths such as {@code
   * MainContact/Address}, or V4 forms with nested options such as {@code Lines($select=Amount)}.
   *
   * @param navigations the navigation paths to expand; none removes {@code $expand}
   * @return a copy with that expansion
   * @throws IllegalArgumentException when an entry is null or blank
   */
  public ODataQuery expand(String... navigations) {
    List<String> list = new ArrayList<>();
    for (String n : Objects.requireNonNull(navigations, "navigations")) {
      if (n == null || n.isBlank()) {
        throw new IllegalArgumentException("expand entries must not be blank");
      }
      list.add(n.trim());
    }
    return new ODataQuery(dialect, filter, select, List.copyOf(list), orderBy, top, skip, count, params);
  }

  /**
   * This query with {@code field asc} appended to {@code $orderby}.
   *
   * @param field the property path to sort by, ascending
   * @return a copy with that sort key appended
   */
  public ODataQuery orderBy(String field) {
    return withOrder(path(field, "orderBy"));
  }

  /**
   * This query with {@code field desc} appended to {@code $orderby}.
   *
   * @param field the property path to sort by, descending
   * @return a copy with that sort key appended
   */
  public ODataQuery orderByDesc(String field) {
    return withOrder(path(field, "orderByDesc") + " desc");
  }

  private ODataQuery withOrder(String entry) {
    List<String> list = new ArrayList<>(orderBy);
    list.add(entry);
    return new ODataQuery(dialect, filter, select, expand, List.copyOf(list), top, skip, count, params);
  }

  /**
   * This query with {@code $top} set; for a pager this is the page size.
   *
   * @param top the most items to return; at least 1
   * @return a copy with that {@code $top}
   * @throws IllegalArgumentException when {@code top} is less than 1
   */
  public ODataQuery top(int top) {
    if (top < 1) {
      throw new IllegalArgumentException("top must be at least 1, was " + top);
    }
    return new ODataQuery(dialect, filter, select, expand, orderBy, top, skip, count, params);
  }

  /**
   * {@code $top}, if set.
   *
   * @return {@code $top}, or empty when not set
   */
  public OptionalInt top() {
    return top == null ? OptionalInt.empty() : OptionalInt.of(top);
  }

  /**
   * This query with {@code $skip} set (0 removes it).
   *
   * @param skip how many items to skip; 0 or more
   * @return a copy with that {@code $skip}
   * @throws IllegalArgumentException when {@code skip} is negative
   */
  public ODataQuery skip(int skip) {
    if (skip < 0) {
      throw new IllegalArgumentException("skip must not be negative, was " + skip);
    }
    return new ODataQuery(dialect, filter, select, expand, orderBy, top, skip, count, params);
  }

  /**
   * {@code $skip}, 0 when not set.
   *
   * @return {@code $skip}
   */
  public int skip() {
    return skip;
  }

  /**
   * This query asking for the total count ({@code $count=true} in V4, {@code
   * $inlinecount=allpages} in V3 and SAP B1).
   *
   * @param count true to ask for the total count, false not to
   * @return a copy with that setting
   * @throws IllegalStateException for a dialect with no count option (Acumatica)
   */
  public ODataQuery count(boolean count) {
    if (count) {
      dialect.countOption();
    }
    return new ODataQuery(dialect, filter, select, expand, orderBy, top, skip, count, params);
  }

  /**
   * This query with a further parameter ({@code $custom} for Acumatica, {@code $apply}, a
   * vendor switch). Setting a name again replaces its value; the value is percent-encoded here.
   *
   * @param name the option name, for example {@code $custom}
   * @param value the value, not yet percent-encoded
   * @return a copy with that parameter
   * @throws IllegalArgumentException when {@code name} is not a query option name
   */
  public ODataQuery param(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (!PARAM.matcher(name).matches()) {
      throw new IllegalArgumentException("name must be a query option name like $custom, was \"" + name + '"');
    }
    Map<String, String> copy = new LinkedHashMap<>(params);
    copy.put(name, value);
    return new ODataQuery(
        dialect, filter, select, expand, orderBy, top, skip, count, Collections.unmodifiableMap(copy));
  }

  /**
   * The options in order ({@code $filter, $select, $expand, $orderby, $top, $skip}, count, custom),
   * with values rendered but not yet percent-encoded, for clients that encode themselves (OkHttp's
   * {@code addQueryParameter}).
   *
   * @return the options by name, in order; empty when none is set
   */
  public Map<String, String> parameters() {
    Map<String, String> out = new LinkedHashMap<>();
    if (filter != null) {
      out.put("$filter", filter.render(dialect));
    }
    if (!select.isEmpty()) {
      out.put("$select", String.join(",", select));
    }
    if (!expand.isEmpty()) {
      out.put("$expand", String.join(",", expand));
    }
    if (!orderBy.isEmpty()) {
      out.put("$orderby", String.join(",", orderBy));
    }
    if (top != null) {
      out.put("$top", String.valueOf(top));
    }
    if (skip > 0) {
      out.put("$skip", String.valueOf(skip));
    }
    if (count) {
      String[] option = dialect.countOption();
      out.put(option[0], option[1]);
    }
    out.putAll(params);
    return Collections.unmodifiableMap(out);
  }

  /**
   * The percent-encoded query string without a leading {@code ?}; empty when no option is set.
   *
   * @return the query string, or an empty string
   */
  public String toQueryString() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : parameters().entrySet()) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(e.getKey()).append('=').append(UriText.encodeQueryValue(e.getValue()));
    }
    return sb.toString();
  }

  /**
   * {@code url} with this query appended after {@code ?} (or {@code &} when it already has a
   *     query).
   *
   * @param url the URL, with or without a query
   * @return the URL with this query appended; {@code url} itself when no option is set
   */
  public String appendTo(String url) {
    Objects.requireNonNull(url, "url");
    String query = toQueryString();
    return query.isEmpty() ? url : UriText.appendQuery(url, query);
  }

  @Override
  public String toString() {
    return "ODataQuery[" + dialect + " " + toQueryString() + "]";
  }

  private static String path(String field, String option) {
    if (field == null || !PATH.matcher(field).matches()) {
      throw new IllegalArgumentException(
          option + " fields must be property paths like CardCode or MainContact/Email, was \"" + field + '"');
    }
    return field;
  }
}
