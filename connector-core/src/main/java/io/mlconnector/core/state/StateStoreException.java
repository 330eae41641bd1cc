package io.mlconnector.core.state;

import io.mlconnector.core.error.ConnectorException;
import org.jspecify.annotations.Nullable;
/** The state store could not read or write (database down, schema migration failed). */
public class StateStoreException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /**
   * A state store failure, with {@code "state-store"} as its {@link #system()}.
   *
   * @param message what went wrong; never a secret or a bound value
   * @param cause the underlying error (an {@code SQLException}), or null
   */
  public StateStoreException(String message, @Nullable Throwable cause) {
    super("state-store", message, cause);
  }
}
