package io.mlconnector.core.state;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hands out real connections (one physical connection each) and, once armed, makes the next
 * connection die right after its n-th statement ran: it closes the physical connection, so the
 * database rolls back whatever was not committed, and throws as a dropped network would.
 */
final class FaultyDataSource implements DataSource {
  private final DataSource real;
  private final AtomicInteger armedAfter = new AtomicInteger();

  FaultyDataSource(DataSource real) {
    this.real = real;
  }

  /** The next connection dies after {@code statements} statements have run on it. */
  void killNextConnectionAfter(int statements) {
    armedAfter.set(statements);
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection c = real.getConnection();
    int after = armedAfter.getAndSet(0);
    return after == 0 ? c : dying(c, after);
  }

  private static Connection dying(Connection c, int after) {
    AtomicInteger executed = new AtomicInteger();
    return (Connection)
        Proxy.newProxyInstance(
            FaultyDataSource.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              Object result = invoke(c, method, args);
              if (result instanceof Statement s) {
                Class<?> type =
                    result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(
                    FaultyDataSource.class.getClassLoader(),
                    new Class<?>[] {type},
                    (p2, m2, a2) -> {
                      Object r = invoke(s, m2, a2);
                      if (m2.getName().startsWith("execute")
                          && executed.incrementAndGet() == after) {
                        c.close();
                        throw new SQLException(
                            "injected: connection lost after statement " + after, "08006");
                      }
                      return r;
                    });
              }
              return result;
            });
  }

  private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args)
      throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
