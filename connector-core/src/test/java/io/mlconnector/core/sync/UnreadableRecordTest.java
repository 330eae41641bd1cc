package io.mlconnector.core.sync;

import static io.mlconnector.core.sync.EngineFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.RetryItem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A record the source reads but cannot turn into a canonical record is parked; the rest goes on. */
class UnreadableRecordTest {
  private final EngineFixture f = new EngineFixture(flow -> flow.overlap(Duration.ofSeconds(5)), e -> e);

  @AfterEach
  void close() {
    f.close();
  }

  private List<RetryItem> deadLetters() {
    return f.engine.deadLetters(DeadLetterQuery.all(TENANT)).items();
  }

  private List<AuditEntry> auditOf(String id) {
    return f.store.audit(AuditQuery.all(TENANT)).items().stream()
        .filter(a -> a.source() != null && a.source().id().equals(id)).toList();
  }

  @Test
  void anUnreadableRecordIsParkedWithItsReasonAndThePageGoesOn() {
    for (int i = 0; i < 4; i++) {
      f.source.put(Item.of(TENANT, "r" + i, i, "p" + i));
    }
    f.source.unreadable.add("r1");

    RunReport report = f.run();

    assertThat(report.written()).isEqualTo(3);
    assertThat(report.parked()).isEqualTo(1);
    assertThat(f.sink.copiesOf(f.source.get("r1").ref())).isZero();
    assertThat(deadLetters()).singleElement().satisfies(item -> {
      assertThat(item.source().id()).isEqualTo("r1");
      assertThat(item.lastError()).isEqualTo("currency 'XX' of r1 is unknown");
      assertThat(item.operationKey()).isNull();
    });
    assertThat(auditOf("r1")).singleElement().satisfies(a -> {
      assertThat(a.outcome()).isEqualTo(AuditEntry.Outcome.PARKED);
      assertThat(a.action()).isEqualTo("read");
    });
    // the checkpoint moved past every record of the page, the unreadable one included
    f.source.put(Item.of(TENANT, "r4", 100, "p4"));
    RunReport next = f.run();
    assertThat(next.written()).isEqualTo(1);
  }

  @Test
  void reReadWhileParkedItIsSkippedNotParkedTwice() {
    f.source.put(Item.of(TENANT, "r1", 1, "p1"));
    f.source.unreadable.add("r1");
    f.run();

    // the overlap reads r1 again: still unreadable, already parked
    RunReport again = f.run();

    assertThat(again.parked()).isZero();
    assertThat(again.skipped()).isEqualTo(1);
    assertThat(deadLetters()).hasSize(1);
    assertThat(auditOf("r1")).hasSize(1);
  }

  @Test
  void aReplayWhileTheCauseLastsParksItAgainAndOnceFixedItIsWrittenOnce() {
    f.source.put(Item.of(TENANT, "r1", 1, "p1"));
    f.source.unreadable.add("r1");
    f.run();

    assertThat(f.engine.replay(deadLetters().get(0))).isEqualTo(1);
    RunReport stillBad = f.run();
    assertThat(stillBad.parked()).isEqualTo(1);
    assertThat(deadLetters()).singleElement().satisfies(item -> {
      assertThat(item.attempts()).isEqualTo(2);
      assertThat(item.lastError()).isEqualTo("currency 'XX' of r1 is still unknown");
    });

    f.source.unreadable.remove("r1");
    assertThat(f.engine.replay(deadLetters().get(0))).isEqualTo(1);
    RunReport fixed = f.run();

    assertThat(fixed.written()).isEqualTo(1);
    assertThat(f.sink.copiesOf(f.source.get("r1").ref())).isEqualTo(1);
    assertThat(deadLetters()).isEmpty();
    assertThat(auditOf("r1")).extracting(AuditEntry::outcome)
        .contains(AuditEntry.Outcome.PARKED, AuditEntry.Outcome.SUCCEEDED);
  }

  @Test
  void aLaterChangeOfTheRecordIsWrittenAndClearsItsDeadLetter() {
    f.source.put(Item.of(TENANT, "r1", 1, "p1"));
    f.source.unreadable.add("r1");
    f.run();

    f.source.unreadable.remove("r1");
    f.source.put(Item.of(TENANT, "r1", 50, "p1 corrected"));
    RunReport next = f.run();

    assertThat(next.written()).isEqualTo(1);
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void reconciliationNamesTheUnreadableRecord() {
    f.source.put(Item.of(TENANT, "r1", 1, "p1"));
    f.source.put(Item.of(TENANT, "r2", 2, "p2"));
    f.source.unreadable.add("r1");
    f.run();

    ReconciliationReport report = f.engine.reconcile(TENANT, "invoices");

    assertThat(report.disagreements()).singleElement().satisfies(e -> {
      assertThat(e.source().id()).isEqualTo("r1");
      assertThat(e.verdict()).isEqualTo(ReconciliationReport.Verdict.UNCHECKED);
      assertThat(e.note()).isEqualTo("the source record cannot be read: currency 'XX' of r1 is unknown");
    });
  }
}
