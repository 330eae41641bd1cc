package io.mlconnector.core.state;

/** The state store could not read or write (database down, schema migration failed). */
public class StateStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StateStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
