package io.mlconnector.samples.recipes;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.mlconnector.core.state.JdbcStateStore;
import io.mlconnector.core.state.StateStore;
import javax.sql.DataSource;

/**
 * Recipe: keep the engine's state in PostgreSQL instead of the embedded H2 file, so several
 * processes (nodes) share it: leases keep two nodes from polling one stream at once, unique
 * constraints keep every write once. The store creates and migrates its tables on first use.
 *
 * <p>The store borrows a connection per call from the DataSource it is given, so give it a pool:
 * the host's own (Spring's, say), or HikariCP as here. Neither HikariCP nor the PostgreSQL driver
 * is a dependency of connector-core: the host brings them.
 *
 * <p>With the sample's properties file: {@code store=postgresql}, {@code
 * store.jdbc.url=jdbc:postgresql://db:5432/mlc}, {@code store.jdbc.user}, {@code
 * store.jdbc.password}, {@code store.pool.size} (default 10).
 */
public final class ChoosePostgresql {
  private ChoosePostgresql() {}

  /** A HikariCP pool of up to {@code size} connections; close it after the store. */
  public static HikariDataSource pool(String url, String user, String password, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(size);
    config.setPoolName("mlc-store");
    return new HikariDataSource(config);
  }

  /** A store in the PostgreSQL database behind {@code pool}. */
  public static StateStore open(DataSource pool) {
    return JdbcStateStore.builder(pool)
        .tablePrefix("mlc_")     // one schema can hold several installations with different prefixes
        .build();
  }

  /** The local test server: {@code 127.0.0.1:5432}, database {@code test}, trust auth. */
  public static void main(String[] args) {
    try (HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "", 10);
        StateStore store = open(pool)) {
      System.out.println("state store ready: " + store);
    }
  }
}
