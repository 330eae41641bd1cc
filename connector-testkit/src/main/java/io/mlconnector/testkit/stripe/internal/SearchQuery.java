package io.mlconnector.testkit.stripe.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A subset of Stripe's search query language: clauses {@code field:'value'} (exact,
 * case-insensitive), {@code field~'value'} (substring, at least 3 characters), {@code field>n},
 * {@code field<n}, {@code >=}, {@code <=}, {@code -field:'v'} (negation) and {@code
 * metadata['key']:'value'}, joined by {@code AND} or by {@code OR} (not both).
 */
final class SearchQuery {
  private final List<Clause> clauses;
  private final boolean or;

  private record Clause(boolean negate, String field, String metadataKey, String op, String value) {}

  private SearchQuery(List<Clause> clauses, boolean or) {
    this.clauses = clauses;
    this.or = or;
  }

  static SearchQuery parse(String query) {
    Parser p = new Parser(query);
    List<Clause> clauses = new ArrayList<>();
    Boolean or = null;
    clauses.add(p.clause());
    while (p.skipSpaces()) {
      String joiner = p.word();
      boolean isOr;
      if (joiner.equals("AND")) {
        isOr = false;
      } else if (joiner.equals("OR")) {
        isOr = true;
      } else {
        throw p.error("expected AND or OR, found '" + joiner + "'");
      }
      if (or != null && or != isOr) {
        throw p.error("AND and OR cannot be combined in one query");
      }
      or = isOr;
      p.skipSpaces();
      clauses.add(p.clause());
    }
    return new SearchQuery(clauses, or != null && or);
  }

  boolean matches(Map<String, Object> obj) {
    for (Clause c : clauses) {
      boolean m = matches(c, obj) != c.negate();
      if (or && m) {
        return true;
      }
      if (!or && !m) {
        return false;
      }
    }
    return !or;
  }

  @SuppressWarnings("unchecked")
  private static boolean matches(Clause c, Map<String, Object> obj) {
    Object actual;
    if (c.metadataKey() != null) {
      Object md = obj.get("metadata");
      actual = md instanceof Map ? ((Map<String, Object>) md).get(c.metadataKey()) : null;
    } else {
      actual = obj.get(c.field());
    }
    if (actual == null || actual instanceof Map || actual instanceof List) {
      return false;
    }
    String a = String.valueOf(actual);
    switch (c.op()) {
      case ":":
        return a.equalsIgnoreCase(c.value());
      case "~":
        return a.toLowerCase(Locale.ROOT).contains(c.value().toLowerCase(Locale.ROOT));
      default:
        try {
          long x = Long.parseLong(a);
          long y = Long.parseLong(c.value());
          return switch (c.op()) {
            case ">" -> x > y;
            case "<" -> x < y;
            case ">=" -> x >= y;
            default -> x <= y;
          };
        } catch (NumberFormatException e) {
          return false;
        }
    }
  }

  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    ApiError error(String why) {
      return ApiError.invalid(null, "query", "Invalid search query '" + s + "': " + why + " (at " + i + ").");
    }

    boolean skipSpaces() {
      while (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
      return i < s.length();
    }

    String word() {
      int start = i;
      while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.')) {
        i++;
      }
      if (start == i) {
        throw error("expected a field name");
      }
      return s.substring(start, i);
    }

    Clause clause() {
      skipSpaces();
      boolean negate = false;
      if (i < s.length() && s.charAt(i) == '-') {
        negate = true;
        i++;
      }
      String field = word();
      String key = null;
      if (field.equals("metadata")) {
        if (i >= s.length() || s.charAt(i) != '[') {
          throw error("metadata needs a key: metadata['key']");
        }
        i++;
        key = quoted();
        if (i >= s.length() || s.charAt(i) != ']') {
          throw error("expected ]");
        }
        i++;
      }
      String op;
      if (s.startsWith(">=", i) || s.startsWith("<=", i)) {
        op = s.substring(i, i + 2);
        i += 2;
      } else if (i < s.length() && ":~<>".indexOf(s.charAt(i)) >= 0) {
        op = String.valueOf(s.charAt(i));
        i++;
      } else {
        throw error("expected one of : ~ > < >= <=");
      }
      String value;
      if (i < s.length() && (s.charAt(i) == '\'' || s.charAt(i) == '"')) {
        value = quoted();
      } else {
        value = word();
      }
      if (op.equals("~") && value.length() < 3) {
        throw error("a substring match needs at least 3 characters");
      }
      return new Clause(negate, field, key, op, value);
    }

    String quoted() {
      if (i >= s.length() || (s.charAt(i) != '\'' && s.charAt(i) != '"')) {
        throw error("expected a quoted value");
      }
      char q = s.charAt(i++);
      StringBuilder b = new StringBuilder();
      while (i < s.length() && s.charAt(i) != q) {
        char c = s.charAt(i++);
        if (c == '\\' && i < s.length()) {
          c = s.charAt(i++);
        }
        b.append(c);
      }
      if (i >= s.length()) {
        throw error("unterminated quoted value");
      }
      i++;
      return b.toString();
    }
  }
}
