package io.mlconnector.core.sync.internal;

import static io.mlconnector.core.sync.internal.FlowRun.RECORDS_STREAM;

import io.mlconnector.core.sync.ChangeDetection;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.core.sync.WebhookSource;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a scheduled run looks at before it takes its lease, reading only: whether the store holds
 * work for the flow (an open intent, a due retry, a claimable inbox event) and whether the source
 * has anything new (a poll flow's first page after the cursor; a webhook flow's shared events read,
 * which needs no lease, see {@link EventsBackstop}). A run that finds nothing ends there and writes
 * nothing: no lease, no cursor, no commit. A run that finds work takes its lease and starts over
 * from the store under it, so every decision it acts on is made under the lease, as before; only a
 * poll flow's first page is used again, and only when the cursor it was read after is still the
 * stored one (cursors of timestamp and key detection only move forward, so an equal cursor means no
 * other node wrote a page from it meanwhile).
 *
 * <p>Only scheduled runs of poll flows and of webhook flows whose source lists events of any type
 * look first; a host's {@code runOnce}, a dry run and file flows take the lease at once.
 */
final class IdleProbe {
  private static final Logger log = LoggerFactory.getLogger(FlowRun.class);

  private IdleProbe() {}

  /**
   * A poll flow's first page, read before the run took its lease, or what reading it threw, and
   * the stored cursor it was read after.
   */
  record FirstPage<S>(
      @Nullable String cursor, @Nullable SourcePage<S> read, @Nullable RuntimeException error) {
    /** Whether the page is still the run's first page: the cursor did not move since. */
    boolean stillValid(@Nullable String cursorNow, ChangeDetection detection) {
      return detection != ChangeDetection.FULL_SCAN && Objects.equals(cursor, cursorNow);
    }

    /** The page, or what reading it threw, thrown again. */
    SourcePage<S> page() {
      if (error != null) {
        throw error;
      }
      return Objects.requireNonNull(read);
    }
  }

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
   * Looks for work; true when the run has nothing to do. For a poll flow with nothing waiting in
   * the store, the first page it read is left in {@link FlowRun#probedPage} for the run to use.
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
      // reported by the run under its lease, as if it had read the page there
      run.probedPage = new FirstPage<>(cursor, null, e);
      return false;
    }
    String checkpoint = PollInput.checkpointAfter(page, detection);
    boolean nothingNew =
        page.records().isEmpty()
            && page.unreadable().isEmpty()
            && !page.hasMore()
            && (checkpoint == null || checkpoint.equals(cursor));
    if (!nothingNew) {
      run.probedPage = new FirstPage<>(cursor, page, null);
    }
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
