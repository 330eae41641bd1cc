package io.mlconnector.core.state.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.state.StateStoreException;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Group sync: a commit returns only after a disk sync that began after it was written; commits
 * written while a sync runs share the next one; a failed sync fails the commits it covered only.
 */
class GroupSyncTest {
  private final AtomicInteger syncs = new AtomicInteger();
  /** The ticket count each sync saw when it began. */
  private final AtomicLong coveredByLast = new AtomicLong();
  private volatile CountDownLatch holdSync;
  private final CountDownLatch syncStarted = new CountDownLatch(1);
  private volatile boolean failNext;
  private GroupSync sync;

  private GroupSync newSync() {
    sync = new GroupSync(() -> { }, () -> {
      syncs.incrementAndGet();
      syncStarted.countDown();
      CountDownLatch h = holdSync;
      if (h != null) {
        try {
          h.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (failNext) {
        failNext = false;
        throw new UncheckedIOException(new IOException("I/O error"));
      }
    });
    return sync;
  }

  @Test
  void aLoneCommitRunsItsOwnSync() {
    GroupSync s = newSync();
    s.awaitDurable(s.written());
    assertThat(syncs).hasValue(1);
    // nothing new written: an earlier ticket needs no other sync
    s.awaitDurable(1);
    assertThat(syncs).hasValue(1);
  }

  @Test
  void commitsWrittenWhileASyncRunsShareTheNextOne() throws Exception {
    GroupSync s = newSync();
    ExecutorService callers = Executors.newFixedThreadPool(4);
    CountDownLatch release = new CountDownLatch(1);
    holdSync = release;
    long first = s.written();
    CompletableFuture<Void> a = CompletableFuture.runAsync(() -> s.awaitDurable(first), callers);
    assertThat(syncStarted.await(30, TimeUnit.SECONDS)).isTrue();
    // three commits written while the first sync is on its way to disk
    long t2 = s.written();
    long t3 = s.written();
    long t4 = s.written();
    CompletableFuture<Void> b = CompletableFuture.runAsync(() -> s.awaitDurable(t2), callers);
    CompletableFuture<Void> c = CompletableFuture.runAsync(() -> s.awaitDurable(t3), callers);
    CompletableFuture<Void> d = CompletableFuture.runAsync(() -> s.awaitDurable(t4), callers);
    Thread.sleep(100); // they wait: the running sync began before they were written
    assertThat(b).isNotDone();
    assertThat(c).isNotDone();
    assertThat(d).isNotDone();
    assertThat(a).isNotDone();
    holdSync = null;
    release.countDown();

    CompletableFuture.allOf(a, b, c, d).get(30, TimeUnit.SECONDS);
    callers.shutdown();
    // one sync for the first commit, one shared by the three written during it
    assertThat(syncs).hasValue(2);
  }

  @Test
  void aFailedSyncFailsTheCommitsItCoveredAndALaterCommitSyncsAgain() {
    GroupSync s = newSync();
    failNext = true;
    long t1 = s.written();
    assertThatThrownBy(() -> s.awaitDurable(t1))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("could not force");

    long t2 = s.written();
    s.awaitDurable(t2);
    assertThat(syncs).hasValue(2);
  }
}
