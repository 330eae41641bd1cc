package io.mlconnector.testkit.syspro.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** SYSPRO's text conventions: space-padded numbers, CCYY-MM-DD dates, 0000-00-00 for none. */
final class Fmt {
  /** The empty date as SYSPRO writes it. */
  public static final String NO_DATE = "0000-00-00";

  private Fmt() {}

  /** A decimal right-aligned with leading spaces to {@code width}. */
  public static String pad(BigDecimal value, int scale, int width) {
    String s = value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    return padLeft(s, width);
  }

  /** A count right-aligned to 7 characters, like {@code RowsReturned}. */
  public static String count(int n) {
    return padLeft(Integer.toString(n), 7);
  }

  /** Left-pads with spaces. */
  public static String padLeft(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }

  /** A plain decimal with the given scale, no padding. */
  public static String plain(BigDecimal value, int scale) {
    return value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }

  /** CCYY-MM-DD, or 0000-00-00 for null. */
  public static String date(@Nullable LocalDate d) {
    return d == null ? NO_DATE : d.toString();
  }

  /** CCYYMMDD, or 00000000 for null. */
  public static String compactDate(LocalDate d) {
    return d == null ? "00000000" : d.format(DateTimeFormatter.BASIC_ISO_DATE);
  }

  /**
   * Parses an input date: CCYY-MM-DD or CCYYMMDD; blank or all zeros is null ("use the default").
   *
   * @throws IllegalArgumentException when the text is not a date
   */
  public static @Nullable LocalDate parseDate(String s) {
    if (s == null || s.isBlank() || s.replace("-", "").chars().allMatch(ch -> ch == '0')) {
      return null;
    }
    try {
      if (s.length() == 8 && s.chars().allMatch(Character::isDigit)) {
        return LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE);
      }
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + s + "' is not a valid date (CCYY-MM-DD)");
    }
  }

  /**
   * Parses an input amount (trimmed, '.' decimal separator); blank is null.
   *
   * @throws IllegalArgumentException when the text is not a number
   */
  public static @Nullable BigDecimal parseAmount(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(s.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + s + "' is not a valid numeric value");
    }
  }
}
