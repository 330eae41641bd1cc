package io.mlconnector.syspro;

import io.mlconnector.core.error.ConnectorException;
import org.jspecify.annotations.Nullable;
/**
 * An answer from SYSPRO could not be read: a value that is not a number or date, a body that is
 * neither XML nor one of the known framings. Names what was wrong; never holds a secret.
 */
public final class SysproFormatException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with {@code message}.
   *
   * @param message what could not be read, naming the element or column
   */
  public SysproFormatException(String message) {
    super("syspro", message, null);
  }

  /**
   * An exception with {@code message} and its cause.
   *
   * @param message what could not be read, naming the element or column
   * @param cause the parser's exception, or null
   */
  public SysproFormatException(String message, @Nullable Throwable cause) {
    super("syspro", message, cause);
  }
}
