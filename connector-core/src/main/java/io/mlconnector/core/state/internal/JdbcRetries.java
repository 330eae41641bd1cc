package io.mlconnector.core.state.internal;

import static io.mlconnector.core.state.internal.Jdbc.bind;
import static io.mlconnector.core.state.internal.Jdbc.insertUnlessDuplicate;
import static io.mlconnector.core.state.internal.Jdbc.instant;
import static io.mlconnector.core.state.internal.Jdbc.update;
import static io.mlconnector.core.state.internal.JdbcTables.ref;
import static io.mlconnector.core.state.internal.JdbcTables.prefixed;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.Page;
import io.mlconnector.core.state.RetryItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The retry queue and its dead letters: one item per (tenant, flow, source), claimed by one worker
 * at a time, parked when dead, replayed on request.
 */
final class JdbcRetries {
  private static final String RETRY_COLS =
      "id, tenant, flow, source_system, source_type, source_id, operation_key, payload, attempts,"
          + " next_attempt_at, last_error, dead, parked_at";

  private final JdbcTables db;

  JdbcRetries(JdbcTables db) {
    this.db = db;
  }

  public void scheduleRetry(RetryItem item) {
    Checks.notNull(item, "item");
    Instant now = db.now();
    db.jdbc.autoCommit(
        "schedule a retry",
        c -> {
          upsertRetry(c, item, item.dead() ? now : null);
          return null;
        });
  }

  void upsertRetry(Connection c, RetryItem i, Instant parkedAt) throws SQLException {
    ExternalRef s = i.source();
    if (db.pg) {
      update(
          c,
          "INSERT INTO "
              + db.retry
              + " (tenant, flow, source_system, source_type, source_id,"
              + " operation_key, payload, attempts, next_attempt_at, last_error, dead, parked_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
              + " ON CONFLICT ON CONSTRAINT "
              + db.retry
              + "_source_uq DO UPDATE SET"
              + " operation_key = EXCLUDED.operation_key, payload = EXCLUDED.payload,"
              + " attempts = EXCLUDED.attempts, next_attempt_at = EXCLUDED.next_attempt_at,"
              + " last_error = EXCLUDED.last_error, dead = EXCLUDED.dead,"
              + " parked_at = EXCLUDED.parked_at, claimed_by = NULL, claimed_until = NULL",
          i.tenant(),
          i.flow(),
          s.system(),
          s.type(),
          s.id(),
          i.operationKey(),
          i.payload(),
          i.attempts(),
          i.nextAttemptAt(),
          i.lastError(),
          i.dead(),
          Jdbc.timeOrNull(parkedAt));
      return;
    }
    String upd =
        "UPDATE "
            + db.retry
            + " SET operation_key = ?, payload = ?, attempts = ?,"
            + " next_attempt_at = ?, last_error = ?, dead = ?, parked_at = ?, claimed_by = NULL,"
            + " claimed_until = NULL WHERE tenant = ? AND flow = ? AND source_system = ?"
            + " AND source_type = ? AND source_id = ?";
    Object[] updArgs = {
      i.operationKey(),
      i.payload(),
      i.attempts(),
      i.nextAttemptAt(),
      i.lastError(),
      i.dead(),
      Jdbc.timeOrNull(parkedAt),
      i.tenant(),
      i.flow(),
      s.system(),
      s.type(),
      s.id()
    };
    if (update(c, upd, updArgs) == 0
        && !insertUnlessDuplicate(
            c,
            "INSERT INTO "
                + db.retry
                + " (tenant, flow, source_system,"
                + " source_type, source_id, operation_key, payload, attempts, next_attempt_at,"
                + " last_error, dead, parked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            i.tenant(),
            i.flow(),
            s.system(),
            s.type(),
            s.id(),
            i.operationKey(),
            i.payload(),
            i.attempts(),
            i.nextAttemptAt(),
            i.lastError(),
            i.dead(),
            Jdbc.timeOrNull(parkedAt))) {
      update(c, upd, updArgs);
    }
  }

  public List<RetryItem> claimDueRetries(
      String tenant, String flow, Instant now, String owner, Duration claimTtl, int max) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.notNull(now, "now");
    Checks.text(owner, "owner");
    Checks.positive(claimTtl, "claimTtl");
    Checks.positive(max, "max");
    Instant at = Jdbc.micros(now);
    Instant until = at.plus(claimTtl);
    String free =
        "dead = FALSE AND next_attempt_at <= ?"
            + " AND (claimed_until IS NULL OR claimed_until <= ?)";
    String set = "claimed_by = ?, claimed_until = ?";
    List<RetryItem> claimed =
        db.claim(
            "claim due retries",
            max,
            "WITH c AS (SELECT id FROM "
                + db.retry
                + " WHERE tenant = ? AND flow = ? AND "
                + free
                + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)"
                + " UPDATE "
                + db.retry
                + " r SET "
                + set
                + " FROM c WHERE r.id = c.id RETURNING "
                + prefixed("r.", RETRY_COLS),
            new Object[] {tenant, flow, at, at, max, owner, until},
            "SELECT id FROM "
                + db.retry
                + " WHERE tenant = ? AND flow = ? AND "
                + free
                + " ORDER BY next_attempt_at, id LIMIT ?",
            new Object[] {tenant, flow, at, at},
            db.dialect.updateReturning(
                "UPDATE " + db.retry + " SET " + set + " WHERE id = ? AND " + free, RETRY_COLS),
            id -> new Object[] {owner, until, id, at, at},
            JdbcRetries::retryItem);
    claimed.sort(Comparator.comparing(RetryItem::nextAttemptAt).thenComparingLong(RetryItem::id));
    return claimed;
  }

  private static RetryItem retryItem(ResultSet rs) throws SQLException {
    String tenant = rs.getString("tenant");
    return new RetryItem(
        rs.getLong("id"),
        tenant,
        rs.getString("flow"),
        ref(rs, "source", tenant),
        rs.getString("operation_key"),
        rs.getString("payload"),
        rs.getInt("attempts"),
        instant(rs, "next_attempt_at"),
        rs.getString("last_error"),
        rs.getBoolean("dead"));
  }

  public void removeRetry(String tenant, long itemId) {
    Checks.text(tenant, "tenant");
    db.jdbc.autoCommit(
        "remove a retry",
        c -> update(c, "DELETE FROM " + db.retry + " WHERE tenant = ? AND id = ?", tenant, itemId));
  }

  /** The WHERE clause (without paging) and its arguments for a dead-letter query. */
  private String deadLetterFilter(DeadLetterQuery q, List<Object> args) {
    StringBuilder where = new StringBuilder("tenant = ? AND dead = TRUE");
    args.add(q.tenant());
    if (q.itemId() != null) {
      where.append(" AND id = ?");
      args.add(q.itemId());
    }
    if (q.flow() != null) {
      where.append(" AND flow = ?");
      args.add(q.flow());
    }
    if (q.sourceType() != null) {
      where.append(" AND source_type = ?");
      args.add(q.sourceType());
    }
    if (q.errorContains() != null) {
      where.append(" AND last_error LIKE ? ESCAPE '\\'");
      args.add(
          "%"
              + q.errorContains().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
              + "%");
    }
    if (q.parkedBefore() != null) {
      where.append(" AND parked_at < ?");
      args.add(q.parkedBefore());
    }
    return where.toString();
  }

  public Page<RetryItem> deadLetters(DeadLetterQuery query) {
    Checks.notNull(query, "query");
    PageToken after = PageToken.decode(query.pageToken());
    List<Object> args = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder("SELECT " + RETRY_COLS + " FROM " + db.retry + " WHERE ")
            .append(deadLetterFilter(query, args));
    if (after != null) {
      sql.append(" AND (parked_at > ? OR (parked_at = ? AND id > ?))");
      args.add(after.at());
      args.add(after.at());
      args.add(after.id());
    }
    sql.append(" ORDER BY parked_at, id LIMIT ?");
    args.add(query.limit() + 1);
    return db.jdbc.autoCommit(
        "list dead letters",
        c -> {
          List<RetryItem> rows = new ArrayList<>();
          List<Instant> parked = new ArrayList<>();
          try (PreparedStatement ps = bind(c.prepareStatement(sql.toString()), args.toArray());
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rows.add(retryItem(rs));
              parked.add(instant(rs, "parked_at"));
            }
          }
          if (rows.size() <= query.limit()) {
            return new Page<>(rows, null);
          }
          int last = query.limit() - 1;
          return new Page<>(
              rows.subList(0, query.limit()),
              new PageToken(parked.get(last), rows.get(last).id()).encode());
        });
  }

  public int replay(DeadLetterQuery query) {
    Checks.notNull(query, "query");
    Instant now = db.now();
    List<Object> args = new ArrayList<>();
    String where = deadLetterFilter(query, args);
    return db.jdbc.transaction(
        "replay dead letters",
        c -> {
          List<Long> ids = new ArrayList<>();
          List<String> keys = new ArrayList<>();
          try (PreparedStatement ps =
                  bind(
                      c.prepareStatement(
                          "SELECT id, operation_key FROM "
                              + db.retry
                              + " WHERE "
                              + where
                              + " ORDER BY id FOR UPDATE"),
                      args.toArray());
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(rs.getLong(1));
              keys.add(rs.getString(2));
            }
          }
          int replayed = 0;
          try (PreparedStatement revive =
                  c.prepareStatement(
                      "UPDATE "
                          + db.retry
                          + " SET dead = FALSE, next_attempt_at = ?, parked_at = NULL, claimed_by ="
                          + " NULL, claimed_until = NULL WHERE tenant = ? AND id = ? AND dead ="
                          + " TRUE");
              PreparedStatement unpark =
                  c.prepareStatement(
                      "UPDATE "
                          + db.operation
                          + " SET status = 'FAILED', updated_at = ?"
                          + " WHERE tenant = ? AND op_key = ? AND status = 'PARKED'")) {
            for (int i = 0; i < ids.size(); i++) {
              bind(revive, now, query.tenant(), ids.get(i));
              int n = revive.executeUpdate();
              replayed += n;
              if (n == 1 && keys.get(i) != null) {
                bind(unpark, now, query.tenant(), keys.get(i));
                unpark.executeUpdate();
              }
            }
          }
          return replayed;
        });
  }
}
