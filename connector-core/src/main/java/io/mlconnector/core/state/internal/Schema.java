package io.mlconnector.core.state.internal;

import io.mlconnector.core.state.StateStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state store's tables and their versioned migrations.
 *
 * <p>Applied versions are recorded in {@code <prefix>schema_version}, one row per version (its
 * primary key makes a version count once). On PostgreSQL all pending migrations run in one
 * transaction under a transaction-scoped advisory lock, so two processes starting together apply
 * them once and in order. H2 commits DDL implicitly, so every migration statement is written to be
 * idempotent ({@code IF NOT EXISTS}); a store that loses a race to create an object runs the
 * pending migrations again. Migrations must therefore stay idempotent.
 */
public final class Schema {
  private static final Logger log = LoggerFactory.getLogger(Schema.class);
  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,29}");

  /** The newest schema version this library knows. */
  public static final int CURRENT_VERSION = 2;

  private final String prefix;
  private final Dialect dialect;

  /** The schema under {@code prefix} in {@code dialect}. */
  public Schema(String prefix, Dialect dialect) {
    this.prefix = checkPrefix(prefix);
    this.dialect = dialect;
  }

  /** Returns {@code prefix}, or throws when it is not a safe SQL identifier start. */
  public static String checkPrefix(String prefix) {
    if (prefix == null) {
      throw new NullPointerException("tablePrefix");
    }
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "tablePrefix must be a lower-case letter followed by up to 29 lower-case letters, digits"
              + " or underscores, was '"
              + prefix
              + "'");
    }
    return prefix;
  }

  /** The prefixed name of a table. */
  public String table(String name) {
    return prefix + name;
  }

  /** Every table this schema creates, for tests that drop them. */
  public List<String> tables() {
    return List.of(
        table("schema_version"),
        table("cursor"),
        table("mapping"),
        table("operation"),
        table("inbox"),
        table("seen_file"),
        table("document_key"),
        table("retry"),
        table("audit"),
        table("lease"));
  }

  /** Creates the schema or brings it up to {@link #CURRENT_VERSION}. */
  public void migrate(DataSource dataSource, Clock clock) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      try {
        if (dialect == Dialect.POSTGRESQL) {
          migratePostgres(c, clock);
        } else {
          migrateH2(c, clock);
        }
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StateStoreException(
          "state store could not migrate the schema with table prefix " + prefix, e);
    }
  }

  private void migratePostgres(Connection c, Clock clock) throws SQLException {
    c.setAutoCommit(false);
    try {
      try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        lock.setLong(1, advisoryLockKey());
        lock.execute();
      }
      applyPending(c, clock);
      c.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * H2 commits each DDL statement on its own, and its {@code IF NOT EXISTS} check is not atomic: of
   * two stores creating one object at once, one may see "object already exists". Every statement is
   * idempotent and objects never disappear, so the loser runs the pending migrations again; each
   * lost race means one more object exists, which bounds the attempts. (A row lock held from a
   * second connection would serialise migrators too, but would deadlock a pool of one.)
   */
  private void migrateH2(Connection c, Clock clock) throws SQLException {
    c.setAutoCommit(true);
    int statements = migrations().stream().mapToInt(m -> m.statements().size()).sum();
    for (int attempt = 1; ; attempt++) {
      try {
        applyPending(c, clock);
        return;
      } catch (SQLException e) {
        if (attempt > statements + 1) {
          throw e;
        }
        log.debug(
            "State store schema {}: migration raced with another store, again ({})",
            prefix,
            e.getMessage());
      }
    }
  }

  private void applyPending(Connection c, Clock clock) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + table("schema_version")
              + " ("
              + "version INTEGER NOT NULL PRIMARY KEY, "
              + "description VARCHAR(200) NOT NULL, "
              + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
    }
    Set<Integer> applied = appliedVersions(c);
    int newest = applied.stream().mapToInt(Integer::intValue).max().orElse(0);
    if (newest > CURRENT_VERSION) {
      throw new StateStoreException(
          "state store schema with table prefix "
              + prefix
              + " is at version "
              + newest
              + ", newer than this library supports ("
              + CURRENT_VERSION
              + ")",
          null);
    }
    for (Migration m : migrations()) {
      if (applied.contains(m.version())) {
        continue;
      }
      try (Statement s = c.createStatement()) {
        for (String sql : m.statements()) {
          s.execute(sql);
        }
      }
      if (recordVersion(c, m, clock)) {
        log.info(
            "State store schema {}: applied migration {} ({})",
            prefix,
            m.version(),
            m.description());
      }
    }
  }

  private Set<Integer> appliedVersions(Connection c) throws SQLException {
    Set<Integer> versions = new HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM " + table("schema_version"))) {
      while (rs.next()) {
        versions.add(rs.getInt(1));
      }
    }
    return versions;
  }

  /** Records a version; false when a concurrent migrator recorded it first (H2 only). */
  private boolean recordVersion(Connection c, Migration m, Clock clock) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + table("schema_version")
                + " (version, description, applied_at) VALUES (?, ?, ?)")) {
      ps.setInt(1, m.version());
      ps.setString(2, m.description());
      ps.setObject(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
      ps.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (dialect == Dialect.H2 && Jdbc.isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  private long advisoryLockKey() {
    // A fixed tag in the high half keeps the key apart from the host's own advisory locks.
    return (0x6D6C63L << 32) | (prefix.hashCode() & 0xFFFFFFFFL);
  }

  private List<Migration> migrations() {
    String text = dialect.textType();
    String large = dialect.largeTextType();
    String ts = "TIMESTAMP WITH TIME ZONE";
    String id = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
    String ref =
        "%1$s_system VARCHAR(100) %2$s, %1$s_type VARCHAR(100) %2$s, %1$s_id VARCHAR(500) %2$s";
    String nn = "NOT NULL";
    return List.of(
        new Migration(
            1,
            "initial schema",
            List.of(
                "CREATE TABLE IF NOT EXISTS "
                    + table("cursor")
                    + " ("
                    + "tenant VARCHAR(200) NOT NULL, flow VARCHAR(200) NOT NULL, "
                    + "stream VARCHAR(200) NOT NULL, checkpoint "
                    + text
                    + " NOT NULL, "
                    + "updated_at "
                    + ts
                    + " NOT NULL, "
                    + "PRIMARY KEY (tenant, flow, stream))",
                "CREATE TABLE IF NOT EXISTS "
                    + table("mapping")
                    + " ("
                    + "id "
                    + id
                    + ", tenant VARCHAR(200) NOT NULL, "
                    + String.format(ref, "source", nn)
                    + ", "
                    + String.format(ref, "target", nn)
                    + ", "
                    + "attributes "
                    + text
                    + " NOT NULL, "
                    + "created_at "
                    + ts
                    + " NOT NULL, updated_at "
                    + ts
                    + " NOT NULL, "
                    + "CONSTRAINT "
                    + table("mapping_source_uq")
                    + " UNIQUE (tenant, source_system, source_type, source_id, target_system), "
                    + "CONSTRAINT "
                    + table("mapping_target_uq")
                    + " UNIQUE (tenant, target_system, target_type, target_id))",
                "CREATE TABLE IF NOT EXISTS "
                    + table("operation")
                    + " ("
                    + "tenant VARCHAR(200) NOT NULL, op_key VARCHAR(200) NOT NULL, "
                    + "flow VARCHAR(200) NOT NULL, "
                    + String.format(ref, "source", nn)
                    + ", "
                    + "source_version VARCHAR(500) NOT NULL, action VARCHAR(100) NOT NULL, "
                    + "status VARCHAR(16) NOT NULL, attempts INTEGER NOT NULL, "
                    + String.format(ref, "target", "")
                    + ", last_error "
                    + text
                    + ", "
                    + "created_at "
                    + ts
                    + " NOT NULL, updated_at "
                    + ts
                    + " NOT NULL, "
                    + "PRIMARY KEY (tenant, op_key))",
                "CREATE INDEX IF NOT EXISTS "
                    + table("operation_pending_ix")
                    + " ON "
                    + table("operation")
                    + " (tenant, flow, status, updated_at)",
                "CREATE INDEX IF NOT EXISTS "
                    + table("operation_purge_ix")
                    + " ON "
                    + table("operation")
                    + " (status, updated_at)",
                "CREATE TABLE IF NOT EXISTS "
                    + table("inbox")
                    + " ("
                    + "id "
                    + id
                    + ", tenant VARCHAR(200) NOT NULL, source VARCHAR(100) NOT NULL, "
                    + "event_id VARCHAR(500) NOT NULL, event_type VARCHAR(200) NOT NULL, "
                    + "payload "
                    + large
                    + " NOT NULL, received_at "
                    + ts
                    + " NOT NULL, "
                    + "status VARCHAR(16) NOT NULL, attempts INTEGER NOT NULL, note "
                    + text
                    + ", "
                    + "claimed_by VARCHAR(200), claimed_until "
                    + ts
                    + ", "
                    + "CONSTRAINT "
                    + table("inbox_event_uq")
                    + " UNIQUE (tenant, source, event_id))",
                "CREATE INDEX IF NOT EXISTS "
                    + table("inbox_claim_ix")
                    + " ON "
                    + table("inbox")
                    + " (tenant, source, status, received_at)",
                "CREATE TABLE IF NOT EXISTS "
                    + table("seen_file")
                    + " ("
                    + "tenant VARCHAR(200) NOT NULL, flow VARCHAR(200) NOT NULL, "
                    + "content_hash VARCHAR(200) NOT NULL, name VARCHAR(1000) NOT NULL, "
                    + "status VARCHAR(16) NOT NULL, recorded_at "
                    + ts
                    + " NOT NULL, "
                    // the columns migration 2 adds to a version-one table, here so that a fresh
                    // schema never alters a table (H2 rebuilds it, racing concurrent migrators)
                    + "claimant VARCHAR(200), lease_until "
                    + ts
                    + ", posted INTEGER DEFAULT 0 NOT NULL, parked INTEGER DEFAULT 0 NOT NULL, "
                    + "reason "
                    + text
                    + ", "
                    + "PRIMARY KEY (tenant, flow, content_hash))",
                "CREATE TABLE IF NOT EXISTS "
                    + table("document_key")
                    + " ("
                    + "tenant VARCHAR(200) NOT NULL, flow VARCHAR(200) NOT NULL, "
                    + "natural_key VARCHAR(500) NOT NULL, content_hash VARCHAR(200) NOT NULL, "
                    + "claimed_at "
                    + ts
                    + " NOT NULL, PRIMARY KEY (tenant, flow, natural_key))",
                "CREATE TABLE IF NOT EXISTS "
                    + table("retry")
                    + " ("
                    + "id "
                    + id
                    + ", tenant VARCHAR(200) NOT NULL, flow VARCHAR(200) NOT NULL, "
                    + String.format(ref, "source", nn)
                    + ", operation_key VARCHAR(200), "
                    + "payload "
                    + large
                    + ", attempts INTEGER NOT NULL, "
                    + "next_attempt_at "
                    + ts
                    + " NOT NULL, last_error "
                    + text
                    + ", "
                    + "dead BOOLEAN NOT NULL, parked_at "
                    + ts
                    + ", "
                    + "claimed_by VARCHAR(200), claimed_until "
                    + ts
                    + ", "
                    + "CONSTRAINT "
                    + table("retry_source_uq")
                    + " UNIQUE (tenant, flow, source_system, source_type, source_id))",
                "CREATE INDEX IF NOT EXISTS "
                    + table("retry_due_ix")
                    + " ON "
                    + table("retry")
                    + " (tenant, flow, dead, next_attempt_at)",
                "CREATE INDEX IF NOT EXISTS "
                    + table("retry_dead_ix")
                    + " ON "
                    + table("retry")
                    + " (tenant, dead, parked_at)",
                "CREATE TABLE IF NOT EXISTS "
                    + table("audit")
                    + " ("
                    + "id "
                    + id
                    + ", tenant VARCHAR(200) NOT NULL, flow VARCHAR(200) NOT NULL, "
                    + "run_id VARCHAR(200), "
                    + String.format(ref, "source", "")
                    + ", "
                    + String.format(ref, "target", "")
                    + ", action VARCHAR(100) NOT NULL, "
                    + "outcome VARCHAR(16) NOT NULL, error "
                    + text
                    + ", "
                    + "payload_digest VARCHAR(128), occurred_at "
                    + ts
                    + " NOT NULL)",
                "CREATE INDEX IF NOT EXISTS "
                    + table("audit_time_ix")
                    + " ON "
                    + table("audit")
                    + " (tenant, occurred_at, id)",
                "CREATE INDEX IF NOT EXISTS "
                    + table("audit_source_ix")
                    + " ON "
                    + table("audit")
                    + " (tenant, source_system, source_type, source_id, occurred_at)",
                "CREATE INDEX IF NOT EXISTS "
                    + table("audit_target_ix")
                    + " ON "
                    + table("audit")
                    + " (tenant, target_system, target_type, target_id, occurred_at)",
                "CREATE INDEX IF NOT EXISTS "
                    + table("audit_flow_ix")
                    + " ON "
                    + table("audit")
                    + " (tenant, flow, occurred_at)",
                "CREATE INDEX IF NOT EXISTS "
                    + table("audit_outcome_ix")
                    + " ON "
                    + table("audit")
                    + " (tenant, outcome, occurred_at)",
                "CREATE INDEX IF NOT EXISTS "
                    + table("audit_purge_ix")
                    + " ON "
                    + table("audit")
                    + " (occurred_at)",
                "CREATE TABLE IF NOT EXISTS "
                    + table("lease")
                    + " ("
                    + "tenant VARCHAR(200) NOT NULL, flow VARCHAR(200) NOT NULL, "
                    + "owner VARCHAR(200) NOT NULL, expires_at "
                    + ts
                    + " NOT NULL, "
                    + "PRIMARY KEY (tenant, flow))")),
        new Migration(
            2,
            "seen-file state machine: claim, lease, counts, reason",
            List.of(
                "ALTER TABLE "
                    + table("seen_file")
                    + " ADD COLUMN IF NOT EXISTS claimant VARCHAR(200)",
                "ALTER TABLE "
                    + table("seen_file")
                    + " ADD COLUMN IF NOT EXISTS lease_until "
                    + ts,
                "ALTER TABLE "
                    + table("seen_file")
                    + " ADD COLUMN IF NOT EXISTS posted INTEGER DEFAULT 0 NOT NULL",
                "ALTER TABLE "
                    + table("seen_file")
                    + " ADD COLUMN IF NOT EXISTS parked INTEGER DEFAULT 0 NOT NULL",
                "ALTER TABLE "
                    + table("seen_file")
                    + " ADD COLUMN IF NOT EXISTS reason "
                    + text,
                // the statuses of version 1: a file being read is CLAIMED (its claim has no
                // claimant, so any node may take it over), an archived one POSTED
                "UPDATE "
                    + table("seen_file")
                    + " SET status = 'CLAIMED' WHERE status = 'PROCESSING'",
                "UPDATE "
                    + table("seen_file")
                    + " SET status = 'POSTED' WHERE status = 'ARCHIVED'")));
  }

  /** One schema version: idempotent statements applied in order. */
  record Migration(int version, String description, List<String> statements) {}
}
