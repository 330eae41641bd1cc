package io.mlconnector.core.state.internal;

import static io.mlconnector.core.state.internal.Jdbc.bind;
import static io.mlconnector.core.state.internal.Jdbc.insertUnlessDuplicate;
import static io.mlconnector.core.state.internal.Jdbc.instant;
import static io.mlconnector.core.state.internal.Jdbc.update;
import static io.mlconnector.core.state.internal.JdbcTables.ref;
import static io.mlconnector.core.state.internal.JdbcTables.prefixed;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.state.Page;
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

/** The audit trail: append-only, queried newest first by record, flow, time and outcome. */
final class JdbcAudit {
  private static final String AUDIT_COLS =
      "id, tenant, flow, run_id, source_system, source_type, source_id, target_system,"
          + " target_type, target_id, action, outcome, error, payload_digest, occurred_at";

  private final JdbcTables db;

  JdbcAudit(JdbcTables db) {
    this.db = db;
  }

  public void audit(AuditEntry entry) {
    Checks.notNull(entry, "entry");
    db.jdbc.autoCommit(
        "append an audit entry",
        c -> {
          insertAudit(c, entry);
          return null;
        });
  }

  void insertAudit(Connection c, AuditEntry e) throws SQLException {
    ExternalRef s = e.source();
    ExternalRef t = e.target();
    update(
        c,
        "INSERT INTO "
            + db.audit
            + " (tenant, flow, run_id, source_system, source_type,"
            + " source_id, target_system, target_type, target_id, action, outcome, error,"
            + " payload_digest, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.tenant(),
        e.flow(),
        e.runId(),
        s == null ? null : s.system(),
        s == null ? null : s.type(),
        s == null ? null : s.id(),
        t == null ? null : t.system(),
        t == null ? null : t.type(),
        t == null ? null : t.id(),
        e.action(),
        e.outcome().name(),
        e.error(),
        e.payloadDigest(),
        e.at());
  }

  public Page<AuditEntry> audit(AuditQuery q) {
    Checks.notNull(q, "query");
    PageToken before = PageToken.decode(q.pageToken());
    List<Object> args = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder("SELECT " + AUDIT_COLS + " FROM " + db.audit + " WHERE tenant = ?");
    args.add(q.tenant());
    if (q.source() != null) {
      if (!q.source().tenant().equals(q.tenant())) {
        return new Page<>(List.of(), null);
      }
      sql.append(" AND source_system = ? AND source_type = ? AND source_id = ?");
      args.add(q.source().system());
      args.add(q.source().type());
      args.add(q.source().id());
    }
    if (q.target() != null) {
      if (!q.target().tenant().equals(q.tenant())) {
        return new Page<>(List.of(), null);
      }
      sql.append(" AND target_system = ? AND target_type = ? AND target_id = ?");
      args.add(q.target().system());
      args.add(q.target().type());
      args.add(q.target().id());
    }
    if (q.flow() != null) {
      sql.append(" AND flow = ?");
      args.add(q.flow());
    }
    if (q.from() != null) {
      sql.append(" AND occurred_at >= ?");
      args.add(q.from());
    }
    if (q.to() != null) {
      sql.append(" AND occurred_at < ?");
      args.add(q.to());
    }
    if (q.outcome() != null) {
      sql.append(" AND outcome = ?");
      args.add(q.outcome().name());
    }
    if (before != null) {
      sql.append(" AND (occurred_at < ? OR (occurred_at = ? AND id < ?))");
      args.add(before.at());
      args.add(before.at());
      args.add(before.id());
    }
    sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ?");
    args.add(q.limit() + 1);
    return db.jdbc.autoCommit(
        "query the audit trail",
        c -> {
          List<AuditEntry> rows = new ArrayList<>();
          try (PreparedStatement ps = bind(c.prepareStatement(sql.toString()), args.toArray());
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              String tenant = rs.getString("tenant");
              rows.add(
                  new AuditEntry(
                      rs.getLong("id"),
                      tenant,
                      rs.getString("flow"),
                      rs.getString("run_id"),
                      ref(rs, "source", tenant),
                      ref(rs, "target", tenant),
                      rs.getString("action"),
                      AuditEntry.Outcome.valueOf(rs.getString("outcome")),
                      rs.getString("error"),
                      rs.getString("payload_digest"),
                      instant(rs, "occurred_at")));
            }
          }
          if (rows.size() <= q.limit()) {
            return new Page<>(rows, null);
          }
          AuditEntry last = rows.get(q.limit() - 1);
          return new Page<>(
              rows.subList(0, q.limit()), new PageToken(last.at(), last.id()).encode());
        });
  }
}
