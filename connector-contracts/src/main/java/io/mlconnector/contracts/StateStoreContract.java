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


/**
 * The behaviour every {@link StateStore} promises, for store implementers: a store's test extends
 * this class and supplies a fresh store per test ({@link #newStore}); the in-memory, embedded H2
 * and PostgreSQL stores of connector-core pass it.
 *
 * <pre>{@code
 * class MyStoreTest extends StateStoreContract {
 *   protected StateStore newStore(SimClock clock) { return new MyStore(clock); }
 * }
 * }</pre>
 *
 * <p>The promises are grouped by state kind in the classes this one extends ({@code
 * OperationLogContract}, {@code QueueContract}, {@code AuditContract}); this class adds leases,
 * retention and the concurrency races. Extend this class, not those.
 */
public abstract class StateStoreContract extends AuditContract {
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

  @Test
  void waitingWorkIsSeenWithoutAClaim() {
    Instant now = clock.instant();
    // a store that cannot tell answers true throughout (the SPI's default); one that can must
    // answer false exactly when nothing waits
    boolean tells = !store.hasWaitingWork(T, "customers", "stripe", now);

    store.begin(intent(T, "k-pending", syspro(T, "C1")));
    assertThat(store.hasWaitingWork(T, "customers", null, now)).isTrue();
    store.complete(completion(T, "k-pending", syspro(T, "C1"), stripe(T, "cus_1")));
    if (tells) {
      assertThat(store.hasWaitingWork(T, "customers", null, now)).isFalse();
      assertThat(store.hasWaitingWork(T, "invoices", null, now)).isFalse();
    }

    store.scheduleRetry(
        new RetryItem(0, T, "customers", syspro(T, "C2"), null, null, 1, now.plusSeconds(60), "x", false));
    if (tells) {
      assertThat(store.hasWaitingWork(T, "customers", null, now)).isFalse();
    }
    assertThat(store.hasWaitingWork(T, "customers", null, now.plusSeconds(60))).isTrue();
    store.claimDueRetries(T, "customers", now.plusSeconds(60), "w", Duration.ofMinutes(1), 10);
    if (tells) {
      // claimed: another claimer would get nothing until the claim lapses
      assertThat(store.hasWaitingWork(T, "customers", null, now.plusSeconds(60))).isFalse();
      assertThat(store.hasWaitingWork(OTHER, "customers", null, now.plusSeconds(600))).isFalse();
    }
    assertThat(store.hasWaitingWork(T, "customers", null, now.plusSeconds(121))).isTrue();

    store.receive(InboxEvent.received(T, "stripe", "evt_1", "a", "{}", now));
    assertThat(store.hasWaitingWork(T, "invoices", "stripe", now)).isTrue();
    if (tells) {
      assertThat(store.hasWaitingWork(T, "invoices", "other", now)).isFalse();
      assertThat(store.hasWaitingWork(T, "invoices", null, now)).isFalse();
    }
    for (InboxEvent e : store.claimInbox(T, "stripe", "w", Duration.ofMinutes(1), 10)) {
      store.finishInbox(T, e.id(), InboxEvent.Status.PROCESSED, null);
    }
    if (tells) {
      assertThat(store.hasWaitingWork(T, "invoices", "stripe", now)).isFalse();
    }
  }

  // ------------------------------------------------------------------ retention

  @Test
  void purgeRemovesOldDoneOperationsAndAuditButNothingElse() throws Exception {
    store.close();
    store = StateStoreSpi.of(newIsolatedStore(clock));
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
