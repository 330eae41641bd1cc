package io.mlconnector.core.state;

import io.mlconnector.contracts.StateStoreContract;

import io.mlconnector.testkit.SimClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.internal.Dialect;
import io.mlconnector.core.state.internal.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The state store contract plus what only a database-backed store promises: all-or-nothing
 * transactions when the connection dies midway, and schema migrations that are safe to repeat and
 * to run from two stores at once. Every test works under its own table prefix.
 */
abstract class JdbcStateStoreContract extends StateStoreContract {
  private static final SplittableRandom RANDOM = new SplittableRandom(20260301L);
  private final List<String> prefixes = new ArrayList<>();
  protected String prefix;

  /** A pooled DataSource shared by the test class. */
  protected abstract DataSource dataSource();

  /** The table prefix the tests of the class share (tenants keep them apart). */
  protected abstract String sharedPrefix();

  /** A DataSource that opens a new physical connection per call, to the same database. */
  protected abstract DataSource unpooledDataSource();

  protected abstract Dialect dialect();

  @Override
  protected JdbcStateStore newStore(SimClock clock) {
    prefix = sharedPrefix();
    return JdbcStateStore.builder(dataSource()).tablePrefix(prefix).clock(clock).build();
  }

  @Override
  protected JdbcStateStore newIsolatedStore(SimClock clock) {
    prefix = newPrefix();
    return JdbcStateStore.builder(dataSource()).tablePrefix(prefix).clock(clock).build();
  }

  /** Drops every table under {@code tablePrefix}. */
  static void dropTables(DataSource ds, String tablePrefix, Dialect dialect) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (String table : new Schema(tablePrefix, dialect).tables()) {
        s.execute("DROP TABLE IF EXISTS " + table);
      }
    }
  }

  protected synchronized String newPrefix() {
    String p = "t" + Long.toHexString(RANDOM.nextLong() & 0xFFFFFFFFL) + "_";
    prefixes.add(p);
    return p;
  }

  @AfterEach
  void dropIsolatedTables() throws SQLException {
    for (String p : prefixes) {
      dropTables(dataSource(), p, dialect());
    }
    prefixes.clear();
  }

  private List<Integer> versions(String tablePrefix) throws SQLException {
    List<Integer> out = new ArrayList<>();
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version FROM " + tablePrefix + "schema_version ORDER BY version")) {
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ migrations

  @Test
  void freshSchemaIsCreatedAtTheCurrentVersion() throws SQLException {
    assertThat(versions(prefix)).containsExactlyElementsOf(allVersions());
    assertThat(((JdbcStateStore) store).tablePrefix()).isEqualTo(prefix);
    assertThat(((JdbcStateStore) store).databaseKind()).isEqualTo(dialect().name());
  }

  @Test
  void reopeningKeepsDataAndAppliesNothingTwice() throws SQLException {
    store.saveCursor(T, "customers", "main", "c1");
    store.saveMapping(Mapping.of(syspro(T, "C1"), stripe(T, "cus_1")));
    try (StateStore again =
        JdbcStateStore.builder(dataSource()).tablePrefix(prefix).clock(clock).build()) {
      assertThat(again.cursor(T, "customers", "main")).contains("c1");
      assertThat(again.mappingByTarget(stripe(T, "cus_1"))).isPresent();
    }
    assertThat(versions(prefix)).containsExactlyElementsOf(allVersions());
  }

  @Test
  void storesOpenedTogetherOnAFreshPrefixAllSucceed() throws Exception {
    for (int round = 0; round < 8; round++) {
      openTogether(newPrefix());
    }
  }

  private void openTogether(String fresh) throws Exception {
    int openers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(openers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<JdbcStateStore>> opened = new ArrayList<>();
    try {
      for (int i = 0; i < openers; i++) {
        opened.add(
            pool.submit(
                () -> {
                  go.await();
                  return JdbcStateStore.builder(dataSource())
                      .tablePrefix(fresh)
                      .clock(clock)
                      .build();
                }));
      }
      go.countDown();
      List<JdbcStateStore> stores = new ArrayList<>();
      for (Future<JdbcStateStore> f : opened) {
        stores.add(f.get(60, TimeUnit.SECONDS));
      }
      stores.get(0).saveCursor(T, "f", "s", "from-first");
      assertThat(stores.get(openers - 1).cursor(T, "f", "s")).contains("from-first");
      stores.forEach(StateStore::close);
    } finally {
      pool.shutdownNow();
    }
    assertThat(versions(fresh)).containsExactlyElementsOf(allVersions());
  }

  private static List<Integer> allVersions() {
    List<Integer> all = new ArrayList<>();
    for (int v = 1; v <= Schema.CURRENT_VERSION; v++) {
      all.add(v);
    }
    return all;
  }

  @Test
  void seenFilesOfSchemaVersionOneAreReadInTheStateMachine() throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String[] row : new String[][] {{"old1", "PROCESSING"}, {"old2", "ARCHIVED"}}) {
        s.execute(
            "INSERT INTO "
                + prefix
                + "seen_file (tenant, flow, content_hash, name, status, recorded_at)"
                + " VALUES ('"
                + T
                + "', 'ap', '"
                + row[0]
                + "', 'x.csv', '"
                + row[1]
                + "', CURRENT_TIMESTAMP)");
      }
    }
    assertThat(store.file(T, "ap", "old1").orElseThrow().status())
        .as("read before the migration rewrote it")
        .isEqualTo(SeenFile.Status.CLAIMED);
    // migration 2 is idempotent: run it again over these rows, as on a version-one database
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM " + prefix + "schema_version WHERE version = 2");
    }
    JdbcStateStore.builder(dataSource()).tablePrefix(prefix).clock(clock).build().close();
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT content_hash, status FROM "
                    + prefix
                    + "seen_file WHERE tenant = '"
                    + T
                    + "' ORDER BY content_hash")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1) + "=" + rs.getString(2));
      }
      assertThat(rows).containsExactly("old1=CLAIMED", "old2=POSTED");
    }
    assertThat(store.file(T, "ap", "old2").orElseThrow().status())
        .isEqualTo(SeenFile.Status.POSTED);
    assertThat(store.claimFile(T, "ap", "old1", "x.csv", "node-a", java.time.Duration.ofMinutes(1)))
        .as("a file left PROCESSING by version one has no claimant: free to claim")
        .isTrue();
    store.moveFile(T, "ap", "old1", "node-a", SeenFile.Status.PARSED, 0, 0, null);
    assertThat(store.claimFile(T, "ap", "old2", "x.csv", "node-a", java.time.Duration.ofMinutes(1)))
        .isFalse();
  }

  @Test
  void aSchemaNewerThanTheLibraryIsRefused() throws SQLException {
    store.close();
    store = newIsolatedStore(clock);
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO "
              + prefix
              + "schema_version (version, description, applied_at)"
              + " VALUES (99, 'from the future', CURRENT_TIMESTAMP)");
    }
    assertThatThrownBy(() -> JdbcStateStore.builder(dataSource()).tablePrefix(prefix).build())
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("version 99")
        .hasMessageContaining(prefix);
  }

  @Test
  void closingTheStoreLeavesTheHostsDataSourceOpen() throws SQLException {
    store.close();
    try (Connection c = dataSource().getConnection()) {
      assertThat(c.isValid(5)).isTrue();
    }
    try (StateStore again = JdbcStateStore.builder(dataSource()).tablePrefix(prefix).build()) {
      assertThat(again.cursor(T, "f", "s")).isEmpty();
    }
  }

  @Test
  void tablePrefixMustBeASafeIdentifier() {
    JdbcStateStore.Builder builder = JdbcStateStore.builder(dataSource());
    for (String bad : List.of("", "1abc", "Mlc_", "mlc;drop table x", "a-b", "a".repeat(31))) {
      assertThatThrownBy(() -> builder.tablePrefix(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("tablePrefix");
    }
    assertThatThrownBy(() -> builder.tablePrefix(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("tablePrefix");
  }

  @Test
  void sqlFailuresNameTheOperationButNoValues() throws SQLException {
    store.close();
    store = newIsolatedStore(clock);
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE " + prefix + "inbox");
    }
    String secretPayload = "{\"card\":\"4242424242424242\"}";
    assertThatThrownBy(
            () ->
                store.receive(
                    InboxEvent.received(
                        T, "stripe", "evt_1", "charge.succeeded", secretPayload, START)))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("store an inbox event")
        .hasMessageNotContaining("4242");
  }

  @Test
  void aValueTooLongForItsColumnFailsClearlyAndChangesNothing() {
    String longTenant = "t".repeat(201);
    assertThatThrownBy(() -> store.saveCursor(longTenant, "f", "s", "c"))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("save a cursor")
        .hasMessageContaining("longer than its column");
    assertThat(store.cursor(longTenant, "f", "s")).isEmpty();
  }

  // ------------------------------------------------------------------ crash safety

  private JdbcStateStore faultyStore(FaultyDataSource faulty) {
    return JdbcStateStore.builder(faulty).tablePrefix(prefix).clock(clock).build();
  }

  @Test
  void completeCutOffAfterAnyStatementLeavesNoHalfState() {
    FaultyDataSource faulty = new FaultyDataSource(unpooledDataSource());
    try (JdbcStateStore dying = faultyStore(faulty)) {
      // complete runs 4 statements: operation DONE, mapping upsert, audit insert, retry delete.
      for (int cut = 1; cut <= 4; cut++) {
        String key = "k" + cut;
        ExternalRef src = syspro(T, "C" + cut);
        ExternalRef target = stripe(T, "cus_" + cut);
        store.begin(intent(T, key, src));
        store.scheduleRetry(new RetryItem(0, T, "customers", src, key, null, 1, START, "e", false));
        faulty.killNextConnectionAfter(cut);
        int at = cut;
        assertThatThrownBy(() -> dying.complete(completion(T, key, src, target)))
            .as("cut after statement %d", at)
            .isInstanceOf(StateStoreException.class)
            .hasMessageContaining("complete an operation");

        assertThat(store.operation(T, key).orElseThrow().status())
            .as("cut %d", cut)
            .isEqualTo(OperationStatus.PENDING);
        assertThat(store.mappingBySource(src, "stripe")).as("cut %d", cut).isEmpty();
        assertThat(store.mappingByTarget(target)).as("cut %d", cut).isEmpty();
        assertThat(store.audit(AuditQuery.all(T).withSource(src)).items())
            .as("cut %d", cut)
            .isEmpty();
        assertThat(store.deadLetters(DeadLetterQuery.all(T)).items()).isEmpty();

        // Nothing is left locked: the retried completion goes through.
        store.complete(completion(T, key, src, target));
        assertThat(store.operation(T, key).orElseThrow().status()).isEqualTo(OperationStatus.DONE);
      }
      assertThat(
              store.claimDueRetries(
                  T, "customers", START, "w", java.time.Duration.ofMinutes(1), 10))
          .isEmpty();
    }
  }

  @Test
  void failCutOffAfterAnyStatementLeavesNoHalfState() {
    FaultyDataSource faulty = new FaultyDataSource(unpooledDataSource());
    try (JdbcStateStore dying = faultyStore(faulty)) {
      // fail runs 3 statements (4 on H2 when the retry item is new): operation, retry, audit.
      for (int cut = 1; cut <= 3; cut++) {
        String key = "k" + cut;
        ExternalRef src = syspro(T, "C" + cut);
        store.begin(intent(T, key, src));
        faulty.killNextConnectionAfter(cut);
        assertThatThrownBy(() -> dying.fail(failure(T, key, src, OperationStatus.PARKED, "bad")))
            .isInstanceOf(StateStoreException.class)
            .hasMessageContaining("failed operation");

        assertThat(store.operation(T, key).orElseThrow().status())
            .isEqualTo(OperationStatus.PENDING);
        assertThat(store.deadLetters(DeadLetterQuery.all(T)).items()).isEmpty();
        assertThat(store.audit(AuditQuery.all(T)).items()).isEmpty();
      }
    }
  }

  @Test
  void aConnectionLostOutsideTransactionsSurfacesAsStateStoreException() {
    FaultyDataSource faulty = new FaultyDataSource(unpooledDataSource());
    try (JdbcStateStore dying = faultyStore(faulty)) {
      faulty.killNextConnectionAfter(1);
      assertThatThrownBy(
              () ->
                  dying.saveMapping(
                      new Mapping(syspro(T, "C1"), stripe(T, "cus_1"), Map.of("k", "v"))))
          .isInstanceOf(StateStoreException.class)
          .hasMessageContaining("save a mapping");
      assertThat(store.mappingBySource(syspro(T, "C1"), "stripe")).isEmpty();
      dying.saveMapping(Mapping.of(syspro(T, "C1"), stripe(T, "cus_1")));
      assertThat(store.mappingBySource(syspro(T, "C1"), "stripe")).isPresent();
    }
  }
}
