package io.mlconnector.core.state;

import io.mlconnector.core.state.internal.Dialect;
import io.mlconnector.testkit.TestPostgres;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Runs the state store contract against {@link JdbcStateStore} on a real PostgreSQL server, the
 * testkit's {@link TestPostgres}: skipped when the server is unreachable, except under {@code
 * CI=true}, where that fails the build.
 */
class PostgresStateStoreTest extends JdbcStateStoreContract {
  private static final String SHARED_PREFIX =
      "t" + Long.toHexString(System.nanoTime() & 0xFFFFFFFFL) + "_shared_";
  private static TestPostgres postgres;
  private static JdbcConnectionPool pool;

  @BeforeAll
  static void connect() {
    postgres = TestPostgres.require();
    PGConnectionPoolDataSource cpds = new PGConnectionPoolDataSource();
    cpds.setURL(postgres.url());
    cpds.setUser(postgres.user());
    cpds.setPassword(postgres.password());
    pool = JdbcConnectionPool.create(cpds);
    pool.setMaxConnections(16);
  }

  @AfterAll
  static void disconnect() throws SQLException {
    if (pool != null) {
      try {
        dropTables(pool, SHARED_PREFIX, Dialect.POSTGRESQL);
      } finally {
        pool.dispose();
      }
    }
  }

  @Override
  protected String sharedPrefix() {
    return SHARED_PREFIX;
  }

  @Override
  protected DataSource dataSource() {
    return pool;
  }

  @Override
  protected DataSource unpooledDataSource() {
    return postgres.dataSource();
  }

  @Override
  protected Dialect dialect() {
    return Dialect.POSTGRESQL;
  }
}
