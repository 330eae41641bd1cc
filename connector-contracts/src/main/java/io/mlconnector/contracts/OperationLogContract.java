package io.mlconnector.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.state.Claim;
import io.mlconnector.core.state.Completion;
import io.mlconnector.core.state.DeadLetterQuery;
import io.mlconnector.core.state.Failure;
import io.mlconnector.core.state.InboxEvent;
import io.mlconnector.core.state.Lease;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.state.Operation;
import io.mlconnector.core.state.OperationIntent;
import io.mlconnector.core.state.OperationStatus;
import io.mlconnector.core.state.Page;
import io.mlconnector.core.state.PurgeResult;
import io.mlconnector.core.state.RetryItem;
import io.mlconnector.core.state.SeenFile;
import io.mlconnector.core.state.StateConflictException;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.state.StateStoreException;
import io.mlconnector.core.state.spi.StateStoreSpi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link StateStoreContract} for cursors, ID mappings and the operation log. */
abstract class OperationLogContract extends StoreContractSupport {
  // ------------------------------------------------------------------ cursors

  @Test
  void cursorIsEmptyUntilSavedThenReplaced() {
    assertThat(store.cursor(T, "customers", "main")).isEmpty();
    store.saveCursor(T, "customers", "main", "2026-03-01T00:00:00Z|42");
    store.saveCursor(T, "customers", "main", "2026-03-02T00:00:00Z|7");
    assertThat(store.cursor(T, "customers", "main")).contains("2026-03-02T00:00:00Z|7");
    assertThat(store.cursor(T, "customers", "other")).isEmpty();
    assertThat(store.cursor(T, "invoices", "main")).isEmpty();
    assertThat(store.cursor(OTHER, "customers", "main")).isEmpty();
  }

  @Test
  void aClosedStoreRefusesCalls() {
    store.close();
    assertThatThrownBy(() -> store.cursor(T, "customers", "main"))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> store.begin(intent(T, "k1", syspro(T, "C1"))))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void blankArgumentsAreRefusedByName() {
    assertThatThrownBy(() -> store.cursor(" ", "f", "s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenant");
    assertThatThrownBy(() -> store.saveCursor(T, "f", "s", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("checkpoint");
    assertThatThrownBy(() -> store.claimInbox(T, "stripe", "w", Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("claimTtl");
    assertThatThrownBy(() -> store.pendingOperations(T, "f", START, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> store.audit(AuditQuery.all(T).withPageToken("not-a-token")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pageToken");
  }

  // ------------------------------------------------------------------ mappings

  @Test
  void mappingIsFoundFromBothSides() {
    Mapping m = new Mapping(syspro(T, "C1"), stripe(T, "cus_1"), Map.of("email", "a@b.c"));
    store.saveMapping(m);
    assertThat(store.mappingBySource(syspro(T, "C1"), "stripe")).contains(m);
    assertThat(store.mappingByTarget(stripe(T, "cus_1"))).contains(m);
    assertThat(store.mappingBySource(syspro(T, "C1"), "chargebee")).isEmpty();
    assertThat(store.mappingBySource(syspro(T, "C2"), "stripe")).isEmpty();
    assertThat(store.mappingByTarget(stripe(T, "cus_2"))).isEmpty();
  }

  @Test
  void savingTheSamePairReplacesItsAttributes() {
    store.saveMapping(new Mapping(syspro(T, "C1"), stripe(T, "cus_1"), Map.of("a", "1")));
    store.saveMapping(new Mapping(syspro(T, "C1"), stripe(T, "cus_1"), Map.of("b", "2=&%")));
    assertThat(store.mappingBySource(syspro(T, "C1"), "stripe").orElseThrow().attributes())
        .containsExactly(Map.entry("b", "2=&%"));
  }

  @Test
  void mappingIsUniqueOnBothSides() {
    store.saveMapping(Mapping.of(syspro(T, "C1"), stripe(T, "cus_1")));
    assertThatThrownBy(() -> store.saveMapping(Mapping.of(syspro(T, "C1"), stripe(T, "cus_2"))))
        .isInstanceOf(StateConflictException.class)
        .hasMessageContaining("C1");
    assertThatThrownBy(() -> store.saveMapping(Mapping.of(syspro(T, "C2"), stripe(T, "cus_1"))))
        .isInstanceOf(StateConflictException.class)
        .hasMessageContaining("cus_1");
    assertThat(store.mappingByTarget(stripe(T, "cus_2"))).isEmpty();
    assertThat(store.mappingBySource(syspro(T, "C2"), "stripe")).isEmpty();
    // One source may map into several target systems.
    ExternalRef cb = ExternalRef.of("chargebee", T, "customer", "cb_1");
    store.saveMapping(Mapping.of(syspro(T, "C1"), cb));
    assertThat(store.mappingBySource(syspro(T, "C1"), "chargebee").orElseThrow().target())
        .isEqualTo(cb);
  }

  @Test
  void mappingsAreIsolatedPerTenant() {
    store.saveMapping(Mapping.of(syspro(T, "C1"), stripe(T, "cus_1")));
    store.saveMapping(Mapping.of(syspro(OTHER, "C1"), stripe(OTHER, "cus_9")));
    assertThat(store.mappingBySource(syspro(OTHER, "C1"), "stripe").orElseThrow().target())
        .isEqualTo(stripe(OTHER, "cus_9"));
    assertThat(store.mappingByTarget(stripe(OTHER, "cus_1"))).isEmpty();
    // The same target id in another tenant is another record.
    store.saveMapping(Mapping.of(syspro(OTHER, "C2"), stripe(OTHER, "cus_1")));
    assertThat(store.mappingByTarget(stripe(T, "cus_1")).orElseThrow().source())
        .isEqualTo(syspro(T, "C1"));
  }

  // ------------------------------------------------------------------ operation log

  @Test
  void beginInsertsPendingOnceAndLaterCallersSeeIt() {
    Claim first = store.begin(intent(T, "k1", syspro(T, "C1")));
    assertThat(first.won()).isTrue();
    Operation op = first.operation();
    assertThat(op.key()).isEqualTo("k1");
    assertThat(op.tenant()).isEqualTo(T);
    assertThat(op.flow()).isEqualTo("customers");
    assertThat(op.source()).isEqualTo(syspro(T, "C1"));
    assertThat(op.sourceVersion()).isEqualTo("v1");
    assertThat(op.action()).isEqualTo("create");
    assertThat(op.status()).isEqualTo(OperationStatus.PENDING);
    assertThat(op.attempts()).isEqualTo(1);
    assertThat(op.target()).isNull();
    assertThat(op.createdAt()).isEqualTo(START);
    assertThat(op.updatedAt()).isEqualTo(START);

    Claim second = store.begin(intent(T, "k1", syspro(T, "C1")));
    assertThat(second.won()).isFalse();
    assertThat(second.operation()).isEqualTo(op);
    assertThat(store.operation(T, "k1")).contains(op);
    assertThat(store.operation(OTHER, "k1")).isEmpty();
    assertThat(store.begin(intent(OTHER, "k1", syspro(OTHER, "C1"))).won()).isTrue();
  }

  @Test
  void beginReclaimsAFailedOperationButNotADoneOrParkedOne() {
    store.begin(intent(T, "k1", syspro(T, "C1")));
    store.fail(failure(T, "k1", syspro(T, "C1"), OperationStatus.FAILED, "timeout"));
    clock.advance(Duration.ofSeconds(5));
    Claim again = store.begin(intent(T, "k1", syspro(T, "C1")));
    assertThat(again.won()).isTrue();
    assertThat(again.operation().status()).isEqualTo(OperationStatus.PENDING);
    assertThat(again.operation().attempts()).isEqualTo(2);
    assertThat(again.operation().lastError()).isEqualTo("timeout");
    assertThat(again.operation().createdAt()).isEqualTo(START);
    assertThat(again.operation().updatedAt()).isEqualTo(START.plusSeconds(5));

    store.complete(completion(T, "k1", syspro(T, "C1"), stripe(T, "cus_1")));
    Claim done = store.begin(intent(T, "k1", syspro(T, "C1")));
    assertThat(done.won()).isFalse();
    assertThat(done.operation().status()).isEqualTo(OperationStatus.DONE);

    store.begin(intent(T, "k2", syspro(T, "C2")));
    store.fail(failure(T, "k2", syspro(T, "C2"), OperationStatus.PARKED, "bad tax code"));
    Claim parked = store.begin(intent(T, "k2", syspro(T, "C2")));
    assertThat(parked.won()).isFalse();
    assertThat(parked.operation().status()).isEqualTo(OperationStatus.PARKED);
  }

  @Test
  void pendingOperationsListsOpenIntentsOldestFirst() {
    store.begin(intent(T, "a", syspro(T, "C1")));
    clock.advance(Duration.ofSeconds(1));
    store.begin(intent(T, "b", syspro(T, "C2")));
    clock.advance(Duration.ofSeconds(1));
    store.begin(intent(T, "c", syspro(T, "C3")));
    store.begin(new OperationIntent("d", T, "invoices", syspro(T, "C4"), "v1", "create"));
    store.begin(intent(OTHER, "e", syspro(OTHER, "C5")));
    clock.advance(Duration.ofSeconds(1));
    store.begin(intent(T, "done", syspro(T, "C6")));
    store.complete(completion(T, "done", syspro(T, "C6"), stripe(T, "cus_6")));

    Instant now = clock.instant();
    assertThat(store.pendingOperations(T, "customers", now, 10))
        .extracting(Operation::key)
        .containsExactly("a", "b", "c");
    assertThat(store.pendingOperations(T, "customers", now, 2))
        .extracting(Operation::key)
        .containsExactly("a", "b");
    assertThat(store.pendingOperations(T, "customers", START.plusSeconds(1), 10))
        .extracting(Operation::key)
        .containsExactly("a");
  }

  @Test
  void completeCommitsMappingDoneAuditAndClearsTheRetryItem() {
    ExternalRef src = syspro(T, "C1");
    store.begin(intent(T, "k1", src));
    store.fail(failure(T, "k1", src, OperationStatus.FAILED, "timeout"));
    store.scheduleRetry(
        new RetryItem(0, T, "customers", syspro(T, "C2"), null, null, 1, START, "other", false));
    store.begin(intent(T, "k1", src));
    clock.advance(Duration.ofSeconds(3));

    store.complete(completion(T, "k1", src, stripe(T, "cus_1")));

    Operation op = store.operation(T, "k1").orElseThrow();
    assertThat(op.status()).isEqualTo(OperationStatus.DONE);
    assertThat(op.target()).isEqualTo(stripe(T, "cus_1"));
    assertThat(op.updatedAt()).isEqualTo(START.plusSeconds(3));
    assertThat(store.mappingBySource(src, "stripe").orElseThrow().attributes())
        .containsEntry("number", "INV-1");
    List<AuditEntry> audit = allAudit(T);
    assertThat(audit)
        .extracting(AuditEntry::outcome)
        .containsExactly(AuditEntry.Outcome.SUCCEEDED, AuditEntry.Outcome.FAILED);
    assertThat(audit.get(0).id()).isPositive();
    assertThat(audit.get(0).target()).isEqualTo(stripe(T, "cus_1"));
    List<RetryItem> left =
        store.claimDueRetries(
            T, "customers", clock.instant().plusSeconds(3600), "w", Duration.ofMinutes(1), 10);
    assertThat(left).extracting(RetryItem::source).containsExactly(syspro(T, "C2"));
  }

  @Test
  void completeOfAnOperationThatIsNotPendingChangesNothing() {
    ExternalRef src = syspro(T, "C1");
    assertThatThrownBy(() -> store.complete(completion(T, "never", src, stripe(T, "cus_1"))))
        .isInstanceOf(StateConflictException.class)
        .hasMessageContaining("never");
    store.begin(intent(T, "k1", src));
    store.complete(completion(T, "k1", src, stripe(T, "cus_1")));
    assertThatThrownBy(() -> store.complete(completion(T, "k1", src, stripe(T, "cus_1"))))
        .isInstanceOf(StateConflictException.class)
        .hasMessageContaining("DONE");
    assertThat(allAudit(T)).hasSize(1);
    assertThat(store.mappingByTarget(stripe(T, "cus_2"))).isEmpty();
  }

  @Test
  void completeOntoATargetMappedToAnotherSourceChangesNothing() {
    store.saveMapping(Mapping.of(syspro(T, "C9"), stripe(T, "cus_1")));
    store.begin(intent(T, "k1", syspro(T, "C1")));
    store.scheduleRetry(
        new RetryItem(0, T, "customers", syspro(T, "C1"), "k1", null, 1, START, "x", false));

    assertThatThrownBy(
            () -> store.complete(completion(T, "k1", syspro(T, "C1"), stripe(T, "cus_1"))))
        .isInstanceOf(StateConflictException.class)
        .hasMessageContaining("cus_1");

    assertThat(store.operation(T, "k1").orElseThrow().status()).isEqualTo(OperationStatus.PENDING);
    assertThat(store.mappingBySource(syspro(T, "C1"), "stripe")).isEmpty();
    assertThat(allAudit(T)).isEmpty();
    assertThat(store.claimDueRetries(T, "customers", START, "w", Duration.ofMinutes(1), 10))
        .hasSize(1);
  }

  @Test
  void transientFailureQueuesARetryDueAtRetryAt() {
    ExternalRef src = syspro(T, "C1");
    store.begin(intent(T, "k1", src));
    store.fail(failure(T, "k1", src, OperationStatus.FAILED, "HTTP 503"));

    Operation op = store.operation(T, "k1").orElseThrow();
    assertThat(op.status()).isEqualTo(OperationStatus.FAILED);
    assertThat(op.lastError()).isEqualTo("HTTP 503");
    assertThat(allAudit(T))
        .extracting(AuditEntry::outcome)
        .containsExactly(AuditEntry.Outcome.FAILED);
    assertThat(
            store.claimDueRetries(
                T, "customers", START.plusSeconds(59), "w", Duration.ofMinutes(1), 10))
        .isEmpty();
    List<RetryItem> due =
        store.claimDueRetries(
            T, "customers", START.plusSeconds(60), "w", Duration.ofMinutes(1), 10);
    assertThat(due).hasSize(1);
    RetryItem item = due.get(0);
    assertThat(item.id()).isPositive();
    assertThat(item.tenant()).isEqualTo(T);
    assertThat(item.flow()).isEqualTo("customers");
    assertThat(item.source()).isEqualTo(src);
    assertThat(item.operationKey()).isEqualTo("k1");
    assertThat(item.payload()).isEqualTo("{\"p\":1}");
    assertThat(item.attempts()).isEqualTo(1);
    assertThat(item.nextAttemptAt()).isEqualTo(START.plusSeconds(60));
    assertThat(item.lastError()).isEqualTo("HTTP 503");
    assertThat(item.dead()).isFalse();
    assertThat(store.deadLetters(DeadLetterQuery.all(T)).items()).isEmpty();
  }

  @Test
  void failOfAnOperationThatIsNotPendingChangesNothing() {
    ExternalRef src = syspro(T, "C1");
    store.begin(intent(T, "k1", src));
    store.fail(failure(T, "k1", src, OperationStatus.FAILED, "first"));
    assertThatThrownBy(() -> store.fail(failure(T, "k1", src, OperationStatus.PARKED, "second")))
        .isInstanceOf(StateConflictException.class)
        .hasMessageContaining("FAILED");
    assertThat(store.operation(T, "k1").orElseThrow().lastError()).isEqualTo("first");
    assertThat(allAudit(T)).hasSize(1);
    assertThat(store.deadLetters(DeadLetterQuery.all(T)).items()).isEmpty();
  }

  @Test
  void permanentFailureParksADeadLetterThatReplayMakesDueAgain() {
    ExternalRef src = syspro(T, "C1");
    store.begin(intent(T, "k1", src));
    store.fail(failure(T, "k1", src, OperationStatus.PARKED, "unknown tax code X9"));

    assertThat(store.operation(T, "k1").orElseThrow().status()).isEqualTo(OperationStatus.PARKED);
    List<RetryItem> dead = store.deadLetters(DeadLetterQuery.all(T)).items();
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).dead()).isTrue();
    assertThat(dead.get(0).lastError()).isEqualTo("unknown tax code X9");
    assertThat(dead.get(0).operationKey()).isEqualTo("k1");
    assertThat(
            store.claimDueRetries(
                T, "customers", START.plusSeconds(86400), "w", Duration.ofMinutes(1), 10))
        .isEmpty();

    clock.advance(Duration.ofMinutes(5));
    assertThat(store.replay(DeadLetterQuery.all(T))).isEqualTo(1);

    assertThat(store.deadLetters(DeadLetterQuery.all(T)).items()).isEmpty();
    assertThat(store.operation(T, "k1").orElseThrow().status()).isEqualTo(OperationStatus.FAILED);
    List<RetryItem> due =
        store.claimDueRetries(T, "customers", clock.instant(), "w", Duration.ofMinutes(1), 10);
    assertThat(due).hasSize(1);
    assertThat(due.get(0).dead()).isFalse();
    assertThat(due.get(0).nextAttemptAt()).isEqualTo(clock.instant());
    assertThat(store.begin(intent(T, "k1", src)).won()).isTrue();
  }
}
