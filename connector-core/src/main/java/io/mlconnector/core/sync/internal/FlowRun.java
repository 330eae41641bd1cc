package io.mlconnector.core.sync.internal;

import io.mlconnector.core.state.spi.StateStoreSpi;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.PlannedWrite;
import io.mlconnector.core.sync.RunInfo;
import io.mlconnector.core.sync.RunReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One run of one flow for one tenant: its lifecycle (lease, renewal, stop, report) and bounded
 * parallelism; recovery of open intents and the retry queue ({@link Recovery}), then the flow's
 * input ({@link RunInput}: {@link PollInput}, {@link WebhookInput} or {@link FileInput}), every
 * record through the exactly-once {@link WritePath}.
 */
final class FlowRun<S, T> {
  private static final Logger log = LoggerFactory.getLogger(FlowRun.class);
  static final String RECORDS_STREAM = "records";
  static final String EVENTS_STREAM = "events";

  enum Result {
    WRITTEN,
    SKIPPED,
    DEFERRED,
    FAILED,
    PARKED,
    PLANNED
  }

  record Doc(String naturalKey, String fileHash) {}

  final EngineCore core;
  final StateStoreSpi store;
  final TenantFlow<S, T> tf;
  final Flow<S, T> flow;
  final String tenant;
  final RunInfo info;
  final boolean dryRun;
  final int depth;
  final Counters counters;
  final List<PlannedWrite> planned;
  final Set<String> pendingSources = ConcurrentHashMap.newKeySet();
  /** Whether the engine's scheduler started this run (not the host's runOnce). */
  final boolean scheduled;
  /** System.nanoTime() when the run was created. */
  final long startedNanos = System.nanoTime();
  volatile boolean leaseLost;
  volatile Instant lastRenewal;
  final Recovery<S, T> recovery;
  final WritePath<S, T> writes;

  FlowRun(EngineCore core, TenantFlow<S, T> tf, FlowRun<?, ?> parent) {
    this(core, tf, parent, parent != null && parent.scheduled);
  }

  FlowRun(EngineCore core, TenantFlow<S, T> tf, FlowRun<?, ?> parent, boolean scheduled) {
    this.scheduled = scheduled;
    this.core = core;
    this.store = core.store;
    this.tf = tf;
    this.flow = tf.flow;
    this.tenant = tf.tenant;
    if (parent == null) {
      this.info = new RunInfo(tenant, flow.name(), UUID.randomUUID().toString(), core.node);
      this.depth = 0;
      this.counters = new Counters();
      this.planned = Collections.synchronizedList(new ArrayList<>());
      this.dryRun = flow.dryRun();
    } else {
      this.info = new RunInfo(tenant, flow.name(), parent.info.runId(), core.node);
      this.depth = parent.depth + 1;
      this.counters = parent.counters;
      this.planned = parent.planned;
      this.dryRun = parent.dryRun || flow.dryRun();
    }
    this.recovery = new Recovery<>(this);
    this.writes = new WritePath<>(this);
  }

  // ------------------------------------------------------------------ run lifecycle

  RunReport execute() {
    String flowName = flow.name();
    Map<String, String> previousMdc = MDC.getCopyOfContextMap();
    MDC.put("tenant", tenant);
    MDC.put("flow", flowName);
    MDC.put("run", info.runId());
    try {
      if (IdleProbe.applies(this)) {
        boolean idle;
        try {
          idle = IdleProbe.idle(this);
        } catch (StopRun stop) {
          core.listener.runStarted(info);
          return finished(report(stop.status, stop.getMessage()));
        }
        if (idle) {
          // nothing new and nothing waiting: no lease taken, nothing written
          core.listener.runStarted(info);
          return finished(report(RunReport.Status.COMPLETED, null));
        }
      }
      boolean acquired;
      try {
        acquired = store.tryAcquireLease(tenant, flowName, core.node, core.leaseTtl);
      } catch (RuntimeException e) {
        log.warn("could not acquire the lease of {}", flowName, e);
        return report(RunReport.Status.FAILED, "lease: " + writes.describe(e));
      }
      if (!acquired) {
        core.listener.leaseDenied(tenant, flowName, core.node);
        log.debug("lease of {} held by another node; run skipped", flowName);
        return report(RunReport.Status.LEASE_UNAVAILABLE, "lease held by another node");
      }
      lastRenewal = now();
      core.listener.leaseAcquired(tenant, flowName, core.node);
      long period = Math.max(1, core.leaseTtl.toMillis() / 3);
      Map<String, String> runMdc = MDC.getCopyOfContextMap();
      ScheduledFuture<?> renewal =
          core.leaseKeeper.scheduleAtFixedRate(
              () -> {
                // the lease keeper's thread logs with this run's MDC
                MDC.setContextMap(runMdc);
                try {
                  renew();
                } finally {
                  MDC.clear();
                }
              },
              period,
              period,
              TimeUnit.MILLISECONDS);
      RunReport.Status status = RunReport.Status.COMPLETED;
      String error = null;
      try {
        core.listener.runStarted(info);
        log.debug("run started");
        if (!dryRun) {
          recovery.snapshotPending();
          recovery.resolvePending();
          recovery.processRetries();
        }
        switch (flow.kind()) {
          case POLL -> new PollInput<>(this).run();
          case WEBHOOK -> new WebhookInput<>(this).run();
          case FILE -> new FileInput<>(this).run();
          default -> throw new IllegalStateException("unknown flow kind " + flow.kind());
        }
      } catch (StopRun stop) {
        status = stop.status;
        error = stop.getMessage();
        log.info("run stopped: {}", error, stop.getCause());
      } catch (RuntimeException e) {
        status = RunReport.Status.FAILED;
        error = writes.describe(e);
        log.warn("run failed; checkpoint stays at the last durable page", e);
      } finally {
        renewal.cancel(false);
      }
      if (!leaseLost) {
        core.listener.leaseReleased(tenant, flowName, core.node);
        try {
          store.releaseLease(tenant, flowName, core.node);
        } catch (RuntimeException e) {
          log.warn("could not release the lease; it lapses on its own", e);
        }
      }
      return finished(report(status, error));
    } finally {
      if (previousMdc == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(previousMdc);
      }
    }
  }

  private RunReport finished(RunReport report) {
    log.debug("run finished: {}", report);
    core.listener.runFinished(report);
    return report;
  }

  RunReport report(RunReport.Status status, String error) {
    return new RunReport(
        info,
        status,
        counters.read.get(),
        counters.written.get(),
        counters.skipped.get(),
        counters.deferred.get(),
        counters.failed.get(),
        counters.parked.get(),
        List.copyOf(planned),
        error);
  }

  void renew() {
    if (leaseLost) {
      return;
    }
    try {
      if (store.tryAcquireLease(tenant, flow.name(), core.node, core.leaseTtl)) {
        lastRenewal = now();
      } else {
        markLeaseLost();
      }
    } catch (RuntimeException e) {
      log.warn("lease renewal failed", e);
      if (Duration.between(lastRenewal, now()).compareTo(core.leaseTtl) >= 0) {
        markLeaseLost();
      }
    } catch (Error e) {
      markLeaseLost();
      throw e;
    }
  }

  void markLeaseLost() {
    if (!leaseLost) {
      leaseLost = true;
      log.warn("lease of {} lost; stopping the run", flow.name());
      core.listener.leaseLost(tenant, flow.name(), core.node);
    }
  }

  void checkContinue() {
    if (leaseLost) {
      throw new StopRun(RunReport.Status.LEASE_LOST, "lease of " + flow.name() + " lost", null);
    }
    if (core.stopping() || Thread.currentThread().isInterrupted()) {
      throw new StopRun(RunReport.Status.STOPPED, "engine stopping", null);
    }
  }

  /** Renews the lease synchronously before a checkpoint, so a node that lost it never moves it. */
  void ensureLease() {
    checkContinue();
    if (!store.tryAcquireLease(tenant, flow.name(), core.node, core.leaseTtl)) {
      markLeaseLost();
      checkContinue();
    }
    lastRenewal = now();
  }

  Instant now() {
    return core.clock.instant();
  }

  // ------------------------------------------------------------------ parallel processing

  /**
   * Runs {@code action} on every item, items of one key one after another in list order, at most
   * {@code flow.parallelism()} keys at once. Returns when every item is done; throws StopRun when
   * the run must stop before that, or the first error an item threw.
   */
  <X> void parallel(List<X> items, Function<X, String> keyOf, Consumer<X> action) {
    if (items.isEmpty()) {
      return;
    }
    Map<String, List<X>> groups = new LinkedHashMap<>();
    for (X item : items) {
      groups.computeIfAbsent(keyOf.apply(item), k -> new ArrayList<>()).add(item);
    }
    Semaphore permits = new Semaphore(flow.parallelism());
    AtomicBoolean halted = new AtomicBoolean();
    AtomicInteger completed = new AtomicInteger();
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (List<X> group : groups.values()) {
        if (halted.get() || leaseLost || core.stopping()) {
          break;
        }
        permits.acquire();
        futures.add(
            core.workers.submit(
                () -> {
                  if (mdc != null) {
                    MDC.setContextMap(mdc);
                  }
                  try {
                    for (X item : group) {
                      if (halted.get() || leaseLost || core.stopping()) {
                        return;
                      }
                      action.accept(item);
                    }
                    completed.incrementAndGet();
                  } catch (RuntimeException | Error e) {
                    halted.set(true);
                    throw e;
                  } finally {
                    MDC.clear();
                    permits.release();
                  }
                }));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      halted.set(true);
    }
    Throwable first = null;
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (ExecutionException e) {
        if (first == null) {
          first = e.getCause();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        halted.set(true);
      }
    }
    if (first instanceof RuntimeException re) {
      throw re;
    }
    if (first instanceof Error err) {
      throw err;
    }
    if (completed.get() < groups.size()) {
      checkContinue();
      throw new StopRun(RunReport.Status.STOPPED, "interrupted", null);
    }
  }

  static final class Counters {
    final AtomicInteger read = new AtomicInteger();
    final AtomicInteger written = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();
    final AtomicInteger deferred = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger parked = new AtomicInteger();
  }
}
