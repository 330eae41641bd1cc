package io.mlconnector.core.sync;

import io.mlconnector.core.model.ExternalRef;
import java.time.Instant;

/**
 * Hooks for every step of the engine, all no-ops by default: extend it to count, time or trace.
 * Hooks run on the engine's threads with the MDC set; keep them fast. A hook that throws a
 * RuntimeException is logged and ignored.
 */
public interface SyncListener {

  /** A listener that does nothing. */
  SyncListener NONE = new SyncListener() {};

  /** A run started (after its lease was acquired). */
  default void runStarted(RunInfo run) {}

  /** A run ended. */
  default void runFinished(RunReport report) {}

  /** This node acquired the (tenant, flow) lease. */
  default void leaseAcquired(String tenant, String flow, String node) {}

  /** Another node holds the (tenant, flow) lease; the run is skipped. */
  default void leaseDenied(String tenant, String flow, String node) {}

  /** A renewal failed: another node took the lease; the run stops. */
  default void leaseLost(String tenant, String flow, String node) {}

  /** This node is about to release the lease. */
  default void leaseReleased(String tenant, String flow, String node) {}

  /** A source record was read (from a page, a retry, an inbox event or a file). */
  default void recordRead(RunInfo run, ExternalRef source, String version) {}

  /** A record was mapped. */
  default void recordMapped(RunInfo run, ExternalRef source, Object mapped) {}

  /** A record waits for {@code dependency} and is retried at {@code retryAt}. */
  default void recordDeferred(
      RunInfo run, ExternalRef source, ExternalRef dependency, String reason, Instant retryAt) {}

  /** A record landed: {@code action} is create, update, adopt or adopt+update. */
  default void recordWritten(RunInfo run, ExternalRef source, ExternalRef target, String action) {}

  /** A record was skipped (already done, in flight, duplicate document, ignored event). */
  default void recordSkipped(RunInfo run, ExternalRef source, String reason) {}

  /** A record failed transiently and is retried at {@code retryAt}. */
  default void recordFailed(RunInfo run, ExternalRef source, RuntimeException error, Instant retryAt) {}

  /** A record was parked as a dead letter. */
  default void recordParked(RunInfo run, ExternalRef source, String reason) {}

  /** A dry run would have made this write. */
  default void wouldWrite(RunInfo run, PlannedWrite write) {}

  /** A checkpoint was saved after a durable page. */
  default void cursorAdvanced(RunInfo run, String stream, String checkpoint) {}

  /** A webhook event was stored ({@code duplicate}: it was already). */
  default void webhookReceived(String tenant, String flow, String eventId, boolean duplicate) {}

  /** A webhook request was refused with a 4xx. */
  default void webhookRejected(String tenant, String flow, int status, String reason) {}

  /** A file was archived after all its documents were done or parked. */
  default void fileArchived(RunInfo run, String fileName) {}
}
