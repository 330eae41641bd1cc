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
 * The {@link StateStoreContract} for what waits to be processed: the webhook inbox, the seen-files
 * ledger, the retry queue and its dead letters.
 */
abstract class QueueContract extends OperationLogContract {
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
}
