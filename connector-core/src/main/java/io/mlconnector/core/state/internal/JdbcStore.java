package io.mlconnector.core.state.internal;

import static io.mlconnector.core.state.internal.Jdbc.bind;
import static io.mlconnector.core.state.internal.Jdbc.insertUnlessDuplicate;
import static io.mlconnector.core.state.internal.Jdbc.instant;
import static io.mlconnector.core.state.internal.Jdbc.update;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.state.Claim;
import io.mlconnector.core.state.Completion;
import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.Failure;
import io.mlconnector.core.state.InboxEvent;
import io.mlconnector.core.state.Lease;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.state.Operation;
import io.mlconnector.core.state.OperationIntent;
import io.mlconnector.core.state.OperationStatus;
import io.mlconnector.core.state.Page;
import io.mlconnector.core.state.PurgeResult;
import io.mlconnector.core.state.RetryItem;
import io.mlconnector.core.state.SeenFile;
import io.mlconnector.core.state.StateConflictException;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.state.StateStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The JDBC state store's logic, for H2 and PostgreSQL. Every decision that guards against
 * duplicates is made by the database: a unique constraint, an {@code INSERT ... ON CONFLICT} (on
 * PostgreSQL), or a conditional {@code UPDATE} whose update count says who won (on H2 the row lock
 * makes a waiting UPDATE re-check its condition against the winner's committed row).
 */
public final class JdbcStore implements StateStore {
  private static final String OP_COLS =
      "tenant, op_key, flow, source_system, source_type, source_id, source_version, action,"
          + " status, attempts, target_system, target_type, target_id, last_error, created_at,"
          + " updated_at";
  private static final String INBOX_COLS =
      "id, tenant, source, event_id, event_type, payload, received_at, status, attempts, note";
  private static final String RETRY_COLS =
      "id, tenant, flow, source_system, source_type, source_id, operation_key, payload, attempts,"
          + " next_attempt_at, last_error, dead, parked_at";
  private static final String AUDIT_COLS =
      "id, tenant, flow, run_id, source_system, source_type, source_id, target_system,"
          + " target_type, target_id, action, outcome, error, payload_digest, occurred_at";
  private static final String MAPPING_COLS =
      "tenant, source_system, source_type, source_id, target_system, target_type, target_id,"
          + " attributes";

  /** Candidate passes of one H2 claim before it settles for fewer items than asked. */
  private static final int H2_CLAIM_PASSES = 4;

  private final Jdbc jdbc;
  private final Dialect dialect;
  private final Clock clock;
  private final AutoCloseable ownedResource;
  private final boolean pg;
  private final String cursorT;
  private final String mappingT;
  private final String opT;
  private final String inboxT;
  private final String fileT;
  private final String docT;
  private final String retryT;
  private final String auditT;
  private final String leaseT;

  /**
   * A store over {@code dataSource}, whose schema {@code schema} must already be migrated. {@code
   * ownedResource}, when not null, is closed by {@link #close()}.
   */
  public JdbcStore(
      DataSource dataSource,
      Dialect dialect,
      Schema schema,
      Clock clock,
      AutoCloseable ownedResource) {
    this.jdbc = new Jdbc(dataSource);
    this.dialect = dialect;
    this.clock = clock;
    this.ownedResource = ownedResource;
    this.pg = dialect == Dialect.POSTGRESQL;
    this.cursorT = schema.table("cursor");
    this.mappingT = schema.table("mapping");
    this.opT = schema.table("operation");
    this.inboxT = schema.table("inbox");
    this.fileT = schema.table("seen_file");
    this.docT = schema.table("document_key");
    this.retryT = schema.table("retry");
    this.auditT = schema.table("audit");
    this.leaseT = schema.table("lease");
  }

  private Instant now() {
    return Jdbc.micros(clock.instant());
  }

  // ---------------------------------------------------------------- cursors

  @Override
  public Optional<String> cursor(String tenant, String flow, String stream) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.text(stream, "stream");
    return jdbc.autoCommit(
        "read a cursor",
        c -> {
          try (PreparedStatement ps =
                  bind(
                      c.prepareStatement(
                          "SELECT checkpoint FROM "
                              + cursorT
                              + " WHERE tenant = ? AND flow = ? AND stream = ?"),
                      tenant,
                      flow,
                      stream);
              ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
          }
        });
  }

  @Override
  public void saveCursor(String tenant, String flow, String stream, String checkpoint) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.text(stream, "stream");
    Checks.notNull(checkpoint, "checkpoint");
    Instant now = now();
    jdbc.autoCommit(
        "save a cursor",
        c -> {
          if (pg) {
            update(
                c,
                "INSERT INTO "
                    + cursorT
                    + " (tenant, flow, stream, checkpoint, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant, flow, stream) DO UPDATE"
                    + " SET checkpoint = EXCLUDED.checkpoint, updated_at = EXCLUDED.updated_at",
                tenant,
                flow,
                stream,
                checkpoint,
                now);
          } else {
            String upd =
                "UPDATE "
                    + cursorT
                    + " SET checkpoint = ?, updated_at = ?"
                    + " WHERE tenant = ? AND flow = ? AND stream = ?";
            if (update(c, upd, checkpoint, now, tenant, flow, stream) == 0
                && !insertUnlessDuplicate(
                    c,
                    "INSERT INTO "
                        + cursorT
                        + " (tenant, flow, stream, checkpoint, updated_at) VALUES (?, ?, ?, ?, ?)",
                    tenant,
                    flow,
                    stream,
                    checkpoint,
                    now)) {
              update(c, upd, checkpoint, now, tenant, flow, stream);
            }
          }
          return null;
        });
  }

  // ---------------------------------------------------------------- mappings

  @Override
  public Optional<Mapping> mappingBySource(ExternalRef source, String targetSystem) {
    Checks.notNull(source, "source");
    Checks.text(targetSystem, "targetSystem");
    return jdbc.autoCommit("read a mapping", c -> findBySource(c, source, targetSystem));
  }

  @Override
  public Optional<Mapping> mappingByTarget(ExternalRef target) {
    Checks.notNull(target, "target");
    return jdbc.autoCommit("read a mapping", c -> findByTarget(c, target));
  }

  private Optional<Mapping> findBySource(Connection c, ExternalRef s, String targetSystem)
      throws SQLException {
    return oneMapping(
        c,
        "SELECT "
            + MAPPING_COLS
            + " FROM "
            + mappingT
            + " WHERE tenant = ? AND source_system = ? AND source_type = ? AND source_id = ?"
            + " AND target_system = ?",
        s.tenant(),
        s.system(),
        s.type(),
        s.id(),
        targetSystem);
  }

  private Optional<Mapping> findByTarget(Connection c, ExternalRef t) throws SQLException {
    return oneMapping(
        c,
        "SELECT "
            + MAPPING_COLS
            + " FROM "
            + mappingT
            + " WHERE tenant = ? AND target_system = ? AND target_type = ? AND target_id = ?",
        t.tenant(),
        t.system(),
        t.type(),
        t.id());
  }

  private Optional<Mapping> oneMapping(Connection c, String sql, Object... args)
      throws SQLException {
    try (PreparedStatement ps = bind(c.prepareStatement(sql), args);
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      String tenant = rs.getString("tenant");
      return Optional.of(
          new Mapping(
              ref(rs, "source", tenant),
              ref(rs, "target", tenant),
              Attributes.decode(rs.getString("attributes"))));
    }
  }

  @Override
  public void saveMapping(Mapping mapping) {
    Checks.notNull(mapping, "mapping");
    Instant now = now();
    jdbc.transaction(
        "save a mapping",
        c -> {
          upsertMapping(c, mapping, now);
          return null;
        });
  }

  /**
   * Inserts the mapping or replaces the attributes of the identical pair; throws a conflict when
   * either side is mapped to another record. The caller's transaction is rolled back then.
   */
  private void upsertMapping(Connection c, Mapping m, Instant now) throws SQLException {
    ExternalRef s = m.source();
    ExternalRef t = m.target();
    String attrs = Attributes.encode(m.attributes());
    Object[] insertArgs = {
      s.tenant(), s.system(), s.type(), s.id(), t.system(), t.type(), t.id(), attrs, now, now
    };
    String columns =
        " ("
            + MAPPING_COLS
            + ", created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    boolean saved;
    try {
      if (pg) {
        // Same pair: the attributes are replaced. Source mapped elsewhere in that target system:
        // the WHERE keeps the row and nothing is counted. Target mapped to another source: the
        // other unique constraint throws.
        saved =
            update(
                    c,
                    "INSERT INTO "
                        + mappingT
                        + " AS m"
                        + columns
                        + " ON CONFLICT ON CONSTRAINT "
                        + mappingT
                        + "_source_uq DO UPDATE SET attributes = EXCLUDED.attributes, updated_at ="
                        + " EXCLUDED.updated_at WHERE m.target_type = EXCLUDED.target_type AND"
                        + " m.target_id = EXCLUDED.target_id",
                    insertArgs)
                == 1;
      } else {
        String upd =
            "UPDATE "
                + mappingT
                + " SET attributes = ?, updated_at = ?"
                + " WHERE tenant = ? AND source_system = ? AND source_type = ? AND source_id = ?"
                + " AND target_system = ? AND target_type = ? AND target_id = ?";
        Object[] updArgs = {
          attrs, now, s.tenant(), s.system(), s.type(), s.id(), t.system(), t.type(), t.id()
        };
        saved =
            update(c, upd, updArgs) == 1
                || insertUnlessDuplicate(c, "INSERT INTO " + mappingT + columns, insertArgs)
                || update(c, upd, updArgs) == 1;
      }
    } catch (SQLException e) {
      if (!Jdbc.isUniqueViolation(e)) {
        throw e;
      }
      saved = false;
    }
    if (!saved) {
      throw mappingConflict(c, m);
    }
  }

  private StateConflictException mappingConflict(Connection c, Mapping m) {
    // Only for the message: the decision was made by the constraint above.
    try {
      if (!pg) {
        Optional<Mapping> bySource = findBySource(c, m.source(), m.target().system());
        if (bySource.isPresent() && !bySource.get().target().equals(m.target())) {
          return new StateConflictException(
              "source " + m.source() + " is already mapped to " + bySource.get().target());
        }
        Optional<Mapping> byTarget = findByTarget(c, m.target());
        if (byTarget.isPresent()) {
          return new StateConflictException(
              "target " + m.target() + " is already mapped to " + byTarget.get().source());
        }
      }
    } catch (SQLException ignored) {
      // Fall through to the general message.
    }
    return new StateConflictException(
        "source "
            + m.source()
            + " or target "
            + m.target()
            + " is already mapped to another record");
  }

  // ---------------------------------------------------------------- operation log

  @Override
  public Claim begin(OperationIntent intent) {
    Checks.notNull(intent, "intent");
    ExternalRef s = intent.source();
    Instant now = now();
    return jdbc.autoCommit(
        "begin an operation",
        c -> {
          for (int attempt = 0; attempt < 3; attempt++) {
            if (pg) {
              Optional<Operation> won =
                  oneOperation(
                      c,
                      "INSERT INTO "
                          + opT
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
                      + opT
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
                      dialect.updateReturning(
                          "UPDATE "
                              + opT
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

  @Override
  public Optional<Operation> operation(String tenant, String key) {
    Checks.text(tenant, "tenant");
    Checks.text(key, "key");
    return jdbc.autoCommit("read an operation", c -> findOperation(c, tenant, key));
  }

  private Optional<Operation> findOperation(Connection c, String tenant, String key)
      throws SQLException {
    return oneOperation(
        c, "SELECT " + OP_COLS + " FROM " + opT + " WHERE tenant = ? AND op_key = ?", tenant, key);
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

  @Override
  public List<Operation> pendingOperations(
      String tenant, String flow, Instant olderThan, int limit) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.notNull(olderThan, "olderThan");
    Checks.positive(limit, "limit");
    return jdbc.autoCommit(
        "list pending operations",
        c -> {
          List<Operation> out = new ArrayList<>();
          try (PreparedStatement ps =
                  bind(
                      c.prepareStatement(
                          "SELECT "
                              + OP_COLS
                              + " FROM "
                              + opT
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

  @Override
  public void complete(Completion completion) {
    Checks.notNull(completion, "completion");
    String tenant = completion.tenant();
    Checks.sameTenant(tenant, completion.mapping().source().tenant(), "completion.mapping");
    Checks.sameTenant(tenant, completion.audit().tenant(), "completion.audit");
    checkAuditRefs(completion.audit());
    ExternalRef target = completion.mapping().target();
    Instant now = now();
    jdbc.transaction(
        "complete an operation",
        c -> {
          Subject op =
              finishOperation(
                  c,
                  tenant,
                  completion.operationKey(),
                  "complete",
                  "UPDATE "
                      + opT
                      + " SET status = 'DONE', target_system = ?, target_type = ?,"
                      + " target_id = ?, updated_at = ?"
                      + " WHERE tenant = ? AND op_key = ? AND status = 'PENDING'",
                  target.system(),
                  target.type(),
                  target.id(),
                  now,
                  tenant,
                  completion.operationKey());
          upsertMapping(c, completion.mapping(), now);
          insertAudit(c, completion.audit());
          update(
              c,
              "DELETE FROM "
                  + retryT
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

  @Override
  public void fail(Failure failure) {
    Checks.notNull(failure, "failure");
    String tenant = failure.tenant();
    Checks.sameTenant(tenant, failure.audit().tenant(), "failure.audit");
    checkAuditRefs(failure.audit());
    Instant now = now();
    boolean dead = failure.status() == OperationStatus.PARKED;
    jdbc.transaction(
        "record a failed operation",
        c -> {
          Subject op =
              finishOperation(
                  c,
                  tenant,
                  failure.operationKey(),
                  "fail",
                  "UPDATE "
                      + opT
                      + " SET status = ?, last_error = ?, updated_at = ?"
                      + " WHERE tenant = ? AND op_key = ? AND status = 'PENDING'",
                  failure.status().name(),
                  failure.error(),
                  now,
                  tenant,
                  failure.operationKey());
          upsertRetry(
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
          insertAudit(c, failure.audit());
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
                    dialect.updateReturning(
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

  // ---------------------------------------------------------------- webhook inbox

  @Override
  public boolean receive(InboxEvent event) {
    Checks.notNull(event, "event");
    Checks.text(event.tenant(), "event.tenant");
    Checks.text(event.source(), "event.source");
    Checks.text(event.eventId(), "event.eventId");
    Checks.text(event.type(), "event.type");
    Checks.notNull(event.payload(), "event.payload");
    Checks.notNull(event.receivedAt(), "event.receivedAt");
    return jdbc.autoCommit(
        "store an inbox event",
        c -> {
          String sql =
              "INSERT INTO "
                  + inboxT
                  + " (tenant, source, event_id, event_type, payload,"
                  + " received_at, status, attempts) VALUES (?, ?, ?, ?, ?, ?, 'RECEIVED', 0)";
          Object[] args = {
            event.tenant(),
            event.source(),
            event.eventId(),
            event.type(),
            event.payload(),
            event.receivedAt()
          };
          return pg
              ? update(c, sql + " ON CONFLICT (tenant, source, event_id) DO NOTHING", args) == 1
              : insertUnlessDuplicate(c, sql, args);
        });
  }

  @Override
  public List<InboxEvent> claimInbox(
      String tenant, String source, String owner, Duration claimTtl, int max) {
    Checks.text(tenant, "tenant");
    Checks.text(source, "source");
    Checks.text(owner, "owner");
    Checks.positive(claimTtl, "claimTtl");
    Checks.positive(max, "max");
    Instant now = now();
    Instant until = now.plus(claimTtl);
    String free = "status = 'RECEIVED' AND (claimed_until IS NULL OR claimed_until <= ?)";
    String set = "claimed_by = ?, claimed_until = ?, attempts = attempts + 1";
    List<InboxEvent> claimed =
        claim(
            "claim inbox events",
            max,
            "WITH c AS (SELECT id FROM "
                + inboxT
                + " WHERE tenant = ? AND source = ? AND "
                + free
                + " ORDER BY received_at, id LIMIT ? FOR UPDATE SKIP LOCKED)"
                + " UPDATE "
                + inboxT
                + " i SET "
                + set
                + " FROM c WHERE i.id = c.id RETURNING "
                + prefixed("i.", INBOX_COLS),
            new Object[] {tenant, source, now, max, owner, until},
            "SELECT id FROM "
                + inboxT
                + " WHERE tenant = ? AND source = ? AND "
                + free
                + " ORDER BY received_at, id LIMIT ?",
            new Object[] {tenant, source, now},
            dialect.updateReturning(
                "UPDATE " + inboxT + " SET " + set + " WHERE id = ? AND " + free, INBOX_COLS),
            id -> new Object[] {owner, until, id, now},
            JdbcStore::inboxEvent);
    claimed.sort(Comparator.comparing(InboxEvent::receivedAt).thenComparingLong(InboxEvent::id));
    return claimed;
  }

  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /**
   * Claims up to {@code max} rows. PostgreSQL: one statement that locks candidates with {@code FOR
   * UPDATE SKIP LOCKED} and stamps them. H2: reads candidates, then claims each with a conditional
   * UPDATE (auto-committed, so no lock is held between rows) and keeps the rows whose update won;
   * rows lost to a faster claimer make it read candidates again, a few times at most.
   */
  private <T> List<T> claim(
      String operation,
      int max,
      String pgSql,
      Object[] pgArgs,
      String candidatesSql,
      Object[] candidateArgs,
      String claimOneSql,
      java.util.function.LongFunction<Object[]> claimOneArgs,
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
            Object[] args = java.util.Arrays.copyOf(candidateArgs, candidateArgs.length + 1);
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

  private static String prefixed(String alias, String columns) {
    StringBuilder out = new StringBuilder();
    for (String col : columns.split(",")) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(alias).append(col.trim());
    }
    return out.toString();
  }

  private static InboxEvent inboxEvent(ResultSet rs) throws SQLException {
    return new InboxEvent(
        rs.getLong("id"),
        rs.getString("tenant"),
        rs.getString("source"),
        rs.getString("event_id"),
        rs.getString("event_type"),
        rs.getString("payload"),
        instant(rs, "received_at"),
        InboxEvent.Status.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getString("note"));
  }

  @Override
  public void finishInbox(String tenant, long eventId, InboxEvent.Status status, String note) {
    Checks.text(tenant, "tenant");
    Checks.notNull(status, "status");
    if (status == InboxEvent.Status.RECEIVED) {
      throw new IllegalArgumentException(
          "status must be PROCESSED, IGNORED or PARKED, was RECEIVED");
    }
    int n =
        jdbc.autoCommit(
            "finish an inbox event",
            c ->
                update(
                    c,
                    "UPDATE "
                        + inboxT
                        + " SET status = ?, note = ?, claimed_by = NULL, claimed_until = NULL"
                        + " WHERE tenant = ? AND id = ?",
                    status.name(),
                    note,
                    tenant,
                    eventId));
    if (n == 0) {
      throw new IllegalArgumentException("no inbox event " + eventId + " for tenant " + tenant);
    }
  }

  @Override
  public void finishInbox(
      String tenant, java.util.Collection<Long> eventIds, InboxEvent.Status status, String note) {
    Checks.text(tenant, "tenant");
    Checks.notNull(status, "status");
    Checks.notNull(eventIds, "eventIds");
    if (status == InboxEvent.Status.RECEIVED) {
      throw new IllegalArgumentException(
          "status must be PROCESSED, IGNORED or PARKED, was RECEIVED");
    }
    if (eventIds.isEmpty()) {
      return;
    }
    jdbc.transaction(
        "finish inbox events",
        c -> {
          for (long id : eventIds) {
            int n =
                update(
                    c,
                    "UPDATE "
                        + inboxT
                        + " SET status = ?, note = ?, claimed_by = NULL, claimed_until = NULL"
                        + " WHERE tenant = ? AND id = ?",
                    status.name(),
                    note,
                    tenant,
                    id);
            if (n == 0) {
              throw new IllegalArgumentException("no inbox event " + id + " for tenant " + tenant);
            }
          }
          return null;
        });
  }

  @Override
  public int ignoreInbox(
      String tenant, String source, java.util.Set<String> handledTypes, String note) {
    Checks.text(tenant, "tenant");
    Checks.text(source, "source");
    Checks.notNull(handledTypes, "handledTypes");
    if (handledTypes.isEmpty()) {
      throw new IllegalArgumentException("handledTypes must not be empty");
    }
    Instant now = now();
    List<Object> args = new ArrayList<>();
    args.add(note);
    args.add(tenant);
    args.add(source);
    args.add(now);
    StringBuilder in = new StringBuilder();
    for (String type : handledTypes) {
      in.append(in.length() == 0 ? "?" : ", ?");
      args.add(type);
    }
    return jdbc.autoCommit(
        "ignore inbox events by type",
        c ->
            update(
                c,
                "UPDATE "
                    + inboxT
                    + " SET status = 'IGNORED', note = ?, claimed_by = NULL, claimed_until = NULL"
                    + " WHERE tenant = ? AND source = ? AND status = 'RECEIVED'"
                    + " AND (claimed_until IS NULL OR claimed_until <= ?)"
                    + " AND event_type NOT IN ("
                    + in
                    + ")",
                args.toArray()));
  }

  @Override
  public void releaseInbox(String tenant, long eventId, String owner) {
    Checks.text(tenant, "tenant");
    Checks.text(owner, "owner");
    jdbc.autoCommit(
        "release an inbox event",
        c ->
            update(
                c,
                "UPDATE "
                    + inboxT
                    + " SET claimed_by = NULL, claimed_until = NULL"
                    + " WHERE tenant = ? AND id = ? AND claimed_by = ?",
                tenant,
                eventId,
                owner));
  }

  // ---------------------------------------------------------------- seen files and documents

  @Override
  public boolean recordFile(SeenFile file) {
    Checks.notNull(file, "file");
    Checks.text(file.tenant(), "file.tenant");
    Checks.text(file.flow(), "file.flow");
    Checks.text(file.contentHash(), "file.contentHash");
    Checks.notNull(file.name(), "file.name");
    Checks.notNull(file.status(), "file.status");
    Checks.notNull(file.recordedAt(), "file.recordedAt");
    return jdbc.autoCommit(
        "record a file",
        c ->
            insertIgnoring(
                c,
                "INSERT INTO "
                    + fileT
                    + " (tenant, flow, content_hash, name, status, recorded_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)",
                file.tenant(),
                file.flow(),
                file.contentHash(),
                file.name(),
                file.status().name(),
                file.recordedAt()));
  }

  private boolean insertIgnoring(Connection c, String sql, Object... args) throws SQLException {
    return pg
        ? update(c, sql + " ON CONFLICT DO NOTHING", args) == 1
        : insertUnlessDuplicate(c, sql, args);
  }

  @Override
  public Optional<SeenFile> file(String tenant, String flow, String contentHash) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.text(contentHash, "contentHash");
    return jdbc.autoCommit(
        "read a file",
        c -> {
          try (PreparedStatement ps =
                  bind(
                      c.prepareStatement(
                          "SELECT name, status, recorded_at FROM "
                              + fileT
                              + " WHERE tenant = ? AND flow = ? AND content_hash = ?"),
                      tenant,
                      flow,
                      contentHash);
              ResultSet rs = ps.executeQuery()) {
            return rs.next()
                ? Optional.of(
                    new SeenFile(
                        tenant,
                        flow,
                        contentHash,
                        rs.getString("name"),
                        SeenFile.Status.valueOf(rs.getString("status")),
                        instant(rs, "recorded_at")))
                : Optional.<SeenFile>empty();
          }
        });
  }

  @Override
  public void updateFile(String tenant, String flow, String contentHash, SeenFile.Status status) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.text(contentHash, "contentHash");
    Checks.notNull(status, "status");
    int n =
        jdbc.autoCommit(
            "update a file",
            c ->
                update(
                    c,
                    "UPDATE "
                        + fileT
                        + " SET status = ? WHERE tenant = ? AND flow = ? AND content_hash = ?",
                    status.name(),
                    tenant,
                    flow,
                    contentHash));
    if (n == 0) {
      throw new IllegalArgumentException(
          "no file " + contentHash + " recorded for flow " + flow + " of tenant " + tenant);
    }
  }

  @Override
  public boolean claimDocument(String tenant, String flow, String naturalKey, String contentHash) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.text(naturalKey, "naturalKey");
    Checks.text(contentHash, "contentHash");
    Instant now = now();
    return jdbc.autoCommit(
        "claim a document key",
        c ->
            insertIgnoring(
                c,
                "INSERT INTO "
                    + docT
                    + " (tenant, flow, natural_key, content_hash, claimed_at)"
                    + " VALUES (?, ?, ?, ?, ?)",
                tenant,
                flow,
                naturalKey,
                contentHash,
                now));
  }

  // ---------------------------------------------------------------- retry queue and dead letters

  @Override
  public void scheduleRetry(RetryItem item) {
    Checks.notNull(item, "item");
    Checks.text(item.tenant(), "item.tenant");
    Checks.text(item.flow(), "item.flow");
    Checks.ref(item.source(), "item.source", item.tenant());
    Checks.notNull(item.nextAttemptAt(), "item.nextAttemptAt");
    Instant now = now();
    jdbc.autoCommit(
        "schedule a retry",
        c -> {
          upsertRetry(c, item, item.dead() ? now : null);
          return null;
        });
  }

  private void upsertRetry(Connection c, RetryItem i, Instant parkedAt) throws SQLException {
    ExternalRef s = i.source();
    if (pg) {
      update(
          c,
          "INSERT INTO "
              + retryT
              + " (tenant, flow, source_system, source_type, source_id,"
              + " operation_key, payload, attempts, next_attempt_at, last_error, dead, parked_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
              + " ON CONFLICT ON CONSTRAINT "
              + retryT
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
            + retryT
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
                + retryT
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

  @Override
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
        claim(
            "claim due retries",
            max,
            "WITH c AS (SELECT id FROM "
                + retryT
                + " WHERE tenant = ? AND flow = ? AND "
                + free
                + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)"
                + " UPDATE "
                + retryT
                + " r SET "
                + set
                + " FROM c WHERE r.id = c.id RETURNING "
                + prefixed("r.", RETRY_COLS),
            new Object[] {tenant, flow, at, at, max, owner, until},
            "SELECT id FROM "
                + retryT
                + " WHERE tenant = ? AND flow = ? AND "
                + free
                + " ORDER BY next_attempt_at, id LIMIT ?",
            new Object[] {tenant, flow, at, at},
            dialect.updateReturning(
                "UPDATE " + retryT + " SET " + set + " WHERE id = ? AND " + free, RETRY_COLS),
            id -> new Object[] {owner, until, id, at, at},
            JdbcStore::retryItem);
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

  @Override
  public void removeRetry(String tenant, long itemId) {
    Checks.text(tenant, "tenant");
    jdbc.autoCommit(
        "remove a retry",
        c -> update(c, "DELETE FROM " + retryT + " WHERE tenant = ? AND id = ?", tenant, itemId));
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

  @Override
  public Page<RetryItem> deadLetters(DeadLetterQuery query) {
    Checks.notNull(query, "query");
    PageToken after = PageToken.decode(query.pageToken());
    List<Object> args = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder("SELECT " + RETRY_COLS + " FROM " + retryT + " WHERE ")
            .append(deadLetterFilter(query, args));
    if (after != null) {
      sql.append(" AND (parked_at > ? OR (parked_at = ? AND id > ?))");
      args.add(after.at());
      args.add(after.at());
      args.add(after.id());
    }
    sql.append(" ORDER BY parked_at, id LIMIT ?");
    args.add(query.limit() + 1);
    return jdbc.autoCommit(
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

  @Override
  public int replay(DeadLetterQuery query) {
    Checks.notNull(query, "query");
    Instant now = now();
    List<Object> args = new ArrayList<>();
    String where = deadLetterFilter(query, args);
    return jdbc.transaction(
        "replay dead letters",
        c -> {
          List<Long> ids = new ArrayList<>();
          List<String> keys = new ArrayList<>();
          try (PreparedStatement ps =
                  bind(
                      c.prepareStatement(
                          "SELECT id, operation_key FROM "
                              + retryT
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
                          + retryT
                          + " SET dead = FALSE, next_attempt_at = ?, parked_at = NULL, claimed_by ="
                          + " NULL, claimed_until = NULL WHERE tenant = ? AND id = ? AND dead ="
                          + " TRUE");
              PreparedStatement unpark =
                  c.prepareStatement(
                      "UPDATE "
                          + opT
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

  // ---------------------------------------------------------------- audit

  @Override
  public void audit(AuditEntry entry) {
    Checks.notNull(entry, "entry");
    checkAuditRefs(entry);
    jdbc.autoCommit(
        "append an audit entry",
        c -> {
          insertAudit(c, entry);
          return null;
        });
  }

  private static void checkAuditRefs(AuditEntry e) {
    if (e.source() != null) {
      Checks.ref(e.source(), "audit.source", e.tenant());
    }
    if (e.target() != null) {
      Checks.ref(e.target(), "audit.target", e.tenant());
    }
  }

  private void insertAudit(Connection c, AuditEntry e) throws SQLException {
    ExternalRef s = e.source();
    ExternalRef t = e.target();
    update(
        c,
        "INSERT INTO "
            + auditT
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

  @Override
  public Page<AuditEntry> audit(AuditQuery q) {
    Checks.notNull(q, "query");
    PageToken before = PageToken.decode(q.pageToken());
    List<Object> args = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder("SELECT " + AUDIT_COLS + " FROM " + auditT + " WHERE tenant = ?");
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
    return jdbc.autoCommit(
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

  // ---------------------------------------------------------------- leases

  @Override
  public boolean tryAcquireLease(String tenant, String flow, String owner, Duration ttl) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.text(owner, "owner");
    Checks.positive(ttl, "ttl");
    Instant now = now();
    Instant until = now.plus(ttl);
    return jdbc.autoCommit(
        "acquire a lease",
        c -> {
          if (pg) {
            return update(
                    c,
                    "INSERT INTO "
                        + leaseT
                        + " AS l (tenant, flow, owner, expires_at)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (tenant, flow) DO UPDATE"
                        + " SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at"
                        + " WHERE l.owner = EXCLUDED.owner OR l.expires_at <= ?",
                    tenant,
                    flow,
                    owner,
                    until,
                    now)
                == 1;
          }
          return update(
                      c,
                      "UPDATE "
                          + leaseT
                          + " SET owner = ?, expires_at = ?"
                          + " WHERE tenant = ? AND flow = ? AND (owner = ? OR expires_at <= ?)",
                      owner,
                      until,
                      tenant,
                      flow,
                      owner,
                      now)
                  == 1
              || insertUnlessDuplicate(
                  c,
                  "INSERT INTO "
                      + leaseT
                      + " (tenant, flow, owner, expires_at) VALUES (?, ?, ?, ?)",
                  tenant,
                  flow,
                  owner,
                  until);
        });
  }

  @Override
  public void releaseLease(String tenant, String flow, String owner) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.text(owner, "owner");
    jdbc.autoCommit(
        "release a lease",
        c ->
            update(
                c,
                "DELETE FROM " + leaseT + " WHERE tenant = ? AND flow = ? AND owner = ?",
                tenant,
                flow,
                owner));
  }

  @Override
  public Optional<Lease> lease(String tenant, String flow) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Instant now = now();
    return jdbc.autoCommit(
        "read a lease",
        c -> {
          try (PreparedStatement ps =
                  bind(
                      c.prepareStatement(
                          "SELECT owner, expires_at FROM "
                              + leaseT
                              + " WHERE tenant = ? AND flow = ? AND expires_at > ?"),
                      tenant,
                      flow,
                      now);
              ResultSet rs = ps.executeQuery()) {
            return rs.next()
                ? Optional.of(new Lease(tenant, flow, rs.getString(1), instant(rs, "expires_at")))
                : Optional.<Lease>empty();
          }
        });
  }

  // ---------------------------------------------------------------- retention

  @Override
  public PurgeResult purge(Instant cutoff) {
    Checks.notNull(cutoff, "cutoff");
    return jdbc.autoCommit(
        "purge old rows",
        c -> {
          long ops =
              update(c, "DELETE FROM " + opT + " WHERE status = 'DONE' AND updated_at < ?", cutoff);
          long audits = update(c, "DELETE FROM " + auditT + " WHERE occurred_at < ?", cutoff);
          long events =
              update(
                  c,
                  "DELETE FROM "
                      + inboxT
                      + " WHERE status IN ('PROCESSED', 'IGNORED') AND received_at < ?",
                  cutoff);
          return new PurgeResult(ops, audits, events);
        });
  }

  @Override
  public void close() {
    jdbc.close();
    if (ownedResource != null) {
      try {
        ownedResource.close();
      } catch (Exception e) {
        throw new StateStoreException("state store could not close its connection pool", e);
      }
    }
  }

  private static ExternalRef ref(ResultSet rs, String side, String tenant) throws SQLException {
    String system = rs.getString(side + "_system");
    if (system == null) {
      return null;
    }
    return new ExternalRef(
        system, tenant, rs.getString(side + "_type"), rs.getString(side + "_id"));
  }
}
