package io.mlconnector.stampli;

import java.util.List;

/**
 * One look at the outbound folder.
 *
 * @param files the routed files that may be taken, by name
 * @param refused files refused with a reason (path traversal, symlink out of the folder, too large)
 * @param ignored names skipped on purpose (temp and dot files, unrouted names, markers)
 */
public record Listing(List<ListedFile> files, List<Refusal> refused, List<String> ignored) {
  /**
   * Copies the lists.
   *
   * @param files the routed files that may be taken
   * @param refused files refused with a reason
   * @param ignored names skipped on purpose
   */
  public Listing {
    files = List.copyOf(files);
    refused = List.copyOf(refused);
    ignored = List.copyOf(ignored);
  }

  /**
   * The files of one entity.
   *
   * @param entity what the files carry
   * @return the files routed to {@code entity}, in listing order; empty when there are none
   */
  public List<ListedFile> of(Entity entity) {
    return files.stream().filter(f -> f.entity() == entity).toList();
  }

  /**
   * A file that will not be taken, and why.
   *
   * @param name the name as the server listed it
   * @param reason why it is refused
   */
  public record Refusal(String name, String reason) {}
}
