package io.mlconnector.testkit.sapb1.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A {@code $filter} parsed into a predicate over one entity type, with the Service Layer's
 * comparison rules: date properties compare by date only, time properties to the minute (the SAP
 * manual, sections 3.6.4 and 3.6.5), enums match by member name, stored value or database code
 * (and the V4 form {@code SAPB1.BoCardTypes'cCustomer'}), strings case-sensitively unless
 * case-insensitive mode is on. Unknown properties are refused.
 */
public final class Filter {

  /** A filter the Service Layer would refuse (400). */
  public static final class FilterException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;

    FilterException(int code, String message) {
      super(message);
      this.code = code;
    }

    /** The SAP error code to answer with. */
    public int code() {
      return code;
    }
  }

  private static final Set<String> COMPARISONS = Set.of("eq", "ne", "gt", "ge", "lt", "le");
  private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.ofPattern("uuuuMMdd");

  private final Schema schema;
  private final String type;
  private final boolean caseInsensitive;
  private final List<String> tokens;
  private int pos;

  private Filter(Schema schema, String type, boolean caseInsensitive, List<String> tokens) {
    this.schema = schema;
    this.type = type;
    this.caseInsensitive = caseInsensitive;
    this.tokens = tokens;
  }

  /**
   * Parses {@code text} for entities of {@code type}.
   *
   * @throws FilterException when the text is malformed or names an unknown property
   */
  public static Predicate<Map<String, Object>> parse(
      Schema schema, String type, String text, boolean caseInsensitive) {
    Filter f = new Filter(schema, type, caseInsensitive, tokenize(text));
    Predicate<Map<String, Object>> p = f.or();
    if (f.pos != f.tokens.size()) {
      throw new FilterException(-1000, "Invalid $filter near '" + f.tokens.get(f.pos) + "'");
    }
    return p;
  }

  // ------------------------------------------------------------------ grammar

  private Predicate<Map<String, Object>> or() {
    Predicate<Map<String, Object>> left = and();
    while (peekKeyword("or")) {
      pos++;
      Predicate<Map<String, Object>> right = and();
      Predicate<Map<String, Object>> l = left;
      left = e -> l.test(e) || right.test(e);
    }
    return left;
  }

  private Predicate<Map<String, Object>> and() {
    Predicate<Map<String, Object>> left = unary();
    while (peekKeyword("and")) {
      pos++;
      Predicate<Map<String, Object>> right = unary();
      Predicate<Map<String, Object>> l = left;
      left = e -> l.test(e) && right.test(e);
    }
    return left;
  }

  private Predicate<Map<String, Object>> unary() {
    if (peekKeyword("not")) {
      pos++;
      Predicate<Map<String, Object>> inner = unary();
      return inner.negate();
    }
    return primary();
  }

  private Predicate<Map<String, Object>> primary() {
    String t = next();
    if (t.equals("(")) {
      Predicate<Map<String, Object>> inner = or();
      expect(")");
      return inner;
    }
    String lower = t.toLowerCase(Locale.ROOT);
    if (peek("(") && Set.of("startswith", "endswith", "contains", "substringof").contains(lower)) {
      pos++;
      String a = next();
      expect(",");
      String b = next();
      expect(")");
      String prop = lower.equals("substringof") ? b : a;
      String lit = lower.equals("substringof") ? a : b;
      Schema.Prop p = prop(prop);
      String needle = stringLiteral(lit);
      return e -> {
        Object v = e.get(p.name());
        if (v == null) {
          return false;
        }
        String s = v.toString();
        String n = needle;
        if (caseInsensitive) {
          s = s.toLowerCase(Locale.ROOT);
          n = n.toLowerCase(Locale.ROOT);
        }
        switch (lower) {
          case "startswith":
            return s.startsWith(n);
          case "endswith":
            return s.endsWith(n);
          default:
            return s.contains(n);
        }
      };
    }
    String op = next().toLowerCase(Locale.ROOT);
    if (!COMPARISONS.contains(op)) {
      throw new FilterException(-1000, "Invalid $filter: expected a comparison after '" + t + "', found '" + op + "'");
    }
    String right = next();
    Schema.Prop p;
    String literal;
    if (isIdentifier(t) && !isKeywordLiteral(t)) {
      p = prop(t);
      literal = right;
    } else {
      p = prop(right);
      literal = t;
      op = flip(op);
    }
    return comparison(p, op, literal);
  }

  private Predicate<Map<String, Object>> comparison(Schema.Prop p, String op, String literal) {
    if (literal.equalsIgnoreCase("null")) {
      boolean eq = op.equals("eq");
      return e -> (e.get(p.name()) == null) == eq;
    }
    Comparable<Object> rhs = coerce(p, literal);
    String finalOp = op;
    return e -> {
      Object raw = e.get(p.name());
      if (raw == null) {
        return finalOp.equals("ne");
      }
      Comparable<Object> lhs = stored(p, raw);
      int c = lhs.compareTo(rhs);
      switch (finalOp) {
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
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Comparable<Object> stored(Schema.Prop p, Object raw) {
    switch (p.kind()) {
      case DATE:
        return (Comparable) Values.toDate(raw);
      case TIME:
        return (Comparable) Values.toTime(raw).truncatedTo(ChronoUnit.MINUTES);
      case INT:
      case DOUBLE:
        return (Comparable) Double.valueOf(((Number) raw).doubleValue());
      case ENUM:
        return (Comparable) schema.members(p.enumType()).getOrDefault(raw.toString(), -99);
      default:
        if (raw instanceof Number) {
          return (Comparable) Double.valueOf(((Number) raw).doubleValue());
        }
        return (Comparable) (caseInsensitive ? raw.toString().toLowerCase(Locale.ROOT) : raw.toString());
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Comparable<Object> coerce(Schema.Prop p, String literal) {
    switch (p.kind()) {
      case DATE:
        return (Comparable) dateLiteral(literal);
      case TIME:
        return (Comparable) timeLiteral(literal).truncatedTo(ChronoUnit.MINUTES);
      case INT:
      case DOUBLE:
        return (Comparable) number(literal);
      case ENUM: {
        String text = literal;
        int quote = text.indexOf('\'');
        if (quote > 0 && text.startsWith("SAPB1.")) {
          String enumType = text.substring(6, quote);
          if (!enumType.equals(p.enumType())) {
            throw new FilterException(-1000, "Invalid $filter: " + enumType + " is not the type of " + p.name());
          }
          text = text.substring(quote);
        }
        Object value = text.startsWith("'") ? stringLiteral(text) : text;
        String member = schema.member(p.enumType(), value);
        if (member == null) {
          throw new FilterException(-1000, "Invalid value " + literal + " for enum property " + p.name());
        }
        return (Comparable) schema.members(p.enumType()).get(member);
      }
      default: {
        if (literal.startsWith("'")) {
          String s = stringLiteral(literal);
          return (Comparable) (caseInsensitive ? s.toLowerCase(Locale.ROOT) : s);
        }
        return (Comparable) number(literal);
      }
    }
  }

  private Schema.Prop prop(String name) {
    if (!isIdentifier(name)) {
      throw new FilterException(-1000, "Invalid $filter: expected a property, found '" + name + "'");
    }
    Schema.Prop p = schema.property(type, name);
    if (p == null) {
      if (name.startsWith("U_")) {
        return new Schema.Prop(name, "Edm.String", Schema.Kind.STRING, null, null);
      }
      throw new FilterException(-1000, "Property '" + name + "' of '" + type + "' is invalid");
    }
    if (p.kind() == Schema.Kind.COLLECTION) {
      throw new FilterException(-1000, "Property '" + name + "' of '" + type + "' cannot be compared");
    }
    return p;
  }

  // ------------------------------------------------------------------ literals

  static LocalDate dateLiteral(String literal) {
    String s = unwrap(literal);
    try {
      if (s.matches("\\d{8}")) {
        return LocalDate.parse(s, BASIC_DATE);
      }
      if (s.matches("\\d{14}")) {
        return LocalDate.parse(s.substring(0, 8), BASIC_DATE);
      }
      if (s.length() >= 10 && s.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
        return LocalDate.parse(s.substring(0, 10));
      }
    } catch (DateTimeParseException e) {
      // falls through
    }
    throw new FilterException(-1000, "Invalid date literal " + literal);
  }

  static LocalTime timeLiteral(String literal) {
    String s = unwrap(literal);
    try {
      if (s.startsWith("PT")) {
        return LocalTime.MIDNIGHT.plus(java.time.Duration.parse(s));
      }
      int t = s.indexOf('T');
      if (t >= 0) {
        s = s.substring(t + 1).replaceAll("(Z|[+-]\\d{2}:?\\d{2})$", "");
      }
      if (s.matches("\\d{4}")) {
        return LocalTime.of(Integer.parseInt(s.substring(0, 2)), Integer.parseInt(s.substring(2)));
      }
      if (s.matches("\\d{6}")) {
        return LocalTime.of(Integer.parseInt(s.substring(0, 2)), Integer.parseInt(s.substring(2, 4)),
            Integer.parseInt(s.substring(4)));
      }
      return LocalTime.parse(s);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new FilterException(-1000, "Invalid time literal " + literal);
    }
  }

  private static String unwrap(String literal) {
    String s = literal;
    int quote = s.indexOf('\'');
    if (quote > 0) {
      s = s.substring(quote); // datetime'...', time'...'
    }
    if (s.startsWith("'") && s.endsWith("'") && s.length() >= 2) {
      s = s.substring(1, s.length() - 1);
    }
    return s;
  }

  private static Double number(String literal) {
    String s = literal.startsWith("'") ? unwrap(literal) : literal;
    s = s.replaceAll("[dDmMlLfF]$", "");
    try {
      return Double.valueOf(s);
    } catch (NumberFormatException e) {
      throw new FilterException(-1000, "Invalid numeric literal " + literal);
    }
  }

  private static String stringLiteral(String literal) {
    if (!literal.startsWith("'") || !literal.endsWith("'") || literal.length() < 2) {
      throw new FilterException(-1000, "Invalid $filter: expected a quoted string, found " + literal);
    }
    return literal.substring(1, literal.length() - 1).replace("''", "'");
  }

  private static boolean isIdentifier(String t) {
    return t.matches("[A-Za-z_][A-Za-z0-9_]*");
  }

  private static boolean isKeywordLiteral(String t) {
    return t.equalsIgnoreCase("null") || t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false");
  }

  private static String flip(String op) {
    switch (op) {
      case "gt":
        return "lt";
      case "ge":
        return "le";
      case "lt":
        return "gt";
      case "le":
        return "ge";
      default:
        return op;
    }
  }

  // ------------------------------------------------------------------ tokens

  private boolean peekKeyword(String k) {
    return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(k);
  }

  private boolean peek(String t) {
    return pos < tokens.size() && tokens.get(pos).equals(t);
  }

  private String next() {
    if (pos >= tokens.size()) {
      throw new FilterException(-1000, "Invalid $filter: unexpected end");
    }
    return tokens.get(pos++);
  }

  private void expect(String t) {
    String n = next();
    if (!n.equals(t)) {
      throw new FilterException(-1000, "Invalid $filter: expected '" + t + "', found '" + n + "'");
    }
  }

  static List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == ',') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '\'') {
        int end = quotedEnd(text, i);
        out.add(text.substring(i, end));
        i = end;
      } else {
        int start = i;
        while (i < n) {
          char d = text.charAt(i);
          if (Character.isWhitespace(d) || d == '(' || d == ')' || d == ',') {
            break;
          }
          if (d == '\'') { // prefixed literal: datetime'..', SAPB1.BoCardTypes'..'
            i = quotedEnd(text, i);
            break;
          }
          i++;
        }
        out.add(text.substring(start, i));
      }
    }
    return out;
  }

  private static int quotedEnd(String text, int open) {
    int i = open + 1;
    while (i < text.length()) {
      if (text.charAt(i) == '\'') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    throw new FilterException(-1000, "Invalid $filter: unterminated string");
  }
}
