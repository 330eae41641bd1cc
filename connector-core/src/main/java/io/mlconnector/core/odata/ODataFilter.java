package io.mlconnector.core.odata;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An immutable {@code $filter} expression, built from property paths and Java values and written
 * out by a {@link ODataDialect} so that literals are always quoted and escaped correctly:
 *
 * <pre>{@code
 * ODataFilter f = ODataFilter.eq("CardType", "cCustomer")
 *     .and(ODataFilter.ge("UpdateDate", LocalDate.of(2024, 1, 31)))
 *     .and(ODataFilter.startsWith("CardName", "O'B"));
 * f.render(ODataDialect.SAP_B1);
 * // CardType eq 'cCustomer' and UpdateDate ge '2024-01-31' and startswith(CardName,'O''B')
 * }</pre>
 *
 * <p>Property paths are checked ({@code CardCode}, {@code MainContact/Email}); anything else goes
 * through {@link #raw(String)}, which is written as given. Parentheses are added where operator
 * precedence needs them and around an {@code and} inside an {@code or}.
 */
public final class ODataFilter {
  private static final Pattern PATH =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(/[A-Za-z_][A-Za-z0-9_]*)*");

  private static final int RAW = 0;
  private static final int OR = 1;
  private static final int AND = 2;
  private static final int PRIMARY = 3;

  private interface Node {
    String render(ODataDialect dialect);

    int precedence();
  }

  private final Node node;

  private ODataFilter(Node node) {
    this.node = node;
  }

  /**
   * {@code field eq value}; see {@link ODataDialect#literal(Object)} for the value types.
   *
   * @param field the property path, for example {@code CardCode} or {@code Address/City}
   * @param value the value, written as {@link ODataDialect#literal(Object)} writes it; null
   *     compares with {@code null}
   * @return the filter
   */
  public static ODataFilter eq(String field, Object value) {
    return compare(field, "eq", value);
  }

  /**
   * {@code field ne value}.
   *
   * @param field the property path, for example {@code CardCode} or {@code Address/City}
   * @param value the value, written as {@link ODataDialect#literal(Object)} writes it; null
   *     compares with {@code null}
   * @return the filter
   */
  public static ODataFilter ne(String field, Object value) {
    return compare(field, "ne", value);
  }

  /**
   * {@code field gt value}.
   *
   * @param field the property path, for example {@code CardCode} or {@code Address/City}
   * @param value the value, written as {@link ODataDialect#literal(Object)} writes it; null
   *     compares with {@code null}
   * @return the filter
   */
  public static ODataFilter gt(String field, Object value) {
    return compare(field, "gt", value);
  }

  /**
   * {@code field ge value}.
   *
   * @param field the property path, for example {@code CardCode} or {@code Address/City}
   * @param value the value, written as {@link ODataDialect#literal(Object)} writes it; null
   *     compares with {@code null}
   * @return the filter
   */
  public static ODataFilter ge(String field, Object value) {
    return compare(field, "ge", value);
  }

  /**
   * {@code field lt value}.
   *
   * @param field the property path, for example {@code CardCode} or {@code Address/City}
   * @param value the value, written as {@link ODataDialect#literal(Object)} writes it; null
   *     compares with {@code null}
   * @return the filter
   */
  public static ODataFilter lt(String field, Object value) {
    return compare(field, "lt", value);
  }

  /**
   * {@code field le value}.
   *
   * @param field the property path, for example {@code CardCode} or {@code Address/City}
   * @param value the value, written as {@link ODataDialect#literal(Object)} writes it; null
   *     compares with {@code null}
   * @return the filter
   */
  public static ODataFilter le(String field, Object value) {
    return compare(field, "le", value);
  }

  /**
   * {@code startswith(field,'text')}.
   *
   * @param field the property path, for example {@code CardCode} or {@code Address/City}
   * @param text the prefix, unescaped
   * @return the filter
   */
  public static ODataFilter startsWith(String field, String text) {
    String f = path(field);
    String t = Objects.requireNonNull(text, "text");
    return new ODataFilter(primary(d -> "startswith(" + f + "," + ODataDialect.quote(t) + ")"));
  }

  /**
   * {@code endswith(field,'text')}.
   *
   * @param field the property path, for example {@code CardCode} or {@code Address/City}
   * @param text the suffix, unescaped
   * @return the filter
   */
  public static ODataFilter endsWith(String field, String text) {
    String f = path(field);
    String t = Objects.requireNonNull(text, "text");
    return new ODataFilter(primary(d -> "endswith(" + f + "," + ODataDialect.quote(t) + ")"));
  }

  /**
   * {@code contains(field,'text')}, or {@code substringof('text',field)} in V3 and Acumatica.
   *
   * @param field the property path, for example {@code CardCode} or {@code Address/City}
   * @param text the text to find, unescaped
   * @return the filter
   */
  public static ODataFilter contains(String field, String text) {
    String f = path(field);
    String t = Objects.requireNonNull(text, "text");
    return new ODataFilter(primary(d -> d.contains(f, ODataDialect.quote(t))));
  }

  /**
   * {@code field in (v1,v2,...)} where the dialect supports it, else {@code (field eq v1 or field
   * eq v2 ...)}.
   *
   * @param field the property path, for example {@code CardCode} or {@code Address/City}
   * @param values the values, each written as {@link ODataDialect#literal(Object)} writes it
   * @return the filter
   * @throws IllegalArgumentException when {@code values} is empty
   */
  public static ODataFilter in(String field, Collection<?> values) {
    String f = path(field);
    Objects.requireNonNull(values, "values");
    if (values.isEmpty()) {
      throw new IllegalArgumentException("values must not be empty for " + f + " in (...)");
    }
    List<Object> copy = new ArrayList<>(values);
    return new ODataFilter(
        new Node() {
          @Override
          public String render(ODataDialect d) {
            if (d.supportsIn()) {
              StringBuilder sb = new StringBuilder(f).append(" in (");
              for (int i = 0; i < copy.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(d.literal(copy.get(i)));
              }
              return sb.append(')').toString();
            }
            List<ODataFilter> eqs = new ArrayList<>();
            for (Object v : copy) {
              eqs.add(eq(f, v));
            }
            return eqs.size() == 1 ? eqs.get(0).render(d) : "(" + or(eqs.toArray(new ODataFilter[0])).render(d) + ")";
          }

          @Override
          public int precedence() {
            return PRIMARY;
          }
        });
  }

  /**
   * Every one of {@code filters}: {@code a and b and c}.
   *
   * @param filters the filters, every one of which must hold
   * @return the conjunction
   */
  public static ODataFilter and(ODataFilter... filters) {
    return logical("and", AND, filters);
  }

  /**
   * Any one of {@code filters}: {@code a or b or c}.
   *
   * @param filters the filters, any one of which must hold
   * @return the disjunction
   */
  public static ODataFilter or(ODataFilter... filters) {
    return logical("or", OR, filters);
  }

  /**
   * {@code not (filter)}.
   *
   * @param filter the filter to negate
   * @return the negation
   */
  public static ODataFilter not(ODataFilter filter) {
    Node inner = Objects.requireNonNull(filter, "filter").node;
    return new ODataFilter(primary(d -> "not (" + inner.render(d) + ")"));
  }

  /**
   * An expression written exactly as given, for what the builder does not model (Acumatica's
   * {@code cf.String(f='View.Field') eq 'x'}, SAP's {@code CardType eq SAPB1.BoCardTypes'cSupplier'}).
   * The caller is responsible for its escaping: never put untrusted text here.
   *
   * @param expression the expression, already escaped; not blank
   * @return the filter
   * @throws IllegalArgumentException when {@code expression} is blank
   */
  public static ODataFilter raw(String expression) {
    Objects.requireNonNull(expression, "expression");
    if (expression.isBlank()) {
      throw new IllegalArgumentException("expression must not be blank");
    }
    return new ODataFilter(
        new Node() {
          @Override
          public String render(ODataDialect d) {
            return expression;
          }

          @Override
          public int precedence() {
            return RAW; // unknown content: parenthesised whenever combined
          }
        });
  }

  /**
   * Records changed at or after {@code since} when the remote keeps the change date and the change
   * time in two fields (SAP Business One's {@code UpdateDate} and {@code UpdateTime}):
   * {@code dateField gt D or (dateField eq D and timeField ge T)}. The naive {@code dateField ge D
   * and timeField ge T} would apply the time to every later day too. SAP B1 compares times to the
   * minute only (SAP manual, section 3.6.5, confirmed), so callers should overlap their watermark by
   * a minute and de-duplicate by key.
   *
   * @param dateField the property holding the change date, for example {@code UpdateDate}
   * @param timeField the property holding the change time, for example {@code UpdateTime}
   * @param since the earliest change to match, in the remote's local time
   * @return the filter
   */
  public static ODataFilter changedSince(String dateField, String timeField, LocalDateTime since) {
    Objects.requireNonNull(since, "since");
    return or(
        gt(dateField, since.toLocalDate()),
        and(eq(dateField, since.toLocalDate()), ge(timeField, since.toLocalTime())));
  }

  /**
   * This filter and {@code other}.
   *
   * @param other the filter that must hold too
   * @return the conjunction
   */
  public ODataFilter and(ODataFilter other) {
    return and(this, other);
  }

  /**
   * This filter or {@code other}.
   *
   * @param other the alternative filter
   * @return the disjunction
   */
  public ODataFilter or(ODataFilter other) {
    return or(this, other);
  }

  /**
   * The expression in {@code dialect}'s syntax, not yet percent-encoded.
   *
   * @param dialect the dialect literals and functions are written in
   * @return the {@code $filter} expression, not yet percent-encoded
   * @throws IllegalArgumentException when a value cannot be expressed in the dialect
   */
  public String render(ODataDialect dialect) {
    return node.render(Objects.requireNonNull(dialect, "dialect"));
  }

  /** The expression in OData v4 syntax where it can be written so, for logs and debugging. */
  @Override
  public String toString() {
    try {
      return "ODataFilter[" + render(ODataDialect.V4) + "]";
    } catch (IllegalArgumentException e) {
      return "ODataFilter[" + render(ODataDialect.V3) + "]";
    }
  }

  private static ODataFilter compare(String field, String op, Object value) {
    String f = path(field);
    return new ODataFilter(primary(d -> f + " " + op + " " + d.literal(value)));
  }

  private static ODataFilter logical(String op, int precedence, ODataFilter... filters) {
    Objects.requireNonNull(filters, "filters");
    if (filters.length == 0) {
      throw new IllegalArgumentException("filters must not be empty for " + op);
    }
    List<Node> nodes = new ArrayList<>();
    for (ODataFilter f : Arrays.asList(filters)) {
      nodes.add(Objects.requireNonNull(f, "filters must not contain null").node);
    }
    if (nodes.size() == 1) {
      return new ODataFilter(nodes.get(0));
    }
    return new ODataFilter(
        new Node() {
          @Override
          public String render(ODataDialect d) {
            StringBuilder sb = new StringBuilder();
            for (Node n : nodes) {
              if (sb.length() > 0) {
                sb.append(' ').append(op).append(' ');
              }
              String text = n.render(d);
              // Same operator chains without parentheses; a looser-binding child needs them, and
              // an and inside an or gets them too, for readers and for lax server parsers.
              boolean logicalChild = n.precedence() == AND || n.precedence() == OR;
              boolean wrap = n.precedence() < precedence || (logicalChild && n.precedence() != precedence);
              sb.append(wrap ? "(" + text + ")" : text);
            }
            return sb.toString();
          }

          @Override
          public int precedence() {
            return precedence;
          }
        });
  }

  private interface Renderer {
    String render(ODataDialect d);
  }

  private static Node primary(Renderer renderer) {
    return new Node() {
      @Override
      public String render(ODataDialect d) {
        return renderer.render(d);
      }

      @Override
      public int precedence() {
        return PRIMARY;
      }
    };
  }

  static String path(String field) {
    Objects.requireNonNull(field, "field");
    if (!PATH.matcher(field).matches()) {
      throw new IllegalArgumentException(
          "field must be a property path like CardCode or MainContact/Email, was \"" + field + '"');
    }
    return field;
  }
}
