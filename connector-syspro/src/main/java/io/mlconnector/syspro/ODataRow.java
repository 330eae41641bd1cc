package io.mlconnector.syspro;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One row of a SYSPRO table read over OData, with every value kept as the text the server sent
 * (numbers are never turned into floating point). Column names are the SQL names.
 *
 * @param values column name to value text; a JSON null is absent
 */
public record ODataRow(Map<String, String> values) {

  /**
   * Copies the map.
   *
   * @param values column name to value text; a JSON null is absent
   */
  public ODataRow {
    values = Map.copyOf(Objects.requireNonNull(values, "values"));
  }

  /**
   * The trimmed text of {@code column}, empty when absent or blank.
   *
   * @param column the column's SQL name
   * @return the text
   */
  public Optional<String> text(String column) {
    String v = values.get(column);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  /**
   * The trimmed text of {@code column}, or {@code fallback}.
   *
   * @param column the column's SQL name
   * @param fallback what to return when the column is absent or blank; may be null
   * @return the text or the fallback (null only when the fallback is null)
   */
  public @Nullable String textOr(String column, @Nullable String fallback) {
    return text(column).orElse(fallback);
  }

  /**
   * The number in {@code column}.
   *
   * @param column the column's SQL name
   * @return the number as the server wrote it (never through floating point); empty when absent or blank
   * @throws SysproFormatException naming the column when it is not a number
   */
  public Optional<BigDecimal> decimal(String column) {
    return text(column).map(t -> SysproElement.parseDecimal(column, t));
  }

  /**
   * The date in {@code column} ({@code Edm.Date} or the date part of {@code Edm.DateTimeOffset}).
   *
   * @param column the column's SQL name
   * @return the date; empty when absent or blank
   * @throws SysproFormatException naming the column when it is not a date
   */
  public Optional<LocalDate> date(String column) {
    return text(column).flatMap(t -> SysproElement.parseDate(column, t));
  }

  /**
   * A rowversion column ({@code Edm.Binary}, base64) as 16 hex digits, which sort like the
   * rowversion itself; empty when absent.
   *
   * @param column the column's SQL name
   * @return the rowversion as 16 lower-case hex digits
   * @throws SysproFormatException naming the column when it is not base64
   */
  public Optional<String> rowVersion(String column) {
    return text(column)
        .map(
            t -> {
              try {
                byte[] b = Base64.getDecoder().decode(t);
                byte[] padded = new byte[8];
                System.arraycopy(
                    b,
                    Math.max(0, b.length - 8),
                    padded,
                    Math.max(0, 8 - b.length),
                    Math.min(8, b.length));
                return HexFormat.of().formatHex(padded);
              } catch (IllegalArgumentException e) {
                throw new SysproFormatException(
                    column + " is not a base64 rowversion: '" + t + "'");
              }
            });
  }
}
