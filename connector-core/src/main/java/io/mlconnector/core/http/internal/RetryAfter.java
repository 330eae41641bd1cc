package io.mlconnector.core.http.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Parses {@code Retry-After} (RFC 9110 10.2.3): delta-seconds or an HTTP-date. */
public final class RetryAfter {

  /** Longest wait accepted from a server, so a bogus value cannot park a caller for days. */
  static final Duration MAX = Duration.ofDays(1);

  private static final DateTimeFormatter ASCTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US)
          .withZone(ZoneOffset.UTC);

  private RetryAfter() {}

  /**
   * The wait the header asks for, measured from {@code clock}'s now; zero for a date in the past;
   * null when the header is absent or malformed.
   */
  public static @Nullable Duration parse(@Nullable String value, Clock clock) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    if (v.isEmpty()) {
      return null;
    }
    if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      if (v.length() > 9) {
        return MAX;
      }
      Duration d = Duration.ofSeconds(Long.parseLong(v));
      return d.compareTo(MAX) > 0 ? MAX : d;
    }
    Instant now = clock.instant();
    for (DateTimeFormatter f :
        List.of(DateTimeFormatter.RFC_1123_DATE_TIME, rfc850(now), ASCTIME)) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, f);
        Duration d = Duration.between(now, at.toInstant());
        if (d.isNegative()) {
          return Duration.ZERO;
        }
        return d.compareTo(MAX) > 0 ? MAX : d;
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return null;
  }

  /**
   * The obsolete RFC 850 form ({@code Sunday, 06-Nov-94 08:49:37 GMT}); its two-digit year is read
   * as the one within 50 years of now, as RFC 9110 asks.
   */
  private static DateTimeFormatter rfc850(Instant now) {
    LocalDate base = now.atZone(ZoneOffset.UTC).toLocalDate().minusYears(49);
    return new DateTimeFormatterBuilder()
        .appendPattern("EEEE, dd-MMM-")
        .appendValueReduced(ChronoField.YEAR, 2, 2, base)
        .appendPattern(" HH:mm:ss zzz")
        .toFormatter(Locale.US);
  }
}
