package io.mlconnector.samples.recipes;

import io.mlconnector.core.state.JdbcStateStore;
import io.mlconnector.core.state.StateStore;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Recipe: keep the engine's state in PostgreSQL instead of the embedded H2 file, so several
 * processes (nodes) share it: leases keep two nodes from polling one stream at once, unique
 * constraints keep every write once. The store creates and migrates its tables on first use.
 *
 * <p>With the sample's properties file: {@code store=postgresql}, {@code
 * store.jdbc.url=jdbc:postgresql://db:5432/mlc}, {@code store.jdbc.user}, {@code
 * store.jdbc.password}.
 */
public final class ChoosePostgresql {
  private ChoosePostgresql() {}

  /**
   * A store in PostgreSQL. Production hosts pass their pooled DataSource (HikariCP, say): without
   * a pool, every call opens a connection.
   */
  public static StateStore open(String url, String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser(user);
    ds.setPassword(password);
    return JdbcStateStore.builder(ds)
        .tablePrefix("mlc_")     // one schema can hold several installations with different prefixes
        .build();
  }

  /** The local test server: {@code 127.0.0.1:5432}, database {@code test}, trust auth. */
  public static void main(String[] args) {
    try (StateStore store = open("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
      System.out.println("state store ready: " + store);
    }
  }
}
