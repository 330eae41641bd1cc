package io.mlconnector.core.state.internal;

import static io.mlconnector.core.state.internal.Jdbc.bind;
import static io.mlconnector.core.state.internal.Jdbc.insertUnlessDuplicate;
import static io.mlconnector.core.state.internal.Jdbc.instant;
import static io.mlconnector.core.state.internal.Jdbc.update;
import static io.mlconnector.core.state.internal.JdbcTables.ref;
import static io.mlconnector.core.state.internal.JdbcTables.prefixed;

import io.mlconnector.core.state.Lease;
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

/** (tenant, flow) leases with expiry, so two nodes never run one flow at once. */
final class JdbcLeases {
  private final JdbcTables db;

  JdbcLeases(JdbcTables db) {
    this.db = db;
  }

  public boolean tryAcquireLease(String tenant, String flow, String owner, Duration ttl) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.text(owner, "owner");
    Checks.positive(ttl, "ttl");
    Instant now = db.now();
    Instant until = now.plus(ttl);
    return db.jdbc.autoCommit(
        "acquire a lease",
        c -> {
          if (db.pg) {
            return update(
                    c,
                    "INSERT INTO "
                        + db.lease
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
                          + db.lease
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
                      + db.lease
                      + " (tenant, flow, owner, expires_at) VALUES (?, ?, ?, ?)",
                  tenant,
                  flow,
                  owner,
                  until);
        });
  }

  public void releaseLease(String tenant, String flow, String owner) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.text(owner, "owner");
    db.jdbc.autoCommit(
        "release a lease",
        c ->
            update(
                c,
                "DELETE FROM " + db.lease + " WHERE tenant = ? AND flow = ? AND owner = ?",
                tenant,
                flow,
                owner));
  }

  public Optional<Lease> lease(String tenant, String flow) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Instant now = db.now();
    return db.jdbc.autoCommit(
        "read a lease",
        c -> {
          try (PreparedStatement ps =
                  bind(
                      c.prepareStatement(
                          "SELECT owner, expires_at FROM "
                              + db.lease
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
}
