package io.mlconnector.core.sync;

import static io.mlconnector.core.sync.EngineFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.state.StateStoreException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LeaseTest {

  @Test
  void aRunSkipsWhileAnotherNodeHoldsTheLease() {
    try (EngineFixture f = new EngineFixture()) {
      f.source.put(Item.of(TENANT, "r1", 1, "p"));
      f.store.tryAcquireLease(TENANT, "invoices", "node-2", Duration.ofMinutes(1));

      RunReport report = f.run();

      assertThat(report.status()).isEqualTo(RunReport.Status.LEASE_UNAVAILABLE);
      assertThat(report.read()).isZero();
      assertThat(f.store.lease(TENANT, "invoices")).hasValueSatisfying(
          l -> assertThat(l.owner()).isEqualTo("node-2"));
    }
  }

  @Test
  void aLostLeaseStopsTheRunBeforeItsNextCheckpointAndIsNotReleased() {
    AtomicInteger pages = new AtomicInteger();
    AtomicBoolean lostSeen = new AtomicBoolean();
    EngineFixture[] holder = new EngineFixture[1];
    SyncListener thief = new SyncListener() {
      @Override
      public void cursorAdvanced(RunInfo run, String stream, String checkpoint) {
        if (pages.incrementAndGet() == 1) {
          // another node takes over after our lease lapsed (a long pause, say)
          holder[0].store.releaseLease(TENANT, "invoices", "node-1");
          holder[0].store.tryAcquireLease(TENANT, "invoices", "node-2", Duration.ofMinutes(1));
        }
      }

      @Override
      public void leaseLost(String tenant, String flow, String node) {
        lostSeen.set(true);
      }
    };
    try (EngineFixture f = new EngineFixture(flow -> flow.pageSize(2), e -> e.listener(thief))) {
      holder[0] = f;
      for (int i = 0; i < 6; i++) {
        f.source.put(Item.of(TENANT, "r" + i, i, "p"));
      }

      RunReport report = f.run();

      assertThat(report.status()).isEqualTo(RunReport.Status.LEASE_LOST);
      assertThat(lostSeen).isTrue();
      assertThat(f.store.cursor(TENANT, "invoices", "records"))
          .contains(Checkpoint.of(MemoryPollSource.pad(1), "r1").encode());
      assertThat(f.store.lease(TENANT, "invoices")).hasValueSatisfying(
          l -> assertThat(l.owner()).isEqualTo("node-2"));
      assertThat(f.sink.stored()).hasSizeLessThanOrEqualTo(4);
    }
  }

  @Test
  void aRunLongerThanTheLeaseKeepsItByRenewal() throws Exception {
    InMemoryStateStore store = new InMemoryStateStore();
    MemoryPollSource source = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
    for (int i = 0; i < 30; i++) {
      source.put(Item.of(TENANT, "r" + i, i, "p"));
    }
    MemorySink sink = new MemorySink(TENANT);
    AtomicInteger stolen = new AtomicInteger();
    sink.beforeCall = () -> {
      // every write takes a while; meanwhile another node keeps trying to take the lease
      if (store.tryAcquireLease(TENANT, "invoices", "node-2", Duration.ofSeconds(2))) {
        stolen.incrementAndGet();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    SyncEngine engine = SyncEngine.builder()
        .store(store)
        .nodeId("node-1")
        .leaseTtl(Duration.ofSeconds(2))
        .addFlow(Flow.poll("invoices", Item.class, t -> source, Target.class, t -> sink)
            .mapper(Target::map)
            .parallelism(1)
            .build())
        .tenants(List.of(TENANT))
        .build();

    RunReport report = engine.runOnce(TENANT, "invoices");
    engine.shutdown(Duration.ofSeconds(5));

    assertThat(report.status()).isEqualTo(RunReport.Status.COMPLETED);
    assertThat(report.written()).isEqualTo(30);
    assertThat(stolen).hasValue(0);
    assertThat(store.lease(TENANT, "invoices")).isEmpty();
  }

  @Test
  void aStoreThatCannotGrantTheLeaseFailsTheRunWithTheReason() {
    try (EngineFixture f = new EngineFixture()) {
      SyncEngine engine = SyncEngine.builder()
          .store(StoreProxy.wrap(f.store, (method, args) -> {
            if (method.getName().equals("tryAcquireLease")) {
              throw new StateStoreException("connection refused", null);
            }
          }))
          .addFlow(Flow.poll("invoices", Item.class, t -> f.source, Target.class, t -> f.sink)
              .mapper(Target::map).build())
          .tenants(List.of(TENANT))
          .build();

      RunReport report = engine.runOnce(TENANT, "invoices");
      engine.shutdown(Duration.ofSeconds(5));

      assertThat(report.status()).isEqualTo(RunReport.Status.FAILED);
      assertThat(report.error()).isEqualTo("lease: StateStoreException: connection refused");
    }
  }

  @Test
  void theRenewalThatFindsTheLeaseLostReportsItWithTheRunsMdc() throws Exception {
    InMemoryStateStore store = new InMemoryStateStore();
    MemoryPollSource source = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
    source.put(Item.of(TENANT, "r1", 1, "p"));
    MemorySink sink = new MemorySink(TENANT);
    java.util.concurrent.CountDownLatch lost = new java.util.concurrent.CountDownLatch(1);
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    SyncListener listener = new SyncListener() {
      @Override
      public void leaseLost(String tenant, String flow, String node) {
        seen.add(Thread.currentThread().getName().replaceAll("-\\d+$", "") + " tenant="
            + org.slf4j.MDC.get("tenant") + " flow=" + org.slf4j.MDC.get("flow")
            + " run=" + (org.slf4j.MDC.get("run") != null));
        lost.countDown();
      }
    };
    sink.beforeCall = () -> {
      // another node takes the lease while the write is in flight; the write waits until the
      // lease keeper has noticed
      store.releaseLease(TENANT, "invoices", "node-1");
      store.tryAcquireLease(TENANT, "invoices", "node-2", Duration.ofMinutes(1));
      try {
        lost.await(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    SyncEngine engine = SyncEngine.builder()
        .store(store)
        .nodeId("node-1")
        .leaseTtl(Duration.ofMillis(300))
        .listener(listener)
        .addFlow(Flow.poll("invoices", Item.class, t -> source, Target.class, t -> sink)
            .mapper(Target::map)
            .build())
        .tenants(List.of(TENANT))
        .build();
    try {
      RunReport report = engine.runOnce(TENANT, "invoices");

      assertThat(report.status()).isEqualTo(RunReport.Status.LEASE_LOST);
      assertThat(seen).containsExactly("mlc-node-1-lease tenant=acme flow=invoices run=true");
    } finally {
      engine.shutdown(Duration.ofSeconds(5));
    }
  }
}
