package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.testkit.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DependencyTest {
  private static final String TENANT = "acme";
  private final SimClock clock = SimClock.at(Instant.parse("2026-01-01T00:00:00Z"));
  private final InMemoryStateStore store = new InMemoryStateStore(clock);
  private final MemoryPollSource customers = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
  private final MemoryPollSource invoices = new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP);
  private final MemorySink sink = new MemorySink(TENANT);
  private final List<String> deferrals = new ArrayList<>();
  private SyncEngine engine;

  private static final ExternalRef CUSTOMER = ExternalRef.of("erp", TENANT, "customer", "c1");

  private SyncEngine engine(DependencyPolicy policy) {
    engine = SyncEngine.builder()
        .store(store)
        .clock(clock)
        .nodeId("node-1")
        .listener(new SyncListener() {
          @Override
          public void recordDeferred(RunInfo run, ExternalRef source, ExternalRef dependency,
              String reason, java.time.Instant retryAt) {
            deferrals.add(source.id() + " waits for " + dependency.id());
          }
        })
        .addFlow(Flow.poll("customers", Item.class, t -> customers, Target.class, t -> sink)
            .mapper(Target::map)
            .handles("erp", "customer")
            .build())
        .addFlow(Flow.poll("invoices", Item.class, t -> invoices, Target.class, t -> sink)
            .mapper(Target::map)
            .dependencyPolicy(policy)
            .retryPolicy(new RetryQueuePolicy(Duration.ZERO, Duration.ZERO, 3))
            .build())
        .tenants(List.of(TENANT))
        .build();
    return engine;
  }

  @AfterEach
  void stop() {
    engine.shutdown(Duration.ofSeconds(5));
  }

  private RunReport run(String flow) {
    clock.advance(Duration.ofSeconds(1));
    return engine.runOnce(TENANT, flow);
  }

  @Test
  void aRecordWaitsForItsDependencyThenIsWrittenWithItsTarget() {
    engine(DependencyPolicy.DEFER);
    customers.put(new Item(CUSTOMER, 1, "customer one", null));
    invoices.put(new Item(ExternalRef.of("erp", TENANT, "invoice", "i1"), 1, "invoice one", CUSTOMER));

    RunReport early = run("invoices");
    run("customers");
    RunReport later = run("invoices");

    assertThat(early.deferred()).isEqualTo(1);
    assertThat(deferrals).containsExactly("i1 waits for c1");
    assertThat(later.written()).isEqualTo(1);
    String customerTarget = sink.byStamp(CUSTOMER).orElseThrow().id();
    assertThat(sink.byStamp(ExternalRef.of("erp", TENANT, "invoice", "i1")).orElseThrow()
        .record().dependencyTarget()).isEqualTo(customerTarget);
  }

  @Test
  void theDependencyIsSyncedOnDemandWhenTheFlowSaysSo() {
    engine(DependencyPolicy.SYNC_ON_DEMAND);
    customers.put(new Item(CUSTOMER, 1, "customer one", null));
    invoices.put(new Item(ExternalRef.of("erp", TENANT, "invoice", "i1"), 1, "invoice one", CUSTOMER));

    RunReport report = run("invoices");
    RunReport customerRun = run("customers");

    assertThat(report.written()).isEqualTo(2);
    assertThat(report.deferred()).isZero();
    assertThat(customerRun.written()).isZero();
    assertThat(sink.copiesOf(CUSTOMER)).isEqualTo(1);
  }

  @Test
  void aDependencyThatNeverArrivesEndsParkedWithTheReason() {
    engine(DependencyPolicy.SYNC_ON_DEMAND);
    invoices.put(new Item(ExternalRef.of("erp", TENANT, "invoice", "i1"), 1, "orphan", CUSTOMER));

    for (int i = 0; i < 4; i++) {
      run("invoices");
    }

    assertThat(deferrals).hasSize(3);
    assertThat(engine.deadLetters(DeadLetterQuery.all(TENANT)).items()).singleElement()
        .satisfies(item -> assertThat(item.lastError())
            .startsWith("dependency acme/erp:customer:c1 still not synced after 3 attempts"));
  }
}
