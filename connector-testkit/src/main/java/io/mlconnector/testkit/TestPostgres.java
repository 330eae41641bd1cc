package io.mlconnector.testkit;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server for a test, or the test skipped: {@link #require()} connects to {@code
 * jdbc:postgresql://127.0.0.1:5432/test} as {@code postgres} with no password (trust
 * authentication), or to {@code MLC_PG_URL}, {@code MLC_PG_USER} and {@code MLC_PG_PASSWORD} when
 * those environment variables are set. When the server cannot be reached the calling test is
 * skipped with a message saying why (a JUnit assumption), except under {@code CI=true}, where a
 * missing server fails the test: a build server must not pass by skipping.
 *
 * <pre>{@code
 * @BeforeAll
 * static void connect() {
 *   postgres = TestPostgres.require(); // skipped here when there is no server
 * }
 *
 * @Test
 * void storesOnPostgresql() {
 *   JdbcStateStore store = JdbcStateStore.builder(postgres.dataSource()).tablePrefix("t1_").build();
 *   ...
 * }
 * }</pre>
 *
 * <p>Needs JUnit Jupiter and the PostgreSQL JDBC driver on the test class path; the testkit brings
 * neither.
 */
public final class TestPostgres {
  /** The URL used unless {@code MLC_PG_URL} is set. */
  public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  /** The user unless {@code MLC_PG_USER} is set. */
  public static final String DEFAULT_USER = "postgres";

  private static final int CONNECT_TIMEOUT_SECONDS = 3;

  private final String url;
  private final String user;
  private final String password;

  private TestPostgres(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /**
   * The server, once it has answered. When it does not, the calling test (or, from a
   * {@code @BeforeAll} method, the whole class) is skipped, or failed under {@code CI=true}.
   *
   * @return the reachable server
   * @throws org.opentest4j.TestAbortedException when the server is unreachable outside CI (JUnit
   *     reports the test as skipped, with the reason)
   * @throws AssertionError when the server is unreachable under {@code CI=true}
   * @throws IllegalStateException when no PostgreSQL JDBC driver is on the class path
   */
  public static TestPostgres require() {
    TestPostgres pg =
        new TestPostgres(
            env("MLC_PG_URL", DEFAULT_URL), env("MLC_PG_USER", DEFAULT_USER), env("MLC_PG_PASSWORD", ""));
    try {
      DriverManager.getDriver(pg.url);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "no JDBC driver for " + pg.url + " on the test class path: add org.postgresql:postgresql", e);
    }
    Properties props = pg.properties(pg.user, pg.password);
    props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    String reason;
    try (Connection c = DriverManager.getConnection(pg.url, props)) {
      if (c.isValid(CONNECT_TIMEOUT_SECONDS)) {
        return pg;
      }
      reason = "the connection is not valid";
    } catch (SQLException e) {
      reason = String.valueOf(e.getMessage());
    }
    String why =
        "PostgreSQL is not reachable at " + pg.url + " as " + pg.user + " (" + reason + "); start one"
            + " (database test, user postgres, trust authentication) or set MLC_PG_URL, MLC_PG_USER,"
            + " MLC_PG_PASSWORD";
    if (onCi()) {
      return Assertions.fail(why + " (CI=true: failing instead of skipping)");
    }
    LoggerFactory.getLogger(TestPostgres.class).warn("skipping a PostgreSQL test: {}", why);
    return Assumptions.abort(why + "; skipped");
  }

  private static boolean onCi() {
    String ci = System.getenv("CI");
    return ci != null && ci.toLowerCase(Locale.ROOT).equals("true");
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  /**
   * The JDBC URL.
   *
   * @return the URL, such as {@code jdbc:postgresql://127.0.0.1:5432/test}
   */
  public String url() {
    return url;
  }

  /**
   * The user.
   *
   * @return the user name
   */
  public String user() {
    return user;
  }

  /**
   * The password.
   *
   * @return the password; empty under trust authentication
   */
  public String password() {
    return password;
  }

  /**
   * A data source opening a new connection (through {@link DriverManager}) on each call, as
   * {@link #user()}; pool it where a test needs many connections.
   *
   * @return the data source
   */
  public DataSource dataSource() {
    return new Source();
  }

  private Properties properties(String u, String p) {
    Properties props = new Properties();
    props.setProperty("user", u);
    props.setProperty("password", p);
    return props;
  }

  @Override
  public String toString() {
    return "TestPostgres[" + url + " as " + user + "]";
  }

  /** Connections from {@link DriverManager}: what a driver's simple (unpooled) data source does. */
  private final class Source implements DataSource {
    private volatile int loginTimeout;
    private volatile @Nullable PrintWriter logWriter;

    @Override
    public Connection getConnection() throws SQLException {
      return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String pw) throws SQLException {
      Properties props = properties(username, pw);
      if (loginTimeout > 0) {
        props.setProperty("loginTimeout", Integer.toString(loginTimeout));
      }
      return DriverManager.getConnection(url, props);
    }

    @Override
    public @Nullable PrintWriter getLogWriter() {
      return logWriter;
    }

    @Override
    public void setLogWriter(@Nullable PrintWriter out) {
      this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
      this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
      return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException("no java.util.logging here");
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

    @Override
    public String toString() {
      return "TestPostgres data source[" + url + " as " + user + "]";
    }
  }
}
