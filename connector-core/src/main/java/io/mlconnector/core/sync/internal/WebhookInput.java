package io.mlconnector.core.sync.internal;

import static io.mlconnector.core.sync.internal.FlowRun.EVENTS_STREAM;

import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.InboxEvent;
import io.mlconnector.core.state.StateStoreException;
import io.mlconnector.core.sync.EventPage;
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

  WebhookInput(FlowRun<S, T> run) {
    this.run = run;
  }

  @Override
  public void run() {
    webhook();
  }


  void webhook() {
    WebhookSource<S> source = (WebhookSource<S>) run.tf.source();
    if (!run.dryRun) {
      if (source.listsEventsOfAnyType()) {
        // one read for all the tenant's flows fed by this system
        run.core.backstop(run.tenant, source.system()).read(run, source);
      } else {
        backstop(source);
      }
    }
    Set<String> handled = source.eventTypes();
    if (!run.dryRun && handled != null && !handled.isEmpty()) {
      // events of types this flow never acts on: dropped in one step, not claimed one by one
      int ignored =
          run.store.ignoreInbox(
              run.tenant,
              EngineCore.inboxOf(source.system(), run.flow.name()),
              handled,
              "event type not handled by flow " + run.flow.name());
      if (ignored > 0) {
        run.counters.skipped.addAndGet(ignored);
        log.debug("{} waiting events of types flow {} does not handle marked IGNORED", ignored, run.flow.name());
      }
    }
    Set<Long> seen = new HashSet<>();
    while (true) {
      run.checkContinue();
      List<InboxEvent> claimed =
          run.store.claimInbox(
              run.tenant,
              EngineCore.inboxOf(source.system(), run.flow.name()),
              run.core.node,
              run.core.claimTtl,
              run.flow.pageSize());
      List<InboxEvent> events = new ArrayList<>();
      for (InboxEvent event : claimed) {
        if (seen.add(event.id())) {
          events.add(event);
        } else {
          // given back earlier in this run (a transient fetch failure): leave it to a later run
          run.store.releaseInbox(run.tenant, event.id(), run.core.node);
        }
      }
      if (events.isEmpty()) {
        return;
      }
      processEvents(source, events);
      if (run.dryRun) {
        return;
      }
    }
  }

  void backstop(WebhookSource<S> source) {
    String cursor = run.store.cursor(run.tenant, run.flow.name(), EVENTS_STREAM).orElse(null);
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
                run.tenant,
                EngineCore.inboxOf(source.system(), run.flow.name()),
                event.eventId(),
                event.type(),
                event.payload(),
                run.now()));
      }
      // the page's events in one commit
      List<Boolean> fresh = rows.isEmpty() ? List.of() : run.store.receiveAll(rows);
      for (int i = 0; i < rows.size(); i++) {
        if (fresh.get(i)) {
          run.core.listener.webhookReceived(run.tenant, run.flow.name(), rows.get(i).eventId(), false);
        }
      }
      if (page.nextCursor() != null && !page.nextCursor().equals(cursor)) {
        run.ensureLease();
        run.store.saveCursor(run.tenant, run.flow.name(), EVENTS_STREAM, page.nextCursor());
        run.core.listener.cursorAdvanced(run.info, EVENTS_STREAM, page.nextCursor());
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
        run.counters.skipped.incrementAndGet();
        continue;
      }
      ExternalRef ref = object.get();
      if (!run.tenant.equals(ref.tenant())) {
        parkEvent(source, open, event, "event names an object of another tenant");
        continue;
      }
      refs.put(ref.key(), ref);
      byObject.computeIfAbsent(ref.key(), k -> new ArrayList<>()).add(event);
    }
    // the events this flow does not act on: one store step per type, before any fetch
    for (Map.Entry<String, List<Long>> ignored : ignoredByType.entrySet()) {
      if (!run.dryRun) {
        run.store.finishInbox(run.tenant, ignored.getValue(), InboxEvent.Status.IGNORED,
            "event type " + ignored.getKey() + " is not handled by flow " + run.flow.name());
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
    if (run.dryRun) {
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
              if (retryable && event.attempts() < run.flow.retryPolicy().maxAttempts()) {
                run.store.releaseInbox(run.tenant, event.id(), run.core.node);
                open.remove(event.id());
              } else {
                finish(open, event, InboxEvent.Status.PARKED, "fetch failed: " + run.writes.describe(e));
              }
            }
            run.counters.failed.incrementAndGet();
            run.core.listener.recordFailed(run.info, ref, e, run.now());
            return;
          }
          if (current.isEmpty()) {
            for (InboxEvent event : events) {
              finish(open, event, InboxEvent.Status.IGNORED, "object no longer exists");
            }
            run.counters.skipped.incrementAndGet();
            run.core.listener.recordSkipped(run.info, ref, "object no longer exists");
            return;
          }
          Result result = run.writes.process(current.get(), null, null);
          if (run.dryRun) {
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
    ExternalRef ref = ExternalRef.of(source.system(), run.tenant, "event", event.eventId());
    log.warn("webhook event {} ({}) parked: {}", event.eventId(), event.type(), reason);
    run.writes.withRecord(ref, () -> run.writes.park(ref, "event", Hashing.operationKey(run.tenant, run.flow.name(), ref, "event"), reason));
    finish(open, event, InboxEvent.Status.PARKED, reason);
  }

  void finish(Set<Long> open, InboxEvent event, InboxEvent.Status status, String note) {
    if (run.dryRun) {
      return;
    }
    run.store.finishInbox(run.tenant, event.id(), status, note);
    open.remove(event.id());
  }

  void releaseOpen(Set<Long> open) {
    for (Long id : open) {
      try {
        run.store.releaseInbox(run.tenant, id, run.core.node);
      } catch (RuntimeException e) {
        log.warn("could not release inbox event {}; its claim lapses on its own", id, e);
      }
    }
    open.clear();
  }

}
