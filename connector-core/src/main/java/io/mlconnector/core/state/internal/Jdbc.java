package io.mlconnector.core.state.internal;

import io.mlconnector.core.state.StateStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Connection handling for the JDBC state store: one connection per call, borrowed from the
 * DataSource and given back at once; transactions that roll back on any failure; SQL errors wrapped
 * in a {@link StateStoreException} that names the operation and never carries a value.
 */
public final class Jdbc {
  private final DataSource dataSource;
  private volatile boolean closed;

  /** Calls {@code dataSource} for every connection. */
  public Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Work on a connection. */
  @FunctionalInterface
  public interface Work<T> {
    /** Does the work. */
    T run(Connection c) throws SQLException;
  }

  /** Refuses every later call with a {@link StateStoreException}. */
  public void close() {
    closed = true;
  }

  private Connection connect() throws SQLException {
    if (closed) {
      throw new StateStoreException("the state store is closed", null);
    }
    return dataSource.getConnection();
  }

  /** Runs {@code work} with auto-commit on: every statement commits on its own. */
  public <T> T autoCommit(String operation, Work<T> work) {
    try (Connection c = connect()) {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      return work.run(c);
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  /**
   * Runs {@code work} in one transaction: commits when it returns, rolls back when it throws
   * (including a {@link io.mlconnector.core.state.StateConflictException} it raises on purpose).
   */
  public <T> T transaction(String operation, Work<T> work) {
    return transaction(operation, work, null);
  }

  /**
   * As {@link #transaction(String, Work)}, then {@code afterCommit} (when not null) on the same
   * connection once the commit returned: a step that must follow the commit (forcing it to disk,
   * say) without borrowing a second connection. What it throws is reported as this operation's
   * failure; the transaction stays committed.
   */
  public <T> T transaction(String operation, Work<T> work, Work<?> afterCommit) {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        if (afterCommit != null) {
          afterCommit.run(c);
        }
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        try {
          c.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      } finally {
        try {
          c.setAutoCommit(true);
        } catch (SQLException ignored) {
          // The connection is broken; closing it below is all that is left to do.
        }
      }
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  private static StateStoreException failure(String operation, SQLException e) {
    String state = e.getSQLState();
    String hint = "22001".equals(state) ? ": a value is longer than its column allows" : "";
    return new StateStoreException(
        "state store failed to " + operation + " (SQLState " + state + ")" + hint, e);
  }

  /** True for a unique or primary key violation. */
  public static boolean isUniqueViolation(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if ("23505".equals(x.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** A null of a given SQL type, for parameters PostgreSQL will not take as an untyped null. */
  public record TypedNull(int sqlType) {}

  /** A null timestamp parameter. */
  public static final TypedNull NULL_TIMESTAMP = new TypedNull(Types.TIMESTAMP_WITH_TIMEZONE);

  /** An instant, or a typed null timestamp. */
  public static Object timeOrNull(Instant t) {
    return t == null ? NULL_TIMESTAMP : t;
  }

  /**
   * Binds positional arguments: Instants as UTC timestamps, {@link TypedNull}s as nulls of their
   * type, plain nulls as VARCHAR nulls.
   */
  public static PreparedStatement bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      int at = i + 1;
      if (a == null) {
        ps.setNull(at, Types.VARCHAR);
      } else if (a instanceof TypedNull n) {
        ps.setNull(at, n.sqlType());
      } else if (a instanceof String s) {
        ps.setString(at, s);
      } else if (a instanceof Instant t) {
        ps.setObject(at, OffsetDateTime.ofInstant(micros(t), ZoneOffset.UTC));
      } else if (a instanceof Integer n) {
        ps.setInt(at, n);
      } else if (a instanceof Long n) {
        ps.setLong(at, n);
      } else if (a instanceof Boolean b) {
        ps.setBoolean(at, b);
      } else {
        throw new IllegalArgumentException("cannot bind " + a.getClass().getName());
      }
    }
    return ps;
  }

  /** Prepares, binds and runs an update; returns the update count. */
  public static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = bind(c.prepareStatement(sql), args)) {
      return ps.executeUpdate();
    }
  }

  /** Runs an insert; returns false when it broke a unique constraint. */
  public static boolean insertUnlessDuplicate(Connection c, String sql, Object... args)
      throws SQLException {
    try {
      return update(c, sql, args) > 0;
    } catch (SQLException e) {
      if (isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  /** Reads a timestamp column as an Instant (null stays null). */
  public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /** Cuts an instant to microseconds, the precision both databases keep. */
  public static Instant micros(Instant t) {
    return t.truncatedTo(ChronoUnit.MICROS);
  }
}
