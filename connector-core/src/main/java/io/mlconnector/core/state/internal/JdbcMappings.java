package io.mlconnector.core.state.internal;

import static io.mlconnector.core.state.internal.Jdbc.bind;
import static io.mlconnector.core.state.internal.Jdbc.insertUnlessDuplicate;
import static io.mlconnector.core.state.internal.Jdbc.instant;
import static io.mlconnector.core.state.internal.Jdbc.update;
import static io.mlconnector.core.state.internal.JdbcTables.ref;
import static io.mlconnector.core.state.internal.JdbcTables.prefixed;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.state.StateConflictException;
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

/** ID mappings: source ref to target ref, unique on both sides. */
final class JdbcMappings {
  private static final String MAPPING_COLS =
      "tenant, source_system, source_type, source_id, target_system, target_type, target_id,"
          + " attributes";

  private final JdbcTables db;

  JdbcMappings(JdbcTables db) {
    this.db = db;
  }

  public Optional<Mapping> mappingBySource(ExternalRef source, String targetSystem) {
    Checks.notNull(source, "source");
    Checks.text(targetSystem, "targetSystem");
    return db.jdbc.autoCommit("read a mapping", c -> findBySource(c, source, targetSystem));
  }

  public Optional<Mapping> mappingByTarget(ExternalRef target) {
    Checks.notNull(target, "target");
    return db.jdbc.autoCommit("read a mapping", c -> findByTarget(c, target));
  }

  private Optional<Mapping> findBySource(Connection c, ExternalRef s, String targetSystem)
      throws SQLException {
    return oneMapping(
        c,
        "SELECT "
            + MAPPING_COLS
            + " FROM "
            + db.mapping
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
            + db.mapping
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

  public void saveMapping(Mapping mapping) {
    Checks.notNull(mapping, "mapping");
    Instant now = db.now();
    db.jdbc.transaction(
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
  void upsertMapping(Connection c, Mapping m, Instant now) throws SQLException {
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
      if (db.pg) {
        // Same pair: the attributes are replaced. Source mapped elsewhere in that target system:
        // the WHERE keeps the row and nothing is counted. Target mapped to another source: the
        // other unique constraint throws.
        saved =
            update(
                    c,
                    "INSERT INTO "
                        + db.mapping
                        + " AS m"
                        + columns
                        + " ON CONFLICT ON CONSTRAINT "
                        + db.mapping
                        + "_source_uq DO UPDATE SET attributes = EXCLUDED.attributes, updated_at ="
                        + " EXCLUDED.updated_at WHERE m.target_type = EXCLUDED.target_type AND"
                        + " m.target_id = EXCLUDED.target_id",
                    insertArgs)
                == 1;
      } else {
        String upd =
            "UPDATE "
                + db.mapping
                + " SET attributes = ?, updated_at = ?"
                + " WHERE tenant = ? AND source_system = ? AND source_type = ? AND source_id = ?"
                + " AND target_system = ? AND target_type = ? AND target_id = ?";
        Object[] updArgs = {
          attrs, now, s.tenant(), s.system(), s.type(), s.id(), t.system(), t.type(), t.id()
        };
        saved =
            update(c, upd, updArgs) == 1
                || insertUnlessDuplicate(c, "INSERT INTO " + db.mapping + columns, insertArgs)
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
      if (!db.pg) {
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
}
