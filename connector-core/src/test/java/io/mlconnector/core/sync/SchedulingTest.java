package io.mlconnector.core.sync;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.state.InMemoryStateStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
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
    Map<String, Boolean> sawAll = new ConcurrentHashMap<>();
    OneInvoiceEach each = new OneInvoiceEach(tenants, t -> {
      AtomicBoolean first = new AtomicBoolean(true);
      return () -> {
        if (first.getAndSet(false)) {
          allInside.countDown();
          try {
            sawAll.put(t, allInside.await(30, TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      };
    });
    SyncEngine engine = each.engine(store, b -> b.schedulerThreads(1));

    engine.start();
    assertThat(allInside.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(engine.shutdown(Duration.ofSeconds(30))).isTrue();
    assertThat(sawAll).hasSize(4).doesNotContainValue(false);
    each.assertOneWrittenEach();
  }

  @Test
  void runsDueBeyondMaxConcurrentRunsWaitTheirTurnAndAllRun() throws Exception {
    List<String> tenants = List.of("t1", "t2", "t3", "t4", "t5");
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    OneInvoiceEach each = new OneInvoiceEach(tenants, t -> () -> {
      most.accumulateAndGet(inside.incrementAndGet(), Math::max);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inside.decrementAndGet();
    });
    SyncEngine engine = each.engine(store, b -> b.maxConcurrentRuns(2));

    engine.start();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
        .until(() -> each.sinks.values().stream().noneMatch(s -> s.stored().isEmpty()));
    assertThat(engine.shutdown(Duration.ofSeconds(30))).isTrue();

    each.assertOneWrittenEach();
    assertThat(most.get()).isBetween(1, 2);
  }

  @Test
  void theFirstRunsOfOneTenantStartWithinItsSpacingNotWithinTheJitter() {
    // the samples' schedule: one minute, 6 s jitter; one tenant with five flows after a restart
    SyncEngine engine = fiveFlows(Duration.ofMinutes(1), Duration.ofSeconds(6), List.of("acme"));

    for (Flow<?, ?> flow : engine.flows().values()) {
      assertThat(SyncEngine.firstRunWindowMillis(flow, 5)).isEqualTo(100);
      for (int i = 0; i < 1_000; i++) {
        assertThat(engine.firstDelay(flow, 5)).isBetween(0L, 100L);
      }
    }
  }

  @Test
  void theFirstRunsOfManyTenantsSpreadOverTheIntervalAndNoFurther() {
    SyncEngine engine = fiveFlows(Duration.ofMinutes(1), Duration.ofSeconds(6), List.of("acme"));
    Flow<?, ?> flow = engine.flows().get("f1");
    int pairs = 1_000 * 5;

    long latest = 0;
    long earliest = Long.MAX_VALUE;
    for (int i = 0; i < pairs; i++) {
      long delay = engine.firstDelay(flow, pairs);
      latest = Math.max(latest, delay);
      earliest = Math.min(earliest, delay);
    }

    // 20 ms x 5,000 pairs = 100 s, cut at the one-minute interval
    assertThat(SyncEngine.firstRunWindowMillis(flow, pairs)).isEqualTo(60_000);
    assertThat(SyncEngine.firstRunWindowMillis(flow, 50)).isEqualTo(1_000);
    assertThat(latest).isBetween(59_000L, 60_000L);
    assertThat(earliest).isLessThan(1_000L);
  }

  @Test
  void theRunsAfterTheFirstKeepTheJitter() {
    SyncEngine engine = fiveFlows(Duration.ofMinutes(1), Duration.ofSeconds(6), List.of("acme"));
    Flow<?, ?> flow = engine.flows().get("f1");

    long latest = 0;
    for (int i = 0; i < 1_000; i++) {
      long delay = engine.nextDelay(flow);
      assertThat(delay).isBetween(60_000L, 66_000L);
      latest = Math.max(latest, delay);
    }
    assertThat(latest).isGreaterThan(65_000L);
    SyncEngine noJitter = fiveFlows(Duration.ofMinutes(1), Duration.ZERO, List.of("acme"));
    assertThat(noJitter.nextDelay(noJitter.flows().get("f1"))).isEqualTo(60_000L);
  }

  @Test
  void gracefulShutdownFinishesTheRecordInFlightAndReleasesTheLease() throws Exception {
    MemoryPollSource source = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
    for (int i = 0; i < 5; i++) {
      source.put(Item.of("acme", "r" + i, i, "p"));
    }
    MemorySink sink = new MemorySink("acme");
    HeldCall held = HeldCall.first();
    sink.beforeCall = held;
    SyncEngine engine = SyncEngine.builder()
        .store(store)
        .nodeId("node-1")
        .addFlow(Flow.poll("invoices", Item.class, t -> source, Target.class, t -> sink)
            .mapper(Target::map)
            .parallelism(1)
            .build())
        .tenants(List.of("acme"))
        .build();

    RunReport report = held.stopMidCall(engine, () -> engine.runOnce("acme", "invoices"));

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
    HeldCall held = HeldCall.every();
    sink.beforeCall = held;
    SyncEngine engine = SyncEngine.builder()
        .store(store)
        .addFlow(Flow.poll("invoices", Item.class, t -> source, Target.class, t -> sink)
            .mapper(Target::map)
            .build())
        .tenants(List.of("acme"))
        .build();
    CompletableFuture<RunReport> first =
        CompletableFuture.supplyAsync(() -> engine.runOnce("acme", "invoices"));
    assertThat(held.awaitEntered()).isTrue();

    RunReport second = engine.runOnce("acme", "invoices");
    held.release();

    assertThat(second.status()).isEqualTo(RunReport.Status.LEASE_UNAVAILABLE);
    assertThat(second.error()).isEqualTo("already running on this node");
    assertThat(first.get(10, TimeUnit.SECONDS).written()).isEqualTo(1);
    engine.shutdown(Duration.ofSeconds(5));
  }

  /** An engine with flows f1..f5 on one schedule, seeded, never started. */
  private SyncEngine fiveFlows(Duration interval, Duration jitter, List<String> tenants) {
    MemoryPollSource source = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
    MemorySink sink = new MemorySink("acme");
    SyncEngine.Builder b = SyncEngine.builder().store(store).randomSeed(7).tenants(tenants);
    for (int i = 1; i <= 5; i++) {
      b.addFlow(Flow.poll("f" + i, Item.class, t -> source, Target.class, t -> sink)
          .mapper(Target::map)
          .schedule(interval, jitter)
          .build());
    }
    return b.build();
  }

  /** Tenants with one new invoice each, written to a sink of their own that runs a hook first. */
  private static final class OneInvoiceEach {
    final List<String> tenants;
    final Map<String, MemoryPollSource> sources = new ConcurrentHashMap<>();
    final Map<String, MemorySink> sinks = new ConcurrentHashMap<>();

    OneInvoiceEach(List<String> tenants, Function<String, Runnable> beforeCall) {
      this.tenants = tenants;
      for (String t : tenants) {
        MemoryPollSource source = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
        source.put(Item.of(t, t + "-1", 1, "p"));
        sources.put(t, source);
        MemorySink sink = new MemorySink(t);
        sink.beforeCall = beforeCall.apply(t);
        sinks.put(t, sink);
      }
    }

    /** The engine of these tenants' hourly "invoices" flow, with {@code tuning} applied. */
    SyncEngine engine(InMemoryStateStore store, UnaryOperator<SyncEngine.Builder> tuning) {
      return tuning.apply(SyncEngine.builder().store(store))
          .addFlow(Flow.poll("invoices", Item.class, sources::get, Target.class, sinks::get)
              .mapper(Target::map)
              .schedule(Duration.ofHours(1), Duration.ZERO)
              .build())
          .tenants(tenants)
          .build();
    }

    void assertOneWrittenEach() {
      for (String t : tenants) {
        assertThat(sinks.get(t).stored()).hasSize(1);
      }
    }
  }
}
