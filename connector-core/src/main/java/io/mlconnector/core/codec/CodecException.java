package io.mlconnector.core.codec;

import io.mlconnector.core.error.ConnectorException;
import org.jspecify.annotations.Nullable;
/**
 * A document could not be read or written: malformed JSON or XML, a value of the wrong shape, or
 * a construct refused for safety (a DTD). Unchecked. The message names what was wrong and where
 * (a JSON path, an XML line and column); it never repeats the whole document.
 */
public class CodecException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what was wrong and where
   * @param cause the underlying parser error, or null
   */
  public CodecException(String message, @Nullable Throwable cause) {
    super("codec", message, cause);
  }
}
