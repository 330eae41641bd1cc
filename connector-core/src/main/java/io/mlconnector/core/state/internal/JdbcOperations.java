package io.mlconnector.core.state.internal;

import static io.mlconnector.core.state.internal.Jdbc.bind;
import static io.mlconnector.core.state.internal.Jdbc.insertUnlessDuplicate;
import static io.mlconnector.core.state.internal.Jdbc.instant;
import static io.mlconnector.core.state.internal.Jdbc.update;
import static io.mlconnector.core.state.internal.JdbcTables.ref;
import static io.mlconnector.core.state.internal.JdbcTables.prefixed;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.Claim;
import io.mlconnector.core.state.Completion;
import io.mlconnector.core.state.Failure;
import io.mlconnector.core.state.Operation;
import io.mlconnector.core.state.OperationIntent;
import io.mlconnector.core.state.OperationStatus;
import io.mlconnector.core.state.RetryItem;
import io.mlconnector.core.state.StateConflictException;
import io.mlconnector.core.state.StateStoreException;
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
 * The operation log and the write path's transactions: begin (claim an intent), complete (mapping,
 * DONE, audit and retry removal together) and fail (FAILED or PARKED, retry item or dead letter,
 * audit together).
 */
final class JdbcOperations {
  private static final String OP_COLS =
      "tenant, op_key, flow, source_system, source_type, source_id, source_version, action,"
          + " status, attempts, target_system, target_type, target_id, last_error, created_at,"
          + " updated_at";

  private final JdbcTables db;
  private final JdbcMappings mappings;
  private final JdbcRetries retries;
  private final JdbcAudit audit;

  JdbcOperations(JdbcTables db, JdbcMappings mappings, JdbcRetries retries, JdbcAudit audit) {
    this.db = db;
    this.mappings = mappings;
    this.retries = retries;
    this.audit = audit;
  }

  public Claim begin(OperationIntent intent) {
    Checks.notNull(intent, "intent");
    ExternalRef s = intent.source();
    Instant now = db.now();
    return db.jdbc.autoCommit(
        "begin an operation",
        c -> {
          for (int attempt = 0; attempt < 3; attempt++) {
            if (db.pg) {
              Optional<Operation> won =
                  oneOperation(
                      c,
                      "INSERT INTO "
                          + db.operation
                          + " AS o (tenant, op_key, flow, source_system, source_type, source_id,"
                          + " source_version, action, status, attempts, created_at, updated_at)"
                          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 1, ?, ?) ON CONFLICT"
                          + " (tenant, op_key) DO UPDATE SET status = 'PENDING', attempts ="
                          + " o.attempts + 1, updated_at = EXCLUDED.updated_at WHERE o.status ="
                          + " 'FAILED' RETURNING "
                          + OP_COLS,
                      intent.tenant(),
                      intent.key(),
                      intent.flow(),
                      s.system(),
                      s.type(),
                      s.id(),
                      intent.sourceVersion(),
                      intent.action(),
                      now,
                      now);
              if (won.isPresent()) {
                return new Claim(true, won.get());
              }
            } else {
              if (insertUnlessDuplicate(
                  c,
                  "INSERT INTO "
                      + db.operation
                      + " (tenant, op_key, flow,"
                      + " source_system, source_type, source_id, source_version, action, status,"
                      + " attempts, created_at, updated_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 1, ?, ?)",
                  intent.tenant(),
                  intent.key(),
                  intent.flow(),
                  s.system(),
                  s.type(),
                  s.id(),
                  intent.sourceVersion(),
                  intent.action(),
                  now,
                  now)) {
                return new Claim(
                    true,
                    new Operation(
                        intent.key(),
                        intent.tenant(),
                        intent.flow(),
                        s,
                        intent.sourceVersion(),
                        intent.action(),
                        OperationStatus.PENDING,
                        1,
                        null,
                        null,
                        now,
                        now));
              }
              Optional<Operation> retried =
                  oneOperation(
                      c,
                      db.dialect.updateReturning(
                          "UPDATE "
                              + db.operation
                              + " SET status = 'PENDING', attempts = attempts + 1, updated_at = ?"
                              + " WHERE tenant = ? AND op_key = ? AND status = 'FAILED'",
                          OP_COLS),
                      now,
                      intent.tenant(),
                      intent.key());
              if (retried.isPresent()) {
                return new Claim(true, retried.get());
              }
            }
            Optional<Operation> current = findOperation(c, intent.tenant(), intent.key());
            if (current.isPresent()) {
              return new Claim(false, current.get());
            }
            // Purged between the two statements: try again.
          }
          throw new StateStoreException(
              "state store failed to begin operation " + intent.key() + ": it kept disappearing",
              null);
        });
  }

  public Optional<Operation> operation(String tenant, String key) {
    Checks.text(tenant, "tenant");
    Checks.text(key, "key");
    return db.jdbc.autoCommit("read an operation", c -> findOperation(c, tenant, key));
  }

  private Optional<Operation> findOperation(Connection c, String tenant, String key)
      throws SQLException {
    return oneOperation(
        c, "SELECT " + OP_COLS + " FROM " + db.operation + " WHERE tenant = ? AND op_key = ?", tenant, key);
  }

  private Optional<Operation> oneOperation(Connection c, String sql, Object... args)
      throws SQLException {
    try (PreparedStatement ps = bind(c.prepareStatement(sql), args);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(operation(rs)) : Optional.empty();
    }
  }

  private static Operation operation(ResultSet rs) throws SQLException {
    String tenant = rs.getString("tenant");
    return new Operation(
        rs.getString("op_key"),
        tenant,
        rs.getString("flow"),
        ref(rs, "source", tenant),
        rs.getString("source_version"),
        rs.getString("action"),
        OperationStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        ref(rs, "target", tenant),
        rs.getString("last_error"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  public List<Operation> pendingOperations(
      String tenant, String flow, Instant olderThan, int limit) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.notNull(olderThan, "olderThan");
    Checks.positive(limit, "limit");
    return db.jdbc.autoCommit(
        "list pending operations",
        c -> {
          List<Operation> out = new ArrayList<>();
          try (PreparedStatement ps =
                  bind(
                      c.prepareStatement(
                          "SELECT "
                              + OP_COLS
                              + " FROM "
                              + db.operation
                              + " WHERE tenant = ? AND flow = ? AND status = 'PENDING' AND"
                              + " updated_at < ? ORDER BY updated_at, op_key LIMIT ?"),
                      tenant,
                      flow,
                      olderThan,
                      limit);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(operation(rs));
            }
          }
          return out;
        });
  }

  public void complete(Completion completion) {
    Checks.notNull(completion, "completion");
    String tenant = completion.tenant();
    ExternalRef target = completion.mapping().target();
    Instant now = db.now();
    db.jdbc.transaction(
        "complete an operation",
        c -> {
          Subject op =
              finishOperation(
                  c,
                  tenant,
                  completion.operationKey(),
                  "complete",
                  "UPDATE "
                      + db.operation
                      + " SET status = 'DONE', target_system = ?, target_type = ?,"
                      + " target_id = ?, updated_at = ?"
                      + " WHERE tenant = ? AND op_key = ? AND status = 'PENDING'",
                  target.system(),
                  target.type(),
                  target.id(),
                  now,
                  tenant,
                  completion.operationKey());
          mappings.upsertMapping(c, completion.mapping(), now);
          audit.insertAudit(c, completion.audit());
          update(
              c,
              "DELETE FROM "
                  + db.retry
                  + " WHERE tenant = ? AND flow = ? AND source_system = ?"
                  + " AND source_type = ? AND source_id = ?",
              tenant,
              op.flow,
              op.source.system(),
              op.source.type(),
              op.source.id());
          return null;
        });
  }

  public void fail(Failure failure) {
    Checks.notNull(failure, "failure");
    String tenant = failure.tenant();
    Instant now = db.now();
    boolean dead = failure.status() == OperationStatus.PARKED;
    db.jdbc.transaction(
        "record a failed operation",
        c -> {
          Subject op =
              finishOperation(
                  c,
                  tenant,
                  failure.operationKey(),
                  "fail",
                  "UPDATE "
                      + db.operation
                      + " SET status = ?, last_error = ?, updated_at = ?"
                      + " WHERE tenant = ? AND op_key = ? AND status = 'PENDING'",
                  failure.status().name(),
                  failure.error(),
                  now,
                  tenant,
                  failure.operationKey());
          retries.upsertRetry(
              c,
              new RetryItem(
                  0,
                  tenant,
                  op.flow,
                  op.source,
                  failure.operationKey(),
                  failure.payload(),
                  op.attempts,
                  dead ? now : failure.retryAt(),
                  failure.error(),
                  dead),
              dead ? now : null);
          audit.insertAudit(c, failure.audit());
          return null;
        });
  }

  /** The operation's flow, source and attempts, as returned by the conditional update. */
  private record Subject(String flow, ExternalRef source, int attempts) {}

  private Subject finishOperation(
      Connection c, String tenant, String key, String verb, String updateSql, Object... args)
      throws SQLException {
    try (PreparedStatement ps =
            bind(
                c.prepareStatement(
                    db.dialect.updateReturning(
                        updateSql, "flow, source_system, source_type, source_id, attempts")),
                args);
        ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        return new Subject(rs.getString("flow"), ref(rs, "source", tenant), rs.getInt("attempts"));
      }
    }
    Optional<Operation> current = findOperation(c, tenant, key);
    throw new StateConflictException(
        "cannot "
            + verb
            + " operation "
            + key
            + ": "
            + current
                .map(o -> "it is " + o.status() + ", not PENDING")
                .orElse("it was never begun"));
  }
}
