package io.mlconnector.core.state.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class JdbcPoolTest {
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger opened = new AtomicInteger();

  /** Connections of an in-memory H2 database that record every call made on them. */
  private DataSource recording() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:pool" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    return (DataSource) Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (p, m, a) -> {
          if (m.getName().equals("getConnection")) {
            opened.incrementAndGet();
            Connection real = h2.getConnection();
            return Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (cp, cm, ca) -> {
                  calls.add(cm.getName());
                  return cm.invoke(real, ca);
                });
          }
          return m.invoke(h2, a);
        });
  }

  @Test
  void aCleanConnectionGoesBackWithoutAStatementAndIsUsedAgain() throws Exception {
    JdbcPool pool = new JdbcPool(recording(), 2, Duration.ofSeconds(5));
    try (Connection c = pool.getConnection()) {
      c.createStatement().executeQuery("SELECT 1").close();
    }
    calls.clear();
    try (Connection c = pool.getConnection()) {
      assertThat(c.getAutoCommit()).isTrue();
    }

    assertThat(opened).hasValue(1);
    assertThat(calls).doesNotContain("rollback", "commit", "setAutoCommit");
    assertThat(pool.idleCount()).isEqualTo(1);
    pool.close();
  }

  @Test
  void aConnectionGivenBackInsideATransactionIsRolledBackFirst() throws Exception {
    JdbcPool pool = new JdbcPool(recording(), 1, Duration.ofSeconds(5));
    Connection c = pool.getConnection();
    c.setAutoCommit(false);
    calls.clear();
    c.close();

    assertThat(calls).containsSubsequence("rollback", "setAutoCommit");
    assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class);
    try (Connection again = pool.getConnection()) {
      assertThat(again.getAutoCommit()).isTrue();
    }
    assertThat(opened).hasValue(1);
    pool.close();
  }

  @Test
  void aCallerBeyondTheMaximumWaitsForAConnectionGivenBack() throws Exception {
    JdbcPool pool = new JdbcPool(recording(), 1, Duration.ofSeconds(30));
    Connection first = pool.getConnection();
    CompletableFuture<Connection> second = CompletableFuture.supplyAsync(() -> {
      try {
        return pool.getConnection();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !second.isDone());

    first.close();

    await().atMost(Duration.ofSeconds(5)).until(second::isDone);
    second.get().close();
    assertThat(opened).hasValue(1);
    pool.close();
  }

  @Test
  void aCallerWaitsNoLongerThanTheWait() throws Exception {
    JdbcPool pool = new JdbcPool(recording(), 1, Duration.ofMillis(100));
    try (Connection held = pool.getConnection()) {
      assertThatThrownBy(pool::getConnection)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("no free state store connection");
    }
    pool.close();
  }
}
