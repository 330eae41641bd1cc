package io.mlconnector.core.state.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The embedded H2 store's connection pool: at most {@code max} connections; a caller beyond them
 * waits parked (H2's own {@code JdbcConnectionPool} spins and yields while it waits, which burned
 * whole cores once hundreds of runs waited for eight connections). A connection given back in
 * auto-commit mode goes back to the pool as it is, with no statement run: the store's calls end
 * every transaction themselves, so only a connection given back inside one is rolled back first.
 */
public final class JdbcPool implements DataSource, AutoCloseable {
  private final DataSource physical;
  private final Semaphore permits;
  private final Duration wait;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  /**
   * A pool over {@code physical}, which opens a new connection per call.
   *
   * @param physical where connections come from
   * @param max the most connections open at once
   * @param wait how long a caller waits for a free connection before it fails
   */
  public JdbcPool(DataSource physical, int max, Duration wait) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive, was " + max);
    }
    this.physical = physical;
    this.permits = new Semaphore(max, true);
    this.wait = wait;
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (closed) {
      throw new SQLException("the connection pool is closed", "08003");
    }
    try {
      if (!permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new SQLException(
            "no free state store connection within " + wait.toSeconds() + " s", "08001");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a state store connection", "08001", e);
    }
    try {
      Connection c;
      while ((c = idle.pollFirst()) != null) {
        if (!c.isClosed()) {
          return handle(c);
        }
      }
      return handle(physical.getConnection());
    } catch (SQLException | RuntimeException | Error e) {
      permits.release();
      throw e;
    }
  }

  /** How many connections wait in the pool, unused (for tests). */
  public int idleCount() {
    return idle.size();
  }

  private Connection handle(Connection c) {
    return (Connection)
        Proxy.newProxyInstance(
            JdbcPool.class.getClassLoader(), new Class<?>[] {Connection.class}, new Handle(c));
  }

  /** Gives a connection back: rolled back only when it is inside a transaction. */
  private void giveBack(Connection c) {
    boolean keep = !closed;
    try {
      if (c.isClosed()) {
        keep = false;
      } else if (!c.getAutoCommit()) {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      keep = false;
    }
    if (keep) {
      idle.addFirst(c);
      if (closed && idle.remove(c)) {
        closeQuietly(c);
      }
    } else {
      closeQuietly(c);
    }
    permits.release();
  }

  /**
   * Ends whatever the idle connections' sessions still hold ({@code ROLLBACK}, which writes
   * nothing): an H2 session keeps the store version of its last statement in use, and the chunks
   * that version refers to cannot be freed while it does. The store calls this before it compacts
   * its file, instead of paying a statement on every connection given back.
   */
  public void resetIdle() {
    for (int n = idle.size(); n > 0; n--) {
      Connection c = idle.pollFirst();
      if (c == null) {
        return;
      }
      try {
        c.rollback();
        idle.addLast(c);
      } catch (SQLException e) {
        closeQuietly(c);
      }
      if (closed && idle.remove(c)) {
        closeQuietly(c);
      }
    }
  }

  /** Closes every idle connection and refuses new calls; connections in use close when given back. */
  @Override
  public void close() {
    closed = true;
    Connection c;
    while ((c = idle.pollFirst()) != null) {
      closeQuietly(c);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing is all that is left to do
    }
  }

  /** One borrowing of a connection: {@code close} gives it back; any call after that fails. */
  private final class Handle implements InvocationHandler {
    private @Nullable Connection connection;

    Handle(Connection connection) {
      this.connection = connection;
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args)
        throws Throwable {
      String name = method.getName();
      Connection c;
      synchronized (this) {
        c = connection;
        if (name.equals("close")) {
          connection = null;
        }
      }
      switch (name) {
        case "close":
          if (c != null) {
            giveBack(c);
          }
          return null;
        case "isClosed":
          return c == null;
        case "equals":
          return args != null && proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        case "toString":
          return "pooled " + c;
        default:
          break;
      }
      if (c == null) {
        throw new SQLException("the connection was given back to the pool", "08003");
      }
      try {
        return method.invoke(c, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the pool's connections all use one user");
  }

  @Override
  public @Nullable PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(@Nullable PrintWriter out) {
    // no log writer
  }

  @Override
  public void setLoginTimeout(int seconds) {
    // the pool's wait is fixed when it is made
  }

  @Override
  public int getLoginTimeout() {
    return (int) wait.toSeconds();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no java.util.logging");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper of " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
