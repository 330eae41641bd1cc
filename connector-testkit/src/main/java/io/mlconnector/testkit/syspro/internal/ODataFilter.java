package io.mlconnector.testkit.syspro.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A parser for the OData v4 {@code $filter} subset the simulator serves: {@code eq ne gt ge lt le},
 * {@code and or not}, parentheses, {@code contains/startswith/endswith}, string literals in single
 * quotes, numbers, {@code true/false/null}, unquoted ISO dates and date-times, {@code binary'...'}.
 * Errors are {@link IllegalArgumentException}s whose message becomes the 400 answer.
 */
final class ODataFilter {
  interface Expr {
    boolean test(Map<String, Object> row);
  }

  private final Table table;
  private final List<String> tokens = new ArrayList<>();
  private int pos;

  private ODataFilter(Table table, String text) {
    this.table = table;
    tokenize(text);
  }

  static Expr parse(Table table, String text) {
    ODataFilter f = new ODataFilter(table, text);
    Expr e = f.or();
    if (f.pos != f.tokens.size()) {
      throw new IllegalArgumentException(
          "Syntax error at '" + f.tokens.get(f.pos) + "' in $filter");
    }
    return e;
  }

  private void tokenize(String s) {
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == ',') {
        tokens.add(String.valueOf(c));
        i++;
      } else if (c == '\'') {
        StringBuilder sb = new StringBuilder("'");
        i++;
        while (true) {
          if (i >= s.length()) {
            throw new IllegalArgumentException("Unterminated string literal in $filter");
          }
          char ch = s.charAt(i++);
          if (ch == '\'') {
            if (i < s.length() && s.charAt(i) == '\'') {
              sb.append('\'');
              i++;
            } else {
              break;
            }
          } else {
            sb.append(ch);
          }
        }
        tokens.add(sb.toString());
      } else {
        int start = i;
        while (i < s.length()
            && !Character.isWhitespace(s.charAt(i))
            && "(),".indexOf(s.charAt(i)) < 0) {
          if (s.charAt(i) == '\'') {
            int end = s.indexOf('\'', i + 1);
            if (end < 0) {
              throw new IllegalArgumentException("Unterminated literal in $filter");
            }
            i = end + 1;
          } else {
            i++;
          }
        }
        tokens.add(s.substring(start, i));
      }
    }
  }

  private @Nullable String peek() {
    return pos < tokens.size() ? tokens.get(pos) : null;
  }

  private String next() {
    if (pos >= tokens.size()) {
      throw new IllegalArgumentException("Unexpected end of $filter");
    }
    return tokens.get(pos++);
  }

  private void expect(String t) {
    String n = next();
    if (!n.equals(t)) {
      throw new IllegalArgumentException("Expected '" + t + "' but found '" + n + "' in $filter");
    }
  }

  private Expr or() {
    Expr left = and();
    while ("or".equals(peek())) {
      pos++;
      Expr l = left;
      Expr r = and();
      left = row -> l.test(row) || r.test(row);
    }
    return left;
  }

  private Expr and() {
    Expr left = unary();
    while ("and".equals(peek())) {
      pos++;
      Expr l = left;
      Expr r = unary();
      left = row -> l.test(row) && r.test(row);
    }
    return left;
  }

  private Expr unary() {
    if ("not".equals(peek())) {
      pos++;
      Expr e = unary();
      return row -> !e.test(row);
    }
    if ("(".equals(peek())) {
      pos++;
      Expr e = or();
      expect(")");
      return e;
    }
    String first = next();
    String lower = first.toLowerCase(Locale.ROOT);
    if ((lower.equals("contains") || lower.equals("startswith") || lower.equals("endswith"))
        && "(".equals(peek())) {
      pos++;
      Table.Col c = column(next());
      expect(",");
      String lit = next();
      if (!lit.startsWith("'")) {
        throw new IllegalArgumentException(first + " needs a string literal");
      }
      expect(")");
      String needle = lit.substring(1).toLowerCase(Locale.ROOT);
      return row -> {
        String v = Bo.str(row.get(c.name())).toLowerCase(Locale.ROOT);
        return lower.equals("contains")
            ? v.contains(needle)
            : lower.equals("startswith") ? v.startsWith(needle) : v.endsWith(needle);
      };
    }
    Table.Col c = column(first);
    String op = next();
    if (!List.of("eq", "ne", "gt", "ge", "lt", "le").contains(op)) {
      throw new IllegalArgumentException("Unknown operator '" + op + "' in $filter");
    }
    Object lit = literal(c, next());
    return row -> compare(c, row.get(c.name()), lit, op);
  }

  private Table.Col column(String name) {
    Table.Col c = table.column(name);
    if (c == null) {
      throw new IllegalArgumentException(
          "Could not find a property named '" + name + "' on type '" + table.name() + "'");
    }
    return c;
  }

  private static @Nullable Object literal(Table.Col c, String t) {
    if (t.equals("null")) {
      return null;
    }
    switch (c.type()) {
      case TEXT:
        if (!t.startsWith("'")) {
          throw new IllegalArgumentException(
              "A string literal is needed for property '" + c.name() + "'");
        }
        return t.substring(1);
      case DECIMAL:
      case INTEGER:
        try {
          return new BigDecimal(
              t.endsWith("m") || t.endsWith("M") ? t.substring(0, t.length() - 1) : t);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "'" + t + "' is not a number for property '" + c.name() + "'");
        }
      case DATE:
        try {
          if (t.length() == 10) {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
          }
          return OffsetDateTime.parse(t).toInstant();
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(
              "'"
                  + t
                  + "' is not a date literal for property '"
                  + c.name()
                  + "' (use 2024-01-01 or 2024-01-01T00:00:00Z, unquoted)");
        }
      case ROWVERSION:
        if (!t.startsWith("binary'") || !t.endsWith("'")) {
          throw new IllegalArgumentException(
              "A binary'...' literal is needed for property '" + c.name() + "'");
        }
        byte[] b = Base64.getDecoder().decode(t.substring(7, t.length() - 1));
        long v = 0;
        for (byte x : b) {
          v = (v << 8) | (x & 0xff);
        }
        return v;
      default:
        throw new IllegalArgumentException("Cannot filter on '" + c.name() + "'");
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static boolean compare(Table.Col c, Object value, Object lit, String op) {
    Object v = value;
    if (v instanceof LocalDate) {
      v = ((LocalDate) v).atStartOfDay().toInstant(ZoneOffset.UTC);
    } else if (v instanceof Integer) {
      v = BigDecimal.valueOf((Integer) v);
    }
    if (v == null || lit == null) {
      boolean same = v == null && lit == null;
      return op.equals("eq") ? same : op.equals("ne") && !same;
    }
    int r =
        v instanceof BigDecimal
            ? ((BigDecimal) v).compareTo((BigDecimal) lit)
            : ((Comparable) v).compareTo(lit);
    switch (op) {
      case "eq":
        return r == 0;
      case "ne":
        return r != 0;
      case "gt":
        return r > 0;
      case "ge":
        return r >= 0;
      case "lt":
        return r < 0;
      default:
        return r <= 0;
    }
  }
}
