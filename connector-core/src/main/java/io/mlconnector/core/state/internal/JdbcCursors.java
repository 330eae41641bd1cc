package io.mlconnector.core.state.internal;

import static io.mlconnector.core.state.internal.Jdbc.bind;
import static io.mlconnector.core.state.internal.Jdbc.insertUnlessDuplicate;
import static io.mlconnector.core.state.internal.Jdbc.instant;
import static io.mlconnector.core.state.internal.Jdbc.update;
import static io.mlconnector.core.state.internal.JdbcTables.ref;
import static io.mlconnector.core.state.internal.JdbcTables.prefixed;


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

/** Cursors: an opaque checkpoint per (tenant, flow, stream). */
final class JdbcCursors {
  private final JdbcTables db;

  JdbcCursors(JdbcTables db) {
    this.db = db;
  }

  public Optional<String> cursor(String tenant, String flow, String stream) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.text(stream, "stream");
    return db.jdbc.autoCommit(
        "read a cursor",
        c -> {
          try (PreparedStatement ps =
                  bind(
                      c.prepareStatement(
                          "SELECT checkpoint FROM "
                              + db.cursor
                              + " WHERE tenant = ? AND flow = ? AND stream = ?"),
                      tenant,
                      flow,
                      stream);
              ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
          }
        });
  }

  public void saveCursor(String tenant, String flow, String stream, String checkpoint) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.text(stream, "stream");
    Checks.notNull(checkpoint, "checkpoint");
    Instant now = db.now();
    db.jdbc.autoCommit(
        "save a cursor",
        c -> {
          if (db.pg) {
            update(
                c,
                "INSERT INTO "
                    + db.cursor
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
                    + db.cursor
                    + " SET checkpoint = ?, updated_at = ?"
                    + " WHERE tenant = ? AND flow = ? AND stream = ?";
            if (update(c, upd, checkpoint, now, tenant, flow, stream) == 0
                && !insertUnlessDuplicate(
                    c,
                    "INSERT INTO "
                        + db.cursor
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
}
