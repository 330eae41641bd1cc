package io.mlconnector.syspro.internal;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.odata.ODataDialect;
import io.mlconnector.core.odata.ODataFilter;
import io.mlconnector.core.odata.ODataPage;
import io.mlconnector.core.odata.ODataQuery;
import io.mlconnector.core.sync.ChangeDetection;
import io.mlconnector.core.sync.Checkpoint;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.syspro.IncrementalStrategy;
import io.mlconnector.syspro.ODataRow;
import io.mlconnector.syspro.ODataTable;
import io.mlconnector.syspro.SysproOData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A poll source over one SYSPRO table read through OData, following the table's declared {@link
 * IncrementalStrategy}: rowversion ({@code TimeStamp gt binary'...'}), a modified timestamp with
 * the key as tie-breaker, or a full scan in key order with content-hash versions.
 *
 * @param <T> the canonical record type
 */
public final class TableSource<T> implements PollSource<T> {

  private static final Logger LOG = LoggerFactory.getLogger(TableSource.class);
  private static final ODataDialect V4 = ODataDialect.V4;

  /** Turns rows into records (a page at a time, so lines can be fetched in bulk). */
  @FunctionalInterface
  public interface PageMapper<T> {
    /** The records of {@code rows}, in order; {@code versions} holds each row's version. */
    List<T> map(List<ODataRow> rows, List<String> versions);
  }

  private final SysproOData odata;
  private final ODataTable table;
  private final PageMapper<T> mapper;
  private final Function<ExternalRef, List<String>> keyOfRef;

  /** A source over {@code table}; {@code keyOfRef} turns a ref back into key column values. */
  public TableSource(
      SysproOData odata,
      ODataTable table,
      PageMapper<T> mapper,
      Function<ExternalRef, List<String>> keyOfRef) {
    this.odata = odata;
    this.table = table;
    this.mapper = mapper;
    this.keyOfRef = keyOfRef;
  }

  @Override
  public ChangeDetection changeDetection() {
    return table.strategy().changeDetection();
  }

  @Override
  public SourcePage<T> read(PollRequest request) {
    int top = Math.min(request.pageSize(), odata.rowCap());
    ODataQuery q = ODataQuery.of(V4).top(top);
    Checkpoint after = request.after();
    String wm = table.watermarkColumn();
    switch (table.strategy()) {
      case ROW_VERSION:
        q = q.orderBy(wm);
        if (after != null) {
          q = q.filter(ODataFilter.raw(wm + " gt binary'" + base64(after.value()) + "'"));
        }
        break;
      case MODIFIED_TIMESTAMP:
        q = q.orderBy(wm);
        for (String k : table.keyColumns()) {
          q = q.orderBy(k);
        }
        if (after != null) {
          Object at = timestamp(after.value(), Duration.ZERO);
          if (!request.overlap().isZero()) {
            q = q.filter(ODataFilter.ge(wm, timestamp(after.value(), request.overlap())));
          } else if (after.tieBreaker().isEmpty()) {
            q = q.filter(ODataFilter.gt(wm, at));
          } else {
            q =
                q.filter(
                    ODataFilter.or(
                        ODataFilter.gt(wm, at),
                        ODataFilter.and(
                            ODataFilter.eq(wm, at),
                            keyAfter(KeyCheckpoints.split(after.tieBreaker(), table)))));
          }
        }
        break;
      default:
        for (String k : table.keyColumns()) {
          q = q.orderBy(k);
        }
        if (after != null) {
          q = q.filter(keyAfter(KeyCheckpoints.split(after.value(), table)));
        }
    }
    ODataPage<ODataRow> page = odata.page(table, q);
    List<ODataRow> rows = page.items();
    if (rows.isEmpty()) {
      return SourcePage.empty();
    }
    List<String> versions = new ArrayList<>();
    for (ODataRow r : rows) {
      versions.add(version(r));
    }
    List<T> records = mapper.map(rows, versions);
    ODataRow last = rows.get(rows.size() - 1);
    Checkpoint next = checkpoint(last);
    boolean more = rows.size() >= top || page.nextLink() != null;
    if (records.isEmpty()) {
      // every row was unreadable (logged); move on past them
      return new SourcePage<>(List.of(), next, more);
    }
    return new SourcePage<>(records, next, more);
  }

  @Override
  public Optional<T> fetch(ExternalRef ref) {
    List<String> key = keyOfRef.apply(ref);
    List<ODataFilter> eqs = new ArrayList<>();
    for (int i = 0; i < table.keyColumns().size(); i++) {
      eqs.add(ODataFilter.eq(table.keyColumns().get(i), key.get(i)));
    }
    ODataPage<ODataRow> page =
        odata.page(
            table,
            ODataQuery.of(V4).filter(ODataFilter.and(eqs.toArray(new ODataFilter[0]))).top(1));
    if (page.items().isEmpty()) {
      return Optional.empty();
    }
    List<T> mapped = mapper.map(page.items(), List.of(version(page.items().get(0))));
    return mapped.isEmpty() ? Optional.empty() : Optional.of(mapped.get(0));
  }

  /** The version of a row under the table's strategy. */
  String version(ODataRow row) {
    switch (table.strategy()) {
      case ROW_VERSION:
        return row.rowVersion(table.watermarkColumn())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        table.entitySet()
                            + " rows carry no "
                            + table.watermarkColumn()
                            + ": configure FULL_SCAN for this table"));
      case MODIFIED_TIMESTAMP:
        return row.textOr(table.watermarkColumn(), "") + "#" + contentHash(row).substring(0, 16);
      default:
        return contentHash(row);
    }
  }

  private Checkpoint checkpoint(ODataRow row) {
    String key = KeyCheckpoints.join(key(row));
    switch (table.strategy()) {
      case ROW_VERSION:
        return Checkpoint.of(version(row), key);
      case MODIFIED_TIMESTAMP:
        return Checkpoint.of(row.textOr(table.watermarkColumn(), ""), key);
      default:
        return Checkpoint.of(key, "");
    }
  }

  /** The key column values of {@code row}. */
  public List<String> key(ODataRow row) {
    List<String> out = new ArrayList<>();
    for (String k : table.keyColumns()) {
      out.add(row.textOr(k, ""));
    }
    return out;
  }

  /** Rows whose key sorts after {@code values}: lexicographic over the key columns. */
  private ODataFilter keyAfter(List<String> values) {
    List<String> keys = table.keyColumns();
    List<ODataFilter> alternatives = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      List<ODataFilter> parts = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        parts.add(ODataFilter.eq(keys.get(j), values.get(j)));
      }
      parts.add(ODataFilter.gt(keys.get(i), values.get(i)));
      alternatives.add(
          parts.size() == 1 ? parts.get(0) : ODataFilter.and(parts.toArray(new ODataFilter[0])));
    }
    return alternatives.size() == 1
        ? alternatives.get(0)
        : ODataFilter.or(alternatives.toArray(new ODataFilter[0]));
  }

  private static Object timestamp(String text, Duration minus) {
    if (text.length() == 10) {
      LocalDate d = LocalDate.parse(text);
      long days = (minus.toSeconds() + 86_399) / 86_400;
      return d.minusDays(days);
    }
    return OffsetDateTime.parse(text).minus(minus);
  }

  private static String base64(String hex) {
    try {
      return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("checkpoint '" + hex + "' is not a hex rowversion", e);
    }
  }

  /** SHA-256 of the row's columns and values in name order. */
  static String contentHash(ODataRow row) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(row.values()).entrySet()) {
      sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Logs a row that cannot become a record (it is skipped, with its key). */
  public static void skipped(String table, List<String> key, RuntimeException e) {
    LOG.error(
        "SYSPRO {} row {} cannot be read as a record and is skipped: {}",
        table,
        key,
        e.getMessage());
  }
}
