package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.state.Operation;
import io.mlconnector.core.state.OperationStatus;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.testkit.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * An intent left PENDING by a crash is resolved through the sink's find-by-stamp on the next run:
 * adopted when the write landed, written again when it did not.
 */
class RecoveryTest {
  private static final String TENANT = "acme";
  private final SimClock clock = SimClock.at(Instant.parse("2026-01-01T00:00:00Z"));
  private final InMemoryStateStore store = new InMemoryStateStore(clock);
  private final MemoryPollSource source = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
  private final MemorySink sink = new MemorySink(TENANT);
  private final ExternalRef r1 = ExternalRef.of("erp", TENANT, "invoice", "r1");

  private SyncEngine engine(StateStore state) {
    return SyncEngine.builder()
        .store(state)
        .clock(clock)
        .nodeId("node-1")
        .pendingGracePeriod(Duration.ofMinutes(2))
        .addFlow(Flow.poll("invoices", Item.class, t -> source, Target.class, t -> sink)
            .mapper(Target::map)
            .retryPolicy(new RetryQueuePolicy(Duration.ZERO, Duration.ZERO, 5))
            .build())
        .tenants(List.of(TENANT))
        .build();
  }

  /** Runs once on a store whose {@code trigger} call kills the process. */
  private void crashOn(String trigger, String phase) {
    AtomicBoolean armed = new AtomicBoolean(true);
    StateStore mortal = StoreProxy.wrap(store, (method, args) -> {
      if (method.getName().equals(trigger) && armed.getAndSet(false)) {
        throw new ChaosTest.Crash();
      }
    });
    SyncEngine engine = engine(mortal);
    assertThatThrownBy(() -> engine.runOnce(TENANT, "invoices"))
        .as(phase).isInstanceOf(ChaosTest.Crash.class);
    engine.shutdown(Duration.ofSeconds(5));
  }

  private RunReport restartAndRun() {
    clock.advance(Duration.ofMinutes(3)); // past the grace period
    SyncEngine engine = engine(store);
    try {
      return engine.runOnce(TENANT, "invoices");
    } finally {
      engine.shutdown(Duration.ofSeconds(5));
    }
  }

  private Operation operation() {
    return store.pendingOperations(TENANT, "invoices", clock.instant().plusSeconds(1), 10).get(0);
  }

  @Test
  void aWriteThatLandedBeforeTheCrashIsAdoptedNotWrittenAgain() {
    source.put(Item.of(TENANT, "r1", 1, "p"));
    crashOn("complete", "crash after the sink call, before the completion");
    assertThat(operation().status()).isEqualTo(OperationStatus.PENDING);
    int callsBefore = sink.calls.get();

    RunReport report = restartAndRun();

    assertThat(report.written()).isEqualTo(1);
    assertThat(sink.copiesOf(r1)).isEqualTo(1);
    assertThat(sink.calls.get() - callsBefore).as("only the find-by-stamp").isEqualTo(1);
    assertThat(store.audit(AuditQuery.all(TENANT).withSource(r1)).items())
        .extracting(AuditEntry::action).containsExactly("adopt");
    assertThat(store.mappingBySource(r1, "crm")).isPresent();
  }

  @Test
  void aWriteThatDidNotLandIsWrittenAgain() {
    source.put(Item.of(TENANT, "r1", 1, "p"));
    AtomicReference<String> seen = new AtomicReference<>();
    // the process dies on its way to the sink: the intent is recorded, the write never made
    sink.beforeCall = () -> {
      if (seen.getAndSet("called") == null) {
        throw new ChaosTest.Crash();
      }
    };
    SyncEngine engine = engine(store);
    assertThatThrownBy(() -> engine.runOnce(TENANT, "invoices")).isInstanceOf(ChaosTest.Crash.class);
    engine.shutdown(Duration.ofSeconds(5));
    sink.beforeCall = () -> {};
    assertThat(sink.copiesOf(r1)).isZero();

    RunReport recovery = restartAndRun();
    RunReport retry = restartAndRun();

    assertThat(recovery.failed()).as("resolved to the retry queue").isEqualTo(1);
    assertThat(retry.written()).isEqualTo(1);
    assertThat(sink.copiesOf(r1)).isEqualTo(1);
  }

  @Test
  void aNewVersionAfterALostAnswerUpdatesTheTargetThatLandedInsteadOfCreatingAnother() {
    source.put(Item.of(TENANT, "r1", 1, "version 1"));
    sink.plan = (call, context) -> call.equals("create")
        ? MemorySink.Fault.LOST_AFTER_COMMIT : MemorySink.Fault.NONE;
    SyncEngine engine = engine(store);
    RunReport lost = engine.runOnce(TENANT, "invoices");
    sink.plan = (call, context) -> MemorySink.Fault.NONE;
    source.put(Item.of(TENANT, "r1", 2, "version 2"));
    clock.advance(Duration.ofSeconds(1));

    // the retry of version 1 and the read of version 2 both find the target that landed
    RunReport next = engine.runOnce(TENANT, "invoices");
    engine.shutdown(Duration.ofSeconds(5));

    assertThat(lost.failed()).isEqualTo(1);
    assertThat(next.written()).isPositive();
    assertThat(sink.copiesOf(r1)).isEqualTo(1);
    assertThat(sink.byStamp(r1).orElseThrow().record().payload()).isEqualTo("version 2");
  }
}
