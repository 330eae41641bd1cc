package io.mlconnector.core.codec.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import okio.BufferedSink;

/**
 * The JSON adapters every {@code Json} instance carries. Each is null-safe: JSON {@code null}
 * reads as Java null and Java null writes as JSON {@code null}.
 */
public final class JsonAdapters {
  private JsonAdapters() {}

  /** Longest excerpt of an offending value quoted in an error message. */
  private static final int MAX_QUOTE = 40;

  /** BigDecimal read from a JSON number or string, never through a double; written as a plain number. */
  public static JsonAdapter<BigDecimal> bigDecimal() {
    return new JsonAdapter<BigDecimal>() {
      @Override
      public BigDecimal fromJson(JsonReader reader) throws IOException {
        JsonReader.Token token = reader.peek();
        if (token != JsonReader.Token.NUMBER && token != JsonReader.Token.STRING) {
          throw new JsonDataException(
              "Expected a decimal number but was " + token + " at path " + reader.getPath());
        }
        // nextString() on a NUMBER token returns the literal text, so no binary rounding happens.
        String text = reader.nextString().trim();
        try {
          return new BigDecimal(text);
        } catch (NumberFormatException e) {
          throw new JsonDataException(
              "Expected a decimal number but was " + quote(text) + " at path " + reader.getPath());
        }
      }

      @Override
      public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
        try (BufferedSink sink = writer.valueSink()) {
          sink.writeUtf8(value.toPlainString());
        }
      }

      @Override
      public String toString() {
        return "JsonAdapter(BigDecimal)";
      }
    }.nullSafe();
  }

  /**
   * Instant read from an ISO-8601 string ({@code 2024-01-31T10:00:00Z}, any offset) or from a
   * number (or numeric string) of seconds since the epoch, fractions allowed; written as an
   * ISO-8601 UTC string, or as epoch seconds when {@code epochSeconds}.
   */
  public static JsonAdapter<Instant> instant(boolean epochSeconds) {
    return new JsonAdapter<Instant>() {
      @Override
      public Instant fromJson(JsonReader reader) throws IOException {
        JsonReader.Token token = reader.peek();
        if (token != JsonReader.Token.NUMBER && token != JsonReader.Token.STRING) {
          throw new JsonDataException(
              "Expected an instant but was " + token + " at path " + reader.getPath());
        }
        String text = reader.nextString().trim();
        if (token == JsonReader.Token.NUMBER || isNumeric(text)) {
          return fromEpochSeconds(text, reader.getPath());
        }
        try {
          return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
          throw new JsonDataException(
              "Expected an ISO-8601 instant with offset (2024-01-31T10:00:00Z) or epoch seconds but was "
                  + quote(text)
                  + " at path "
                  + reader.getPath());
        }
      }

      @Override
      public void toJson(JsonWriter writer, Instant value) throws IOException {
        if (epochSeconds) {
          if (value.getNano() == 0) {
            writer.value(value.getEpochSecond());
          } else {
            BigDecimal seconds =
                BigDecimal.valueOf(value.getEpochSecond())
                    .add(BigDecimal.valueOf(value.getNano(), 9))
                    .stripTrailingZeros();
            try (BufferedSink sink = writer.valueSink()) {
              sink.writeUtf8(seconds.toPlainString());
            }
          }
        } else {
          writer.value(DateTimeFormatter.ISO_INSTANT.format(value));
        }
      }

      @Override
      public String toString() {
        return epochSeconds ? "JsonAdapter(Instant as epoch seconds)" : "JsonAdapter(Instant)";
      }
    }.nullSafe();
  }

  /**
   * LocalDate read from {@code 2024-01-31}, or from a date-time string whose date part is taken
   * as written (SAP Business One v2 sends dates as {@code 2023-10-26T00:00:00Z}); written as
   * {@code 2024-01-31}.
   */
  public static JsonAdapter<LocalDate> localDate() {
    return temporal(
        "LocalDate",
        "an ISO-8601 date (2024-01-31)",
        text -> {
          int t = text.indexOf('T');
          String datePart = t > 0 ? text.substring(0, t) : text;
          if (t > 0) {
            // Validate the whole value, not only its date part.
            DateTimeFormatter.ISO_DATE_TIME.parse(text);
          }
          return LocalDate.parse(datePart);
        },
        DateTimeFormatter.ISO_LOCAL_DATE::format);
  }

  /** LocalTime read and written as {@code 10:15:30} (seconds and fractions optional on read). */
  public static JsonAdapter<LocalTime> localTime() {
    return temporal(
        "LocalTime",
        "an ISO-8601 time (10:15:30)",
        LocalTime::parse,
        DateTimeFormatter.ISO_LOCAL_TIME::format);
  }

  /** LocalDateTime read and written as {@code 2024-01-31T10:15:30} (no offset). */
  public static JsonAdapter<LocalDateTime> localDateTime() {
    return temporal(
        "LocalDateTime",
        "an ISO-8601 local date-time (2024-01-31T10:15:30)",
        LocalDateTime::parse,
        DateTimeFormatter.ISO_LOCAL_DATE_TIME::format);
  }

  /** OffsetDateTime read and written as {@code 2024-01-31T10:15:30+01:00}; the offset is required. */
  public static JsonAdapter<OffsetDateTime> offsetDateTime() {
    return temporal(
        "OffsetDateTime",
        "an ISO-8601 date-time with offset (2024-01-31T10:15:30+01:00)",
        OffsetDateTime::parse,
        DateTimeFormatter.ISO_OFFSET_DATE_TIME::format);
  }

  private interface Parser<T> {
    T parse(String text);
  }

  private interface Formatter<T> {
    String format(T value);
  }

  private static <T extends TemporalAccessor> JsonAdapter<T> temporal(
      String name, String expected, Parser<T> parser, Formatter<T> formatter) {
    return new JsonAdapter<T>() {
      @Override
      public T fromJson(JsonReader reader) throws IOException {
        JsonReader.Token token = reader.peek();
        if (token != JsonReader.Token.STRING) {
          throw new JsonDataException(
              "Expected " + expected + " but was " + token + " at path " + reader.getPath());
        }
        String text = reader.nextString().trim();
        try {
          return parser.parse(text);
        } catch (DateTimeException e) {
          throw new JsonDataException(
              "Expected " + expected + " but was " + quote(text) + " at path " + reader.getPath());
        }
      }

      @Override
      public void toJson(JsonWriter writer, T value) throws IOException {
        writer.value(formatter.format(value));
      }

      @Override
      public String toString() {
        return "JsonAdapter(" + name + ")";
      }
    }.nullSafe();
  }

  private static boolean isNumeric(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean sign = i == 0 && (c == '-' || c == '+');
      if (!sign && c != '.' && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  private static Instant fromEpochSeconds(String text, String path) {
    try {
      BigDecimal seconds = new BigDecimal(text);
      long whole = seconds.setScale(0, RoundingMode.FLOOR).longValueExact();
      int nanos =
          seconds
              .subtract(BigDecimal.valueOf(whole))
              .movePointRight(9)
              .setScale(0, RoundingMode.UNNECESSARY)
              .intValueExact();
      return Instant.ofEpochSecond(whole, nanos);
    } catch (ArithmeticException | NumberFormatException | DateTimeException e) {
      throw new JsonDataException(
          "Expected epoch seconds (at most nanosecond precision) but was "
              + quote(text)
              + " at path "
              + path);
    }
  }

  static String quote(String text) {
    String shown = text.length() > MAX_QUOTE ? text.substring(0, MAX_QUOTE) + "..." : text;
    return '"' + shown + '"';
  }
}
