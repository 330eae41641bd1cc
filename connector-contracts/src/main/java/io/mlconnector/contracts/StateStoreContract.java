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

/**
 * The behaviour every {@link StateStore} promises, for store implementers: a store's test extends
 * this class and supplies a fresh store per test ({@link #newStore}); the in-memory, embedded H2
 * and PostgreSQL stores of connector-core pass it.
 *
 * <pre>{@code
 * class MyStoreTest extends StateStoreContract {
 *   protected StateStore newStore(ManualClock clock) { return new MyStore(clock); }
 * }
 * }</pre>
 */
public abstract class StateStoreContract {
  /** This test's tenants: unique, so stores that share tables across tests stay apart. */
  protected final String T = "acme-" + UUID.randomUUID();

  protected final String OTHER = "globex-" + UUID.randomUUID();
  protected static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  protected static final int THREADS = 8;

  protected ManualClock clock;
  protected StateStore store;

  /**
   * A store reading time from {@code clock}, holding nothing of this test's tenants. It may share
   * its tables with other tests of the class.
   */
  protected abstract StateStore newStore(ManualClock clock) throws Exception;

  /** A store that shares nothing with any other test (for purges, which span all tenants). */
  protected StateStore newIsolatedStore(ManualClock clock) throws Exception {
    return newStore(clock);
  }

  /** Rounds of each concurrency race. */
  protected int rounds() {
    return 200;
  }

  @BeforeEach
  protected void openStore() throws Exception {
    clock = new ManualClock(START);
    store = newStore(clock);
  }

  @AfterEach
  protected void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  // ------------------------------------------------------------------ fixtures

  protected static ExternalRef syspro(String tenant, String id) {
    return ExternalRef.of("syspro", tenant, "customer", id);
  }

  protected static ExternalRef stripe(String tenant, String id) {
    return ExternalRef.of("stripe", tenant, "customer", id);
  }

  protected static OperationIntent intent(String tenant, String key, ExternalRef source) {
    return new OperationIntent(key, tenant, "customers", source, "v1", "create");
  }

  protected AuditEntry auditEntry(
      String tenant, ExternalRef source, ExternalRef target, AuditEntry.Outcome outcome) {
    return new AuditEntry(
        0,
        tenant,
        "customers",
        "run-1",
        source,
        target,
        "create",
        outcome,
        outcome == AuditEntry.Outcome.SUCCEEDED ? null : "boom",
        "ab12",
        clock.instant());
  }

  protected Completion completion(String tenant, String key, ExternalRef source, ExternalRef target) {
    return new Completion(
        tenant,
        key,
        new Mapping(source, target, Map.of("number", "INV-1")),
        auditEntry(tenant, source, target, AuditEntry.Outcome.SUCCEEDED));
  }

  protected Failure failure(
      String tenant, String key, ExternalRef source, OperationStatus status, String error) {
    return new Failure(
        tenant,
        key,
        status,
        error,
        clock.instant().plusSeconds(60),
        "{\"p\":1}",
        auditEntry(
            tenant,
            source,
            null,
            status == OperationStatus.PARKED
                ? AuditEntry.Outcome.PARKED
                : AuditEntry.Outcome.FAILED));
  }

  protected List<AuditEntry> allAudit(String tenant) {
    return store.audit(AuditQuery.all(tenant).withLimit(1000)).items();
  }

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

  // ------------------------------------------------------------------ inbox

  @Test
  void receiveStoresAnEventOncePerSourceAndEventId() {
    assertThat(
            store.receive(InboxEvent.received(T, "stripe", "evt_1", "invoice.paid", "{}", START)))
        .isTrue();
    assertThat(
            store.receive(
                InboxEvent.received(T, "stripe", "evt_1", "invoice.paid", "{\"resent\":1}", START)))
        .isFalse();
    assertThat(store.receive(InboxEvent.received(T, "chargebee", "evt_1", "x", "{}", START)))
        .isTrue();
    assertThat(store.receive(InboxEvent.received(OTHER, "stripe", "evt_1", "x", "{}", START)))
        .isTrue();
    assertThat(store.claimInbox(T, "stripe", "w", Duration.ofMinutes(1), 10))
        .extracting(InboxEvent::payload)
        .containsExactly("{}");
  }

  @Test
  void receiveAllStoresAGroupInOrderAndTellsWhichWereNew() {
    store.receive(InboxEvent.received(T, "stripe/payments", "evt_0", "invoice.paid", "{}", START));

    List<Boolean> fresh =
        store.receiveAll(
            List.of(
                InboxEvent.received(T, "stripe/payments", "evt_1", "invoice.paid", "{}", START),
                InboxEvent.received(T, "stripe/payments", "evt_0", "invoice.paid", "{}", START),
                InboxEvent.received(T, "stripe/fees", "evt_1", "charge.succeeded", "{}", START),
                InboxEvent.received(T, "stripe/payments", "evt_1", "invoice.paid", "{}", START)));

    assertThat(fresh).containsExactly(true, false, true, false);
    assertThat(store.receiveAll(List.of())).isEmpty();
    assertThat(store.claimInbox(T, "stripe/payments", "w", Duration.ofMinutes(1), 10))
        .extracting(InboxEvent::eventId)
        .containsExactly("evt_0", "evt_1");
    assertThat(store.claimInbox(T, "stripe/fees", "w", Duration.ofMinutes(1), 10)).hasSize(1);
  }

  @Test
  void claimInboxHandsOutOldestFirstAndNeverTwiceWhileClaimed() {
    String body = "{\"id\":\"evt_2\",\"data\":{\"object\":{\"amount\":1200}}}";
    store.receive(
        InboxEvent.received(T, "stripe", "evt_2", "invoice.paid", body, START.plusSeconds(2)));
    store.receive(
        InboxEvent.received(T, "stripe", "evt_1", "invoice.paid", "{}", START.plusSeconds(1)));
    store.receive(
        InboxEvent.received(T, "stripe", "evt_3", "invoice.paid", "{}", START.plusSeconds(3)));
    store.receive(InboxEvent.received(T, "chargebee", "evt_4", "x", "{}", START));
    store.receive(InboxEvent.received(OTHER, "stripe", "evt_5", "x", "{}", START));

    List<InboxEvent> first = store.claimInbox(T, "stripe", "w1", Duration.ofMinutes(1), 2);
    assertThat(first).extracting(InboxEvent::eventId).containsExactly("evt_1", "evt_2");
    InboxEvent e2 = first.get(1);
    assertThat(e2.id()).isPositive();
    assertThat(e2.tenant()).isEqualTo(T);
    assertThat(e2.source()).isEqualTo("stripe");
    assertThat(e2.type()).isEqualTo("invoice.paid");
    assertThat(e2.payload()).isEqualTo(body);
    assertThat(e2.receivedAt()).isEqualTo(START.plusSeconds(2));
    assertThat(e2.status()).isEqualTo(InboxEvent.Status.RECEIVED);
    assertThat(e2.attempts()).isEqualTo(1);

    List<InboxEvent> second = store.claimInbox(T, "stripe", "w2", Duration.ofMinutes(1), 10);
    assertThat(second).extracting(InboxEvent::eventId).containsExactly("evt_3");
    assertThat(store.claimInbox(T, "stripe", "w3", Duration.ofMinutes(1), 10)).isEmpty();

    clock.advance(Duration.ofMinutes(1));
    List<InboxEvent> expired = store.claimInbox(T, "stripe", "w3", Duration.ofMinutes(1), 10);
    assertThat(expired).extracting(InboxEvent::eventId).containsExactly("evt_1", "evt_2", "evt_3");
    assertThat(expired).extracting(InboxEvent::attempts).containsExactly(2, 2, 2);
  }

  @Test
  void finishedEventsAreNotClaimedAgainAndReleasedOnesAre() {
    store.receive(InboxEvent.received(T, "stripe", "evt_1", "a", "{}", START));
    store.receive(InboxEvent.received(T, "stripe", "evt_2", "b", "{}", START.plusSeconds(1)));
    List<InboxEvent> claimed = store.claimInbox(T, "stripe", "w1", Duration.ofMinutes(5), 10);
    long id1 = claimed.get(0).id();
    long id2 = claimed.get(1).id();

    store.finishInbox(T, id1, InboxEvent.Status.IGNORED, "type not handled");
    store.releaseInbox(T, id2, "someone-else");
    assertThat(store.claimInbox(T, "stripe", "w2", Duration.ofMinutes(5), 10)).isEmpty();
    store.releaseInbox(OTHER, id2, "w1");
    assertThat(store.claimInbox(T, "stripe", "w2", Duration.ofMinutes(5), 10)).isEmpty();
    store.releaseInbox(T, id2, "w1");
    List<InboxEvent> again = store.claimInbox(T, "stripe", "w2", Duration.ofMinutes(5), 10);
    assertThat(again).extracting(InboxEvent::eventId).containsExactly("evt_2");

    store.finishInbox(T, id2, InboxEvent.Status.PROCESSED, null);
    clock.advance(Duration.ofHours(1));
    assertThat(store.claimInbox(T, "stripe", "w3", Duration.ofMinutes(5), 10)).isEmpty();
    assertThatThrownBy(() -> store.finishInbox(T, id2, InboxEvent.Status.RECEIVED, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status");
    assertThatThrownBy(() -> store.finishInbox(OTHER, id2, InboxEvent.Status.PROCESSED, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(id2));
  }

  @Test
  void unhandledTypesAreIgnoredInOneStepAndClaimedEventsAreLeftAlone() {
    store.receive(InboxEvent.received(T, "stripe", "evt_1", "customer.updated", "{}", START));
    store.receive(InboxEvent.received(T, "stripe", "evt_2", "invoice.paid", "{}", START.plusSeconds(1)));
    store.receive(InboxEvent.received(T, "stripe", "evt_3", "charge.updated", "{}", START.plusSeconds(2)));
    store.receive(InboxEvent.received(T, "other", "evt_4", "customer.updated", "{}", START.plusSeconds(3)));
    store.receive(InboxEvent.received(OTHER, "stripe", "evt_5", "customer.updated", "{}", START.plusSeconds(4)));
    InboxEvent held = store.claimInbox(T, "stripe", "w1", Duration.ofMinutes(5), 1).get(0);
    assertThat(held.eventId()).isEqualTo("evt_1");

    int ignored = store.ignoreInbox(T, "stripe", java.util.Set.of("invoice.paid"), "not handled");

    assertThat(ignored).as("evt_3 only: evt_1 is claimed, evt_4 and evt_5 are another inbox").isEqualTo(1);
    store.finishInbox(T, held.id(), InboxEvent.Status.PROCESSED, null);
    assertThat(store.claimInbox(T, "stripe", "w2", Duration.ofMinutes(5), 10))
        .extracting(InboxEvent::eventId).containsExactly("evt_2");
    assertThat(store.claimInbox(T, "other", "w2", Duration.ofMinutes(5), 10)).hasSize(1);
    assertThat(store.claimInbox(OTHER, "stripe", "w2", Duration.ofMinutes(5), 10)).hasSize(1);
    assertThatThrownBy(() -> store.ignoreInbox(T, "stripe", java.util.Set.of(), "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void severalEventsAreFinishedAtOnce() {
    for (int i = 1; i <= 3; i++) {
      store.receive(InboxEvent.received(T, "stripe", "evt_" + i, "a", "{}", START.plusSeconds(i)));
    }
    List<InboxEvent> claimed = store.claimInbox(T, "stripe", "w1", Duration.ofMinutes(5), 10);

    store.finishInbox(T, List.of(claimed.get(0).id(), claimed.get(2).id()), InboxEvent.Status.IGNORED, "bulk");
    store.releaseInbox(T, claimed.get(1).id(), "w1");

    assertThat(store.claimInbox(T, "stripe", "w2", Duration.ofMinutes(5), 10))
        .extracting(InboxEvent::eventId).containsExactly("evt_2");
    assertThatThrownBy(() -> store.finishInbox(OTHER, List.of(claimed.get(1).id()), InboxEvent.Status.IGNORED, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ------------------------------------------------------------------ files

  @Test
  void filesAreRecordedOncePerHashAndDocumentKeysClaimedOnce() {
    SeenFile f =
        new SeenFile(T, "ap-invoices", "aa11", "inv-0001.csv", SeenFile.Status.CLAIMED, START);
    assertThat(store.recordFile(f)).isTrue();
    assertThat(
            store.recordFile(
                new SeenFile(
                    T,
                    "ap-invoices",
                    "aa11",
                    "renamed.csv",
                    SeenFile.Status.CLAIMED,
                    START.plusSeconds(9))))
        .isFalse();
    assertThat(store.file(T, "ap-invoices", "aa11")).contains(f);
    assertThat(store.file(OTHER, "ap-invoices", "aa11")).isEmpty();
    assertThat(store.file(T, "other-flow", "aa11")).isEmpty();

    store.updateFile(T, "ap-invoices", "aa11", SeenFile.Status.PARSED);
    assertThat(store.file(T, "ap-invoices", "aa11").orElseThrow().status())
        .isEqualTo(SeenFile.Status.PARSED);
    assertThatThrownBy(() -> store.updateFile(T, "ap-invoices", "aa11", SeenFile.Status.CLAIMED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("from PARSED to CLAIMED");
    assertThatThrownBy(() -> store.updateFile(T, "ap-invoices", "zz", SeenFile.Status.POSTED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zz");

    assertThat(store.claimDocument(T, "ap-invoices", "V100|INV-7", "aa11")).isTrue();
    assertThat(store.claimDocument(T, "ap-invoices", "V100|INV-7", "bb22")).isFalse();
    assertThat(store.claimDocument(T, "ap-invoices", "V100|INV-7", "aa11")).isFalse();
    assertThat(store.claimDocument(T, "other-flow", "V100|INV-7", "aa11")).isTrue();
    assertThat(store.claimDocument(OTHER, "ap-invoices", "V100|INV-7", "aa11")).isTrue();
  }

  @Test
  void aClaimedFileMovesClaimedParsedPostedWithCountsAndNoFurther() {
    String flow = "ap-invoices";
    assertThat(store.claimFile(T, flow, "f1", "inv-1.csv", "node-a", Duration.ofMinutes(1)))
        .isTrue();
    SeenFile claimed = store.file(T, flow, "f1").orElseThrow();
    assertThat(claimed.status()).isEqualTo(SeenFile.Status.CLAIMED);
    assertThat(claimed.claimant()).isEqualTo("node-a");
    assertThat(claimed.leaseUntil()).isEqualTo(START.plus(Duration.ofMinutes(1)));
    assertThat(claimed.name()).isEqualTo("inv-1.csv");

    assertThatThrownBy(
            () -> store.moveFile(T, flow, "f1", "node-a", SeenFile.Status.POSTED, 1, 0, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("from CLAIMED to POSTED");
    store.moveFile(T, flow, "f1", "node-a", SeenFile.Status.PARSED, 0, 0, null);
    clock.advance(Duration.ofSeconds(5));
    store.moveFile(T, flow, "f1", "node-a", SeenFile.Status.PARTIAL, 7, 2, null);

    SeenFile done = store.file(T, flow, "f1").orElseThrow();
    assertThat(done.status()).isEqualTo(SeenFile.Status.PARTIAL);
    assertThat(done.posted()).isEqualTo(7);
    assertThat(done.parked()).isEqualTo(2);
    assertThat(done.leaseUntil()).as("a final file's lease ends").isEqualTo(START.plusSeconds(5));
    assertThatThrownBy(
            () -> store.moveFile(T, flow, "f1", "node-a", SeenFile.Status.POSTED, 9, 0, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("from PARTIAL to POSTED");
    assertThat(store.claimFile(T, flow, "f1", "again.csv", "node-b", Duration.ofMinutes(1)))
        .as("a final file is never claimed again")
        .isFalse();
    assertThat(store.claimFile(T, flow, "f1", "again.csv", "node-a", Duration.ofMinutes(1)))
        .isFalse();
    assertThat(store.file(T, flow, "f1").orElseThrow()).isEqualTo(done);

    store.claimFile(T, flow, "f2", "broken.xml", "node-a", Duration.ofMinutes(1));
    store.moveFile(
        T, flow, "f2", "node-a", SeenFile.Status.PARKED, 0, 0, "not well-formed XML at line 3");
    assertThat(store.file(T, flow, "f2").orElseThrow())
        .satisfies(
            f -> {
              assertThat(f.status()).isEqualTo(SeenFile.Status.PARKED);
              assertThat(f.reason()).isEqualTo("not well-formed XML at line 3");
            });
    assertThat(store.file(OTHER, flow, "f2")).isEmpty();
    assertThatThrownBy(
            () -> store.moveFile(OTHER, flow, "f2", "node-a", SeenFile.Status.PARSED, 0, 0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("f2");
  }

  @Test
  void aCrashedClaimersFileIsTakenOverOnlyAfterItsLeaseExpires() {
    String flow = "ap-invoices";
    Duration ttl = Duration.ofSeconds(30);
    assertThat(store.claimFile(T, flow, "f1", "inv-1.csv", "node-a", ttl)).isTrue();
    store.moveFile(T, flow, "f1", "node-a", SeenFile.Status.PARSED, 0, 0, null);
    assertThat(store.claimFile(T, flow, "f1", "inv-1.csv", "node-b", ttl)).isFalse();
    clock.advance(Duration.ofSeconds(20));
    assertThat(store.claimFile(T, flow, "f1", "inv-1.csv", "node-a", ttl))
        .as("the claimer renews its own claim")
        .isTrue();
    clock.advance(Duration.ofSeconds(29));
    assertThat(store.claimFile(T, flow, "f1", "inv-1.csv", "node-b", ttl)).isFalse();

    clock.advance(Duration.ofSeconds(1)); // node-a's renewed lease has expired: node-a crashed
    assertThat(store.claimFile(T, flow, "f1", "inv-1.csv", "node-b", ttl)).isTrue();
    SeenFile taken = store.file(T, flow, "f1").orElseThrow();
    assertThat(taken.claimant()).isEqualTo("node-b");
    assertThat(taken.status()).as("the takeover keeps where the file stood").isEqualTo(SeenFile.Status.PARSED);
    assertThat(taken.leaseUntil()).isEqualTo(clock.instant().plus(ttl));

    assertThatThrownBy(
            () -> store.moveFile(T, flow, "f1", "node-a", SeenFile.Status.POSTED, 3, 0, null))
        .isInstanceOf(StateConflictException.class)
        .hasMessageContaining("node-b");
    assertThat(store.claimFile(T, flow, "f1", "inv-1.csv", "node-a", ttl)).isFalse();
    store.moveFile(T, flow, "f1", "node-b", SeenFile.Status.POSTED, 3, 0, null);
    assertThat(store.file(T, flow, "f1").orElseThrow().status()).isEqualTo(SeenFile.Status.POSTED);

    // a file recorded without a claimant (as a store of an earlier version left it) is free
    store.recordFile(new SeenFile(T, flow, "f3", "old.csv", SeenFile.Status.CLAIMED, START));
    assertThat(store.claimFile(T, flow, "f3", "old.csv", "node-b", ttl)).isTrue();
  }

  @Test
  void racesForOneFileHaveExactlyOneWinner() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < rounds(); round++) {
        String hash = "h" + round;
        List<Boolean> fresh =
            race(
                pool,
                i -> () -> store.claimFile(T, "ap-invoices", hash, "f.csv", "node-" + i,
                    Duration.ofMinutes(1)));
        assertThat(fresh).as("new file round %d", round).containsOnlyOnce(true);
      }
      // takeovers of expired claims race too
      clock.advance(Duration.ofMinutes(2));
      for (int round = 0; round < rounds(); round++) {
        String hash = "h" + round;
        List<Boolean> taken =
            race(
                pool,
                i -> () -> store.claimFile(T, "ap-invoices", hash, "f.csv", "heir-" + i,
                    Duration.ofMinutes(1)));
        assertThat(taken).as("takeover round %d", round).containsOnlyOnce(true);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ------------------------------------------------------------------ retry queue

  @Test
  void scheduleRetryReplacesTheItemOfTheSameSource() {
    store.scheduleRetry(
        new RetryItem(
            0, T, "customers", syspro(T, "C1"), "k1", "p1", 1, START.plusSeconds(10), "e1", false));
    store.scheduleRetry(
        new RetryItem(
            0, T, "customers", syspro(T, "C1"), "k2", "p2", 2, START.plusSeconds(20), "e2", false));
    store.scheduleRetry(
        new RetryItem(
            0, T, "customers", syspro(T, "C2"), null, null, 1, START.plusSeconds(5), "e3", false));
    store.scheduleRetry(
        new RetryItem(0, T, "invoices", syspro(T, "C1"), null, null, 1, START, "e4", false));
    store.scheduleRetry(
        new RetryItem(
            0, OTHER, "customers", syspro(OTHER, "C1"), null, null, 1, START, "e5", false));

    List<RetryItem> due =
        store.claimDueRetries(
            T, "customers", START.plusSeconds(30), "w", Duration.ofMinutes(1), 10);
    assertThat(due).extracting(RetryItem::lastError).containsExactly("e3", "e2");
    assertThat(due.get(1).operationKey()).isEqualTo("k2");
    assertThat(due.get(1).payload()).isEqualTo("p2");
    assertThat(due.get(1).attempts()).isEqualTo(2);
  }

  @Test
  void claimedRetriesAreNotHandedOutAgainUntilTheClaimExpires() {
    for (int i = 0; i < 3; i++) {
      store.scheduleRetry(
          new RetryItem(
              0,
              T,
              "customers",
              syspro(T, "C" + i),
              null,
              null,
              1,
              START.plusSeconds(i),
              "e",
              false));
    }
    List<RetryItem> a =
        store.claimDueRetries(
            T, "customers", START.plusSeconds(10), "w1", Duration.ofSeconds(30), 2);
    assertThat(a).extracting(r -> r.source().id()).containsExactly("C0", "C1");
    List<RetryItem> b =
        store.claimDueRetries(
            T, "customers", START.plusSeconds(10), "w2", Duration.ofSeconds(30), 10);
    assertThat(b).extracting(r -> r.source().id()).containsExactly("C2");
    assertThat(
            store.claimDueRetries(
                T, "customers", START.plusSeconds(39), "w3", Duration.ofSeconds(30), 10))
        .isEmpty();

    store.removeRetry(OTHER, a.get(0).id());
    store.removeRetry(T, a.get(1).id());
    List<RetryItem> later =
        store.claimDueRetries(
            T, "customers", START.plusSeconds(40), "w3", Duration.ofSeconds(30), 10);
    assertThat(later).extracting(r -> r.source().id()).containsExactly("C0", "C2");
  }

  @Test
  void deadLettersAreFilteredAndPagedOldestFirst() {
    for (int i = 0; i < 5; i++) {
      ExternalRef src = i == 4 ? ExternalRef.of("syspro", T, "invoice", "I4") : syspro(T, "C" + i);
      String key = "k" + i;
      store.begin(
          new OperationIntent(key, T, i == 3 ? "invoices" : "customers", src, "v1", "create"));
      store.fail(
          failure(
              T, key, src, OperationStatus.PARKED, i % 2 == 0 ? "bad tax code" : "no such item"));
      clock.advance(Duration.ofMinutes(1));
    }
    store.begin(intent(OTHER, "x", syspro(OTHER, "C0")));
    store.fail(failure(OTHER, "x", syspro(OTHER, "C0"), OperationStatus.PARKED, "bad tax code"));

    Page<RetryItem> p1 = store.deadLetters(new DeadLetterQuery(T, null, null, null, null, 2, null));
    assertThat(p1.items()).extracting(RetryItem::operationKey).containsExactly("k0", "k1");
    assertThat(p1.hasMore()).isTrue();
    Page<RetryItem> p2 =
        store.deadLetters(new DeadLetterQuery(T, null, null, null, null, 2, p1.nextPageToken()));
    assertThat(p2.items()).extracting(RetryItem::operationKey).containsExactly("k2", "k3");
    Page<RetryItem> p3 =
        store.deadLetters(new DeadLetterQuery(T, null, null, null, null, 2, p2.nextPageToken()));
    assertThat(p3.items()).extracting(RetryItem::operationKey).containsExactly("k4");
    assertThat(p3.hasMore()).isFalse();

    assertThat(
            store
                .deadLetters(new DeadLetterQuery(T, "invoices", null, null, null, 10, null))
                .items())
        .extracting(RetryItem::operationKey)
        .containsExactly("k3");
    assertThat(
            store
                .deadLetters(new DeadLetterQuery(T, null, "invoice", null, null, 10, null))
                .items())
        .extracting(RetryItem::operationKey)
        .containsExactly("k4");
    assertThat(store.deadLetters(new DeadLetterQuery(T, null, null, "tax", null, 10, null)).items())
        .extracting(RetryItem::operationKey)
        .containsExactly("k0", "k2", "k4");
    assertThat(store.deadLetters(new DeadLetterQuery(T, null, null, "%", null, 10, null)).items())
        .isEmpty();
    assertThat(
            store
                .deadLetters(
                    new DeadLetterQuery(T, null, null, null, START.plusSeconds(61), 10, null))
                .items())
        .extracting(RetryItem::operationKey)
        .containsExactly("k0", "k1");

    // A replay covers every match, whatever the page size.
    assertThat(store.replay(new DeadLetterQuery(T, "customers", "customer", "tax", null, 1, null)))
        .isEqualTo(2);
    assertThat(store.operation(T, "k0").orElseThrow().status()).isEqualTo(OperationStatus.FAILED);
    assertThat(store.operation(T, "k1").orElseThrow().status()).isEqualTo(OperationStatus.PARKED);
    assertThat(store.deadLetters(DeadLetterQuery.all(T)).items())
        .extracting(RetryItem::operationKey)
        .containsExactly("k1", "k3", "k4");
    assertThat(store.operation(T, "k2").orElseThrow().status()).isEqualTo(OperationStatus.FAILED);
    assertThat(store.deadLetters(DeadLetterQuery.all(OTHER)).items()).hasSize(1);

    // One item by id: exactly that one, only in its own tenant, and only while it is dead.
    RetryItem k3 = store.deadLetters(DeadLetterQuery.all(T)).items().get(1);
    assertThat(store.deadLetters(DeadLetterQuery.item(T, k3.id())).items())
        .extracting(RetryItem::operationKey)
        .containsExactly("k3");
    assertThat(store.replay(DeadLetterQuery.item(OTHER, k3.id()))).isZero();
    assertThat(store.replay(DeadLetterQuery.item(T, k3.id()))).isEqualTo(1);
    assertThat(store.replay(DeadLetterQuery.item(T, k3.id()))).isZero();
    assertThat(store.deadLetters(DeadLetterQuery.all(T)).items())
        .extracting(RetryItem::operationKey)
        .containsExactly("k1", "k4");
  }

  // ------------------------------------------------------------------ audit

  @Test
  void auditIsQueryableByRecordFlowTimeAndOutcome() {
    ExternalRef c1 = syspro(T, "C1");
    ExternalRef c2 = syspro(T, "C2");
    store.audit(
        new AuditEntry(
            0,
            T,
            "customers",
            "r1",
            c1,
            stripe(T, "cus_1"),
            "create",
            AuditEntry.Outcome.SUCCEEDED,
            null,
            "d1",
            START));
    store.audit(
        new AuditEntry(
            0,
            T,
            "customers",
            "r1",
            c2,
            null,
            "create",
            AuditEntry.Outcome.FAILED,
            "HTTP 500",
            null,
            START.plusSeconds(10)));
    store.audit(
        new AuditEntry(
            0,
            T,
            "invoices",
            "r2",
            c1,
            null,
            "skip",
            AuditEntry.Outcome.SKIPPED,
            null,
            null,
            START.plusSeconds(20)));
    store.audit(
        new AuditEntry(
            0,
            T,
            "customers",
            "r3",
            null,
            null,
            "dry-run",
            AuditEntry.Outcome.DRY_RUN,
            null,
            null,
            START.plusSeconds(30)));
    store.audit(
        new AuditEntry(
            0,
            OTHER,
            "customers",
            "r9",
            syspro(OTHER, "C1"),
            null,
            "create",
            AuditEntry.Outcome.SUCCEEDED,
            null,
            null,
            START.plusSeconds(5)));

    List<AuditEntry> all = allAudit(T);
    assertThat(all).extracting(AuditEntry::runId).containsExactly("r3", "r2", "r1", "r1");
    AuditEntry first = all.get(3);
    assertThat(first.id()).isPositive();
    assertThat(first.tenant()).isEqualTo(T);
    assertThat(first.flow()).isEqualTo("customers");
    assertThat(first.source()).isEqualTo(c1);
    assertThat(first.target()).isEqualTo(stripe(T, "cus_1"));
    assertThat(first.action()).isEqualTo("create");
    assertThat(first.outcome()).isEqualTo(AuditEntry.Outcome.SUCCEEDED);
    assertThat(first.error()).isNull();
    assertThat(first.payloadDigest()).isEqualTo("d1");
    assertThat(first.at()).isEqualTo(START);
    assertThat(all.get(2).error()).isEqualTo("HTTP 500");

    assertThat(store.audit(AuditQuery.all(T).withSource(c1)).items())
        .extracting(AuditEntry::flow)
        .containsExactly("invoices", "customers");
    assertThat(store.audit(AuditQuery.all(T).withTarget(stripe(T, "cus_1"))).items())
        .extracting(AuditEntry::source)
        .containsExactly(c1);
    assertThat(
            store
                .audit(AuditQuery.all(T).withFlow("customers", START, START.plusSeconds(30)))
                .items())
        .extracting(AuditEntry::at)
        .containsExactly(START.plusSeconds(10), START);
    assertThat(
            store
                .audit(AuditQuery.all(T).withFlow("customers", START.plusSeconds(1), null))
                .items())
        .extracting(AuditEntry::runId)
        .containsExactly("r3", "r1");
    assertThat(store.audit(AuditQuery.all(T).withOutcome(AuditEntry.Outcome.FAILED)).items())
        .extracting(AuditEntry::source)
        .containsExactly(c2);
    assertThat(store.audit(AuditQuery.all(OTHER)).items()).hasSize(1);
    assertThat(store.audit(AuditQuery.all(T).withSource(syspro(OTHER, "C1"))).items()).isEmpty();
  }

  @Test
  void auditPagesNewestFirstAcrossEntriesAtTheSameInstant() {
    for (int i = 0; i < 7; i++) {
      store.audit(
          new AuditEntry(
              0,
              T,
              "customers",
              "r" + i,
              null,
              null,
              "create",
              AuditEntry.Outcome.SUCCEEDED,
              null,
              null,
              START.plusSeconds(i / 3)));
    }
    List<String> seen = new ArrayList<>();
    AuditQuery q = AuditQuery.all(T).withLimit(3);
    Page<AuditEntry> page = store.audit(q);
    int pages = 1;
    seen.addAll(page.items().stream().map(AuditEntry::runId).toList());
    while (page.hasMore()) {
      page = store.audit(q.withPageToken(page.nextPageToken()));
      seen.addAll(page.items().stream().map(AuditEntry::runId).toList());
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly("r6", "r5", "r4", "r3", "r2", "r1", "r0");
  }

  /** Every page of {@code query}, followed through its page tokens; the run ids in order. */
  protected List<String> allPages(AuditQuery query) {
    List<String> seen = new ArrayList<>();
    Page<AuditEntry> page = store.audit(query);
    seen.addAll(page.items().stream().map(AuditEntry::runId).toList());
    int pages = 1;
    while (page.hasMore()) {
      assertThat(page.items()).hasSize(query.limit());
      page = store.audit(query.withPageToken(page.nextPageToken()));
      seen.addAll(page.items().stream().map(AuditEntry::runId).toList());
      assertThat(++pages).as("pages of %s", query).isLessThan(100);
    }
    return seen;
  }

  @Test
  void auditPagesUnderEachFilter() {
    ExternalRef c1 = syspro(T, "C1");
    ExternalRef c2 = syspro(T, "C2");
    ExternalRef cus1 = stripe(T, "cus_1");
    List<AuditEntry> written = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      AuditEntry entry =
          new AuditEntry(
              0,
              T,
              i % 4 == 0 ? "invoices" : "customers",
              "r" + i,
              i % 2 == 0 ? c1 : c2,
              i % 3 == 0 ? cus1 : null,
              "create",
              i % 5 == 0 ? AuditEntry.Outcome.FAILED : AuditEntry.Outcome.SUCCEEDED,
              i % 5 == 0 ? "HTTP 500" : null,
              null,
              START.plusSeconds(i / 2));
      store.audit(entry);
      written.add(entry);
      // another tenant's entries with the same refs and flows never show up
      store.audit(
          new AuditEntry(
              0,
              OTHER,
              entry.flow(),
              "other-" + i,
              syspro(OTHER, entry.source().id()),
              null,
              "create",
              entry.outcome(),
              entry.error(),
              null,
              entry.at()));
    }
    List<AuditEntry> newestFirst = new ArrayList<>(written);
    java.util.Collections.reverse(newestFirst);
    Instant from = START.plusSeconds(2);
    Instant to = START.plusSeconds(9);
    Map<AuditQuery, java.util.function.Predicate<AuditEntry>> filters =
        new java.util.LinkedHashMap<>();
    AuditQuery base = AuditQuery.all(T).withLimit(2);
    filters.put(base.withSource(c1), e -> e.source().equals(c1));
    filters.put(base.withTarget(cus1), e -> cus1.equals(e.target()));
    filters.put(
        base.withFlow("customers", from, to),
        e -> e.flow().equals("customers") && !e.at().isBefore(from) && e.at().isBefore(to));
    filters.put(
        base.withOutcome(AuditEntry.Outcome.FAILED),
        e -> e.outcome() == AuditEntry.Outcome.FAILED);
    filters.put(
        base.withSource(c1).withOutcome(AuditEntry.Outcome.SUCCEEDED),
        e -> e.source().equals(c1) && e.outcome() == AuditEntry.Outcome.SUCCEEDED);

    for (Map.Entry<AuditQuery, java.util.function.Predicate<AuditEntry>> f : filters.entrySet()) {
      List<String> expected =
          newestFirst.stream().filter(f.getValue()).map(AuditEntry::runId).toList();
      assertThat(expected).as("fixture of %s", f.getKey()).hasSizeGreaterThan(2);
      assertThat(allPages(f.getKey())).as("pages of %s", f.getKey()).isEqualTo(expected);
    }
  }

  // ------------------------------------------------------------------ leases

  @Test
  void leaseIsExclusiveRenewableAndLapses() {
    assertThat(store.lease(T, "customers")).isEmpty();
    assertThat(store.tryAcquireLease(T, "customers", "node-a", Duration.ofSeconds(30))).isTrue();
    assertThat(store.lease(T, "customers"))
        .contains(new Lease(T, "customers", "node-a", START.plusSeconds(30)));
    assertThat(store.tryAcquireLease(T, "customers", "node-b", Duration.ofSeconds(30))).isFalse();
    assertThat(store.tryAcquireLease(T, "invoices", "node-b", Duration.ofSeconds(30))).isTrue();
    assertThat(store.tryAcquireLease(OTHER, "customers", "node-b", Duration.ofSeconds(30)))
        .isTrue();

    clock.advance(Duration.ofSeconds(20));
    assertThat(store.tryAcquireLease(T, "customers", "node-a", Duration.ofSeconds(30))).isTrue();
    assertThat(store.lease(T, "customers").orElseThrow().expiresAt())
        .isEqualTo(START.plusSeconds(50));
    clock.advance(Duration.ofSeconds(29));
    assertThat(store.tryAcquireLease(T, "customers", "node-b", Duration.ofSeconds(30))).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(store.lease(T, "customers")).isEmpty();
    assertThat(store.tryAcquireLease(T, "customers", "node-b", Duration.ofSeconds(30))).isTrue();
    assertThat(store.lease(T, "customers").orElseThrow().owner()).isEqualTo("node-b");

    store.releaseLease(T, "customers", "node-a");
    assertThat(store.lease(T, "customers").orElseThrow().owner()).isEqualTo("node-b");
    store.releaseLease(T, "customers", "node-b");
    assertThat(store.lease(T, "customers")).isEmpty();
    assertThat(store.tryAcquireLease(T, "customers", "node-a", Duration.ofSeconds(30))).isTrue();
  }

  // ------------------------------------------------------------------ retention

  @Test
  void purgeRemovesOldDoneOperationsAndAuditButNothingElse() throws Exception {
    store.close();
    store = newIsolatedStore(clock);
    store.begin(intent(T, "done-old", syspro(T, "C1")));
    store.complete(completion(T, "done-old", syspro(T, "C1"), stripe(T, "cus_1")));
    store.begin(intent(T, "pending-old", syspro(T, "C2")));
    store.begin(intent(T, "failed-old", syspro(T, "C3")));
    store.fail(failure(T, "failed-old", syspro(T, "C3"), OperationStatus.FAILED, "x"));
    store.begin(intent(T, "parked-old", syspro(T, "C4")));
    store.fail(failure(T, "parked-old", syspro(T, "C4"), OperationStatus.PARKED, "y"));
    store.saveCursor(T, "customers", "main", "c");
    store.receive(InboxEvent.received(T, "stripe", "evt_1", "a", "{}", START));
    store.receive(InboxEvent.received(T, "stripe", "evt_done", "a", "{}", START));
    store.receive(InboxEvent.received(T, "stripe", "evt_ignored", "a", "{}", START));
    store.receive(InboxEvent.received(T, "stripe", "evt_parked", "a", "{}", START));
    for (InboxEvent e : store.claimInbox(T, "stripe", "w", Duration.ofMinutes(1), 10)) {
      switch (e.eventId()) {
        case "evt_done" -> store.finishInbox(T, e.id(), InboxEvent.Status.PROCESSED, null);
        case "evt_ignored" -> store.finishInbox(T, e.id(), InboxEvent.Status.IGNORED, "n/a");
        case "evt_parked" -> store.finishInbox(T, e.id(), InboxEvent.Status.PARKED, "bad");
        default -> store.releaseInbox(T, e.id(), "w");
      }
    }
    clock.advance(Duration.ofDays(40));
    store.receive(InboxEvent.received(T, "stripe", "evt_new", "a", "{}", clock.instant()));
    store.begin(intent(T, "done-new", syspro(T, "C5")));
    store.complete(completion(T, "done-new", syspro(T, "C5"), stripe(T, "cus_5")));

    PurgeResult result = store.purge(START.plus(Duration.ofDays(30)));

    assertThat(result).isEqualTo(new PurgeResult(1, 3, 2));
    assertThat(store.operation(T, "done-old")).isEmpty();
    assertThat(store.operation(T, "done-new")).isPresent();
    assertThat(store.operation(T, "pending-old")).isPresent();
    assertThat(store.operation(T, "failed-old")).isPresent();
    assertThat(store.operation(T, "parked-old")).isPresent();
    assertThat(store.mappingBySource(syspro(T, "C1"), "stripe")).isPresent();
    assertThat(store.cursor(T, "customers", "main")).contains("c");
    assertThat(allAudit(T)).hasSize(1);
    assertThat(store.deadLetters(DeadLetterQuery.all(T)).items()).hasSize(1);
    assertThat(
            store.claimDueRetries(T, "customers", clock.instant(), "w", Duration.ofMinutes(1), 10))
        .hasSize(1);
    assertThat(store.claimInbox(T, "stripe", "w", Duration.ofMinutes(1), 10))
        .extracting(InboxEvent::eventId)
        .containsExactly("evt_1", "evt_new");
    // The parked event stayed: storing it again is refused as a duplicate.
    assertThat(store.receive(InboxEvent.received(T, "stripe", "evt_parked", "a", "{}", START)))
        .isFalse();
    // A purged finished event is forgotten.
    assertThat(store.receive(InboxEvent.received(T, "stripe", "evt_done", "a", "{}", START)))
        .isTrue();
  }

  // ------------------------------------------------------------------ concurrency

  /** Runs {@code task} on 8 threads released at once; returns each thread's answer. */
  <R> List<R> race(ExecutorService pool, java.util.function.IntFunction<Callable<R>> task)
      throws Exception {
    CountDownLatch ready = new CountDownLatch(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<R>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      Callable<R> c = task.apply(i);
      futures.add(
          pool.submit(
              () -> {
                ready.countDown();
                go.await();
                return c.call();
              }));
    }
    ready.await(10, TimeUnit.SECONDS);
    go.countDown();
    List<R> results = new ArrayList<>();
    for (Future<R> f : futures) {
      results.add(f.get(30, TimeUnit.SECONDS));
    }
    return results;
  }

  @Test
  void racesForOneInboxEventLeaseOrOperationHaveExactlyOneWinner() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < rounds(); round++) {
        String evt = "evt_" + round;
        List<Boolean> received =
            race(
                pool,
                i -> () -> store.receive(InboxEvent.received(T, "stripe", evt, "x", "{}", START)));
        assertThat(received).as("receive round %d", round).containsOnlyOnce(true);

        List<List<InboxEvent>> claims =
            race(pool, i -> () -> store.claimInbox(T, "stripe", "w" + i, Duration.ofMinutes(5), 1));
        assertThat(claims.stream().filter(l -> !l.isEmpty()).count())
            .as("inbox claim round %d", round)
            .isEqualTo(1);

        String flow = "flow-" + round;
        List<Boolean> leases =
            race(
                pool,
                i -> () -> store.tryAcquireLease(T, flow, "node-" + i, Duration.ofMinutes(5)));
        assertThat(leases).as("lease round %d", round).containsOnlyOnce(true);

        String key = "op-" + round;
        ExternalRef src = syspro(T, "C" + round);
        List<Boolean> begun = race(pool, i -> () -> store.begin(intent(T, key, src)).won());
        assertThat(begun).as("begin round %d", round).containsOnlyOnce(true);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void expiredLeaseRaceHasExactlyOneWinner() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      int rounds = Math.max(10, rounds() / 4);
      for (int round = 0; round < rounds; round++) {
        assertThat(store.tryAcquireLease(T, "flow", "holder", Duration.ofSeconds(1))).isTrue();
        clock.advance(Duration.ofSeconds(1));
        List<Boolean> leases =
            race(
                pool,
                i -> () -> store.tryAcquireLease(T, "flow", "node-" + i, Duration.ofMinutes(5)));
        assertThat(leases).as("expired lease round %d", round).containsOnlyOnce(true);
        String winner = store.lease(T, "flow").orElseThrow().owner();
        store.releaseLease(T, "flow", winner);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentRetryClaimsNeverOverlap() throws Exception {
    int items = 60;
    for (int i = 0; i < items; i++) {
      store.scheduleRetry(
          new RetryItem(
              0,
              T,
              "customers",
              syspro(T, "C" + i),
              null,
              null,
              1,
              START.plusMillis(i),
              "e",
              false));
    }
    Map<Long, String> owners = new ConcurrentHashMap<>();
    AtomicBoolean overlap = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      race(
          pool,
          i ->
              () -> {
                while (true) {
                  List<RetryItem> got =
                      store.claimDueRetries(
                          T, "customers", START.plusSeconds(1), "w" + i, Duration.ofMinutes(10), 3);
                  if (got.isEmpty()) {
                    return null;
                  }
                  for (RetryItem r : got) {
                    if (owners.putIfAbsent(r.id(), "w" + i) != null) {
                      overlap.set(true);
                    }
                  }
                }
              });
    } finally {
      pool.shutdownNow();
    }
    assertThat(overlap).isFalse();
    assertThat(owners).hasSize(items);
  }

  @Test
  void concurrentCompletionsOfOneOperationCommitOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      int rounds = Math.max(10, rounds() / 4);
      for (int round = 0; round < rounds; round++) {
        String key = "c-" + round;
        ExternalRef src = syspro(T, "S" + round);
        ExternalRef target = stripe(T, "cus_" + round);
        store.begin(intent(T, key, src));
        List<Boolean> done =
            race(
                pool,
                i ->
                    () -> {
                      try {
                        store.complete(completion(T, key, src, target));
                        return true;
                      } catch (StateConflictException e) {
                        return false;
                      }
                    });
        assertThat(done).as("complete round %d", round).containsOnlyOnce(true);
      }
      assertThat(allAudit(T)).hasSize(rounds);
      Set<String> keys = new HashSet<>();
      allAudit(T).forEach(a -> keys.add(a.source().id()));
      assertThat(keys).hasSize(rounds);
    } finally {
      pool.shutdownNow();
    }
  }
}
