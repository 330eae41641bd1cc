package io.mlconnector.core.sync;

import static io.mlconnector.core.sync.EngineFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.RetryItem;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FailureHandlingTest {
  private final EngineFixture f = new EngineFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aRejectedRecordIsParkedWithTheRemoteReasonAndTheBatchGoesOn() {
    for (int i = 0; i < 5; i++) {
      f.source.put(Item.of(TENANT, "r" + i, i, "p" + i));
    }
    f.sink.plan = (call, context) -> context.source().id().equals("r2")
        ? MemorySink.Fault.REJECTED : MemorySink.Fault.NONE;

    RunReport report = f.run();

    assertThat(report.written()).isEqualTo(4);
    assertThat(report.parked()).isEqualTo(1);
    List<RetryItem> dead = f.engine.deadLetters(DeadLetterQuery.all(TENANT)).items();
    assertThat(dead).singleElement().satisfies(item -> {
      assertThat(item.source().id()).isEqualTo("r2");
      assertThat(item.lastError()).isEqualTo("RejectedException: crm create failed: HTTP 400, code invalid, bad amount");
    });
  }

  @Test
  void aRefusedMappingIsParkedWithItsReason() {
    f.source.put(Item.of(TENANT, "r1", 1, "refuse me"));
    f.source.put(Item.of(TENANT, "r2", 2, "fine"));

    RunReport report = f.run();

    assertThat(report.parked()).isEqualTo(1);
    assertThat(report.written()).isEqualTo(1);
    assertThat(f.engine.deadLetters(DeadLetterQuery.all(TENANT)).items()).singleElement()
        .satisfies(item -> assertThat(item.lastError())
            .isEqualTo("mapping refused: payload 'refuse me' cannot be mapped"));
  }

  @Test
  void transientFailuresAreRetriedThenParkedAfterTheLastAttempt() {
    f.source.put(Item.of(TENANT, "r1", 1, "p"));
    f.sink.plan = (call, context) -> MemorySink.Fault.SERVER_ERROR;

    RunReport first = f.run();
    RunReport second = f.run();
    RunReport third = f.run();

    assertThat(first.failed()).isEqualTo(1);
    assertThat(second.failed()).isEqualTo(1);
    assertThat(third.parked()).isEqualTo(1);
    assertThat(f.engine.deadLetters(DeadLetterQuery.all(TENANT)).items()).singleElement()
        .satisfies(item -> assertThat(item.lastError())
            .startsWith("gave up after 3 attempts: TransientException: crm"));
    List<AuditEntry> audit = f.store.audit(AuditQuery.all(TENANT)).items();
    assertThat(audit).extracting(AuditEntry::outcome).containsExactly(
        AuditEntry.Outcome.PARKED, AuditEntry.Outcome.FAILED, AuditEntry.Outcome.FAILED);
  }

  @Test
  void retriesWaitForTheirBackoff() {
    try (EngineFixture slow = new EngineFixture(
        flow -> flow.retryPolicy(new RetryQueuePolicy(Duration.ofMinutes(10), Duration.ofMinutes(10), 5)),
        e -> e)) {
      slow.source.put(Item.of(TENANT, "r1", 1, "p"));
      AtomicBoolean failing = new AtomicBoolean(true);
      slow.sink.plan = (call, context) ->
          failing.get() ? MemorySink.Fault.RATE_LIMITED : MemorySink.Fault.NONE;
      slow.run();
      failing.set(false);

      // the record is re-read by the overlap; its retry waits for its time
      RunReport early = slow.run();
      slow.clock.advance(Duration.ofMinutes(11));
      RunReport due = slow.run();

      assertThat(early.written()).isZero();
      assertThat(early.skipped()).isEqualTo(1);
      assertThat(due.written()).isEqualTo(1);
      assertThat(slow.sink.copiesOf(slow.source.get("r1").ref())).isEqualTo(1);
    }
  }

  @Test
  void replayOfOneDeadLetterAndByFilterRetriesTheParkedRecords() {
    for (int i = 0; i < 4; i++) {
      f.source.put(Item.of(TENANT, "r" + i, i, "p" + i));
    }
    AtomicBoolean rejecting = new AtomicBoolean(true);
    f.sink.plan = (call, context) -> rejecting.get() && !context.source().id().equals("r0")
        ? MemorySink.Fault.REJECTED : MemorySink.Fault.NONE;
    f.run();
    assertThat(f.engine.deadLetters(DeadLetterQuery.all(TENANT)).items()).hasSize(3);
    rejecting.set(false);

    RetryItem one = f.engine.deadLetters(DeadLetterQuery.all(TENANT)).items().get(0);
    // all three share flow, type and reason: replaying one by filter replays its identical siblings
    int replayedOne = f.engine.replay(new DeadLetterQuery(TENANT, "invoices", "invoice",
        "no such reason", null, 100, null));
    int replayedAll = f.engine.replay(new DeadLetterQuery(TENANT, "invoices", null,
        "bad amount", null, 100, null));
    RunReport after = f.run();

    assertThat(one.dead()).isTrue();
    assertThat(replayedOne).isZero();
    assertThat(replayedAll).isEqualTo(3);
    assertThat(after.written()).isEqualTo(3);
    assertThat(f.engine.deadLetters(DeadLetterQuery.all(TENANT)).items()).isEmpty();
    assertThat(f.sink.stored()).hasSize(4);
  }

  @Test
  void replayOfASingleItemUsesItsOwnReason() {
    f.source.put(Item.of(TENANT, "r1", 1, "refuse me"));
    f.source.put(Item.of(TENANT, "r2", 2, "p"));
    f.sink.plan = (call, context) -> context.source().id().equals("r2")
        ? MemorySink.Fault.REJECTED : MemorySink.Fault.NONE;
    f.run();
    f.sink.plan = (call, context) -> MemorySink.Fault.NONE;
    RetryItem rejected = f.engine.deadLetters(DeadLetterQuery.all(TENANT)).items().stream()
        .filter(i -> i.source().id().equals("r2")).findFirst().orElseThrow();

    int replayed = f.engine.replay(rejected);
    RunReport after = f.run();

    assertThat(replayed).isEqualTo(1);
    assertThat(after.written()).isEqualTo(1);
    assertThat(f.engine.deadLetters(DeadLetterQuery.all(TENANT)).items()).singleElement()
        .satisfies(i -> assertThat(i.source().id()).isEqualTo("r1"));
  }

  @Test
  void replayOfOneItemLeavesItsIdenticalSiblingsParked() {
    for (int i = 0; i < 3; i++) {
      f.source.put(Item.of(TENANT, "s" + i, i, "p" + i));
    }
    f.sink.plan = (call, context) -> MemorySink.Fault.REJECTED;
    f.run();
    f.sink.plan = (call, context) -> MemorySink.Fault.NONE;
    List<RetryItem> parked = f.engine.deadLetters(DeadLetterQuery.all(TENANT)).items();
    assertThat(parked).hasSize(3).extracting(RetryItem::lastError).containsOnly(parked.get(0).lastError());

    int replayed = f.engine.replay(parked.get(1));
    int replayedAgain = f.engine.replay(parked.get(1));
    RunReport after = f.run();

    assertThat(replayed).isEqualTo(1);
    assertThat(replayedAgain).isZero();
    assertThat(after.written()).isEqualTo(1);
    assertThat(f.sink.stored()).hasSize(1);
    assertThat(f.engine.deadLetters(DeadLetterQuery.all(TENANT)).items())
        .extracting(item -> item.source().id())
        .containsExactlyInAnyOrder(parked.get(0).source().id(), parked.get(2).source().id());
  }
}
