package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.testkit.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One engine serves two tenants whose source records have the same ids and versions: nothing of
 * one tenant's state (operation keys, mappings, cursors, dead letters, audit) affects the other,
 * and each tenant's records reach only that tenant's sink (the sink fails the test when it is
 * called for another tenant).
 */
class MultiTenantTest {
  private final SimClock clock = SimClock.at(Instant.parse("2026-01-01T00:00:00Z"));
  private final InMemoryStateStore store = new InMemoryStateStore(clock);
  private final Map<String, MemoryPollSource> sources =
      Map.of(
          "acme", new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP),
          "globex", new MemoryPollSource(ChangeDetection.MODIFIED_TIMESTAMP));
  private final Map<String, MemorySink> sinks =
      Map.of("acme", new MemorySink("acme"), "globex", new MemorySink("globex"));
  private final SyncEngine engine =
      SyncEngine.builder()
          .store(store)
          .clock(clock)
          .nodeId("node-1")
          .addFlow(Flow.poll("invoices", Item.class, sources::get, Target.class, sinks::get)
              .mapper(Target::map)
              .retryPolicy(new RetryQueuePolicy(Duration.ZERO, Duration.ZERO, 1))
              .build())
          .tenants(List.of("acme", "globex"))
          .build();

  @AfterEach
  void stop() {
    engine.shutdown(Duration.ofSeconds(5));
  }

  private RunReport run(String tenant) {
    clock.advance(Duration.ofSeconds(1));
    return engine.runOnce(tenant, "invoices");
  }

  @Test
  void tenantsWithTheSameRecordIdsShareNoState() {
    for (String tenant : List.of("acme", "globex")) {
      for (int i = 1; i <= 3; i++) {
        sources.get(tenant).put(Item.of(tenant, "r" + i, i, tenant + "-p" + i));
      }
    }
    sinks.get("globex").plan = (call, context) -> context.source().id().equals("r2")
        ? MemorySink.Fault.REJECTED : MemorySink.Fault.NONE;

    RunReport acme = run("acme");
    RunReport globex = run("globex");

    // acme's DONE operations and mappings do not make globex's equal records look done
    assertThat(acme.written()).isEqualTo(3);
    assertThat(globex.written()).isEqualTo(2);
    assertThat(globex.parked()).isEqualTo(1);
    assertThat(sinks.get("acme").stored()).extracting(s -> s.record().payload())
        .containsExactlyInAnyOrder("acme-p1", "acme-p2", "acme-p3");
    assertThat(sinks.get("globex").stored()).extracting(s -> s.record().payload())
        .containsExactlyInAnyOrder("globex-p1", "globex-p3");
    ExternalRef acmeR1 = ExternalRef.of("erp", "acme", "invoice", "r1");
    ExternalRef globexR1 = ExternalRef.of("erp", "globex", "invoice", "r1");
    assertThat(store.mappingBySource(acmeR1, "crm").orElseThrow().target().tenant())
        .isEqualTo("acme");
    assertThat(store.mappingBySource(globexR1, "crm").orElseThrow().target().tenant())
        .isEqualTo("globex");

    // dead letters and replays stay within their tenant
    assertThat(engine.deadLetters(DeadLetterQuery.all("acme")).items()).isEmpty();
    assertThat(engine.deadLetters(DeadLetterQuery.all("globex")).items()).singleElement()
        .satisfies(item -> assertThat(item.source().id()).isEqualTo("r2"));
    assertThat(engine.replay(DeadLetterQuery.all("acme"))).isZero();
    assertThat(engine.deadLetters(DeadLetterQuery.all("globex")).items()).hasSize(1);

    // audit rows are per tenant
    assertThat(store.audit(AuditQuery.all("acme").withLimit(1000)).items())
        .extracting(e -> e.source().tenant()).containsOnly("acme");
    assertThat(store.audit(AuditQuery.all("globex").withLimit(1000)).items())
        .extracting(AuditEntry::outcome)
        .contains(AuditEntry.Outcome.SUCCEEDED)
        .anyMatch(o -> o != AuditEntry.Outcome.SUCCEEDED);

    // cursors are per tenant: a change seen by one tenant is not consumed for the other
    sources.get("acme").put(Item.of("acme", "r1", 10, "acme-p1 changed"));
    sources.get("globex").put(Item.of("globex", "r1", 10, "globex-p1 changed"));
    assertThat(run("acme").written()).isEqualTo(1);
    assertThat(run("globex").written()).isEqualTo(1);
    assertThat(sinks.get("globex").byStamp(globexR1).orElseThrow().record().payload())
        .isEqualTo("globex-p1 changed");
    assertThat(store.cursor("acme", "invoices", "records")).isPresent();
    assertThat(store.cursor("globex", "invoices", "records")).isPresent();
  }
}
