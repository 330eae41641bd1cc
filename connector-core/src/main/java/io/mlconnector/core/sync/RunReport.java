package io.mlconnector.core.sync;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one run did.
 *
 * @param run the run
 * @param status how it ended
 * @param read records read (pages, retries, inbox events, file documents)
 * @param written records written (created, updated or adopted)
 * @param skipped records skipped (already done, in flight, duplicate, ignored)
 * @param deferred records deferred until a dependency is synced
 * @param failed records that failed transiently and wait in the retry queue
 * @param parked records parked as dead letters
 * @param planned in dry-run mode, the writes that would have been made; else empty
 * @param error why the run stopped early, or null
 */
public record RunReport(
    RunInfo run,
    Status status,
    int read,
    int written,
    int skipped,
    int deferred,
    int failed,
    int parked,
    List<PlannedWrite> planned,
    @Nullable String error) {

  /**
   * Copies {@code planned}.
   *
   * @param run the run
   * @param status how it ended
   * @param read records read (pages, retries, inbox events, file documents)
   * @param written records written (created, updated or adopted)
   * @param skipped records skipped (already done, in flight, duplicate, ignored)
   * @param deferred records deferred until a dependency is synced
   * @param failed records that failed transiently and wait in the retry queue
   * @param parked records parked as dead letters
   * @param planned in dry-run mode, the writes that would have been made; else empty
   * @param error why the run stopped early, or null
   */
  public RunReport {
    planned = List.copyOf(planned);
  }

  /** How a run ended. */
  public enum Status {
    /** Everything available was read and every record reached a durable state. */
    COMPLETED,
    /** Another node holds the (tenant, flow) lease; nothing was done. */
    LEASE_UNAVAILABLE,
    /** The lease was lost mid-run; the run stopped without moving its checkpoint further. */
    LEASE_LOST,
    /** The engine is shutting down; in-flight records finished, the rest was left for later. */
    STOPPED,
    /** The source or the store failed; the checkpoint stayed at the last durable page. */
    FAILED
  }
}
