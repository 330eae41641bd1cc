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

  /**
   * A run started (after its lease was acquired).
   *
   * @param run the tenant, flow and run id of the run
   */
  default void runStarted(RunInfo run) {}

  /**
   * A run ended.
   *
   * @param report the run's counts and outcome
   */
  default void runFinished(RunReport report) {}

  /**
   * This node acquired the (tenant, flow) lease.
   *
   * @param tenant the tenant
   * @param flow the flow name
   * @param node the node id of this engine
   */
  default void leaseAcquired(String tenant, String flow, String node) {}

  /**
   * Another node holds the (tenant, flow) lease; the run is skipped.
   *
   * @param tenant the tenant
   * @param flow the flow name
   * @param node the node id of this engine
   */
  default void leaseDenied(String tenant, String flow, String node) {}

  /**
   * A renewal failed: another node took the lease; the run stops.
   *
   * @param tenant the tenant
   * @param flow the flow name
   * @param node the node id of this engine
   */
  default void leaseLost(String tenant, String flow, String node) {}

  /**
   * This node is about to release the lease.
   *
   * @param tenant the tenant
   * @param flow the flow name
   * @param node the node id of this engine
   */
  default void leaseReleased(String tenant, String flow, String node) {}

  /**
   * A source record was read (from a page, a retry, an inbox event or a file).
   *
   * @param run the tenant, flow and run id
   * @param source the source record's ref
   * @param version the version read
   */
  default void recordRead(RunInfo run, ExternalRef source, String version) {}

  /**
   * A record was mapped.
   *
   * @param run the tenant, flow and run id
   * @param source the source record's ref
   * @param mapped the record the mapper returned
   */
  default void recordMapped(RunInfo run, ExternalRef source, Object mapped) {}

  /**
   * A record waits for {@code dependency} and is retried at {@code retryAt}.
   *
   * @param run the tenant, flow and run id
   * @param source the source record's ref
   * @param dependency the record that must be synced first
   * @param reason why, as the mapper said
   * @param retryAt when the record is tried again
   */
  default void recordDeferred(
      RunInfo run, ExternalRef source, ExternalRef dependency, String reason, Instant retryAt) {}

  /**
   * A record landed: {@code action} is create, update, adopt or adopt+update.
   *
   * @param run the tenant, flow and run id
   * @param source the source record's ref
   * @param target the target record's ref
   * @param action what the sink did
   */
  default void recordWritten(RunInfo run, ExternalRef source, ExternalRef target, String action) {}

  /**
   * A record was skipped (already done, in flight, duplicate document, ignored event).
   *
   * @param run the tenant, flow and run id
   * @param source the source record's ref
   * @param reason why it was skipped
   */
  default void recordSkipped(RunInfo run, ExternalRef source, String reason) {}

  /**
   * A record failed transiently and is retried at {@code retryAt}.
   *
   * @param run the tenant, flow and run id
   * @param source the source record's ref
   * @param error the failure
   * @param retryAt when the record is tried again
   */
  default void recordFailed(RunInfo run, ExternalRef source, RuntimeException error, Instant retryAt) {}

  /**
   * A record was parked as a dead letter.
   *
   * @param run the tenant, flow and run id
   * @param source the source record's ref
   * @param reason why it was parked
   */
  default void recordParked(RunInfo run, ExternalRef source, String reason) {}

  /**
   * A dry run would have made this write.
   *
   * @param run the tenant, flow and run id
   * @param write the write that was not made
   */
  default void wouldWrite(RunInfo run, PlannedWrite write) {}

  /**
   * A checkpoint was saved after a durable page.
   *
   * @param run the tenant, flow and run id
   * @param stream the source stream the checkpoint belongs to
   * @param checkpoint the saved checkpoint text
   */
  default void cursorAdvanced(RunInfo run, String stream, String checkpoint) {}

  /**
   * A webhook event was stored ({@code duplicate}: it was already).
   *
   * @param tenant the tenant
   * @param flow the flow the event feeds
   * @param eventId the sender's event id
   * @param duplicate true when the event was stored before
   */
  default void webhookReceived(String tenant, String flow, String eventId, boolean duplicate) {}

  /**
   * A webhook request was refused with a 4xx.
   *
   * @param tenant the tenant
   * @param flow the flow the request was for
   * @param status the 4xx status answered
   * @param reason why, without secrets
   */
  default void webhookRejected(String tenant, String flow, int status, String reason) {}

  /**
   * A file was archived after all its documents were done or parked.
   *
   * @param run the tenant, flow and run id
   * @param fileName the archived file's name
   */
  default void fileArchived(RunInfo run, String fileName) {}
}
