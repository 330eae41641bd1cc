package io.mlconnector.core.sync.internal;

import static io.mlconnector.core.sync.internal.FlowRun.RECORDS_STREAM;

import io.mlconnector.core.sync.ChangeDetection;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.core.sync.WebhookSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a scheduled run looks at before it takes its lease, reading only: whether the store holds
 * work for the flow (an open intent, a due retry, a claimable inbox event) and whether the source
 * has anything new (a poll flow's first page after the cursor; a webhook flow's shared events read,
 * which needs no lease, see {@link EventsBackstop}). A run that finds nothing ends there and writes
 * nothing: no lease, no cursor, no commit. A run that finds work takes its lease and starts over
 * from the store under it, so every decision it acts on is made under the lease, as before. That
 * includes a poll flow's first page: it is read again under the lease, not taken from the look, for
 * a page read without the lease can be older than what another node wrote from a newer read before
 * it stopped without moving the cursor (writing the older page then would put a stale version
 * last). One more remote read per run that has work buys that.
 *
 * <p>Only scheduled runs of poll flows and of webhook flows whose source lists events of any type
 * look first; a host's {@code runOnce}, a dry run and file flows take the lease at once.
 */
final class IdleProbe {
  private static final Logger log = LoggerFactory.getLogger(FlowRun.class);

  private IdleProbe() {}

  /** Whether {@code run} looks before it takes its lease. */
  static boolean applies(FlowRun<?, ?> run) {
    if (!run.scheduled || run.dryRun || run.depth != 0) {
      return false;
    }
    return switch (run.flow.kind()) {
      case POLL -> true;
      case WEBHOOK -> run.tf.source() instanceof WebhookSource<?> ws && ws.listsEventsOfAnyType();
      default -> false;
    };
  }

  /**
   * Looks for work; true when the run has nothing to do.
   * What the store throws here is left to the run under its lease to meet again.
   */
  static <S, T> boolean idle(FlowRun<S, T> run) {
    run.checkContinue();
    if (run.flow.kind() == Flow.Kind.WEBHOOK) {
      WebhookSource<?> source = (WebhookSource<?>) run.tf.source();
      try {
        // the tenant's shared events read: stores what is new in the inbox, needs no lease
        run.core.backstop(run.tenant, source.system()).read(run, source);
      } catch (StopRun stop) {
        throw stop;
      } catch (RuntimeException e) {
        log.debug("events read before the lease failed; the run reads again under it", e);
        return false;
      }
      return !waiting(run, EngineCore.inboxOf(source.system(), run.flow.name()));
    }
    if (waiting(run, null)) {
      return false;
    }
    PollSource<S> source = (PollSource<S>) run.tf.source();
    ChangeDetection detection = source.changeDetection();
    String cursor;
    try {
      cursor = run.store.cursor(run.tenant, run.flow.name(), RECORDS_STREAM).orElse(null);
    } catch (RuntimeException e) {
      return false;
    }
    PollInput<S, T> input = new PollInput<>(run);
    SourcePage<S> page;
    try {
      page = source.read(input.request(PollInput.after(cursor), true, detection));
    } catch (RuntimeException e) {
      // the run reads again under its lease and reports what it meets there
      return false;
    }
    String checkpoint = PollInput.checkpointAfter(page, detection);
    boolean nothingNew =
        page.records().isEmpty()
            && page.unreadable().isEmpty()
            && !page.hasMore()
            && (checkpoint == null || checkpoint.equals(cursor));
    return nothingNew;
  }

  private static boolean waiting(FlowRun<?, ?> run, @Nullable String inbox) {
    try {
      return run.store.hasWaitingWork(run.tenant, run.flow.name(), inbox, run.now());
    } catch (RuntimeException e) {
      return true;
    }
  }
}
