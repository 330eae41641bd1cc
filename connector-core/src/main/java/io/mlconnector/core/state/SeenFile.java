package io.mlconnector.core.state;

import java.time.Instant;

/**
 * A file a file flow has taken in, recorded by content hash.
 *
 * @param tenant the tenant
 * @param flow the flow
 * @param contentHash the hash of the file's bytes (hex SHA-256)
 * @param name the remote file name when it was read
 * @param status where it stands
 * @param recordedAt when it was first recorded
 */
public record SeenFile(
    String tenant, String flow, String contentHash, String name, Status status, Instant recordedAt) {

  /** Processing state of a file. */
  public enum Status {
    /** Being read; some documents may not be done yet. */
    PROCESSING,
    /** Every document is DONE or parked, and the file was archived. */
    ARCHIVED
  }
}
