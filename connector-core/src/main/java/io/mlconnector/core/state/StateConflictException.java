package io.mlconnector.core.state;

/**
 * A state change was refused because it would break an invariant: a target already mapped to
 * another source, an operation completed that is not PENDING. Nothing was changed.
 */
public class StateConflictException extends StateStoreException {
  private static final long serialVersionUID = 1L;

  /**
   * A conflict that left the store unchanged.
   *
   * @param message which promise the call would have broken; never a secret
   */
  public StateConflictException(String message) {
    super(message, null);
  }
}
