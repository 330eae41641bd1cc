package io.mlconnector.core.state.internal;

import io.mlconnector.core.state.StateStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;

/**
 * Forces written commits to disk for callers that must not return before theirs is durable (the
 * webhook intake on embedded H2), one disk sync for every commit written before it began.
 *
 * <p>A caller commits (the commit is in the file, not yet on the disk), takes a ticket with {@link
 * #written} before any later commit can start, and waits in {@link #awaitDurable}: when no sync is
 * running it runs one itself, covering every ticket taken so far; when one is running it waits for
 * it and, if that sync began before its ticket, for the next. Commits that finish while the disk is
 * busy share the next sync, and the disk is never idle while a commit waits for it.
 */
final class GroupSync {
  private final Runnable beforeTicket;
  private final Runnable force;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition done = lock.newCondition();
  /** Tickets handed out: commits written so far. */
  private long written;
  /** Every ticket up to this one is on disk. */
  private long synced;
  /** Tickets up to this one were covered by a sync that failed. */
  private long failedUpTo;
  private @Nullable RuntimeException failure;
  private boolean syncing;

  /**
   * {@code beforeTicket} runs in {@link #written} before the ticket is taken (to write out a commit
   * the database still holds in memory); {@code force} forces everything written to disk.
   */
  GroupSync(Runnable beforeTicket, Runnable force) {
    this.beforeTicket = beforeTicket;
    this.force = force;
  }

  /**
   * The group sync of the embedded H2 database behind {@code c}: the file's own fsync ({@link
   * MVStore#sync}), without the store {@code CHECKPOINT SYNC} does first, which would also write the
   * uncommitted changes other sessions have in flight (one more chunk per group). With a write
   * delay, the committed changes are stored before the ticket. Null for a connection this cannot
   * reach that way (an H2 server's, or an H2 whose internals differ): use {@code CHECKPOINT SYNC}.
   */
  static @Nullable GroupSync h2(Connection c) {
    try {
      Object session = c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
      if (session instanceof org.h2.engine.SessionLocal local) {
        MVStore store = local.getDatabase().getStore().getMvStore();
        if (store.isPersistent() && !store.isReadOnly()) {
          return new GroupSync(
              () -> {
                if (store.getAutoCommitDelay() > 0) {
                  store.commit(); // a write delay kept it in memory; without one it is in the file
                }
              },
              store::sync);
        }
      }
      return null;
    } catch (SQLException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  /**
   * Takes the ticket of a commit that just returned. Call it before any later commit can start
   * (under the caller's commit lock), so tickets follow the order commits reached the file.
   *
   * @return the ticket to pass to {@link #awaitDurable}
   */
  long written() {
    beforeTicket.run();
    lock.lock();
    try {
      return ++written;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns once the commit of {@code ticket} is on disk: runs a sync, or waits for one that covers
   * it.
   *
   * @throws StateStoreException when the sync that covered this ticket failed
   */
  void awaitDurable(long ticket) {
    lock.lock();
    try {
      while (synced < ticket) {
        if (ticket <= failedUpTo && failure != null) {
          throw new StateStoreException("state store could not force its commits to disk", failure);
        }
        if (syncing) {
          done.awaitUninterruptibly();
          continue;
        }
        syncing = true;
        long target = written;
        RuntimeException failed = null;
        lock.unlock();
        try {
          force.run();
        } catch (RuntimeException e) {
          failed = e;
        } finally {
          lock.lock();
          syncing = false;
          if (failed == null) {
            synced = Math.max(synced, target);
          } else {
            failedUpTo = Math.max(failedUpTo, target);
            failure = failed;
          }
          done.signalAll();
        }
      }
    } finally {
      lock.unlock();
    }
  }
}
