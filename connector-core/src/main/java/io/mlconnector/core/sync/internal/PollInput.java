package io.mlconnector.core.sync.internal;

import static io.mlconnector.core.sync.internal.FlowRun.RECORDS_STREAM;

import io.mlconnector.core.sync.ChangeDetection;
import io.mlconnector.core.sync.Checkpoint;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.core.sync.UnreadableRecord;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The input of a poll flow: pages read after the cursor (one read ahead), each written, then checkpointed. */
final class PollInput<S, T> implements RunInput {
  private static final Logger log = LoggerFactory.getLogger(FlowRun.class);

  private final FlowRun<S, T> run;

  PollInput(FlowRun<S, T> run) {
    this.run = run;
  }

  @Override
  public void run() {
    poll();
  }


  void poll() {
    PollSource<S> source = (PollSource<S>) run.tf.source();
    ChangeDetection detection = source.changeDetection();
    String cursor = run.store.cursor(run.tenant, run.flow.name(), RECORDS_STREAM).orElse(null);
    Checkpoint after = after(cursor);
    boolean first = true;
    Checkpoint resumedFrom =
        detection == ChangeDetection.MODIFIED_TIMESTAMP && !run.flow.overlap().isZero() ? after : null;
    Future<SourcePage<S>> ahead = null;
    try {
      while (true) {
        run.checkContinue();
        SourcePage<S> page;
        if (ahead != null) {
          page = awaitPage(ahead);
          ahead = null;
        } else {
          page = source.read(request(after, first, detection));
        }
        if (run.flow.readAhead() && page.hasMore() && page.next() != null) {
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

  /** The checkpoint a run resumes after, from the stored cursor text (null or empty: none). */
  static @Nullable Checkpoint after(@Nullable String cursor) {
    return cursor == null || cursor.isEmpty() ? null : Checkpoint.decode(cursor);
  }

  /** The request of a page: the first one of a run reads the overlap window too. */
  PollRequest request(@Nullable Checkpoint after, boolean first, ChangeDetection detection) {
    Duration overlap =
        first && after != null && detection == ChangeDetection.MODIFIED_TIMESTAMP
            ? run.flow.overlap()
            : Duration.ZERO;
    return new PollRequest(after, overlap, run.flow.pageSize());
  }

  /**
   * The checkpoint {@link #pollPage} saves after {@code page} (which it then writes only when the
   * page is not behind the cursor the run resumed from), or null when it saves none.
   */
  static @Nullable String checkpointAfter(SourcePage<?> page, ChangeDetection detection) {
    String checkpoint = page.next() == null ? null : page.next().encode();
    if (detection == ChangeDetection.FULL_SCAN && !page.hasMore()) {
      checkpoint = "";
    }
    return checkpoint;
  }

  /**
   * Writes one page and moves the checkpoint past it; returns whether the page was still behind the
   * checkpoint the run resumed from (an overlap window), which never moves back.
   */
  boolean pollPage(
      PollSource<S> source, ChangeDetection detection, SourcePage<S> page, Checkpoint resumedFrom) {
    // pages of the overlap window end before the saved checkpoint: never move it back
    boolean behind =
        resumedFrom != null
            && page.next() != null
            && source.compare(page.next(), resumedFrom) < 0;
    for (UnreadableRecord bad : page.unreadable()) {
      if (!run.tenant.equals(bad.ref().tenant())) {
        throw new IllegalStateException(
            "source of flow " + run.flow.name() + " for tenant " + run.tenant + " returned " + bad.ref()
                + " of another tenant");
      }
      run.writes.parkUnreadable(bad.ref(), bad.reason(), 1, false);
    }
    run.parallel(
        page.records(), record -> run.flow.identity().ref(record).key(),
        record -> run.writes.process(record, null, null));
    if (!run.dryRun) {
      String checkpoint = checkpointAfter(page, detection);
      if (checkpoint != null && !behind) {
        run.ensureLease();
        run.store.saveCursor(run.tenant, run.flow.name(), RECORDS_STREAM, checkpoint);
        run.core.listener.cursorAdvanced(run.info, RECORDS_STREAM, checkpoint);
      }
    }
    return behind;
  }

  Future<SourcePage<S>> readAhead(PollSource<S> source, Checkpoint after) {
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    return run.core.workers.submit(
        () -> {
          if (mdc != null) {
            MDC.setContextMap(mdc);
          }
          try {
            return source.read(new PollRequest(after, Duration.ZERO, run.flow.pageSize()));
          } finally {
            MDC.clear();
          }
        });
  }

  /** The page read ahead, or what reading it threw, as if it had been read here. */
  SourcePage<S> awaitPage(Future<SourcePage<S>> ahead) {
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
      run.checkContinue();
      throw new StopRun(RunReport.Status.STOPPED, "interrupted", null);
    }
  }

}
