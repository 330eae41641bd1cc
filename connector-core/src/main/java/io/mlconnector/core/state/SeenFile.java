package io.mlconnector.core.state;

import io.mlconnector.core.state.internal.Checks;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A file a file flow has taken in, recorded by content hash, with where it stands in the file state
 * machine ({@link Status}): CLAIMED, then PARSED, then POSTED, PARTIAL or PARKED.
 *
 * @param tenant the tenant
 * @param flow the flow
 * @param contentHash the hash of the file's bytes (hex SHA-256)
 * @param name the remote file name when it was read
 * @param status where it stands
 * @param recordedAt when it was first recorded
 * @param claimant the node that holds (or last held) the file's claim; null when none ever did
 * @param leaseUntil when that claim expires and another node may take the file over; null when none
 * @param posted how many of its documents were posted (or found already posted), once final
 * @param parked how many of its rows or documents were parked, once final
 * @param reason why the file was PARKED (not readable), or null
 */
public record SeenFile(
    String tenant,
    String flow,
    String contentHash,
    String name,
    Status status,
    Instant recordedAt,
    @Nullable String claimant,
    @Nullable Instant leaseUntil,
    int posted,
    int parked,
    @Nullable String reason) {

  /**
   * Checks the fields: tenant, flow and content hash must not be null or blank; name, status and
   * recorded time must not be null; counts must not be negative.
   *
   * @param tenant the tenant
   * @param flow the flow
   * @param contentHash the hash of the file's bytes (hex SHA-256)
   * @param name the remote file name when it was read
   * @param status where it stands
   * @param recordedAt when it was first recorded
   * @param claimant the node that holds (or last held) the file's claim; null when none ever did
   * @param leaseUntil when that claim expires and another node may take the file over; null when
   *     none
   * @param posted how many of its documents were posted (or found already posted), once final
   * @param parked how many of its rows or documents were parked, once final
   * @param reason why the file was PARKED (not readable), or null
   */
  public SeenFile {
    Checks.text(tenant, "file.tenant");
    Checks.text(flow, "file.flow");
    Checks.text(contentHash, "file.contentHash");
    Checks.notNull(name, "file.name");
    Checks.notNull(status, "file.status");
    Checks.notNull(recordedAt, "file.recordedAt");
    if (posted < 0 || parked < 0) {
      throw new IllegalArgumentException(
          "file.posted and file.parked must not be negative, were " + posted + " and " + parked);
    }
  }

  /**
   * A file without a claim, counts or reason (as {@link
   *     io.mlconnector.core.state.spi.StateStoreSpi#recordFile} records it).
   *
   * @param tenant the tenant
   * @param flow the flow
   * @param contentHash the hash of the file's bytes (hex SHA-256)
   * @param name the remote file name when it was read
   * @param status where it stands
   * @param recordedAt when it was first recorded
   */
  public SeenFile(
      String tenant, String flow, String contentHash, String name, Status status, Instant recordedAt) {
    this(tenant, flow, contentHash, name, status, recordedAt, null, null, 0, 0, null);
  }

  /**
   * Where a file stands. A file is CLAIMED by one node (unique per tenant, flow and content hash),
   * PARSED once the whole file was read as well-formed, then POSTED (every document done), PARTIAL
   * (some documents or rows parked, the rest done) or PARKED (the file itself could not be read;
   * nothing of it was posted). The last three are final: a file with the same content seen again is
   * archived (POSTED, PARTIAL) or left alone (PARKED) without posting anything.
   *
   * <p>Stores written by versions before this state machine hold PROCESSING (read as CLAIMED) and
   * ARCHIVED (read as POSTED).
   */
  public enum Status {
    /** Claimed by a node that is reading it; its claim has a lease. */
    CLAIMED,
    /** Read to the end as well-formed; its documents are being posted. */
    PARSED,
    /** Every document is done. */
    POSTED,
    /** Some rows or documents were parked, the rest is done. */
    PARTIAL,
    /** The file could not be read (not well-formed once it was stable); see the reason. */
    PARKED;

    /**
     * Whether nothing moves this status any further.
     *
     * @return true for POSTED, PARTIAL and PARKED
     */
    public boolean isFinal() {
      return this == POSTED || this == PARTIAL || this == PARKED;
    }

    /**
     * The statuses this one may move to; empty for a final one.
     *
     * @return the statuses this one may move to
     */
    public Set<Status> next() {
      return switch (this) {
        case CLAIMED -> EnumSet.of(PARSED, PARKED);
        case PARSED -> EnumSet.of(POSTED, PARTIAL, PARKED);
        case POSTED, PARTIAL, PARKED -> EnumSet.noneOf(Status.class);
      };
    }

    /**
     * Checks that a file may move from this status to {@code next}.
     *
     * @param next the status to move to
     * @param contentHash the file's content hash, named in the message
     * @throws IllegalStateException naming both statuses when it may not
     */
    public void checkMove(Status next, String contentHash) {
      if (!next().contains(next)) {
        throw new IllegalStateException(
            "file "
                + contentHash
                + " cannot move from "
                + this
                + " to "
                + next
                + (isFinal() ? " (" + this + " is final)" : "; allowed: " + next()));
      }
    }
  }
}
