package io.mlconnector.core.state.internal;

import static io.mlconnector.core.state.internal.Jdbc.bind;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Whether a flow's run has work waiting in the store (an open intent, a due retry, a claimable
 * inbox event): one read, no commit that writes, so that an idle scheduled run touches nothing.
 */
final class JdbcWaitingWork {
  private final JdbcTables db;
  private final String withoutInbox;
  private final String withInbox;

  JdbcWaitingWork(JdbcTables db) {
    this.db = db;
    String pending =
        "EXISTS (SELECT 1 FROM "
            + db.operation
            + " WHERE tenant = ? AND flow = ? AND status = 'PENDING')";
    String retries =
        "EXISTS (SELECT 1 FROM "
            + db.retry
            + " WHERE tenant = ? AND flow = ? AND dead = FALSE AND next_attempt_at <= ?"
            + " AND (claimed_until IS NULL OR claimed_until <= ?))";
    String inbox =
        "EXISTS (SELECT 1 FROM "
            + db.inbox
            + " WHERE tenant = ? AND source = ? AND status = 'RECEIVED'"
            + " AND (claimed_until IS NULL OR claimed_until <= ?))";
    this.withoutInbox = "SELECT " + pending + " OR " + retries;
    this.withInbox = withoutInbox + " OR " + inbox;
  }

  boolean hasWaitingWork(String tenant, String flow, @Nullable String inboxSource, Instant now) {
    Checks.text(tenant, "tenant");
    Checks.text(flow, "flow");
    Checks.notNull(now, "now");
    if (inboxSource != null) {
      Checks.text(inboxSource, "inboxSource");
    }
    Instant at = Jdbc.micros(now);
    Object[] args =
        inboxSource == null
            ? new Object[] {tenant, flow, tenant, flow, at, at}
            : new Object[] {tenant, flow, tenant, flow, at, at, tenant, inboxSource, at};
    return db.jdbc.autoCommit(
        "look for waiting work",
        c -> {
          try (PreparedStatement ps =
                  bind(c.prepareStatement(inboxSource == null ? withoutInbox : withInbox), args);
              ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
          }
        });
  }
}
