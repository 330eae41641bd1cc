package io.mlconnector.core.state.internal;

import static io.mlconnector.core.state.internal.Jdbc.bind;
import static io.mlconnector.core.state.internal.Jdbc.insertUnlessDuplicate;
import static io.mlconnector.core.state.internal.Jdbc.update;

import io.mlconnector.core.model.ExternalRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * What every part of the JDBC state store shares: the connection handling, the dialect, the clock,
 * the table names, and the row-claiming algorithm the inbox and the retry queue both use.
 */
final class JdbcTables {
  /** Candidate passes of one H2 claim before it settles for fewer items than asked. */
  private static final int H2_CLAIM_PASSES = 4;

  final Jdbc jdbc;
  final Dialect dialect;
  final Clock clock;
  final boolean pg;
  final String cursor;
  final String mapping;
  final String operation;
  final String inbox;
  final String file;
  final String document;
  final String retry;
  final String audit;
  final String lease;

  JdbcTables(Jdbc jdbc, Dialect dialect, Schema schema, Clock clock) {
    this.jdbc = jdbc;
    this.dialect = dialect;
    this.clock = clock;
    this.pg = dialect == Dialect.POSTGRESQL;
    this.cursor = schema.table("cursor");
    this.mapping = schema.table("mapping");
    this.operation = schema.table("operation");
    this.inbox = schema.table("inbox");
    this.file = schema.table("seen_file");
    this.document = schema.table("document_key");
    this.retry = schema.table("retry");
    this.audit = schema.table("audit");
    this.lease = schema.table("lease");
  }

  /** The store's clock, cut to the microseconds both databases keep. */
  Instant now() {
    return Jdbc.micros(clock.instant());
  }

  /** Reads one side ({@code source} or {@code target}) of a row as a ref, or null. */
  static @Nullable ExternalRef ref(ResultSet rs, String side, String tenant) throws SQLException {
    String system = rs.getString(side + "_system");
    if (system == null) {
      return null;
    }
    return new ExternalRef(
        system, tenant, rs.getString(side + "_type"), rs.getString(side + "_id"));
  }

  /** Runs an insert; returns false, changing nothing, when the row's key is already taken. */
  boolean insertIgnoring(Connection c, String sql, Object... args) throws SQLException {
    return pg
        ? update(c, sql + " ON CONFLICT DO NOTHING", args) == 1
        : insertUnlessDuplicate(c, sql, args);
  }

  /** {@code columns} (comma-separated) each prefixed with {@code alias}. */
  static String prefixed(String alias, String columns) {
    StringBuilder out = new StringBuilder();
    for (String col : columns.split(",")) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(alias).append(col.trim());
    }
    return out.toString();
  }

  /** Reads one row of a result. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /**
   * Claims up to {@code max} rows. PostgreSQL: one statement that locks candidates with {@code FOR
   * UPDATE SKIP LOCKED} and stamps them. H2: reads candidates, then claims each with a conditional
   * UPDATE (auto-committed, so no lock is held between rows) and keeps the rows whose update won;
   * rows lost to a faster claimer make it read candidates again, a few times at most.
   */
  <T> List<T> claim(
      String operation,
      int max,
      String pgSql,
      Object[] pgArgs,
      String candidatesSql,
      Object[] candidateArgs,
      String claimOneSql,
      LongFunction<Object[]> claimOneArgs,
      RowReader<T> reader) {
    return jdbc.autoCommit(
        operation,
        c -> {
          List<T> out = new ArrayList<>();
          if (pg) {
            try (PreparedStatement ps = bind(c.prepareStatement(pgSql), pgArgs);
                ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(reader.read(rs));
              }
            }
            return out;
          }
          for (int pass = 0; pass < H2_CLAIM_PASSES && out.size() < max; pass++) {
            List<Long> candidates = new ArrayList<>();
            Object[] args = Arrays.copyOf(candidateArgs, candidateArgs.length + 1);
            args[candidateArgs.length] = max - out.size();
            try (PreparedStatement ps = bind(c.prepareStatement(candidatesSql), args);
                ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                candidates.add(rs.getLong(1));
              }
            }
            boolean lostAny = false;
            try (PreparedStatement ps = c.prepareStatement(claimOneSql)) {
              for (long id : candidates) {
                bind(ps, claimOneArgs.apply(id));
                try (ResultSet rs = ps.executeQuery()) {
                  if (rs.next()) {
                    out.add(reader.read(rs));
                  } else {
                    lostAny = true;
                  }
                }
              }
            }
            if (!lostAny) {
              break;
            }
          }
          return out;
        });
  }
}
