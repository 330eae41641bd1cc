package io.mlconnector.core.sync;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.state.InMemoryStateStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SchedulingTest {
  private final InMemoryStateStore store = new InMemoryStateStore();

  @Test
  void theSchedulerRunsEveryTenantsFlowsOnTheirInterval() throws Exception {
    MemoryPollSource acme = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
    MemoryPollSource globex = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
    acme.put(Item.of("acme", "a1", 1, "p"));
    globex.put(Item.of("globex", "g1", 1, "p"));
    MemorySink acmeSink = new MemorySink("acme");
    MemorySink globexSink = new MemorySink("globex");
    SyncEngine engine = SyncEngine.builder()
        .store(store)
        .addFlow(Flow.poll("invoices", Item.class, t -> t.equals("acme") ? acme : globex,
                Target.class, t -> t.equals("acme") ? acmeSink : globexSink)
            .mapper(Target::map)
            .schedule(Duration.ofMillis(20), Duration.ofMillis(5))
            .build())
        .tenants(List.of("acme"))
        .build();

    engine.start();
    engine.addTenant("globex");
    acme.put(Item.of("acme", "a2", 2, "p"));
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
        .until(() -> acmeSink.stored().size() >= 2 && globexSink.stored().size() >= 1);
    boolean clean = engine.shutdown(Duration.ofSeconds(5));

    assertThat(clean).isTrue();
    assertThat(acmeSink.stored()).hasSize(2);
    assertThat(globexSink.stored()).hasSize(1);
    assertThatThrownBy(() -> engine.runOnce("acme", "invoices"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("engine is shut down");
  }

  @Test
  void tenantsRunAtOnceBeyondTheSchedulerThreads() throws Exception {
    List<String> tenants = List.of("t1", "t2", "t3", "t4");
    // every tenant's first write waits until all four are writing at once: one scheduler thread
    // running the runs itself would never get there
    CountDownLatch allInside = new CountDownLatch(tenants.size());
    java.util.Map<String, MemoryPollSource> sources = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.Map<String, MemorySink> sinks = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.Map<String, Boolean> sawAll = new java.util.concurrent.ConcurrentHashMap<>();
    for (String t : tenants) {
      MemoryPollSource source = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
      source.put(Item.of(t, t + "-1", 1, "p"));
      sources.put(t, source);
      MemorySink sink = new MemorySink(t);
      AtomicBoolean first = new AtomicBoolean(true);
      sink.beforeCall = () -> {
        if (first.getAndSet(false)) {
          allInside.countDown();
          try {
            sawAll.put(t, allInside.await(30, TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      };
      sinks.put(t, sink);
    }
    SyncEngine engine = SyncEngine.builder()
        .store(store)
        .schedulerThreads(1)
        .addFlow(Flow.poll("invoices", Item.class, sources::get, Target.class, sinks::get)
            .mapper(Target::map)
            .schedule(Duration.ofHours(1), Duration.ZERO)
            .build())
        .tenants(tenants)
        .build();

    engine.start();
    assertThat(allInside.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(engine.shutdown(Duration.ofSeconds(30))).isTrue();
    assertThat(sawAll).hasSize(4).doesNotContainValue(false);
    for (String t : tenants) {
      assertThat(sinks.get(t).stored()).hasSize(1);
    }
  }

  @Test
  void runsDueBeyondMaxConcurrentRunsWaitTheirTurnAndAllRun() throws Exception {
    List<String> tenants = List.of("t1", "t2", "t3", "t4", "t5");
    java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
    java.util.Map<String, MemoryPollSource> sources = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.Map<String, MemorySink> sinks = new java.util.concurrent.ConcurrentHashMap<>();
    for (String t : tenants) {
      MemoryPollSource source = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
      source.put(Item.of(t, t + "-1", 1, "p"));
      sources.put(t, source);
      MemorySink sink = new MemorySink(t);
      sink.beforeCall = () -> {
        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        inside.decrementAndGet();
      };
      sinks.put(t, sink);
    }
    SyncEngine engine = SyncEngine.builder()
        .store(store)
        .maxConcurrentRuns(2)
        .addFlow(Flow.poll("invoices", Item.class, sources::get, Target.class, sinks::get)
            .mapper(Target::map)
            .schedule(Duration.ofHours(1), Duration.ZERO)
            .build())
        .tenants(tenants)
        .build();

    engine.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (sinks.values().stream().anyMatch(s -> s.stored().isEmpty()) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(engine.shutdown(Duration.ofSeconds(30))).isTrue();

    for (String t : tenants) {
      assertThat(sinks.get(t).stored()).hasSize(1);
    }
    assertThat(most.get()).isBetween(1, 2);
  }

  @Test
  void gracefulShutdownFinishesTheRecordInFlightAndReleasesTheLease() throws Exception {
    MemoryPollSource source = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
    for (int i = 0; i < 5; i++) {
      source.put(Item.of("acme", "r" + i, i, "p"));
    }
    MemorySink sink = new MemorySink("acme");
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch proceed = new CountDownLatch(1);
    AtomicBoolean first = new AtomicBoolean(true);
    sink.beforeCall = () -> {
      if (first.getAndSet(false)) {
        entered.countDown();
        try {
          proceed.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    SyncEngine engine = SyncEngine.builder()
        .store(store)
        .nodeId("node-1")
        .addFlow(Flow.poll("invoices", Item.class, t -> source, Target.class, t -> sink)
            .mapper(Target::map)
            .parallelism(1)
            .build())
        .tenants(List.of("acme"))
        .build();

    CompletableFuture<RunReport> run =
        CompletableFuture.supplyAsync(() -> engine.runOnce("acme", "invoices"));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Boolean> stopping =
        CompletableFuture.supplyAsync(() -> engine.shutdown(Duration.ofSeconds(10)));
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
        .untilAsserted(() -> assertThat(engine.isShutdown()).isTrue());
    proceed.countDown();
    RunReport report = run.get(10, TimeUnit.SECONDS);

    assertThat(stopping.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(report.status()).isEqualTo(RunReport.Status.STOPPED);
    assertThat(report.written()).isEqualTo(1);
    assertThat(sink.stored()).hasSize(1);
    assertThat(store.lease("acme", "invoices")).isEmpty();
    assertThat(store.cursor("acme", "invoices", "records")).isEmpty();
  }

  @Test
  void aSecondRunOfTheSameFlowOnTheSameNodeIsRefusedWhileTheFirstRuns() throws Exception {
    MemoryPollSource source = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
    source.put(Item.of("acme", "r1", 1, "p"));
    MemorySink sink = new MemorySink("acme");
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch proceed = new CountDownLatch(1);
    sink.beforeCall = () -> {
      entered.countDown();
      try {
        proceed.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    SyncEngine engine = SyncEngine.builder()
        .store(store)
        .addFlow(Flow.poll("invoices", Item.class, t -> source, Target.class, t -> sink)
            .mapper(Target::map)
            .build())
        .tenants(List.of("acme"))
        .build();
    CompletableFuture<RunReport> first =
        CompletableFuture.supplyAsync(() -> engine.runOnce("acme", "invoices"));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    RunReport second = engine.runOnce("acme", "invoices");
    proceed.countDown();

    assertThat(second.status()).isEqualTo(RunReport.Status.LEASE_UNAVAILABLE);
    assertThat(second.error()).isEqualTo("already running on this node");
    assertThat(first.get(10, TimeUnit.SECONDS).written()).isEqualTo(1);
    engine.shutdown(Duration.ofSeconds(5));
  }
}
