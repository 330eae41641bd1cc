package io.mlconnector.core.sync;

import static io.mlconnector.core.sync.EngineFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.state.AuditQuery;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DryRunTest {

  @Test
  void aDryRunReportsCreatesAndUpdatesWithoutWritingAnything() {
    try (EngineFixture live = new EngineFixture()) {
      live.source.put(Item.of(TENANT, "r1", 1, "old"));
      live.run();
      int auditBefore = live.store.audit(AuditQuery.all(TENANT)).items().size();
      Optional<String> cursorBefore = live.store.cursor(TENANT, "invoices", "records");
      // a second engine on the same store, source and sink, in dry-run mode
      SyncEngine dry = SyncEngine.builder()
          .store(live.store)
          .clock(live.clock)
          .nodeId("dry")
          .addFlow(Flow.poll("invoices", Item.class, t -> live.source, Target.class, t -> live.sink)
              .mapper(Target::map)
              .dryRun(true)
              .build())
          .tenants(List.of(TENANT))
          .build();
      live.source.put(Item.of(TENANT, "r1", 2, "new"));
      live.source.put(Item.of(TENANT, "r2", 3, "fresh"));

      RunReport report = dry.runOnce(TENANT, "invoices");
      dry.shutdown(Duration.ofSeconds(5));

      assertThat(report.planned()).hasSize(2);
      assertThat(report.planned()).anySatisfy(w -> {
        assertThat(w.source().id()).isEqualTo("r1");
        assertThat(w.action()).isEqualTo("update");
        assertThat(w.target()).isNotNull();
        assertThat(w.record()).isEqualTo(new Target("new", null));
      });
      assertThat(report.planned()).anySatisfy(w -> {
        assertThat(w.source().id()).isEqualTo("r2");
        assertThat(w.action()).isEqualTo("create");
        assertThat(w.target()).isNull();
      });
      assertThat(report.written()).isZero();
      assertThat(live.sink.stored()).singleElement()
          .satisfies(s -> assertThat(s.record().payload()).isEqualTo("old"));
      assertThat(live.store.audit(AuditQuery.all(TENANT)).items()).hasSize(auditBefore);
      assertThat(live.store.cursor(TENANT, "invoices", "records")).isEqualTo(cursorBefore);

      // the live engine still does the real work afterwards
      assertThat(live.run().written()).isEqualTo(2);
    }
  }
}
