package io.mlconnector.syspro.internal;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.sync.ChangeDetection;
import io.mlconnector.core.sync.Checkpoint;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.syspro.ODataRow;
import io.mlconnector.syspro.ODataTable;
import io.mlconnector.syspro.SysproClient;
import io.mlconnector.syspro.SysproElement;
import io.mlconnector.syspro.bo.ComfndQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A full-scan poll source over one SYSPRO table read with COMFND through e.net, for sites without
 * the OData service (a separately licensed connected service, generally available from SYSPRO 8
 * 2021 R2). Pages run in key order (SYSPRO 8 {@code Sequence} over the key columns, {@code Where}
 * key after the scan position in bracket groups, {@code ReturnRows}); versions are content hashes,
 * so the engine writes only rows that changed.
 *
 * @param <T> the canonical record type
 */
public final class ComfndTableSource<T> implements PollSource<T> {

  private final SysproClient client;
  private final ODataTable table;
  private final TableSource.PageMapper<T> mapper;
  private final Function<ExternalRef, List<String>> keyOfRef;

  /** A source over {@code table}'s SQL name and key columns. */
  public ComfndTableSource(
      SysproClient client,
      ODataTable table,
      TableSource.PageMapper<T> mapper,
      Function<ExternalRef, List<String>> keyOfRef) {
    this.client = client;
    this.table = table;
    this.mapper = mapper;
    this.keyOfRef = keyOfRef;
  }

  @Override
  public ChangeDetection changeDetection() {
    return ChangeDetection.FULL_SCAN;
  }

  @Override
  public SourcePage<T> read(PollRequest request) {
    ComfndQuery q = ComfndQuery.of(table.sqlName()).limit(request.pageSize());
    List<String> keys = table.keyColumns();
    // the server's order is kept as is: the next page's Where compares with the same collation
    q.sequencedBy(keys.toArray(new String[0]));
    if (request.after() != null) {
      keyAfter(q, KeyCheckpoints.split(request.after().value(), table));
    }
    List<ODataRow> rows = new ArrayList<>();
    for (SysproElement r : client.find(q)) {
      rows.add(row(r));
    }
    if (rows.isEmpty()) {
      return SourcePage.empty();
    }
    List<String> versions = new ArrayList<>();
    for (ODataRow r : rows) {
      versions.add(TableSource.contentHash(r));
    }
    List<T> records = mapper.map(rows, versions);
    ODataRow last = rows.get(rows.size() - 1);
    List<String> lastKey = new ArrayList<>();
    for (String k : keys) {
      lastKey.add(last.textOr(k, ""));
    }
    return new SourcePage<>(
        records,
        Checkpoint.of(KeyCheckpoints.join(lastKey), ""),
        rows.size() >= request.pageSize());
  }

  @Override
  public Optional<T> fetch(ExternalRef ref) {
    List<String> key = keyOfRef.apply(ref);
    ComfndQuery q = ComfndQuery.of(table.sqlName());
    for (int i = 0; i < table.keyColumns().size(); i++) {
      q.and(table.keyColumns().get(i), "EQ", key.get(i));
    }
    List<SysproElement> found = client.find(q);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ODataRow row = row(found.get(0));
    List<T> mapped = mapper.map(List.of(row), List.of(TableSource.contentHash(row)));
    return mapped.isEmpty() ? Optional.empty() : Optional.of(mapped.get(0));
  }

  /** A COMFND {@code Row} as a row of column texts. */
  public static ODataRow row(SysproElement r) {
    Map<String, String> values = new LinkedHashMap<>();
    for (SysproElement c : r.children()) {
      values.put(c.name(), c.text());
    }
    return new ODataRow(values);
  }

  /** Adds "key after {@code values}" in lexicographic key order, one bracket group per key part. */
  private void keyAfter(ComfndQuery q, List<String> values) {
    List<String> keys = table.keyColumns();
    if (keys.size() > 3) {
      throw new IllegalStateException(
          table.sqlName() + " has more key columns than COMFND brackets allow");
    }
    List<ComfndQuery.Expression> exprs = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      for (int j = 0; j <= i; j++) {
        ComfndQuery.Expression e =
            new ComfndQuery.Expression()
                .column(keys.get(j))
                .condition(j < i ? "EQ" : "GT")
                .value(values.get(j));
        if (j == 0) {
          e.openBracket("(");
          if (i > 0) {
            e.andOr("Or");
          }
        } else {
          e.andOr("And");
        }
        if (j == i) {
          e.closeBracket(")");
        }
        exprs.add(e);
      }
    }
    ComfndQuery.Where where = new ComfndQuery.Where();
    exprs.forEach(where::addExpressions);
    q.where(where);
  }
}
