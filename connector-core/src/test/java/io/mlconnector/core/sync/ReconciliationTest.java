package io.mlconnector.core.sync;

import static io.mlconnector.core.sync.EngineFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.ExternalRef;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

  @Test
  void reconciliationReportsEveryDisagreementField() {
    RecordComparator<Target> byField = (expected, actual) ->
        expected.payload().equals(actual.payload())
            ? List.of()
            : List.of(new Discrepancy("payload", expected.payload(), actual.payload()));
    try (EngineFixture f = new EngineFixture(flow -> flow.comparator(byField), e -> e)) {
      for (String id : List.of("same", "tampered", "deleted", "changed")) {
        f.source.put(Item.of(TENANT, id, 1, "p-" + id));
      }
      f.run();
      f.sink.tamper(f.sink.byStamp(f.source.get("tampered").ref()).orElseThrow().stampTarget(), new Target("edited in crm", null));
      f.sink.delete(f.sink.byStamp(f.source.get("deleted").ref()).orElseThrow().stampTarget());
      f.source.put(f.source.get("changed").withChange(2, "p-changed-2"));
      f.source.put(Item.of(TENANT, "unsynced", 3, "new"));

      ReconciliationReport report = f.engine.reconcile(TENANT, "invoices");

      Map<String, ReconciliationReport.Entry> byId = report.entries().stream()
          .collect(Collectors.toMap(e -> e.source().id(), Function.identity()));
      assertThat(byId.get("same").verdict()).isEqualTo(ReconciliationReport.Verdict.MATCH);
      assertThat(byId.get("tampered").verdict()).isEqualTo(ReconciliationReport.Verdict.DIFFERENT);
      assertThat(byId.get("tampered").discrepancies())
          .containsExactly(new Discrepancy("payload", "p-tampered", "edited in crm"));
      assertThat(byId.get("deleted").verdict()).isEqualTo(ReconciliationReport.Verdict.TARGET_GONE);
      assertThat(byId.get("changed").discrepancies())
          .containsExactly(new Discrepancy("payload", "p-changed-2", "p-changed"));
      assertThat(byId.get("unsynced").verdict())
          .isEqualTo(ReconciliationReport.Verdict.MISSING_TARGET);
      assertThat(report.disagreements()).hasSize(4);

      ReconciliationReport some = f.engine.reconcile(TENANT, "invoices",
          List.of(f.source.get("same").ref(), ExternalRef.of("erp", TENANT, "invoice", "gone")));
      assertThat(some.entries()).extracting(ReconciliationReport.Entry::verdict)
          .containsExactly(ReconciliationReport.Verdict.MATCH, ReconciliationReport.Verdict.SOURCE_GONE);
    }
  }
}
