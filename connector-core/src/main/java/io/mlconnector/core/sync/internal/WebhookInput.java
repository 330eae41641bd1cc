package io.mlconnector.core.sync.internal;

import static io.mlconnector.core.sync.internal.FlowRun.EVENTS_STREAM;

import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.InboxEvent;
import io.mlconnector.core.state.spi.StateStoreSpi;
import io.mlconnector.core.state.StateStoreException;
import io.mlconnector.core.sync.EventPage;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.RunInfo;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.core.sync.WebhookEvent;
import io.mlconnector.core.sync.WebhookSource;
import io.mlconnector.core.sync.internal.FlowRun.Result;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The input of a webhook flow: the events backstop, then the inbox claimed in pages, each event re-fetched and written. */
final class WebhookInput<S, T> implements RunInput {
  private static final Logger log = LoggerFactory.getLogger(FlowRun.class);

  private final FlowRun<S, T> run;
  private final EngineCore core;
  private final StateStoreSpi store;
  private final TenantFlow<S, T> tf;
  private final Flow<S, T> flow;
  private final String tenant;
  private final RunInfo info;
  private final boolean dryRun;
  private final FlowRun.Counters counters;

  WebhookInput(FlowRun<S, T> run) {
    this.run = run;
    this.core = run.core;
    this.store = run.store;
    this.tf = run.tf;
    this.flow = run.flow;
    this.tenant = run.tenant;
    this.info = run.info;
    this.dryRun = run.dryRun;
    this.counters = run.counters;
  }

  @Override
  public void run() {
    webhook();
  }


  void webhook() {
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
      run.checkContinue();
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

  void backstop(WebhookSource<S> source) {
    String cursor = store.cursor(tenant, flow.name(), EVENTS_STREAM).orElse(null);
    while (true) {
      run.checkContinue();
      EventPage page = source.eventsSince(cursor);
      Set<String> handled = source.eventTypes();
      List<InboxEvent> rows = new ArrayList<>(page.events().size());
      for (WebhookEvent event : page.events()) {
        if (!handled.isEmpty() && !handled.contains(event.type())) {
          continue; // a type this flow never acts on: not stored (as the webhook intake routes it)
        }
        rows.add(
            InboxEvent.received(
                tenant,
                EngineCore.inboxOf(source.system(), flow.name()),
                event.eventId(),
                event.type(),
                event.payload(),
                run.now()));
      }
      // the page's events in one commit
      List<Boolean> fresh = rows.isEmpty() ? List.of() : store.receiveAll(rows);
      for (int i = 0; i < rows.size(); i++) {
        if (fresh.get(i)) {
          core.listener.webhookReceived(tenant, flow.name(), rows.get(i).eventId(), false);
        }
      }
      if (page.nextCursor() != null && !page.nextCursor().equals(cursor)) {
        run.ensureLease();
        store.saveCursor(tenant, flow.name(), EVENTS_STREAM, page.nextCursor());
        core.listener.cursorAdvanced(info, EVENTS_STREAM, page.nextCursor());
        cursor = page.nextCursor();
      }
      if (!page.hasMore()) {
        return;
      }
    }
  }

  void processEvents(WebhookSource<S> source, List<InboxEvent> events) {
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
      run.parallel(
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

  void processObject(
      WebhookSource<S> source, Set<Long> open, ExternalRef ref, List<InboxEvent> events) {
    run.writes.withRecord(
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
                finish(open, event, InboxEvent.Status.PARKED, "fetch failed: " + run.writes.describe(e));
              }
            }
            counters.failed.incrementAndGet();
            core.listener.recordFailed(info, ref, e, run.now());
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
          Result result = run.writes.process(current.get(), null, null);
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
  void parkEvent(WebhookSource<S> source, Set<Long> open, InboxEvent event, String reason) {
    ExternalRef ref = ExternalRef.of(source.system(), tenant, "event", event.eventId());
    log.warn("webhook event {} ({}) parked: {}", event.eventId(), event.type(), reason);
    run.writes.withRecord(ref, () -> run.writes.park(ref, "event", Hashing.operationKey(tenant, flow.name(), ref, "event"), reason));
    finish(open, event, InboxEvent.Status.PARKED, reason);
  }

  void finish(Set<Long> open, InboxEvent event, InboxEvent.Status status, String note) {
    if (dryRun) {
      return;
    }
    store.finishInbox(tenant, event.id(), status, note);
    open.remove(event.id());
  }

  void releaseOpen(Set<Long> open) {
    for (Long id : open) {
      try {
        store.releaseInbox(tenant, id, core.node);
      } catch (RuntimeException e) {
        log.warn("could not release inbox event {}; its claim lapses on its own", id, e);
      }
    }
    open.clear();
  }

}
