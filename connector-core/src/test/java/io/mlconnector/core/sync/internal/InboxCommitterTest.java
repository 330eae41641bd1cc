package io.mlconnector.core.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.state.InboxEvent;
import io.mlconnector.core.state.StateStoreException;
import io.mlconnector.core.state.spi.StateStoreSpi;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Group commit: deliveries waiting together are stored in one commit and each is answered only
 * after it; a commit that fails fails its own group's deliveries and no others.
 */
class InboxCommitterTest {
  private static final Instant T0 = Instant.parse("2026-12-08T00:00:00Z");

  private final InMemoryStateStore memory = new InMemoryStateStore();
  /** The groups receiveAll was called with, by their event ids. */
  private final List<List<String>> groups = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstGroupEntered = new CountDownLatch(1);
  private final CountDownLatch releaseFirstGroup = new CountDownLatch(1);

  /** A store that holds the first group until released and fails any group holding {@code evt_bad}. */
  private final StateStoreSpi store = (StateStoreSpi) Proxy.newProxyInstance(
      StateStoreSpi.class.getClassLoader(), new Class<?>[] {StateStoreSpi.class},
      (proxy, method, args) -> {
        if (method.getName().equals("receiveAll")) {
          @SuppressWarnings("unchecked")
          List<InboxEvent> events = (List<InboxEvent>) args[0];
          List<String> ids = events.stream().map(InboxEvent::eventId).toList();
          groups.add(ids);
          if (groups.size() == 1) {
            firstGroupEntered.countDown();
            releaseFirstGroup.await(30, TimeUnit.SECONDS);
          }
          if (ids.contains("evt_bad")) {
            throw new StateStoreException("disk full", null);
          }
        }
        try {
          return method.invoke(memory, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      });

  private static InboxEvent event(String id) {
    return InboxEvent.received("acme", "pay/refunds", id, "refund.created", "{}", T0);
  }

  @Test
  void deliveriesThatWaitTogetherShareOneCommitAndAreAnsweredOnlyAfterIt() throws Exception {
    try (InboxCommitter committer = new InboxCommitter(store, 1, "test-intake")) {
      CompletableFuture<List<Boolean>> first = committer.submit(List.of(event("evt_0")));
      assertThat(firstGroupEntered.await(30, TimeUnit.SECONDS)).isTrue();
      List<CompletableFuture<List<Boolean>>> waiting = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        waiting.add(committer.submit(List.of(event("evt_" + i))));
      }
      // the first commit is held: nothing is answered before its commit
      assertThat(first).isNotDone();
      assertThat(waiting).noneMatch(CompletableFuture::isDone);

      releaseFirstGroup.countDown();

      assertThat(first.get(30, TimeUnit.SECONDS)).containsExactly(true);
      for (CompletableFuture<List<Boolean>> w : waiting) {
        assertThat(w.get(30, TimeUnit.SECONDS)).containsExactly(true);
      }
      // the five that waited went in one commit
      assertThat(groups).containsExactly(
          List.of("evt_0"), List.of("evt_1", "evt_2", "evt_3", "evt_4", "evt_5"));
    }
  }

  @Test
  void aFailedCommitFailsItsOwnGroupOnly() throws Exception {
    try (InboxCommitter committer = new InboxCommitter(store, 1, "test-intake")) {
      CompletableFuture<List<Boolean>> first = committer.submit(List.of(event("evt_0")));
      assertThat(firstGroupEntered.await(30, TimeUnit.SECONDS)).isTrue();
      // these three wait together for the held commit: one group, which holds the bad event
      CompletableFuture<List<Boolean>> before = committer.submit(List.of(event("evt_1")));
      CompletableFuture<List<Boolean>> bad = committer.submit(List.of(event("evt_bad")));
      CompletableFuture<List<Boolean>> after = committer.submit(List.of(event("evt_2")));

      releaseFirstGroup.countDown();

      assertThat(first.get(30, TimeUnit.SECONDS)).containsExactly(true);
      for (CompletableFuture<List<Boolean>> f : List.of(before, bad, after)) {
        assertThat(f).failsWithin(Duration.ofSeconds(30))
            .withThrowableOfType(ExecutionException.class)
            .withCauseInstanceOf(StateStoreException.class);
      }
      // a later group commits as usual
      assertThat(committer.submit(List.of(event("evt_3"))).get(30, TimeUnit.SECONDS)).containsExactly(true);
      assertThat(groups).containsExactly(
          List.of("evt_0"), List.of("evt_1", "evt_bad", "evt_2"), List.of("evt_3"));
      assertThat(memory.claimInbox("acme", "pay/refunds", "w", Duration.ofMinutes(1), 10))
          .extracting(InboxEvent::eventId).containsExactly("evt_0", "evt_3");
    }
  }

  @Test
  void aDuplicateIsToldApartFromANewEventInTheSameGroup() throws Exception {
    try (InboxCommitter committer = new InboxCommitter(store, 2, "test-intake")) {
      releaseFirstGroup.countDown();
      assertThat(committer.submit(List.of(event("evt_1"))).get(30, TimeUnit.SECONDS)).containsExactly(true);
      assertThat(committer.submit(List.of(event("evt_1"), event("evt_2"))).get(30, TimeUnit.SECONDS))
          .containsExactly(false, true);
    }
  }

  @Test
  void afterCloseDeliveriesAreRefused() {
    InboxCommitter committer = new InboxCommitter(store, 2, "test-intake");
    committer.close();
    assertThat(committer.submit(List.of(event("evt_1")))).failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void postgresqlGetsMoreCommittersThanOtherStores() {
    assertThat(InboxCommitter.committersFor(memory)).isEqualTo(2);
  }
}
