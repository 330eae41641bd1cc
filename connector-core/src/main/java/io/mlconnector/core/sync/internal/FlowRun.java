package io.mlconnector.core.sync.internal;

import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.error.VersionMismatchException;
import io.mlconnector.core.mapping.MappingDeferredException;
import io.mlconnector.core.mapping.MappingRefusedException;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.state.Claim;
import io.mlconnector.core.state.Completion;
import io.mlconnector.core.state.Failure;
import io.mlconnector.core.state.InboxEvent;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.state.Operation;
import io.mlconnector.core.state.OperationIntent;
import io.mlconnector.core.state.OperationStatus;
import io.mlconnector.core.state.RetryItem;
import io.mlconnector.core.state.SeenFile;
import io.mlconnector.core.state.StateConflictException;
import io.mlconnector.core.state.spi.StateStoreSpi;
import io.mlconnector.core.state.StateStoreException;
import io.mlconnector.core.sync.ChangeDetection;
import io.mlconnector.core.sync.Checkpoint;
import io.mlconnector.core.sync.EventPage;
import io.mlconnector.core.sync.FileRow;
import io.mlconnector.core.sync.FileSource;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.PlannedWrite;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.RemoteFile;
import io.mlconnector.core.sync.RunInfo;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.core.sync.WebhookEvent;
import io.mlconnector.core.sync.WebhookSource;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One run of one flow for one tenant: lease, recovery of open intents, the retry queue, then the
 * flow's input (pages, inbox events or files), every record through the exactly-once write path.
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

  private record Doc(String naturalKey, String fileHash) {}

  private final EngineCore core;
  private final StateStoreSpi store;
  private final TenantFlow<S, T> tf;
  private final Flow<S, T> flow;
  private final String tenant;
  private final RunInfo info;
  private final boolean dryRun;
  private final int depth;
  private final Counters counters;
  private final List<PlannedWrite> planned;
  private final Set<String> pendingSources = ConcurrentHashMap.newKeySet();
  private volatile boolean leaseLost;
  private volatile Instant lastRenewal;

  FlowRun(EngineCore core, TenantFlow<S, T> tf, FlowRun<?, ?> parent) {
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
  }

  // ------------------------------------------------------------------ run lifecycle

  RunReport execute() {
    String flowName = flow.name();
    Map<String, String> previousMdc = MDC.getCopyOfContextMap();
    MDC.put("tenant", tenant);
    MDC.put("flow", flowName);
    MDC.put("run", info.runId());
    try {
      boolean acquired;
      try {
        acquired = store.tryAcquireLease(tenant, flowName, core.node, core.leaseTtl);
      } catch (RuntimeException e) {
        log.warn("could not acquire the lease of {}", flowName, e);
        return report(RunReport.Status.FAILED, "lease: " + describe(e));
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
          snapshotPending();
          resolvePending();
          processRetries();
        }
        switch (flow.kind()) {
          case POLL -> poll();
          case WEBHOOK -> webhook();
          case FILE -> files();
          default -> throw new IllegalStateException("unknown flow kind " + flow.kind());
        }
      } catch (StopRun stop) {
        status = stop.status;
        error = stop.getMessage();
        log.info("run stopped: {}", error, stop.getCause());
      } catch (RuntimeException e) {
        status = RunReport.Status.FAILED;
        error = describe(e);
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
      RunReport report = report(status, error);
      log.debug("run finished: {}", report);
      core.listener.runFinished(report);
      return report;
    } finally {
      if (previousMdc == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(previousMdc);
      }
    }
  }

  private RunReport report(RunReport.Status status, String error) {
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

  private void renew() {
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

  private void markLeaseLost() {
    if (!leaseLost) {
      leaseLost = true;
      log.warn("lease of {} lost; stopping the run", flow.name());
      core.listener.leaseLost(tenant, flow.name(), core.node);
    }
  }

  private void checkContinue() {
    if (leaseLost) {
      throw new StopRun(RunReport.Status.LEASE_LOST, "lease of " + flow.name() + " lost", null);
    }
    if (core.stopping() || Thread.currentThread().isInterrupted()) {
      throw new StopRun(RunReport.Status.STOPPED, "engine stopping", null);
    }
  }

  /** Renews the lease synchronously before a checkpoint, so a node that lost it never moves it. */
  private void ensureLease() {
    checkContinue();
    if (!store.tryAcquireLease(tenant, flow.name(), core.node, core.leaseTtl)) {
      markLeaseLost();
      checkContinue();
    }
    lastRenewal = now();
  }

  private Instant now() {
    return core.clock.instant();
  }

  // ------------------------------------------------------------------ parallel processing

  /**
   * Runs {@code action} on every item, items of one key one after another in list order, at most
   * {@code flow.parallelism()} keys at once. Returns when every item is done; throws StopRun when
   * the run must stop before that, or the first error an item threw.
   */
  private <X> void parallel(List<X> items, Function<X, String> keyOf, Consumer<X> action) {
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

  // ------------------------------------------------------------------ recovery and retries

  private void snapshotPending() {
    for (Operation op :
        store.pendingOperations(tenant, flow.name(), now().plus(Duration.ofDays(3650)), 10_000)) {
      pendingSources.add(op.source().key());
    }
  }

  /** Resolves PENDING intents older than the grace period through the sink's find-by-stamp. */
  private void resolvePending() {
    Instant cutoff = now().minus(core.pendingGrace);
    Set<String> seen = new HashSet<>();
    while (true) {
      checkContinue();
      List<Operation> ops =
          store.pendingOperations(tenant, flow.name(), cutoff, 100).stream()
              .filter(op -> !seen.contains(op.key()))
              .toList();
      if (ops.isEmpty()) {
        return;
      }
      for (Operation op : ops) {
        seen.add(op.key());
        withRecord(op.source(), () -> resolvePendingOne(op));
      }
    }
  }

  private void resolvePendingOne(Operation op) {
    Sink<T> sink = tf.sink();
    ExternalRef source = op.source();
    WriteContext context =
        new WriteContext(tenant, flow.name(), op.key(), source, op.sourceVersion());
    Optional<WriteResult> found;
    try {
      found = sink.findByStamp(source, context);
    } catch (StateStoreException | StopRun e) {
      throw e;
    } catch (RuntimeException e) {
      log.warn("could not resolve open intent {} yet", op.key(), e);
      return;
    }
    boolean sameOperation = found.isPresent() && op.key().equals(found.get().operationKey());
    boolean createLanded =
        found.isPresent() && "create".equals(op.action()) && found.get().operationKey() == null;
    if (sameOperation || createLanded) {
      WriteResult result = found.get();
      try {
        store.complete(
            new Completion(
                tenant,
                op.key(),
                new Mapping(source, result.target(), result.attributes()),
                audit(source, result.target(), "adopt", AuditEntry.Outcome.SUCCEEDED, null, null)));
      } catch (StateConflictException e) {
        failPark(op, source, "adopt", "found " + result.target() + " but could not adopt it: "
            + e.getMessage());
        return;
      }
      counters.written.incrementAndGet();
      core.listener.recordWritten(info, source, result.target(), "adopt");
      return;
    }
    if (found.isPresent() && store.mappingBySource(source, sink.system()).isEmpty()) {
      WriteResult result = found.get();
      try {
        store.saveMapping(new Mapping(source, result.target(), result.attributes()));
      } catch (StateConflictException e) {
        failPark(op, source, op.action(), "found " + result.target() + " but could not map it: "
            + e.getMessage());
        return;
      }
    }
    String reason =
        found.isPresent()
            ? "interrupted write; target exists from an earlier version, updating it"
            : "interrupted write did not land; writing again";
    Instant at = now();
    store.fail(
        new Failure(
            tenant,
            op.key(),
            OperationStatus.FAILED,
            reason,
            at,
            null,
            audit(source, null, op.action(), AuditEntry.Outcome.FAILED, reason, null)));
    counters.failed.incrementAndGet();
    core.listener.recordFailed(info, source, new IllegalStateException(reason), at);
  }

  /**
   * Takes the retry items that were due before this run started: an item that fails again during
   * the run waits for its backoff and a later run.
   */
  private void processRetries() {
    Set<String> processed = new HashSet<>();
    Instant dueBefore = now().minusNanos(1);
    while (true) {
      checkContinue();
      List<RetryItem> items =
          store.claimDueRetries(
              tenant, flow.name(), dueBefore, core.node, core.claimTtl, flow.pageSize());
      if (items.isEmpty()) {
        return;
      }
      boolean repeat = false;
      for (RetryItem item : items) {
        repeat |= !processed.add(item.source().key());
      }
      Set<Long> started = ConcurrentHashMap.newKeySet();
      try {
        parallel(
            items,
            item -> item.source().key(),
            item -> {
              started.add(item.id());
              processRetry(item);
            });
      } catch (RuntimeException e) {
        releaseRetries(items, started);
        throw e;
      }
      if (repeat) {
        return;
      }
    }
  }

  /**
   * Gives back the claims of retry items this run never started (it is stopping): scheduling an
   * item again as it was clears its claim, so another run or node takes it at once instead of
   * after the claim lapses.
   */
  private void releaseRetries(List<RetryItem> claimed, Set<Long> started) {
    for (RetryItem item : claimed) {
      if (started.contains(item.id())) {
        continue;
      }
      try {
        store.scheduleRetry(item);
      } catch (RuntimeException e) {
        log.warn("could not release retry item {}; its claim lapses on its own", item.id(), e);
      }
    }
  }

  private void processRetry(RetryItem item) {
    withRecord(
        item.source(),
        () -> {
          Optional<S> current;
          try {
            current = tf.source().fetch(item.source());
          } catch (StateStoreException | StopRun e) {
            throw e;
          } catch (RuntimeException e) {
            if (e instanceof AuthenticationException) {
              throw new StopRun(RunReport.Status.FAILED, "source authentication failed", e);
            }
            int attempts = item.attempts() + 1;
            Instant at = now().plus(Backoff.delay(flow.retryPolicy(), attempts, e, core.random));
            store.scheduleRetry(
                new RetryItem(0, tenant, flow.name(), item.source(), item.operationKey(),
                    item.payload(), attempts, at, describe(e), false));
            counters.failed.incrementAndGet();
            core.listener.recordFailed(info, item.source(), e, at);
            return;
          }
          if (current.isEmpty()) {
            store.removeRetry(tenant, item.id());
            store.audit(
                audit(item.source(), null, "retry", AuditEntry.Outcome.SKIPPED,
                    "source record no longer exists", null));
            counters.skipped.incrementAndGet();
            core.listener.recordSkipped(info, item.source(), "source record no longer exists");
            return;
          }
          Result result = process(current.get(), item, null);
          if (result == Result.SKIPPED) {
            store.removeRetry(tenant, item.id());
          }
        });
  }

  // ------------------------------------------------------------------ poll flows

  private void poll() {
    PollSource<S> source = (PollSource<S>) tf.source();
    ChangeDetection detection = source.changeDetection();
    Checkpoint after =
        store.cursor(tenant, flow.name(), RECORDS_STREAM)
            .filter(text -> !text.isEmpty())
            .map(Checkpoint::decode)
            .orElse(null);
    boolean first = true;
    Checkpoint resumedFrom =
        detection == ChangeDetection.MODIFIED_TIMESTAMP && !flow.overlap().isZero() ? after : null;
    Future<SourcePage<S>> ahead = null;
    try {
      while (true) {
        checkContinue();
        SourcePage<S> page;
        if (ahead != null) {
          page = awaitPage(ahead);
          ahead = null;
        } else {
          Duration overlap =
              first && after != null && detection == ChangeDetection.MODIFIED_TIMESTAMP
                  ? flow.overlap()
                  : Duration.ZERO;
          page = source.read(new PollRequest(after, overlap, flow.pageSize()));
        }
        if (flow.readAhead() && page.hasMore() && page.next() != null) {
          // the next page is read while this one is written; its checkpoint still moves only
          // after this page is done
          ahead = readAhead(source, page.next());
        }
        if (!pollPage(source, detection, page, resumedFrom)) {
          resumedFrom = null;
        }
        first = false;
        if (page.next() != null) {
          after = page.next();
        }
        if (!page.hasMore()) {
          return;
        }
      }
    } finally {
      if (ahead != null) {
        ahead.cancel(true);
      }
    }
  }

  /**
   * Writes one page and moves the checkpoint past it; returns whether the page was still behind the
   * checkpoint the run resumed from (an overlap window), which never moves back.
   */
  private boolean pollPage(
      PollSource<S> source, ChangeDetection detection, SourcePage<S> page, Checkpoint resumedFrom) {
    // pages of the overlap window end before the saved checkpoint: never move it back
    boolean behind =
        resumedFrom != null
            && page.next() != null
            && source.compare(page.next(), resumedFrom) < 0;
    parallel(
        page.records(), record -> flow.identity().ref(record).key(),
        record -> process(record, null, null));
    if (!dryRun) {
      String checkpoint = page.next() == null ? null : page.next().encode();
      if (detection == ChangeDetection.FULL_SCAN && !page.hasMore()) {
        checkpoint = "";
      }
      if (checkpoint != null && !behind) {
        ensureLease();
        store.saveCursor(tenant, flow.name(), RECORDS_STREAM, checkpoint);
        core.listener.cursorAdvanced(info, RECORDS_STREAM, checkpoint);
      }
    }
    return behind;
  }

  private Future<SourcePage<S>> readAhead(PollSource<S> source, Checkpoint after) {
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    return core.workers.submit(
        () -> {
          if (mdc != null) {
            MDC.setContextMap(mdc);
          }
          try {
            return source.read(new PollRequest(after, Duration.ZERO, flow.pageSize()));
          } finally {
            MDC.clear();
          }
        });
  }

  /** The page read ahead, or what reading it threw, as if it had been read here. */
  private SourcePage<S> awaitPage(Future<SourcePage<S>> ahead) {
    try {
      return ahead.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("reading the next page failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      checkContinue();
      throw new StopRun(RunReport.Status.STOPPED, "interrupted", null);
    }
  }

  // ------------------------------------------------------------------ webhook flows

  private void webhook() {
    WebhookSource<S> source = (WebhookSource<S>) tf.source();
    if (!dryRun) {
      backstop(source);
    }
    Set<String> handled = source.eventTypes();
    if (!dryRun && handled != null && !handled.isEmpty()) {
      // events of types this flow never acts on: dropped in one step, not claimed one by one
      int ignored =
          store.ignoreInbox(
              tenant,
              EngineCore.inboxOf(source.system(), flow.name()),
              handled,
              "event type not handled by flow " + flow.name());
      if (ignored > 0) {
        counters.skipped.addAndGet(ignored);
        log.debug("{} waiting events of types flow {} does not handle marked IGNORED", ignored, flow.name());
      }
    }
    Set<Long> seen = new HashSet<>();
    while (true) {
      checkContinue();
      List<InboxEvent> claimed =
          store.claimInbox(
              tenant,
              EngineCore.inboxOf(source.system(), flow.name()),
              core.node,
              core.claimTtl,
              flow.pageSize());
      List<InboxEvent> events = new ArrayList<>();
      for (InboxEvent event : claimed) {
        if (seen.add(event.id())) {
          events.add(event);
        } else {
          // given back earlier in this run (a transient fetch failure): leave it to a later run
          store.releaseInbox(tenant, event.id(), core.node);
        }
      }
      if (events.isEmpty()) {
        return;
      }
      processEvents(source, events);
      if (dryRun) {
        return;
      }
    }
  }

  private void backstop(WebhookSource<S> source) {
    String cursor = store.cursor(tenant, flow.name(), EVENTS_STREAM).orElse(null);
    while (true) {
      checkContinue();
      EventPage page = source.eventsSince(cursor);
      for (WebhookEvent event : page.events()) {
        boolean fresh =
            store.receive(
                InboxEvent.received(
                    tenant,
                    EngineCore.inboxOf(source.system(), flow.name()),
                    event.eventId(),
                    event.type(),
                    event.payload(),
                    now()));
        if (fresh) {
          core.listener.webhookReceived(tenant, flow.name(), event.eventId(), false);
        }
      }
      if (page.nextCursor() != null && !page.nextCursor().equals(cursor)) {
        ensureLease();
        store.saveCursor(tenant, flow.name(), EVENTS_STREAM, page.nextCursor());
        core.listener.cursorAdvanced(info, EVENTS_STREAM, page.nextCursor());
        cursor = page.nextCursor();
      }
      if (!page.hasMore()) {
        return;
      }
    }
  }

  private void processEvents(WebhookSource<S> source, List<InboxEvent> events) {
    Set<Long> open = ConcurrentHashMap.newKeySet();
    Map<String, ExternalRef> refs = new HashMap<>();
    Map<String, List<InboxEvent>> byObject = new LinkedHashMap<>();
    Map<String, List<Long>> ignoredByType = new LinkedHashMap<>();
    for (InboxEvent event : events) {
      open.add(event.id());
      Optional<ExternalRef> object;
      try {
        object = source.objectOf(new WebhookEvent(event.eventId(), event.type(), event.payload()));
      } catch (IllegalArgumentException e) {
        parkEvent(source, open, event, "malformed event: " + e.getMessage());
        continue;
      }
      if (object.isEmpty()) {
        ignoredByType.computeIfAbsent(event.type(), t -> new ArrayList<>()).add(event.id());
        counters.skipped.incrementAndGet();
        continue;
      }
      ExternalRef ref = object.get();
      if (!tenant.equals(ref.tenant())) {
        parkEvent(source, open, event, "event names an object of another tenant");
        continue;
      }
      refs.put(ref.key(), ref);
      byObject.computeIfAbsent(ref.key(), k -> new ArrayList<>()).add(event);
    }
    // the events this flow does not act on: one store step per type, before any fetch
    for (Map.Entry<String, List<Long>> ignored : ignoredByType.entrySet()) {
      if (!dryRun) {
        store.finishInbox(tenant, ignored.getValue(), InboxEvent.Status.IGNORED,
            "event type " + ignored.getKey() + " is not handled by flow " + flow.name());
        open.removeAll(ignored.getValue());
      }
    }
    try {
      parallel(
          new ArrayList<>(byObject.keySet()),
          key -> key,
          key -> processObject(source, open, refs.get(key), byObject.get(key)));
    } catch (RuntimeException e) {
      releaseOpen(open);
      throw e;
    }
    if (dryRun) {
      releaseOpen(open);
    }
  }

  private void processObject(
      WebhookSource<S> source, Set<Long> open, ExternalRef ref, List<InboxEvent> events) {
    withRecord(
        ref,
        () -> {
          Optional<S> current;
          try {
            current = source.fetch(ref);
          } catch (StateStoreException | StopRun e) {
            throw e;
          } catch (AuthenticationException e) {
            throw new StopRun(RunReport.Status.FAILED, "source authentication failed", e);
          } catch (RuntimeException e) {
            boolean retryable = e instanceof TransientException || !(e instanceof ConnectorException c && c.isRemote());
            for (InboxEvent event : events) {
              if (retryable && event.attempts() < flow.retryPolicy().maxAttempts()) {
                store.releaseInbox(tenant, event.id(), core.node);
                open.remove(event.id());
              } else {
                finish(open, event, InboxEvent.Status.PARKED, "fetch failed: " + describe(e));
              }
            }
            counters.failed.incrementAndGet();
            core.listener.recordFailed(info, ref, e, now());
            return;
          }
          if (current.isEmpty()) {
            for (InboxEvent event : events) {
              finish(open, event, InboxEvent.Status.IGNORED, "object no longer exists");
            }
            counters.skipped.incrementAndGet();
            core.listener.recordSkipped(info, ref, "object no longer exists");
            return;
          }
          Result result = process(current.get(), null, null);
          if (dryRun) {
            return;
          }
          for (InboxEvent event : events) {
            if (result == Result.PARKED) {
              finish(open, event, InboxEvent.Status.PARKED, "record parked; see dead letters");
            } else {
              finish(open, event, InboxEvent.Status.PROCESSED, result.name().toLowerCase());
            }
          }
        });
  }

  /**
   * Parks an event that cannot be processed at all (malformed beyond parsing, or naming another
   * tenant's object) like any other parked record: a PARKED operation with its audit entry and a
   * dead letter, under a ref naming the event, then the inbox row.
   */
  private void parkEvent(WebhookSource<S> source, Set<Long> open, InboxEvent event, String reason) {
    ExternalRef ref = ExternalRef.of(source.system(), tenant, "event", event.eventId());
    log.warn("webhook event {} ({}) parked: {}", event.eventId(), event.type(), reason);
    withRecord(ref, () -> park(ref, "event", Hashing.operationKey(tenant, flow.name(), ref, "event"), reason));
    finish(open, event, InboxEvent.Status.PARKED, reason);
  }

  private void finish(Set<Long> open, InboxEvent event, InboxEvent.Status status, String note) {
    if (dryRun) {
      return;
    }
    store.finishInbox(tenant, event.id(), status, note);
    open.remove(event.id());
  }

  private void releaseOpen(Set<Long> open) {
    for (Long id : open) {
      try {
        store.releaseInbox(tenant, id, core.node);
      } catch (RuntimeException e) {
        log.warn("could not release inbox event {}; its claim lapses on its own", id, e);
      }
    }
    open.clear();
  }

  // ------------------------------------------------------------------ file flows

  private void files() {
    FileSource<S> source = (FileSource<S>) tf.source();
    List<RemoteFile> files;
    try {
      files = new ArrayList<>(source.list());
    } catch (IOException e) {
      throw new UncheckedIOException("listing files failed", e);
    }
    files.sort(Comparator.comparing(RemoteFile::name));
    for (RemoteFile file : files) {
      checkContinue();
      if (!core.stable(tenant, flow.name(), file)) {
        log.debug("file {} not stable yet", file.name());
        continue;
      }
      try {
        processFile(source, file);
      } catch (IOException e) {
        throw new UncheckedIOException("reading file " + file.name() + " failed", e);
      }
    }
  }

  private void processFile(FileSource<S> source, RemoteFile file) throws IOException {
    String hash = Hashing.digest(source.open(file));
    Optional<SeenFile> seen = store.file(tenant, flow.name(), hash);
    if (seen.isPresent() && seen.get().status() == SeenFile.Status.ARCHIVED) {
      log.info("file {} has the content of {} already processed; archiving it", file.name(),
          seen.get().name());
      if (!dryRun) {
        source.archive(file);
        core.forgetLook(tenant, flow.name(), file.name());
        core.listener.fileArchived(info, file.name());
      }
      return;
    }
    if (seen.isEmpty() && !dryRun) {
      store.recordFile(
          new SeenFile(tenant, flow.name(), hash, file.name(), SeenFile.Status.PROCESSING, now()));
    }
    AtomicBoolean allFinal = new AtomicBoolean(true);
    try (InputStream in = source.open(file);
        Stream<FileRow<S>> rows = source.parse(file, in)) {
      Iterator<FileRow<S>> it = rows.iterator();
      List<S> chunk = new ArrayList<>();
      while (true) {
        boolean more;
        try {
          more = it.hasNext();
          if (more) {
            FileRow<S> row = it.next();
            if (row.document() != null) {
              chunk.add(row.document());
            } else {
              parkRow(file, hash, "file " + file.name() + " line " + row.line() + ": " + row.error());
            }
          }
        } catch (RuntimeException e) {
          if (e instanceof StopRun || e instanceof StateStoreException) {
            throw e;
          }
          allFinal.set(false);
          String reason = "file " + file.name() + " cannot be read on: " + describe(e);
          log.warn(reason);
          if (!dryRun) {
            store.audit(audit(null, null, "parse-file", AuditEntry.Outcome.FAILED, reason, hash));
          }
          more = false;
        }
        if (chunk.size() >= flow.pageSize() || (!more && !chunk.isEmpty())) {
          List<S> batch = List.copyOf(chunk);
          chunk.clear();
          parallel(
              batch,
              doc -> flow.identity().ref(doc).key(),
              doc -> {
                Result result = process(doc, null, new Doc(source.naturalKey(doc), hash));
                if (!isFinal(doc, result)) {
                  allFinal.set(false);
                }
              });
        }
        if (!more) {
          break;
        }
      }
    }
    if (allFinal.get() && !dryRun) {
      source.archive(file);
      core.forgetLook(tenant, flow.name(), file.name());
      store.updateFile(tenant, flow.name(), hash, SeenFile.Status.ARCHIVED);
      core.listener.fileArchived(info, file.name());
    }
  }

  private void parkRow(RemoteFile file, String hash, String reason) {
    log.warn("malformed row parked: {}", reason);
    counters.parked.incrementAndGet();
    if (!dryRun) {
      store.audit(audit(null, null, "parse-row", AuditEntry.Outcome.PARKED, reason, hash));
    }
  }

  private boolean isFinal(S doc, Result result) {
    if (result == Result.WRITTEN || result == Result.PARKED) {
      return true;
    }
    if (result != Result.SKIPPED) {
      return false;
    }
    ExternalRef ref = flow.identity().ref(doc);
    String key = Hashing.operationKey(tenant, flow.name(), ref, flow.identity().version(doc));
    return store.operation(tenant, key)
        .map(op -> op.status() == OperationStatus.DONE || op.status() == OperationStatus.PARKED)
        .orElse(false);
  }

  // ------------------------------------------------------------------ the write path

  /** Takes one record through the exactly-once write path. */
  Result process(S record, RetryItem retry, Doc doc) {
    ExternalRef ref = flow.identity().ref(record);
    String version = flow.identity().version(record);
    if (ref == null || version == null) {
      throw new IllegalStateException(
          "identity of flow " + flow.name() + " returned a null ref or version for " + record);
    }
    if (!tenant.equals(ref.tenant())) {
      throw new IllegalStateException(
          "source of flow " + flow.name() + " for tenant " + tenant + " returned " + ref
              + " of another tenant");
    }
    Result[] outcome = new Result[1];
    withRecord(ref, () -> outcome[0] = processRecord(record, ref, version, retry, doc));
    return outcome[0];
  }

  private Result processRecord(
      S record, ExternalRef ref, String version, RetryItem retry, Doc doc) {
    counters.read.incrementAndGet();
    core.listener.recordRead(info, ref, version);
    String key = Hashing.operationKey(tenant, flow.name(), ref, version);
    Optional<Operation> existing = store.operation(tenant, key);
    if (existing.isPresent()) {
      Operation op = existing.get();
      switch (op.status()) {
        case DONE:
          return skip(ref, "already done");
        case PARKED:
          return skip(ref, "parked: " + op.lastError());
        case PENDING:
          return skip(ref, "in flight; an open intent is resolved by recovery");
        case FAILED:
          if (retry == null) {
            // re-read by an overlap or a later event: the retry queue owns it, with its backoff
            return skip(ref, "waiting in the retry queue");
          }
          break;
        default:
          break;
      }
    }
    T mapped;
    try {
      mapped = map(record, ref);
    } catch (MappingDeferredException deferred) {
      return defer(ref, version, key, deferred, retry);
    } catch (MappingRefusedException refused) {
      return park(ref, version, key, "mapping refused: " + refused.getMessage());
    } catch (StopRun | StateStoreException e) {
      throw e;
    } catch (RuntimeException e) {
      return park(ref, version, key, "mapper failed: " + describe(e));
    }
    core.listener.recordMapped(info, ref, mapped);
    Sink<T> sink = tf.sink();
    Optional<Mapping> mapping = store.mappingBySource(ref, sink.system());
    String action = mapping.isPresent() ? "update" : "create";
    if (dryRun) {
      PlannedWrite write =
          new PlannedWrite(ref, version, action, mapping.map(Mapping::target).orElse(null), mapped);
      planned.add(write);
      core.listener.wouldWrite(info, write);
      return Result.PLANNED;
    }
    Claim claim = store.begin(new OperationIntent(key, tenant, flow.name(), ref, version, action));
    if (!claim.won()) {
      return skip(ref, "operation is " + claim.operation().status());
    }
    Operation op = claim.operation();
    if (doc != null
        && op.attempts() == 1
        && !store.claimDocument(tenant, flow.name(), doc.naturalKey(), doc.fileHash())) {
      return failPark(op, ref, action, "document " + doc.naturalKey()
          + " was already taken from another file with other content");
    }
    boolean uncertain =
        op.attempts() > 1
            || pendingSources.contains(ref.key())
            || (mapping.isEmpty() && hasHistory(ref));
    return write(op, ref, version, mapped, mapping, uncertain);
  }

  private AuditEntry.Outcome lastOutcome(ExternalRef ref) {
    List<AuditEntry> last =
        store.audit(AuditQuery.all(tenant).withSource(ref).withLimit(1)).items();
    return last.isEmpty() ? null : last.get(0).outcome();
  }

  private boolean hasHistory(ExternalRef ref) {
    return !store.audit(AuditQuery.all(tenant).withSource(ref).withLimit(1)).items().isEmpty();
  }

  private T map(S record, ExternalRef ref) {
    MappingContextImpl context =
        new MappingContextImpl(
            store, core.referenceTables, tenant, flow.name(), tf.sink().system(), ref, dryRun);
    try {
      return Objects.requireNonNull(tf.mapper().map(record, context), "mapper returned null");
    } catch (MappingDeferredException deferred) {
      if (flow.dependencyPolicy() != io.mlconnector.core.sync.DependencyPolicy.SYNC_ON_DEMAND
          || dryRun
          || depth >= 3) {
        throw deferred;
      }
      Optional<Flow<?, ?>> other = core.flowHandling(deferred.dependency());
      if (other.isEmpty() || !syncOnDemand(other.get(), deferred.dependency())) {
        throw deferred;
      }
      return Objects.requireNonNull(tf.mapper().map(record, context), "mapper returned null");
    }
  }

  private <X, Y> boolean syncOnDemand(Flow<X, Y> other, ExternalRef dependency) {
    FlowRun<X, Y> child = new FlowRun<>(core, core.tenantFlow(tenant, other), this);
    Optional<X> record = child.tf.source().fetch(dependency);
    if (record.isEmpty()) {
      return false;
    }
    Result result = child.process(record.get(), null, null);
    log.debug("dependency {} synced on demand: {}", dependency, result);
    return result == Result.WRITTEN || result == Result.SKIPPED;
  }

  private Result write(
      Operation op,
      ExternalRef ref,
      String version,
      T mapped,
      Optional<Mapping> mapping,
      boolean uncertain) {
    Sink<T> sink = tf.sink();
    WriteContext context = new WriteContext(tenant, flow.name(), op.key(), ref, version);
    WriteResult result;
    String action;
    try {
      if (mapping.isPresent()) {
        result = merge(mapping.get().attributes(),
            sink.update(mapping.get().target(), mapped, context));
        action = "update";
      } else {
        Optional<WriteResult> found =
            uncertain ? sink.findByStamp(ref, context) : Optional.empty();
        if (found.isPresent() && op.key().equals(found.get().operationKey())) {
          result = found.get();
          action = "adopt";
        } else if (found.isPresent()) {
          result = merge(found.get().attributes(),
              sink.update(found.get().target(), mapped, context));
          action = "adopt+update";
        } else {
          result = sink.create(mapped, context);
          action = "create";
        }
      }
    } catch (StateStoreException | StopRun e) {
      throw e;
    } catch (RuntimeException e) {
      return failed(op, ref, e);
    }
    Objects.requireNonNull(result, "sink returned a null result");
    try {
      store.complete(
          new Completion(
              tenant,
              op.key(),
              new Mapping(ref, result.target(), result.attributes()),
              audit(ref, result.target(), action, AuditEntry.Outcome.SUCCEEDED, null,
                  Hashing.digest(String.valueOf(mapped)))));
    } catch (StateConflictException e) {
      return failPark(op, ref, action, "wrote " + result.target() + " but could not record it: "
          + e.getMessage());
    }
    counters.written.incrementAndGet();
    core.listener.recordWritten(info, ref, result.target(), action);
    return Result.WRITTEN;
  }

  private static WriteResult merge(Map<String, String> before, WriteResult after) {
    if (before.isEmpty()) {
      return after;
    }
    Map<String, String> attributes = new HashMap<>(before);
    attributes.putAll(after.attributes());
    return new WriteResult(after.target(), attributes, after.operationKey());
  }

  private Result failed(Operation op, ExternalRef ref, RuntimeException error) {
    boolean retryable =
        error instanceof TransientException
            || error instanceof VersionMismatchException
            || error instanceof UncheckedIOException
            || error instanceof AuthenticationException
            || !(error instanceof ConnectorException c && c.isRemote());
    int attempts = op.attempts();
    if (retryable && attempts < flow.retryPolicy().maxAttempts()) {
      Instant at = now().plus(Backoff.delay(flow.retryPolicy(), attempts, error, core.random));
      String reason = describe(error);
      store.fail(
          new Failure(
              tenant,
              op.key(),
              OperationStatus.FAILED,
              reason,
              at,
              null,
              audit(ref, null, op.action(), AuditEntry.Outcome.FAILED, reason, null)));
      counters.failed.incrementAndGet();
      core.listener.recordFailed(info, ref, error, at);
      if (error instanceof AuthenticationException) {
        throw new StopRun(RunReport.Status.FAILED, "target authentication failed", error);
      }
      return Result.FAILED;
    }
    String reason =
        retryable
            ? "gave up after " + attempts + " attempts: " + describe(error)
            : describe(error);
    return failPark(op, ref, op.action(), reason);
  }

  private Result failPark(Operation op, ExternalRef ref, String action, String reason) {
    store.fail(
        new Failure(
            tenant,
            op.key(),
            OperationStatus.PARKED,
            reason,
            null,
            null,
            audit(ref, null, action, AuditEntry.Outcome.PARKED, reason, null)));
    counters.parked.incrementAndGet();
    core.listener.recordParked(info, ref, reason);
    return Result.PARKED;
  }

  private Result park(ExternalRef ref, String version, String key, String reason) {
    if (dryRun) {
      counters.parked.incrementAndGet();
      core.listener.recordParked(info, ref, reason);
      return Result.PARKED;
    }
    Claim claim = store.begin(new OperationIntent(key, tenant, flow.name(), ref, version, "map"));
    if (!claim.won()) {
      return skip(ref, "operation is " + claim.operation().status());
    }
    return failPark(claim.operation(), ref, "map", reason);
  }

  private Result defer(
      ExternalRef ref, String version, String key, MappingDeferredException deferred,
      RetryItem retry) {
    if (retry == null && !dryRun && lastOutcome(ref) == AuditEntry.Outcome.DEFERRED) {
      // re-read while its deferral waits in the retry queue: keep that item and its attempts
      return skip(ref, "waiting in the retry queue for " + deferred.dependency());
    }
    int attempts = retry == null ? 1 : retry.attempts() + 1;
    if (attempts > flow.retryPolicy().maxAttempts()) {
      return park(ref, version, key, "dependency " + deferred.dependency()
          + " still not synced after " + (attempts - 1) + " attempts: " + deferred.getMessage());
    }
    Instant at = now().plus(Backoff.delay(flow.retryPolicy(), attempts, deferred, core.random));
    if (!dryRun) {
      store.scheduleRetry(
          new RetryItem(0, tenant, flow.name(), ref, null, null, attempts, at,
              deferred.getMessage(), false));
      store.audit(audit(ref, null, "map", AuditEntry.Outcome.DEFERRED, deferred.getMessage(), null));
    }
    counters.deferred.incrementAndGet();
    core.listener.recordDeferred(info, ref, deferred.dependency(), deferred.getMessage(), at);
    return Result.DEFERRED;
  }

  private Result skip(ExternalRef ref, String reason) {
    counters.skipped.incrementAndGet();
    core.listener.recordSkipped(info, ref, reason);
    return Result.SKIPPED;
  }

  private AuditEntry audit(
      ExternalRef source,
      ExternalRef target,
      String action,
      AuditEntry.Outcome outcome,
      String error,
      String digest) {
    return new AuditEntry(
        0, tenant, flow.name(), info.runId(), source, target, action, outcome, error, digest,
        now());
  }

  private void withRecord(ExternalRef ref, Runnable body) {
    String previous = MDC.get("record");
    MDC.put("record", ref.key());
    try {
      body.run();
    } finally {
      if (previous == null) {
        MDC.remove("record");
      } else {
        MDC.put("record", previous);
      }
    }
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static final class Counters {
    final AtomicInteger read = new AtomicInteger();
    final AtomicInteger written = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();
    final AtomicInteger deferred = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger parked = new AtomicInteger();
  }
}
