package io.mlconnector.core.odata;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;

/**
 * How one OData service spells literals and functions in {@code $filter}. The same {@link
 * ODataFilter} renders differently per dialect:
 *
 * <table>
 *   <caption>Literals per dialect</caption>
 *   <tr><th>value</th><th>{@link #V3}</th><th>{@link #V4}</th><th>{@link #SAP_B1}</th><th>{@link #ACUMATICA}</th></tr>
 *   <tr><td>{@code LocalDate}</td><td>{@code datetime'2024-01-31T00:00:00'}</td><td>{@code 2024-01-31}</td>
 *       <td>{@code '2024-01-31'}</td><td>{@code datetimeoffset'2024-01-31T00:00:00.000'}</td></tr>
 *   <tr><td>{@code LocalDateTime}</td><td>{@code datetime'2024-01-31T10:00:00'}</td><td>refused (no offset)</td>
 *       <td>{@code '2024-01-31T10:00:00'}</td><td>{@code datetimeoffset'2024-01-31T10:00:00.000'}</td></tr>
 *   <tr><td>{@code OffsetDateTime}, {@code Instant}</td><td>{@code datetimeoffset'2024-01-31T10:00:00+02:00'};
 *       an {@code Instant} as {@code datetime'...'} in UTC</td><td>{@code 2024-01-31T10:00:00+02:00}, {@code ...Z}</td>
 *       <td>refused (no time zones)</td><td>{@code datetimeoffset'2024-01-31T10:00:00.000+02:00'}</td></tr>
 *   <tr><td>{@code LocalTime}</td><td>{@code time'PT10H30M'}</td><td>{@code 10:30:00}</td>
 *       <td>{@code '10:30'}</td><td>{@code time'PT10H30M'}</td></tr>
 *   <tr><td>{@code BigDecimal}</td><td>{@code 12.50M}</td><td>{@code 12.50}</td><td>{@code 12.50}</td><td>{@code 12.50M}</td></tr>
 *   <tr><td>{@code UUID}</td><td>{@code guid'...'}</td><td>bare</td><td>{@code guid'...'}</td><td>{@code guid'...'}</td></tr>
 *   <tr><td>contains</td><td>{@code substringof('x',F)}</td><td>{@code contains(F,'x')}</td>
 *       <td>{@code contains(F,'x')}</td><td>{@code substringof('x',F)}</td></tr>
 * </table>
 *
 * <p>Strings are always quoted with single quotes doubled ({@code 'O''Brien'}); booleans are
 * {@code true}/{@code false}; null is {@code null}; whole numbers are bare (V3 and Acumatica add
 * {@code L} beyond the 32-bit range); doubles are bare in V4 and SAP B1 and carry {@code d} in V3
 * and Acumatica.
 *
 * <p>Dialects are immutable; the {@code with*} methods return adjusted copies.
 */
public final class ODataDialect {
  private static final DateTimeFormatter ACUMATICA_OFFSET =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");
  private static final DateTimeFormatter ACUMATICA_LOCAL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");
  private static final DateTimeFormatter SECONDS_LOCAL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private enum Kind {
    V3,
    V4,
    SAP_B1,
    ACUMATICA
  }

  /** OData version 3 (and 2): {@code datetime'...'}, {@code datetimeoffset'...'}, {@code substringof}. */
  public static final ODataDialect V3 = new ODataDialect(Kind.V3, false, false, false);

  /**
   * OData version 4.0: bare ISO-8601 literals ({@code 2024-01-31}, {@code 2024-01-31T10:00:00Z}).
   * The {@code in} operator is an OData 4.01 addition, so it is written out as {@code or}s; use
   * {@link #withInOperator(boolean)} for 4.01 services.
   */
  public static final ODataDialect V4 = new ODataDialect(Kind.V4, false, false, false);

  /**
   * SAP Business One Service Layer. The SAP manual (section 3.6.4 and 3.6.5 of "Working with SAP
   * Business One Service Layer", confirmed) accepts quoted dates {@code '2024-01-31'} and
   * quoted times {@code '18:38'} or {@code '18:38:00'}; it ignores the time of day on date fields
   * and anything below the minute on time fields, so times are written as {@code 'HH:mm'} by
   * default ({@link #withTimeSeconds(boolean)} writes {@code 'HH:mm:ss'}). B1 has no time zones:
   * an {@code OffsetDateTime} or {@code Instant} is refused; convert it to the company's local
   * date and time first. {@code contains} support per Service Layer version is unconfirmed
   * (startswith is documented); this dialect writes {@code contains(F,'x')}.
   */
  public static final ODataDialect SAP_B1 = new ODataDialect(Kind.SAP_B1, false, false, false);

  /**
   * Acumatica contract-based REST API (OData v3 style query parameters): date-times as {@code
   * datetimeoffset'2024-01-31T10:00:00.000+00:00'} (the documented format {@code
   * yyyy-MM-ddTHH:mm:ss.fffK}), decimals with an {@code M} suffix, {@code substringof} for
   * contains. Dates render as {@code datetimeoffset'...T00:00:00.000'} because the date-only
   * literal {@code date'2024-01-31'} appears only in 25R2 documentation (unconfirmed for 22-24);
   * {@link #withDateLiterals(boolean)} switches to it.
   */
  public static final ODataDialect ACUMATICA = new ODataDialect(Kind.ACUMATICA, false, false, false);

  private final Kind kind;
  private final boolean inOperator;
  private final boolean timeSeconds;
  private final boolean dateLiterals;

  private ODataDialect(Kind kind, boolean inOperator, boolean timeSeconds, boolean dateLiterals) {
    this.kind = kind;
    this.inOperator = inOperator;
    this.timeSeconds = timeSeconds;
    this.dateLiterals = dateLiterals;
  }

  /**
   * This dialect with the {@code in} operator written natively ({@code F in ('a','b')}) when
   * true, or expanded to {@code (F eq 'a' or F eq 'b')} when false (the default everywhere).
   *
   * @param nativeIn true to write {@code in} natively, false to expand it to {@code or}
   * @return a dialect like this one with that setting
   */
  public ODataDialect withInOperator(boolean nativeIn) {
    return new ODataDialect(kind, nativeIn, timeSeconds, dateLiterals);
  }

  /**
   * This dialect writing SAP B1 times with seconds ({@code 'HH:mm:ss'}); only meaningful for SAP
   *     B1.
   *
   * @param seconds true for {@code 'HH:mm:ss'}, false for {@code 'HH:mm'} (the default)
   * @return a dialect like this one with that setting
   */
  public ODataDialect withTimeSeconds(boolean seconds) {
    return new ODataDialect(kind, inOperator, seconds, dateLiterals);
  }

  /**
   * This dialect writing Acumatica dates as {@code date'2024-01-31'} (25R2 and later).
   *
   * @param dateLiterals true for {@code date'...'} literals, false for the default form
   * @return a dialect like this one with that setting
   */
  public ODataDialect withDateLiterals(boolean dateLiterals) {
    return new ODataDialect(kind, inOperator, timeSeconds, dateLiterals);
  }

  /**
   * Whether {@code in} is written natively.
   *
   * @return true when {@code in} is written natively, false when it is expanded to {@code or}
   */
  public boolean supportsIn() {
    return inOperator;
  }

  /**
   * The query option and value that ask for the total count: {@code $count=true} in V4, {@code
   * $inlinecount=allpages} in V3 and SAP B1 (the {@code /b1s/v1} form; {@code /b1s/v2} takes the
   * V4 form, set it with {@link ODataQuery#param(String, String)}).
   *
   * @throws IllegalStateException for Acumatica, whose contract API has no count option
   */
  String[] countOption() {
    switch (kind) {
      case V4:
        return new String[] {"$count", "true"};
      case ACUMATICA:
        throw new IllegalStateException("the Acumatica contract-based API has no count option");
      default:
        return new String[] {"$inlinecount", "allpages"};
    }
  }

  /**
   * The literal for {@code value}: a String, Boolean, whole number, BigDecimal, Double, Float,
   * LocalDate, LocalDateTime, LocalTime, OffsetDateTime, ZonedDateTime, Instant, UUID, or null.
   *
   * @param value the value, or null
   * @return the literal as it goes into a {@code $filter}; {@code null} for null
   * @throws IllegalArgumentException for another type, or a value this dialect cannot express
   */
  public String literal(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String || value instanceof Character) {
      return quote(value.toString());
    }
    if (value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return value.toString();
    }
    if (value instanceof Long || value instanceof BigInteger) {
      return wholeNumber(new BigInteger(value.toString()));
    }
    if (value instanceof BigDecimal) {
      String plain = ((BigDecimal) value).toPlainString();
      return kind == Kind.V3 || kind == Kind.ACUMATICA ? plain + "M" : plain;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("value must be a finite number, was " + d);
      }
      String text = value.toString();
      return kind == Kind.V3 || kind == Kind.ACUMATICA ? text + "d" : text;
    }
    if (value instanceof LocalDate) {
      return date((LocalDate) value);
    }
    if (value instanceof LocalDateTime) {
      return localDateTime((LocalDateTime) value);
    }
    if (value instanceof LocalTime) {
      return time((LocalTime) value);
    }
    if (value instanceof OffsetDateTime) {
      return offsetDateTime((OffsetDateTime) value, false);
    }
    if (value instanceof ZonedDateTime) {
      return offsetDateTime(((ZonedDateTime) value).toOffsetDateTime(), false);
    }
    if (value instanceof Instant) {
      return offsetDateTime(((Instant) value).atOffset(ZoneOffset.UTC), true);
    }
    if (value instanceof UUID) {
      return kind == Kind.V4 ? value.toString() : "guid'" + value + "'";
    }
    throw new IllegalArgumentException(
        "value of type "
            + value.getClass().getName()
            + " has no OData literal; pass a String, number, Boolean, java.time value or UUID"
            + (value instanceof Enum<?> ? " (for an enum, pass the member name as a String)" : ""));
  }

  /**
   * A quoted string literal with single quotes doubled: {@code O'Brien} becomes {@code 'O''Brien'}.
   *
   * @param text the text, unescaped
   * @return the text in single quotes, its single quotes doubled
   */
  public static String quote(String text) {
    Objects.requireNonNull(text, "text");
    return "'" + text.replace("'", "''") + "'";
  }

  private String wholeNumber(BigInteger n) {
    boolean big = n.bitLength() > 31;
    return big && (kind == Kind.V3 || kind == Kind.ACUMATICA) ? n + "L" : n.toString();
  }

  private String date(LocalDate d) {
    switch (kind) {
      case V3:
        return "datetime'" + SECONDS_LOCAL.format(d.atStartOfDay()) + "'";
      case V4:
        return DateTimeFormatter.ISO_LOCAL_DATE.format(d);
      case SAP_B1:
        return quote(DateTimeFormatter.ISO_LOCAL_DATE.format(d));
      default:
        return dateLiterals
            ? "date'" + DateTimeFormatter.ISO_LOCAL_DATE.format(d) + "'"
            : "datetimeoffset'" + ACUMATICA_LOCAL.format(d.atStartOfDay()) + "'";
    }
  }

  private String localDateTime(LocalDateTime t) {
    switch (kind) {
      case V3:
        return "datetime'" + seconds(t) + "'";
      case V4:
        throw new IllegalArgumentException(
            "OData v4 has no date-time literal without an offset: pass an OffsetDateTime or Instant, was " + t);
      case SAP_B1:
        return quote(seconds(t));
      default:
        return "datetimeoffset'" + ACUMATICA_LOCAL.format(t) + "'";
    }
  }

  private String offsetDateTime(OffsetDateTime t, boolean fromInstant) {
    switch (kind) {
      case V3:
        return fromInstant
            ? "datetime'" + seconds(t.toLocalDateTime()) + "'"
            : "datetimeoffset'" + isoOffset(t) + "'";
      case V4:
        return isoOffset(t);
      case SAP_B1:
        throw new IllegalArgumentException(
            "SAP Business One has no time zones: convert " + t
                + " to the company's local LocalDateTime or LocalDate first");
      default:
        return "datetimeoffset'" + ACUMATICA_OFFSET.format(t) + "'";
    }
  }

  private String time(LocalTime t) {
    switch (kind) {
      case V4:
        return DateTimeFormatter.ISO_LOCAL_TIME.format(t);
      case SAP_B1:
        return quote(timeSeconds ? String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond())
            : String.format("%02d:%02d", t.getHour(), t.getMinute()));
      default:
        return "time'" + java.time.Duration.ofNanos(t.toNanoOfDay()) + "'";
    }
  }

  private static String seconds(LocalDateTime t) {
    String s = SECONDS_LOCAL.format(t);
    return t.getNano() == 0 ? s : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
  }

  private static String isoOffset(OffsetDateTime t) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
  }

  /** How {@code contains} is written: {@code substringof('x',F)} before V4, {@code contains(F,'x')} after. */
  String contains(String field, String literal) {
    return kind == Kind.V3 || kind == Kind.ACUMATICA
        ? "substringof(" + literal + "," + field + ")"
        : "contains(" + field + "," + literal + ")";
  }

  @Override
  public String toString() {
    return "ODataDialect." + kind
        + (inOperator ? "+in" : "")
        + (timeSeconds ? "+timeSeconds" : "")
        + (dateLiterals ? "+dateLiterals" : "");
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ODataDialect)) {
      return false;
    }
    ODataDialect d = (ODataDialect) o;
    return kind == d.kind && inOperator == d.inOperator && timeSeconds == d.timeSeconds && dateLiterals == d.dateLiterals;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, inOperator, timeSeconds, dateLiterals);
  }
}
