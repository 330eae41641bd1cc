package io.mlconnector.core.state;

import io.mlconnector.core.error.ConnectorException;
import org.jspecify.annotations.Nullable;
/** The state store could not read or write (database down, schema migration failed). */
public class StateStoreException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  public StateStoreException(String message, @Nullable Throwable cause) {
    super("state-store", message, cause);
  }
}
