package io.mlconnector.core.state;

import io.mlconnector.core.state.internal.Checks;
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

  /**
   * Checks the fields: tenant, flow and content hash must not be null or blank; name, status and
   * recorded time must not be null.
   */
  public SeenFile {
    Checks.text(tenant, "file.tenant");
    Checks.text(flow, "file.flow");
    Checks.text(contentHash, "file.contentHash");
    Checks.notNull(name, "file.name");
    Checks.notNull(status, "file.status");
    Checks.notNull(recordedAt, "file.recordedAt");
  }

  /** Processing state of a file. */
  public enum Status {
    /** Being read; some documents may not be done yet. */
    PROCESSING,
    /** Every document is DONE or parked, and the file was archived. */
    ARCHIVED
  }
}
