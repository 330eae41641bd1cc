package io.mlconnector.syspro;

/** The three methods of a Setup business object ({@code /Setup/Add|Update|Delete}). */
public enum SetupMethod {
  /** Creates records; an existing key is an item error. */
  ADD("Add"),
  /** Changes records; a missing key is an item error. */
  UPDATE("Update"),
  /** Deletes records by key. */
  DELETE("Delete");

  private final String path;

  SetupMethod(String path) {
    this.path = path;
  }

  /**
   * The REST path segment ({@code Add}).
   *
   * @return the segment, as the REST service spells it
   */
  public String path() {
    return path;
  }
}
