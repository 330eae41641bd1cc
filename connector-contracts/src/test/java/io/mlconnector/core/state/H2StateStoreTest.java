package io.mlconnector.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.state.internal.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the state store contract against {@link JdbcStateStore} on an embedded H2 file. */
class H2StateStoreTest extends JdbcStateStoreContract {
  @TempDir static Path dir;
  private static String url;
  private static JdbcConnectionPool pool;

  @BeforeAll
  static void openDatabase() {
    url = JdbcStateStore.Builder.h2Url(dir.resolve("db"), java.time.Duration.ZERO);
    pool = JdbcConnectionPool.create(url, "sa", "");
    pool.setMaxConnections(16);
  }

  @AfterAll
  static void closeDatabase() {
    pool.dispose();
  }

  @Override
  protected DataSource dataSource() {
    return pool;
  }

  @Override
  protected String sharedPrefix() {
    return "shared_";
  }

  @Override
  protected DataSource unpooledDataSource() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url);
    ds.setUser("sa");
    return ds;
  }

  @Override
  protected Dialect dialect() {
    return Dialect.H2;
  }

  @Test
  void embeddedH2KeepsStateInTheHostsDirectoryAcrossRestarts() throws Exception {
    Path home = dir.resolve("host-data");
    // A pool of one connection must be enough, migrations included.
    try (JdbcStateStore first =
        JdbcStateStore.embeddedH2(home).maxConnections(1).clock(clock).build()) {
      assertThat(first.tablePrefix()).isEqualTo("mlc_");
      first.begin(intent(T, "k1", syspro(T, "C1")));
      first.complete(completion(T, "k1", syspro(T, "C1"), stripe(T, "cus_1")));
    }
    assertThat(Files.exists(home.resolve("mlconnector.mv.db"))).isTrue();
    try (JdbcStateStore second = JdbcStateStore.embeddedH2(home).build()) {
      assertThat(second.operation(T, "k1").orElseThrow().status()).isEqualTo(OperationStatus.DONE);
      assertThat(second.mappingByTarget(stripe(T, "cus_1"))).isPresent();
    }
  }

  @Test
  void embeddedOnlyOptionsAreRefusedForAHostDataSource() {
    JdbcStateStore.Builder host = JdbcStateStore.builder(pool);
    assertThatThrownBy(() -> host.maxConnections(4))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("maxConnections");
    assertThatThrownBy(() -> host.writeDelay(java.time.Duration.ofMillis(10)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("writeDelay");
    JdbcStateStore.Builder embedded = JdbcStateStore.embeddedH2(dir.resolve("unused"));
    assertThatThrownBy(() -> embedded.maxConnections(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxConnections");
    assertThatThrownBy(() -> embedded.writeDelay(java.time.Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("writeDelay");
  }
}
