package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.state.StateStoreException;
import io.mlconnector.testkit.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollCursorTest {
  private static final String TENANT = "acme";
  private final SimClock clock = SimClock.at(Instant.parse("2026-01-01T00:00:00Z"));
  private final InMemoryStateStore store = new InMemoryStateStore(clock);
  private final MemorySink sink = new MemorySink(TENANT);
  private SyncEngine engine;

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.shutdown(Duration.ofSeconds(5));
    }
  }

  private SyncEngine engine(StateStore state, PollSource<Item> source, int pageSize) {
    return engine(state, Flow.poll("invoices", Item.class, t -> source, Target.class, t -> sink)
        .mapper(Target::map)
        .pageSize(pageSize)
        .overlap(Duration.ofMillis(50))
        .retryPolicy(new RetryQueuePolicy(Duration.ZERO, Duration.ZERO, 5))
        .build());
  }

  private SyncEngine engine(StateStore state, Flow<Item, Target> flow) {
    engine = SyncEngine.builder()
        .store(state)
        .clock(clock)
        .nodeId("node-1")
        .pendingGracePeriod(Duration.ZERO)
        .randomSeed(1)
        .addFlow(flow)
        .tenants(List.of(TENANT))
        .build();
    return engine;
  }

  /** One run, a second after the previous one. */
  private RunReport run(String tenant) {
    clock.advance(Duration.ofSeconds(1));
    return engine.runOnce(tenant, "invoices");
  }

  @Test
  void recordsSharingATimestampAcrossAPageBoundaryAreNotLost() {
    MemoryPollSource source = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
    for (String id : List.of("a", "b", "c", "d", "e", "f", "g")) {
      source.put(Item.of(TENANT, id, 1000, "p-" + id));
    }
    SyncEngine engine = engine(store, source, 3);

    RunReport first = run(TENANT);

    assertThat(first.status()).isEqualTo(RunReport.Status.COMPLETED);
    assertThat(first.written()).isEqualTo(7);
    assertThat(store.cursor(TENANT, "invoices", "records"))
        .contains(Checkpoint.of(MemoryPollSource.pad(1000), "g").encode());

    // A record committed late with the same timestamp and a smaller id than the tie-breaker, and
    // one just after: the overlap brings back the first, the tie-breaker the second.
    source.put(Item.of(TENANT, "0-late", 1000, "late"));
    source.put(Item.of(TENANT, "h", 1000, "p-h"));
    RunReport second = run(TENANT);

    assertThat(second.written()).isEqualTo(2);
    assertThat(second.skipped()).isEqualTo(7);
    for (Item item : source.all()) {
      assertThat(sink.copiesOf(item.ref())).as(item.ref().toString()).isEqualTo(1);
    }
  }

  @Test
  void storeFailureMidPageDoesNotAdvanceTheCursorPastUnprocessedRecords() {
    MemoryPollSource source = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
    for (int i = 0; i < 10; i++) {
      source.put(Item.of(TENANT, "r" + i, 100 + i, "p" + i));
    }
    AtomicBoolean broken = new AtomicBoolean(true);
    StateStore faulty =
        StoreProxy.wrap(store, (method, args) -> {
          if (broken.get() && method.getName().equals("begin")
              && args[0].toString().contains("r7")) {
            throw new StateStoreException("database went away", null);
          }
        });
    SyncEngine engine = engine(faulty, source, 5);

    RunReport failed = run(TENANT);

    assertThat(failed.status()).isEqualTo(RunReport.Status.FAILED);
    assertThat(failed.error()).contains("database went away");
    // the first page (r0..r4) is durable, the second is not: the cursor stays after r4
    assertThat(store.cursor(TENANT, "invoices", "records"))
        .contains(Checkpoint.of(MemoryPollSource.pad(104), "r4").encode());

    broken.set(false);
    RunReport next = run(TENANT);

    assertThat(next.status()).isEqualTo(RunReport.Status.COMPLETED);
    assertThat(store.cursor(TENANT, "invoices", "records"))
        .contains(Checkpoint.of(MemoryPollSource.pad(109), "r9").encode());
    for (Item item : source.all()) {
      assertThat(sink.copiesOf(item.ref())).as(item.ref().toString()).isEqualTo(1);
    }
  }

  @Test
  void transientSinkFailureMovesTheCursorOnlyBecauseTheRecordIsInTheRetryQueue() {
    MemoryPollSource source = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
    for (int i = 0; i < 6; i++) {
      source.put(Item.of(TENANT, "r" + i, 100 + i, "p" + i));
    }
    AtomicBoolean failing = new AtomicBoolean(true);
    sink.plan = (call, context) ->
        failing.get() && context.source().id().equals("r2")
            ? MemorySink.Fault.SERVER_ERROR
            : MemorySink.Fault.NONE;
    SyncEngine engine = engine(store, source, 3);

    RunReport first = run(TENANT);

    assertThat(first.written()).isEqualTo(5);
    assertThat(first.failed()).isEqualTo(1);
    assertThat(sink.copiesOf(source.get("r2").ref())).isZero();
    assertThat(store.cursor(TENANT, "invoices", "records"))
        .contains(Checkpoint.of(MemoryPollSource.pad(105), "r5").encode());

    failing.set(false);
    RunReport second = run(TENANT);

    assertThat(second.written()).isEqualTo(1);
    assertThat(sink.copiesOf(source.get("r2").ref())).isEqualTo(1);
  }

  @Test
  void fullScanWritesOnlyRecordsWhoseContentChanged() {
    MemoryPollSource source = new MemoryPollSource(ChangeDetection.FULL_SCAN);
    for (int i = 0; i < 5; i++) {
      source.put(Item.of(TENANT, "r" + i, 0, "p" + i));
    }
    Flow<Item, Target> flow =
        Flow.poll("invoices", Item.class, t -> source, Target.class, t -> sink)
            .identity(RecordIdentity.contentHashed(Item::ref, Item::payload))
            .mapper(Target::map)
            .pageSize(2)
            .build();
    SyncEngine engine = engine(store, flow);

    assertThat(run(TENANT).written()).isEqualTo(5);
    assertThat(store.cursor(TENANT, "invoices", "records")).contains("");
    assertThat(run(TENANT).written()).isZero();

    source.put(source.get("r3").withChange(0, "changed"));
    RunReport third = run(TENANT);

    assertThat(third.written()).isEqualTo(1);
    assertThat(third.skipped()).isEqualTo(4);
    assertThat(sink.byStamp(source.get("r3").ref()).orElseThrow().record().payload())
        .isEqualTo("changed");
    assertThat(sink.copiesOf(source.get("r3").ref())).isEqualTo(1);
  }

  @Test
  void monotonicKeySourcesResumeStrictlyAfterTheCheckpoint() {
    MemoryPollSource source = new MemoryPollSource(ChangeDetection.MONOTONIC_KEY);
    for (int i = 0; i < 4; i++) {
      source.put(Item.of(TENANT, "r" + i, 10 + i, "p" + i));
    }
    SyncEngine engine = engine(store, source, 10);
    run(TENANT);
    source.put(Item.of(TENANT, "r9", 20, "p9"));

    RunReport second = run(TENANT);

    assertThat(second.read()).isEqualTo(1);
    assertThat(source.requests).allSatisfy(r -> assertThat(r.overlap()).isEqualTo(Duration.ZERO));
    assertThat(sink.copiesOf(ExternalRef.of("erp", TENANT, "invoice", "r9"))).isEqualTo(1);
  }

  @Test
  void rereadingAnOverlapWiderThanAPageNeverMovesTheCursorBack() {
    MemoryPollSource source = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
    for (int i = 0; i < 10; i++) {
      source.put(Item.of(TENANT, "r" + i, 1000 + i, "p" + i));
    }
    java.util.List<String> saved = new java.util.concurrent.CopyOnWriteArrayList<>();
    engine = SyncEngine.builder()
        .store(store)
        .clock(clock)
        .nodeId("node-1")
        .listener(new SyncListener() {
          @Override
          public void cursorAdvanced(RunInfo run, String stream, String checkpoint) {
            saved.add(Checkpoint.decode(checkpoint).value() + "/" + Checkpoint.decode(checkpoint).tieBreaker());
          }
        })
        .addFlow(Flow.poll("invoices", Item.class, t -> source, Target.class, t -> sink)
            .mapper(Target::map)
            .pageSize(3)
            .overlap(Duration.ofMillis(50))
            .build())
        .tenants(List.of(TENANT))
        .build();
    run(TENANT);
    source.put(Item.of(TENANT, "r10", 1010, "p10"));

    RunReport second = run(TENANT);

    assertThat(second.written()).isEqualTo(1);
    assertThat(saved).isSorted();
    assertThat(saved.get(saved.size() - 1)).isEqualTo(MemoryPollSource.pad(1010) + "/r10");
  }
}
