package io.mlconnector.syspro;

import io.mlconnector.core.error.ConnectorException;
/**
 * An answer from SYSPRO could not be read: a value that is not a number or date, a body that is
 * neither XML nor one of the known framings. Names what was wrong; never holds a secret.
 */
public final class SysproFormatException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public SysproFormatException(String message) {
    super("syspro", message, null);
  }

  /** An exception with {@code message} and its cause. */
  public SysproFormatException(String message, Throwable cause) {
    super("syspro", message, cause);
  }
}
