package io.mlconnector.sapb1;

import io.mlconnector.core.error.ConnectorException;
/** An answer of the Service Layer that does not have the expected shape; names the property. */
public final class B1FormatException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what was expected and what came, naming the property
   */
  public B1FormatException(String message) {
    super("sap-b1", message, null);
  }
}
