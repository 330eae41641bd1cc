package io.mlconnector.core.sync.internal;

import static io.mlconnector.core.sync.internal.FlowRun.EVENTS_STREAM;

import io.mlconnector.core.state.InboxEvent;
import io.mlconnector.core.sync.EventPage;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.core.sync.WebhookEvent;
import io.mlconnector.core.sync.WebhookSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The events backstop of one tenant and one sending system, shared by the tenant's webhook flows
 * whose sources {@linkplain WebhookSource#listsEventsOfAnyType() list events of any type}: one read
 * of the union of their event types, one cursor (under the pseudo-flow {@code backstop/<system>}),
 * each event stored in the inbox of every flow that handles its type, in one commit per page. No
 * lease: storing an event is idempotent (unique per inbox and event id) and the cursor is saved only
 * after its page is stored, so two nodes reading at once can at worst move it back, and the next
 * read stores nothing twice.
 *
 * <p>A flow's run skips the read when a read that began after the run itself began has completed
 * (it saw everything the run could), and a scheduled run also when one began less than half the
 * flow's interval ago (the tenant's other flows of the same pass then read nothing: one events read
 * per tenant per pass; what arrives meanwhile is read by the next pass, and webhooks carry it first).
 */
final class EventsBackstop {
  /** The pseudo-flow the shared cursor and lease are stored under. */
  static final String FLOW_PREFIX = "backstop/";

  private final ReentrantLock lock = new ReentrantLock();
  /** System.nanoTime() when the last complete read began; Long.MIN_VALUE before the first. */
  private volatile long lastStart = Long.MIN_VALUE;
  private volatile boolean read;

  /** Reads the tenant's events for {@code run}'s flow and its siblings, unless a recent read covers it. */
  void read(FlowRun<?, ?> run, WebhookSource<?> trigger) {
    try {
      lock.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      run.checkContinue();
      throw new StopRun(RunReport.Status.STOPPED, "interrupted", null);
    }
    try {
      if (read) {
        long last = lastStart;
        if (last - run.startedNanos >= 0) {
          return; // a read that began after this run began is complete
        }
        if (run.scheduled
            && System.nanoTime() - last < run.flow.interval().toNanos() / 2) {
          return; // this pass of the tenant's flows has read its events
        }
      }
      long start = System.nanoTime();
      readAll(run, trigger);
      lastStart = start;
      read = true;
    } finally {
      lock.unlock();
    }
  }

  private void readAll(FlowRun<?, ?> run, WebhookSource<?> trigger) {
    EngineCore core = run.core;
    String tenant = run.tenant;
    String system = trigger.system();
    String pseudoFlow = FLOW_PREFIX + system;
    List<Flow<?, ?>> group = new ArrayList<>();
    Set<String> types = new HashSet<>();
    boolean everyType = false;
    for (Flow<?, ?> f : core.flows.values()) {
      if (f.kind() != Flow.Kind.WEBHOOK || f.dryRun()) {
        continue;
      }
      if (core.tenantFlow(tenant, f).source() instanceof WebhookSource<?> ws
          && system.equals(ws.system())
          && ws.listsEventsOfAnyType()) {
        group.add(f);
        if (ws.eventTypes().isEmpty()) {
          everyType = true;
        } else {
          types.addAll(ws.eventTypes());
        }
      }
    }
    Set<String> asked = everyType ? Set.of() : Set.copyOf(types);
    String cursor = run.store.cursor(tenant, pseudoFlow, EVENTS_STREAM).orElse(null);
    while (true) {
      run.checkContinue();
      EventPage page = trigger.eventsSince(cursor, asked);
      List<InboxEvent> rows = new ArrayList<>();
      List<String> flowOfRow = new ArrayList<>();
      for (WebhookEvent event : page.events()) {
        for (Flow<?, ?> f : group) {
          Set<String> handled = ((WebhookSource<?>) core.tenantFlow(tenant, f).source()).eventTypes();
          if (!handled.isEmpty() && !handled.contains(event.type())) {
            continue;
          }
          rows.add(InboxEvent.received(tenant, EngineCore.inboxOf(system, f.name()),
              event.eventId(), event.type(), event.payload(), run.now()));
          flowOfRow.add(f.name());
        }
      }
      // the page's events, for every flow, in one commit
      List<Boolean> fresh = rows.isEmpty() ? List.of() : run.store.receiveAll(rows);
      for (int i = 0; i < rows.size(); i++) {
        if (fresh.get(i)) {
          core.listener.webhookReceived(tenant, flowOfRow.get(i), rows.get(i).eventId(), false);
        }
      }
      if (page.nextCursor() != null && !page.nextCursor().equals(cursor)) {
        run.checkContinue();
        run.store.saveCursor(tenant, pseudoFlow, EVENTS_STREAM, page.nextCursor());
        core.listener.cursorAdvanced(run.info, EVENTS_STREAM, page.nextCursor());
        cursor = page.nextCursor();
      }
      if (!page.hasMore()) {
        return;
      }
    }
  }
}
