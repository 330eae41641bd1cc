package io.mlconnector.testkit.syspro.internal;

import java.time.Duration;

/**
 * A test hook: while paused, business-object calls stop after taking their session (so the session
 * is busy) until resumed. Lets tests create overlapping calls without sleeping.
 */
public final class CallGate {
  private boolean paused;
  private int held;

  public synchronized void pause() {
    paused = true;
  }

  public synchronized void resume() {
    paused = false;
    notifyAll();
  }

  /** Called by every business-object call once it holds its session. */
  public synchronized void pass() throws InterruptedException {
    if (!paused) {
      return;
    }
    held++;
    notifyAll();
    try {
      while (paused) {
        wait();
      }
    } finally {
      held--;
    }
  }

  /** Waits until at least {@code count} calls are held, up to {@code timeout}. */
  public synchronized boolean awaitHeld(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (held < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
