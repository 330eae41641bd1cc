package io.mlconnector.core.sync;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.state.JdbcStateStore;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Three engines (nodes) on one PostgreSQL store run the same poll and webhook flows for two tenants
 * at once, each webhook event delivered twice to different nodes: no
 * record is written twice and no (tenant, flow) lease is ever held by two nodes. Needs PostgreSQL
 * ({@link TestPostgres}); skipped when unreachable, except under {@code CI=true}.
 */
class MultiNodeTest {
  private static final List<String> TENANTS = List.of("acme", "globex");
  private static final int RECORDS = 300;
  private static final int EVENTS = 60;
  private static final String PREFIX = "mlc_nodes_" + Long.toString(System.nanoTime() & 0xffffffL, 36) + "_";
  private static final List<JdbcConnectionPool> pools = new ArrayList<>();

  private static TestPostgres postgres;

  @BeforeAll
  static void probe() {
    postgres = TestPostgres.require();
  }

  @AfterAll
  static void dropTables() throws SQLException {
    pools.forEach(JdbcConnectionPool::dispose);
    if (postgres == null) {
      return;
    }
    try (Connection c = postgres.dataSource().getConnection();
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery(
          "select table_name from information_schema.tables where table_name like '"
              + PREFIX + "%'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        s.execute("drop table if exists " + table + " cascade");
      }
    }
  }

  private static StateStore nodeStore() {
    PGConnectionPoolDataSource cpds = new PGConnectionPoolDataSource();
    cpds.setURL(postgres.url());
    cpds.setUser(postgres.user());
    cpds.setPassword(postgres.password());
    JdbcConnectionPool pool = JdbcConnectionPool.create(cpds);
    pool.setMaxConnections(8);
    pools.add(pool);
    return JdbcStateStore.builder(pool).tablePrefix(PREFIX).build();
  }

  @Test
  void threeNodesWriteEveryRecordOnceAndNeverShareALease() throws Exception {
    Map<String, MemoryPollSource> sources = new ConcurrentHashMap<>();
    Map<String, MemorySink> sinks = new ConcurrentHashMap<>();
    for (String tenant : TENANTS) {
      MemoryPollSource source = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
      for (int i = 0; i < RECORDS; i++) {
        source.put(Item.of(tenant, String.format("inv-%04d", i), i / 4, "v1-" + i));
      }
      sources.put(tenant, source);
      MemorySink sink = new MemorySink(tenant);
      AtomicInteger calls = new AtomicInteger();
      sink.plan = (call, context) -> {
        double r = new SplittableRandom(7L * calls.incrementAndGet()).nextDouble();
        return r < 0.1 ? MemorySink.Fault.LOST_AFTER_COMMIT
            : r < 0.2 ? MemorySink.Fault.SERVER_ERROR : MemorySink.Fault.NONE;
      };
      sinks.put(tenant, sink);
    }
    // a webhook flow too: every event is delivered twice, to two different nodes
    Map<String, WebhookFlowTest.Objects> objects = new ConcurrentHashMap<>();
    Map<String, MemorySink> eventSinks = new ConcurrentHashMap<>();
    for (String tenant : TENANTS) {
      WebhookFlowTest.Objects erp = new WebhookFlowTest.Objects(tenant);
      for (int i = 0; i < EVENTS; i++) {
        String id = String.format("wh-%04d", i);
        erp.current.put(id, Item.of(tenant, id, 1, "event object " + i));
      }
      objects.put(tenant, erp);
      eventSinks.put(tenant, new MemorySink(tenant));
    }
    Map<String, AtomicInteger> holders = new ConcurrentHashMap<>();
    List<String> violations = new CopyOnWriteArrayList<>();
    AtomicInteger denied = new AtomicInteger();
    AtomicInteger lost = new AtomicInteger();
    Map<String, AtomicInteger> writesByNode = new ConcurrentHashMap<>();
    SyncListener tracker = new SyncListener() {
      @Override
      public void leaseAcquired(String tenant, String flow, String node) {
        int now = holders.computeIfAbsent(tenant + "/" + flow, k -> new AtomicInteger())
            .incrementAndGet();
        if (now > 1) {
          violations.add(node + " acquired " + tenant + "/" + flow + " while held");
        }
      }

      @Override
      public void leaseReleased(String tenant, String flow, String node) {
        holders.get(tenant + "/" + flow).decrementAndGet();
      }

      @Override
      public void leaseDenied(String tenant, String flow, String node) {
        denied.incrementAndGet();
      }

      @Override
      public void leaseLost(String tenant, String flow, String node) {
        lost.incrementAndGet();
      }

      @Override
      public void recordWritten(RunInfo run, io.mlconnector.core.model.ExternalRef source,
          io.mlconnector.core.model.ExternalRef target, String action) {
        writesByNode.computeIfAbsent(run.node(), k -> new AtomicInteger()).incrementAndGet();
      }
    };
    List<SyncEngine> engines = new ArrayList<>();
    for (int node = 1; node <= 3; node++) {
      engines.add(SyncEngine.builder()
          .store(nodeStore())
          .nodeId("node-" + node)
          .leaseTtl(Duration.ofSeconds(10))
          .pendingGracePeriod(Duration.ofSeconds(30))
          .listener(tracker)
          .randomSeed(node)
          .addFlow(Flow.poll("invoices", Item.class, sources::get, Target.class, sinks::get)
              .mapper(Target::map)
              .pageSize(25)
              .parallelism(4)
              .retryPolicy(new RetryQueuePolicy(Duration.ZERO, Duration.ZERO, 100))
              .build())
          .addFlow(Flow.webhook("events", Item.class, objects::get,
                  t -> new WebhookFlowTest.HmacVerifier("secret-" + t), Target.class,
                  eventSinks::get)
              .mapper(Target::map)
              .pageSize(20)
              .build())
          .tenants(TENANTS)
          .build());
    }
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService nodes = Executors.newFixedThreadPool(3);
    List<Future<?>> loops = new ArrayList<>();
    java.util.concurrent.atomic.AtomicIntegerArray rounds =
        new java.util.concurrent.atomic.AtomicIntegerArray(engines.size());
    for (int n = 0; n < engines.size(); n++) {
      SyncEngine engine = engines.get(n);
      int node = n;
      loops.add(nodes.submit(() -> {
        while (!done.get()) {
          for (String tenant : TENANTS) {
            engine.runOnce(tenant, "invoices");
            engine.runOnce(tenant, "events");
          }
          rounds.incrementAndGet(node);
        }
      }));
    }
    List<String> refused = new CopyOnWriteArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      for (String tenant : TENANTS) {
        String body = "{\"id\":\"evt_" + i + "\",\"type\":\"invoice.updated\",\"object\":\""
            + String.format("wh-%04d", i) + "\"}";
        byte[] raw = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String signature = java.util.HexFormat.of().formatHex(WebhookFlowTest.hmac(
            ("secret-" + tenant).getBytes(java.nio.charset.StandardCharsets.UTF_8), raw));
        for (int copy = 0; copy < 2; copy++) {
          WebhookResponse answer = engines.get((i + copy) % 3).webhookEndpoint("events")
              .handle(tenant, Map.of("X-Signature", List.of(signature)), raw);
          if (answer.status() != 200) {
            refused.add(answer.toString());
          }
        }
      }
    }
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
        .until(() -> allWritten(sources, sinks) && eventSinks.values().stream().allMatch(s -> s.stored().size() == EVENTS));
    // a few more rounds on every node: nothing may be written again
    int[] seen = new int[engines.size()];
    for (int n = 0; n < seen.length; n++) {
      seen[n] = rounds.get(n);
    }
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).untilAsserted(() -> {
      for (int n = 0; n < seen.length; n++) {
        assertThat(rounds.get(n)).as("every node ran three more rounds at the end (node %d)", n)
            .isGreaterThanOrEqualTo(seen[n] + 3);
      }
    });
    done.set(true);
    for (Future<?> loop : loops) {
      loop.get(60, TimeUnit.SECONDS);
    }
    nodes.shutdown();
    engines.forEach(e -> e.shutdown(Duration.ofSeconds(10)));

    assertThat(refused).isEmpty();
    assertThat(violations).isEmpty();
    for (String tenant : TENANTS) {
      assertThat(eventSinks.get(tenant).stored()).hasSize(EVENTS);
      for (Item object : objects.get(tenant).current.values()) {
        assertThat(eventSinks.get(tenant).copiesOf(object.ref())).as("copies of %s", object.ref()).isEqualTo(1);
      }
    }
    assertThat(lost).hasValue(0);
    assertThat(denied.get()).as("lease contention").isPositive();
    for (String tenant : TENANTS) {
      MemorySink sink = sinks.get(tenant);
      assertThat(sink.stored()).hasSize(RECORDS);
      for (Item item : sources.get(tenant).all()) {
        assertThat(sink.copiesOf(item.ref())).as("copies of %s", item.ref()).isEqualTo(1);
      }
    }
  }

  private static boolean allWritten(
      Map<String, MemoryPollSource> sources, Map<String, MemorySink> sinks) {
    for (String tenant : TENANTS) {
      MemorySink sink = sinks.get(tenant);
      for (Item item : sources.get(tenant).all()) {
        if (sink.copiesOf(item.ref()) == 0) {
          return false;
        }
      }
    }
    return true;
  }
}
