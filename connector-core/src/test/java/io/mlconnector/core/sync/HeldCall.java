package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A sink hook ({@link MemorySink#beforeCall}) that holds the first call, or every call, until the
 * test releases it: the test acts while a write is in flight.
 */
final class HeldCall implements Runnable {
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch proceed = new CountDownLatch(1);
  private final AtomicBoolean first = new AtomicBoolean(true);
  private final boolean everyCall;

  private HeldCall(boolean everyCall) {
    this.everyCall = everyCall;
  }

  /** Holds the first call only; later calls pass. */
  static HeldCall first() {
    return new HeldCall(false);
  }

  /** Holds every call until released. */
  static HeldCall every() {
    return new HeldCall(true);
  }

  @Override
  public void run() {
    if (everyCall || first.getAndSet(false)) {
      entered.countDown();
      try {
        proceed.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Waits up to 10 s for a call to be held; true when one is. */
  boolean awaitEntered() throws InterruptedException {
    return entered.await(10, TimeUnit.SECONDS);
  }

  /**
   * Starts {@code run} on another thread, shuts {@code engine} down (10 s timeout) while this hook
   * holds a call of the run, then lets the call go on; asserts that a call was held and that the
   * shutdown was clean.
   *
   * @return the run's report
   */
  RunReport stopMidCall(SyncEngine engine, Supplier<RunReport> run) throws Exception {
    CompletableFuture<RunReport> running = CompletableFuture.supplyAsync(run);
    assertThat(awaitEntered()).isTrue();
    CompletableFuture<Boolean> stopping =
        CompletableFuture.supplyAsync(() -> engine.shutdown(Duration.ofSeconds(10)));
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
        .untilAsserted(() -> assertThat(engine.isShutdown()).isTrue());
    release();
    RunReport report = running.get(10, TimeUnit.SECONDS);
    assertThat(stopping.get(10, TimeUnit.SECONDS)).isTrue();
    return report;
  }

  /** Lets the held call, and every later one, go on. */
  void release() {
    proceed.countDown();
  }
}
