package io.mlconnector.core.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * A file as a {@link FileSource} lists it.
 *
 * @param name the file name (unique in the listing)
 * @param size the size in bytes
 * @param modifiedAt the remote modification time
 * @param readyMarker true when the remote says the file is complete (a {@code .done} marker file,
 *     say): it is then taken at once, without the two-look stability check
 */
public record RemoteFile(String name, long size, Instant modifiedAt, boolean readyMarker) {
  /**
   * Checks that the name is not blank, the time is set and the size is not negative.
   *
   * @param name the file name (unique in the listing)
   * @param size the size in bytes
   * @param modifiedAt the remote modification time
   * @param readyMarker true when the remote says the file is complete (a {@code .done} marker file,
   *     say): it is then taken at once, without the two-look stability check
   */
  public RemoteFile {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    Objects.requireNonNull(modifiedAt, "modifiedAt");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative, was " + size);
    }
  }
}
