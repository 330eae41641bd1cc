package io.mlconnector.stampli.internal;

import io.mlconnector.stampli.StampliTemplate;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses the values of a tenant's files: dates and amounts in its formats, normalised keys. */
public final class Values {
  private static final java.util.regex.Pattern AMOUNT = java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final java.util.regex.Pattern SCIENTIFIC = java.util.regex.Pattern.compile("[0-9]+(\\.[0-9]+)?[eE]\\+?[0-9]+");
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
  private final StampliTemplate template;
  private final List<DateTimeFormatter> dates = new ArrayList<>();

  /** Values read by {@code template}'s formats. */
  public Values(StampliTemplate template) {
    this.template = template;
    for (String p : template.dateFormats()) {
      dates.add(DateTimeFormatter.ofPattern(p.replace("yyyy", "uuuu").replace("yy", "uu"), Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT));
    }
  }

  /** A date in one of the template's formats; the first that parses wins. */
  public LocalDate date(String field, String text) {
    String t = text.strip();
    for (DateTimeFormatter f : dates) {
      try {
        return LocalDate.parse(t, f);
      } catch (DateTimeParseException e) {
        // next format
      }
    }
    throw new IllegalArgumentException(field + " '" + text + "' is not a date in " + template.dateFormats());
  }

  /**
   * An amount with the template's decimal (and optional grouping) separator; {@code (12.50)} and
   * {@code 12.50-} are negative. Anything else (letters, two separators, a grouping character the
   * template does not allow) is refused, never guessed.
   */
  public BigDecimal amount(String field, String text) {
    String t = text.strip().replace("\u00A0", "").replace("\u202F", "");
    boolean negative = false;
    if (t.startsWith("(") && t.endsWith(")")) {
      negative = true;
      t = t.substring(1, t.length() - 1).strip();
    } else if (t.endsWith("-")) {
      negative = true;
      t = t.substring(0, t.length() - 1).strip();
    }
    Character g = template.groupingSeparator();
    if (g != null) {
      t = t.replace(g.toString(), "");
    }
    char dec = template.decimalSeparator();
    if (dec == ',') {
      if (t.indexOf('.') >= 0) {
        throw new IllegalArgumentException(field + " '" + text + "' has a '.' but the decimal separator is ','");
      }
      t = t.replace(',', '.');
    } else if (t.indexOf(',') >= 0) {
      throw new IllegalArgumentException(field + " '" + text + "' has a ',' but the decimal separator is '.'"
          + (g == null ? " and no grouping separator is configured" : ""));
    }
    if (!AMOUNT.matcher(t).matches()) {
      throw new IllegalArgumentException(field + " '" + text + "' is not an amount");
    }
    BigDecimal v = new BigDecimal(t);
    return negative ? v.negate() : v;
  }

  /** An identifier as text; refuses Excel's scientific notation ({@code 1.23E+11}). */
  public static String id(String field, String text) {
    String t = text.strip();
    if ((t.indexOf('E') >= 0 || t.indexOf('e') >= 0) && SCIENTIFIC.matcher(t).matches()) {
      throw new IllegalArgumentException(field + " '" + text
          + "' looks like a number mangled into scientific notation (opened in a spreadsheet?)");
    }
    return t;
  }

  /**
   * The normalised form of an invoice number for deduplication: Unicode NFKC, trimmed, inner
   * whitespace collapsed, case-folded. Leading zeros are kept ({@code 00123} and {@code 123} may
   * be different invoices).
   */
  public static String normalizeNumber(String number) {
    String n = SPACES.matcher(Normalizer.normalize(number, Normalizer.Form.NFKC).strip()).replaceAll(" ");
    return n.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }
}
