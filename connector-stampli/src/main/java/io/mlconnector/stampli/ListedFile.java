package io.mlconnector.stampli;

import java.time.Instant;
import java.util.Objects;

/**
 * A file in the outbound folder that may be taken.
 *
 * @param name the file name
 * @param path the full remote path
 * @param entity what it carries, by its name's route
 * @param size the size in bytes
 * @param modifiedAt the remote modification time (whole seconds on SFTP v3)
 * @param readyMarker true when its done marker exists (done-marker mode only)
 */
public record ListedFile(String name, String path, Entity entity, long size, Instant modifiedAt, boolean readyMarker) {
  /**
   * Checks that the parts are present.
   *
   * @param name the file name
   * @param path the full remote path
   * @param entity what it carries
   * @param size the size in bytes
   * @param modifiedAt the remote modification time
   * @param readyMarker true when its done marker exists
   */
  public ListedFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(modifiedAt, "modifiedAt");
  }
}
