package io.mlconnector.core.sync.internal;

import io.mlconnector.core.state.InboxEvent;
import io.mlconnector.core.state.JdbcStateStore;
import io.mlconnector.core.state.spi.StateStoreSpi;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of received webhook events: deliveries that arrive while a commit is in flight wait
 * in a queue and are stored together by the next one ({@link StateStoreSpi#receiveAll}: one
 * transaction, one durable commit), and each delivery's future completes only after that commit.
 * A lone delivery is committed at once (nothing waits for company). {@code committers} threads
 * take turns, so one commit can be gathering while another is on its way to disk.
 */
public final class InboxCommitter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InboxCommitter.class);
  private static final int MAX_EVENTS_PER_COMMIT = 512;
  /** Measured at 8 senders: 2 made 1,782 ev/s, 4 made 2,217 and 8 made 2,270 (benchmarks/README.md). */
  private static final int POSTGRESQL_COMMITTERS = 4;

  private record Pending(List<InboxEvent> events, CompletableFuture<List<Boolean>> done) {}

  /** Wakes a committer thread to stop (never interrupt one: H2 closes its file on an interrupt). */
  private static final Pending STOP = new Pending(List.of(), new CompletableFuture<>());

  private final StateStoreSpi store;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean closed;

  /**
   * How many committers suit {@code store}: on PostgreSQL {@value #POSTGRESQL_COMMITTERS} (each
   * commit waits for a WAL flush, and the server flushes the commits of concurrent sessions
   * together, so more commits in flight share the disk's writes); elsewhere two (one commit is
   * written while the other waits for the disk; on embedded H2 more would only write more chunks).
   */
  public static int committersFor(StateStoreSpi store) {
    return store instanceof JdbcStateStore jdbc && "POSTGRESQL".equals(jdbc.databaseKind())
        ? POSTGRESQL_COMMITTERS
        : 2;
  }

  /** Starts {@code committers} daemon threads named {@code name-N}. */
  public InboxCommitter(StateStoreSpi store, int committers, String name) {
    if (committers < 1) {
      throw new IllegalArgumentException("committers must be positive, was " + committers);
    }
    this.store = store;
    for (int i = 0; i < committers; i++) {
      Thread t = new Thread(this::loop, name + "-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  /**
   * Stores {@code events} (one delivery's rows) with the next group commit; the future holds, per
   * event, true when it was new and false for a duplicate, and completes after the commit is
   * durable, or exceptionally when the store failed or the committer is closed.
   */
  public CompletableFuture<List<Boolean>> submit(List<InboxEvent> events) {
    CompletableFuture<List<Boolean>> done = new CompletableFuture<>();
    if (closed) {
      done.completeExceptionally(new IllegalStateException("the engine is shut down"));
      return done;
    }
    queue.add(new Pending(List.copyOf(events), done));
    if (closed) {
      failQueued();
    }
    return done;
  }

  private void loop() {
    List<Pending> batch = new ArrayList<>();
    while (!closed) {
      Pending first;
      try {
        first = queue.take();
      } catch (InterruptedException e) {
        break;
      }
      if (first == STOP) {
        break;
      }
      batch.clear();
      batch.add(first);
      int events = first.events().size();
      Pending next;
      while (events < MAX_EVENTS_PER_COMMIT && (next = queue.poll()) != null) {
        if (next == STOP) {
          queue.add(STOP); // for this thread's next turn
          break;
        }
        batch.add(next);
        events += next.events().size();
      }
      commit(batch, events);
    }
  }

  private void commit(List<Pending> batch, int size) {
    List<InboxEvent> all = new ArrayList<>(size);
    for (Pending p : batch) {
      all.addAll(p.events());
    }
    List<Boolean> fresh;
    try {
      fresh = store.receiveAll(all);
    } catch (RuntimeException | Error e) {
      log.error("{} webhook events could not be stored; their deliveries are answered 503", all.size(), e);
      for (Pending p : batch) {
        p.done().completeExceptionally(e);
      }
      return;
    }
    int from = 0;
    for (Pending p : batch) {
      int to = from + p.events().size();
      p.done().complete(List.copyOf(fresh.subList(from, to)));
      from = to;
    }
  }

  private void failQueued() {
    Pending p;
    while ((p = queue.poll()) != null) {
      if (p == STOP) {
        continue;
      }
      p.done().completeExceptionally(new IllegalStateException("the engine is shut down"));
    }
  }

  /** Stops taking deliveries; a commit in flight finishes, queued deliveries fail. */
  @Override
  public void close() {
    closed = true;
    for (int i = 0; i < threads.size(); i++) {
      queue.add(STOP);
    }
    for (Thread t : threads) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    failQueued();
  }
}
