package io.mlconnector.syspro.internal;

import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.TransientException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded pool of e.net sessions with at most one call in flight per session. Slots are created
 * lazily (a slot logs on at its first call), reused most-recently-used first so idle slots stay
 * logged off, shrunk when sessions of the pool evict each other (the operator allows fewer
 * concurrent users than the pool size), and all logged off on {@link #close()}.
 */
public final class SessionPool implements EnetSession.Pool, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SessionPool.class);

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final IntFunction<EnetSession> factory;
  private final Duration acquireTimeout;
  private final AtomicLong logonSeq = new AtomicLong();
  private final List<EnetSession> slots = new ArrayList<>();
  private final Deque<EnetSession> idle = new ArrayDeque<>();
  private int capacity;
  private int nextIndex;
  private int inUse;
  private boolean closed;

  /** A pool of at most {@code capacity} slots made by {@code factory}. */
  public SessionPool(int capacity, Duration acquireTimeout, IntFunction<EnetSession> factory) {
    this.capacity = capacity;
    this.acquireTimeout = acquireTimeout;
    this.factory = factory;
  }

  /**
   * A slot for the caller's exclusive use; give it back with {@link #release}.
   *
   * @throws TransientException when no slot frees up within the acquire timeout
   * @throws IllegalStateException when the pool is closed
   */
  public EnetSession acquire() {
    long deadline = System.nanoTime() + acquireTimeout.toNanos();
    lock.lock();
    try {
      while (true) {
        if (closed) {
          throw new IllegalStateException("SYSPRO client is closed");
        }
        if (!idle.isEmpty()) {
          inUse++;
          return idle.pollFirst();
        }
        if (slots.size() < capacity) {
          EnetSession slot = factory.apply(nextIndex++);
          slots.add(slot);
          inUse++;
          return slot;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new TransientException(
              ErrorDetails.of(EnetErrors.SYSTEM, "acquire session")
                  .withRemote(
                      null,
                      "no SYSPRO session became free within "
                          + acquireTimeout
                          + " ("
                          + slots.size()
                          + " in use)"));
        }
        try {
          changed.awaitNanos(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new TransientException(
              ErrorDetails.of(EnetErrors.SYSTEM, "acquire session")
                  .withRemote(null, "interrupted while waiting for a SYSPRO session"));
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Gives {@code slot} back; a slot above the (possibly shrunk) capacity is logged off. */
  public void release(EnetSession slot) {
    EnetSession retired = null;
    lock.lock();
    try {
      inUse--;
      if (closed) {
        slots.remove(slot);
        retired = slot;
      } else if (slots.size() > capacity) {
        // keep the slot just used (its session is live); retire the idle one logged on earliest
        EnetSession oldest = slot;
        for (EnetSession s : idle) {
          if (s.sessionSeq() < oldest.sessionSeq()) {
            oldest = s;
          }
        }
        if (oldest != slot) {
          idle.remove(oldest);
          idle.addFirst(slot);
        }
        slots.remove(oldest);
        retired = oldest;
      } else {
        idle.addFirst(slot);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (retired != null) {
      logoff(retired);
    }
  }

  @Override
  public boolean evictedBySibling(EnetSession slot, long sessionSeq) {
    lock.lock();
    try {
      for (EnetSession other : slots) {
        if (other != slot && other.sessionSeq() > sessionSeq) {
          if (capacity > 1) {
            capacity--;
            LOG.warn("SYSPRO session pool shrinks to {} session(s)", capacity);
          }
          return true;
        }
      }
      return false;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long nextLogonSeq() {
    return logonSeq.incrementAndGet();
  }

  /** The current capacity (the configured size unless the pool shrank). */
  public int capacity() {
    lock.lock();
    try {
      return capacity;
    } finally {
      lock.unlock();
    }
  }

  /** The slots that exist now. */
  public int size() {
    lock.lock();
    try {
      return slots.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops handing out slots, waits (bounded by the acquire timeout) for calls in flight, and logs
   * off every session so no licence seat is left behind.
   */
  @Override
  public void close() {
    List<EnetSession> toLogoff;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      long deadline = System.nanoTime() + acquireTimeout.toNanos();
      while (inUse > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          LOG.warn("Closing the SYSPRO session pool with {} call(s) still in flight", inUse);
          break;
        }
        try {
          changed.awaitNanos(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      toLogoff = new ArrayList<>(slots);
      slots.clear();
      idle.clear();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    for (EnetSession slot : toLogoff) {
      logoff(slot);
    }
  }

  /** Logs off a slot that has left the pool for good and drops its logon values. */
  private static void logoff(EnetSession slot) {
    try {
      slot.client().release();
    } catch (RuntimeException e) {
      LOG.warn("Logoff of SYSPRO session slot {} failed: {}", slot.index(), e.getMessage());
    } finally {
      slot.retire();
    }
  }
}
