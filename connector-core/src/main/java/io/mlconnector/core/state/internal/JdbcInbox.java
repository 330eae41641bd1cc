package io.mlconnector.core.state.internal;

import static io.mlconnector.core.state.internal.Jdbc.bind;
import static io.mlconnector.core.state.internal.Jdbc.insertUnlessDuplicate;
import static io.mlconnector.core.state.internal.Jdbc.instant;
import static io.mlconnector.core.state.internal.Jdbc.update;
import static io.mlconnector.core.state.internal.JdbcTables.ref;
import static io.mlconnector.core.state.internal.JdbcTables.prefixed;

import io.mlconnector.core.state.InboxEvent;
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
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** The webhook inbox: received events, unique on (tenant, source, event id), claimed in order. */
final class JdbcInbox {
  private static final String INBOX_COLS =
      "id, tenant, source, event_id, event_type, payload, received_at, status, attempts, note";

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JdbcInbox.class);
  private static final String INSERT_COLS =
      " (tenant, source, event_id, event_type, payload, received_at, status, attempts)"
          + " VALUES (?, ?, ?, ?, ?, ?, 'RECEIVED', 0)";

  private final JdbcTables db;
  /** Where the H2 intake opens the connection it keeps; null: it borrows one per group. */
  private final @Nullable DataSource intakeSource;
  /** False once H2 refused CHECKPOINT SYNC (a host's database, as a user without ADMIN). */
  private volatile boolean h2SyncAvailable = true;
  /** H2: the groups of concurrent receiveAll calls commit one at a time. */
  private final ReentrantLock h2Commits = new ReentrantLock();
  private final H2Intake h2Intake = new H2Intake();

  JdbcInbox(JdbcTables db, @Nullable DataSource intakeSource) {
    this.db = db;
    this.intakeSource = intakeSource;
  }

  /**
   * Stores the events in one transaction and returns, per event, whether it was new, once that
   * transaction is on disk. On PostgreSQL the commit is durable when it returns (with the server's
   * default {@code synchronous_commit=on} and {@code fsync=on}). On H2, whose commits reach the
   * file but not the disk, the groups of concurrent callers commit one at a time (on the embedded
   * store, on a connection the inbox keeps beside the pool) and then share fsyncs ({@link GroupSync}: one for every commit written before it
   * began); an H2 this store cannot reach that way gets {@code CHECKPOINT SYNC} after each commit.
   */
  public List<Boolean> receiveAll(List<InboxEvent> events) {
    Checks.notNull(events, "events");
    for (InboxEvent e : events) {
      Checks.notNull(e, "event");
    }
    if (events.isEmpty()) {
      return List.of();
    }
    if (db.pg) {
      return db.jdbc.transaction("store inbox events", c -> insertPg(c, events));
    }
    List<Boolean> fresh;
    long ticket = 0;
    GroupSync sync;
    // one H2 commit at a time: a commit never writes another group's half-inserted rows to the file
    h2Commits.lock();
    try {
      fresh = h2Intake.commit(events);
      sync = h2Intake.sync();
      if (sync != null) {
        ticket = sync.written();
      }
    } finally {
      h2Commits.unlock();
    }
    if (sync != null) {
      sync.awaitDurable(ticket);
    }
    return fresh;
  }

  /** Closes the H2 intake's own connection (the store is closing). */
  void close() {
    h2Commits.lock();
    try {
      h2Intake.close();
    } finally {
      h2Commits.unlock();
    }
  }

  private List<Boolean> insertPg(Connection c, List<InboxEvent> events) throws SQLException {
    List<Boolean> out = new ArrayList<>(events.size());
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO " + db.inbox + INSERT_COLS + " ON CONFLICT (tenant, source, event_id) DO NOTHING")) {
      for (InboxEvent e : events) {
        bind(ps, receivedArgs(e));
        ps.addBatch();
      }
      for (int n : ps.executeBatch()) {
        out.add(n == 1);
      }
    }
    return out;
  }

  /**
   * The H2 intake's group commits (under {@link #h2Commits}). On the embedded store it keeps one
   * connection of its own, opened beside the pool: a group borrowing one from the pool would have it
   * rolled back when handed out and again when taken back, and each of those ends a transaction that
   * writes the file again. Its insert stays prepared between groups. On a host's DataSource it
   * borrows a connection per group.
   */
  private final class H2Intake {
    private @Nullable Connection connection;
    private @Nullable PreparedStatement insert;
    private @Nullable GroupSync sync;
    private boolean resolved;
    private boolean closed;

    List<Boolean> commit(List<InboxEvent> events) {
      if (closed) {
        throw new StateStoreException("the state store is closed", null);
      }
      if (intakeSource == null) {
        boolean checkpoint = sync == null && h2SyncAvailable;
        return db.jdbc.transaction("store inbox events", c -> {
          if (!resolved) {
            sync = GroupSync.h2(c);
            resolved = true;
          }
          try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + db.inbox + INSERT_COLS)) {
            return insertRows(ps, events);
          }
        }, checkpoint ? JdbcInbox.this::checkpointSync : null);
      }
      try {
        Connection c = connection();
        PreparedStatement ps = java.util.Objects.requireNonNull(insert, "insert");
        List<Boolean> out;
        try {
          out = insertRows(ps, events);
          c.commit();
        } catch (SQLException | RuntimeException | Error e) {
          discard(e);
          throw e;
        }
        if (sync == null && h2SyncAvailable) {
          try {
            checkpointSync(c);
          } catch (SQLException e) {
            discard(e);
            throw e;
          }
        }
        return out;
      } catch (SQLException e) {
        throw new StateStoreException("state store failed to store inbox events (SQLState " + e.getSQLState() + ")", e);
      }
    }

    @Nullable GroupSync sync() {
      return sync;
    }

    private List<Boolean> insertRows(PreparedStatement ps, List<InboxEvent> events) throws SQLException {
      List<Boolean> out = new ArrayList<>(events.size());
      for (InboxEvent e : events) {
        bind(ps, receivedArgs(e));
        try {
          out.add(ps.executeUpdate() > 0);
        } catch (SQLException x) {
          if (!Jdbc.isUniqueViolation(x)) {
            throw x;
          }
          out.add(false); // H2 undoes the failed statement only; the group's other rows stay
        }
      }
      return out;
    }

    private Connection connection() throws SQLException {
      Connection c = connection;
      if (c == null) {
        c = java.util.Objects.requireNonNull(intakeSource, "intakeSource").getConnection();
        try {
          c.setAutoCommit(false);
          insert = c.prepareStatement("INSERT INTO " + db.inbox + INSERT_COLS);
        } catch (SQLException e) {
          c.close();
          throw e;
        }
        connection = c;
        if (!resolved) {
          sync = GroupSync.h2(c);
          resolved = true;
        }
      }
      return c;
    }

    /** After a failure: rolls back and gives the connection up; the next group takes another. */
    private void discard(Throwable failure) {
      Connection c = connection;
      connection = null;
      insert = null;
      if (c == null) {
        return;
      }
      try {
        c.rollback();
      } catch (SQLException e) {
        failure.addSuppressed(e);
      }
      try {
        c.setAutoCommit(true);
        c.close();
      } catch (SQLException e) {
        failure.addSuppressed(e);
      }
    }

    void close() {
      closed = true;
      Connection c = connection;
      connection = null;
      insert = null;
      if (c != null) {
        try {
          c.rollback();
          c.setAutoCommit(true);
          c.close();
        } catch (SQLException e) {
          log.debug("the inbox's own connection did not close cleanly: {}", e.toString());
        }
      }
    }
  }

  /** Forces what was committed to disk; a refusal (not ADMIN) turns it off with one warning. */
  private Object checkpointSync(java.sql.Connection c) throws SQLException {
    try (java.sql.Statement s = c.createStatement()) {
      s.execute("CHECKPOINT SYNC");
    } catch (SQLException e) {
      if (e.getErrorCode() != 90040) {
        throw e;
      }
      h2SyncAvailable = false;
      log.warn("H2 refused CHECKPOINT SYNC (the store's user is not ADMIN): received webhook events "
          + "survive a crash of this process but not of the machine");
    }
    return null;
  }

  private static Object[] receivedArgs(InboxEvent event) {
    return new Object[] {
      event.tenant(), event.source(), event.eventId(), event.type(), event.payload(), event.receivedAt()
    };
  }

  public boolean receive(InboxEvent event) {
    Checks.notNull(event, "event");
    return db.jdbc.autoCommit(
        "store an inbox event",
        c -> {
          String sql =
              "INSERT INTO "
                  + db.inbox
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
          return db.pg
              ? update(c, sql + " ON CONFLICT (tenant, source, event_id) DO NOTHING", args) == 1
              : insertUnlessDuplicate(c, sql, args);
        });
  }

  public List<InboxEvent> claimInbox(
      String tenant, String source, String owner, Duration claimTtl, int max) {
    Checks.text(tenant, "tenant");
    Checks.text(source, "source");
    Checks.text(owner, "owner");
    Checks.positive(claimTtl, "claimTtl");
    Checks.positive(max, "max");
    Instant now = db.now();
    Instant until = now.plus(claimTtl);
    String free = "status = 'RECEIVED' AND (claimed_until IS NULL OR claimed_until <= ?)";
    String set = "claimed_by = ?, claimed_until = ?, attempts = attempts + 1";
    List<InboxEvent> claimed =
        db.claim(
            "claim inbox events",
            max,
            "WITH c AS (SELECT id FROM "
                + db.inbox
                + " WHERE tenant = ? AND source = ? AND "
                + free
                + " ORDER BY received_at, id LIMIT ? FOR UPDATE SKIP LOCKED)"
                + " UPDATE "
                + db.inbox
                + " i SET "
                + set
                + " FROM c WHERE i.id = c.id RETURNING "
                + prefixed("i.", INBOX_COLS),
            new Object[] {tenant, source, now, max, owner, until},
            "SELECT id FROM "
                + db.inbox
                + " WHERE tenant = ? AND source = ? AND "
                + free
                + " ORDER BY received_at, id LIMIT ?",
            new Object[] {tenant, source, now},
            db.dialect.updateReturning(
                "UPDATE " + db.inbox + " SET " + set + " WHERE id = ? AND " + free, INBOX_COLS),
            id -> new Object[] {owner, until, id, now},
            JdbcInbox::inboxEvent);
    claimed.sort(Comparator.comparing(InboxEvent::receivedAt).thenComparingLong(InboxEvent::id));
    return claimed;
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

  public void finishInbox(String tenant, long eventId, InboxEvent.Status status, String note) {
    Checks.text(tenant, "tenant");
    Checks.notNull(status, "status");
    if (status == InboxEvent.Status.RECEIVED) {
      throw new IllegalArgumentException(
          "status must be PROCESSED, IGNORED or PARKED, was RECEIVED");
    }
    int n =
        db.jdbc.autoCommit(
            "finish an inbox event",
            c ->
                update(
                    c,
                    "UPDATE "
                        + db.inbox
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

  public void finishInbox(
      String tenant, Collection<Long> eventIds, InboxEvent.Status status, String note) {
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
    db.jdbc.transaction(
        "finish inbox events",
        c -> {
          for (long id : eventIds) {
            int n =
                update(
                    c,
                    "UPDATE "
                        + db.inbox
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

  public int ignoreInbox(
      String tenant, String source, Set<String> handledTypes, String note) {
    Checks.text(tenant, "tenant");
    Checks.text(source, "source");
    Checks.notNull(handledTypes, "handledTypes");
    if (handledTypes.isEmpty()) {
      throw new IllegalArgumentException("handledTypes must not be empty");
    }
    Instant now = db.now();
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
    return db.jdbc.autoCommit(
        "ignore inbox events by type",
        c ->
            update(
                c,
                "UPDATE "
                    + db.inbox
                    + " SET status = 'IGNORED', note = ?, claimed_by = NULL, claimed_until = NULL"
                    + " WHERE tenant = ? AND source = ? AND status = 'RECEIVED'"
                    + " AND (claimed_until IS NULL OR claimed_until <= ?)"
                    + " AND event_type NOT IN ("
                    + in
                    + ")",
                args.toArray()));
  }

  public void releaseInbox(String tenant, long eventId, String owner) {
    Checks.text(tenant, "tenant");
    Checks.text(owner, "owner");
    db.jdbc.autoCommit(
        "release an inbox event",
        c ->
            update(
                c,
                "UPDATE "
                    + db.inbox
                    + " SET claimed_by = NULL, claimed_until = NULL"
                    + " WHERE tenant = ? AND id = ? AND claimed_by = ?",
                tenant,
                eventId,
                owner));
  }
}
