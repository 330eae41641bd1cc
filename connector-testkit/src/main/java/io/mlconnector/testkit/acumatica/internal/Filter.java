package io.mlconnector.testkit.acumatica.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The {@code $filter} language of the contract-based API: {@code eq ne gt ge lt le and or not},
 * parentheses, {@code startswith endswith substringof}, literals {@code 'text'} (doubled quote
 * escapes), {@code datetimeoffset'...'}, {@code datetime'...'}, {@code date'...'}, {@code
 * guid'...'}, numbers with an optional {@code M}/{@code d}/{@code L}, {@code true false null},
 * linked paths {@code A/B} and custom fields {@code cf.Type(f='View.Field')}. Date-times compare
 * as instants; offset-free values are in the instance's zone.
 */
public final class Filter {

  /** A filter the simulator cannot evaluate. */
  public static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Invalid(String message) {
      super(message);
    }
  }

  /** A parsed expression. */
  public interface Node {
    Object eval(Function<String, Object> fields);
  }

  private final List<String> tokens;
  private final ZoneId zone;
  private int pos;
  private final List<String> paths = new ArrayList<>();

  private Filter(List<String> tokens, ZoneId zone) {
    this.tokens = tokens;
    this.zone = zone;
  }

  /** Parses {@code text}; {@code paths} receives every field path it names. */
  public static Node parse(String text, ZoneId zone, List<String> paths) {
    Filter f = new Filter(tokenize(text), zone);
    Node n = f.or();
    if (f.pos != f.tokens.size()) {
      throw new Invalid("unexpected '" + f.tokens.get(f.pos) + "' in $filter");
    }
    paths.addAll(f.paths);
    return n;
  }

  /** Whether a record passes. */
  public static boolean test(Node node, Function<String, Object> fields) {
    return Boolean.TRUE.equals(node.eval(fields));
  }

  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == ',' || c == '=') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '\'') {
        int j = i + 1;
        StringBuilder sb = new StringBuilder("'");
        while (true) {
          if (j >= s.length()) {
            throw new Invalid("unterminated string literal in $filter");
          }
          if (s.charAt(j) == '\'') {
            if (j + 1 < s.length() && s.charAt(j + 1) == '\'') {
              sb.append('\'');
              j += 2;
              continue;
            }
            break;
          }
          sb.append(s.charAt(j++));
        }
        out.add(sb.toString());
        i = j + 1;
      } else {
        int j = i;
        while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && "()',=".indexOf(s.charAt(j)) < 0) {
          j++;
        }
        String word = s.substring(i, j);
        if (j < s.length() && s.charAt(j) == '\''
            && List.of("datetimeoffset", "datetime", "date", "guid", "time").contains(word)) {
          int k = s.indexOf('\'', j + 1);
          if (k < 0) {
            throw new Invalid("unterminated " + word + " literal in $filter");
          }
          out.add(word + "'" + s.substring(j + 1, k));
          i = k + 1;
        } else {
          out.add(word);
          i = j;
        }
      }
    }
    return out;
  }

  private @Nullable String peek() {
    return pos < tokens.size() ? tokens.get(pos) : null;
  }

  private String next() {
    if (pos >= tokens.size()) {
      throw new Invalid("$filter ends too early");
    }
    return tokens.get(pos++);
  }

  private void expect(String t) {
    String n = next();
    if (!n.equals(t)) {
      throw new Invalid("expected '" + t + "' but found '" + n + "' in $filter");
    }
  }

  private Node or() {
    Node left = and();
    while ("or".equalsIgnoreCase(peek())) {
      next();
      Node l = left;
      Node r = and();
      left = f -> Boolean.TRUE.equals(l.eval(f)) || Boolean.TRUE.equals(r.eval(f));
    }
    return left;
  }

  private Node and() {
    Node left = unary();
    while ("and".equalsIgnoreCase(peek())) {
      next();
      Node l = left;
      Node r = unary();
      left = f -> Boolean.TRUE.equals(l.eval(f)) && Boolean.TRUE.equals(r.eval(f));
    }
    return left;
  }

  private Node unary() {
    if ("not".equalsIgnoreCase(peek())) {
      next();
      Node inner = unary();
      return f -> !Boolean.TRUE.equals(inner.eval(f));
    }
    Node left = operand();
    String op = peek();
    if (op != null && List.of("eq", "ne", "gt", "ge", "lt", "le").contains(op.toLowerCase(Locale.ROOT))) {
      next();
      Node right = operand();
      String o = op.toLowerCase(Locale.ROOT);
      return f -> compare(o, left.eval(f), right.eval(f));
    }
    return left;
  }

  private Node operand() {
    String t = next();
    if (t.equals("(")) {
      Node inner = or();
      expect(")");
      return inner;
    }
    if (t.startsWith("'")) {
      String v = t.substring(1);
      return f -> v;
    }
    int q = t.indexOf('\'');
    if (q > 0) {
      Object v = typed(t.substring(0, q), t.substring(q + 1));
      return f -> v;
    }
    String lower = t.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "true":
        return f -> Boolean.TRUE;
      case "false":
        return f -> Boolean.FALSE;
      case "null":
        return f -> null;
      case "startswith":
      case "endswith":
      case "substringof": {
        expect("(");
        Node a = operand();
        expect(",");
        Node b = operand();
        expect(")");
        return f -> {
          Object x = a.eval(f);
          Object y = b.eval(f);
          if (x == null || y == null) {
            return false;
          }
          String xs = x.toString().toLowerCase(Locale.ROOT);
          String ys = y.toString().toLowerCase(Locale.ROOT);
          switch (lower) {
            case "startswith":
              return xs.startsWith(ys);
            case "endswith":
              return xs.endsWith(ys);
            default:
              return ys.contains(xs);
          }
        };
      }
      default:
        break;
    }
    if (Character.isDigit(t.charAt(0)) || t.charAt(0) == '-') {
      String n = t.replaceAll("[MmDdLlFf]$", "");
      try {
        BigDecimal v = new BigDecimal(n);
        return f -> v;
      } catch (NumberFormatException e) {
        throw new Invalid("bad number '" + t + "' in $filter");
      }
    }
    if (lower.startsWith("cf.")) {
      expect("(");
      expect("f");
      expect("=");
      String field = next();
      if (!field.startsWith("'")) {
        throw new Invalid("cf.Type(f='View.Field') expected");
      }
      expect(")");
      String path = "cf:" + field.substring(1);
      paths.add(path);
      return f -> f.apply(path);
    }
    if (!t.matches("[A-Za-z_][A-Za-z0-9_/]*")) {
      throw new Invalid("unexpected '" + t + "' in $filter");
    }
    paths.add(t);
    return f -> f.apply(t);
  }

  private Object typed(String kind, String text) {
    String v = java.net.URLDecoder.decode(text.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    try {
      switch (kind) {
        case "datetimeoffset":
        case "datetime":
          return toInstant(v, zone);
        case "date":
          return LocalDate.parse(v).atStartOfDay(zone).toInstant();
        case "guid":
          return v.toLowerCase(Locale.ROOT);
        default:
          return v;
      }
    } catch (RuntimeException e) {
      throw new Invalid("bad " + kind + " literal '" + v + "' in $filter");
    }
  }

  /** A date-time text with or without offset, as an instant (offset-free in {@code zone}). */
  public static Instant toInstant(String text, ZoneId zone) {
    TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
    return t instanceof OffsetDateTime ? ((OffsetDateTime) t).toInstant()
        : ((LocalDateTime) t).atZone(zone).toInstant();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Boolean compare(String op, Object a, Object b) {
    if (a == null || b == null) {
      boolean same = a == b;
      return op.equals("eq") ? same : op.equals("ne") ? !same : false;
    }
    int c;
    if (a instanceof Instant || b instanceof Instant) {
      if (!(a instanceof Instant && b instanceof Instant)) {
        throw new Invalid("a date-time is compared with a value that is not one");
      }
      c = ((Instant) a).compareTo((Instant) b);
    } else if (a instanceof BigDecimal && b instanceof BigDecimal) {
      c = ((BigDecimal) a).compareTo((BigDecimal) b);
    } else if (a instanceof Boolean || b instanceof Boolean) {
      c = String.valueOf(a).equalsIgnoreCase(String.valueOf(b)) ? 0 : 1;
    } else {
      c = a.toString().compareToIgnoreCase(b.toString());
    }
    switch (op) {
      case "eq":
        return c == 0;
      case "ne":
        return c != 0;
      case "gt":
        return c > 0;
      case "ge":
        return c >= 0;
      case "lt":
        return c < 0;
      default:
        return c <= 0;
    }
  }
}
