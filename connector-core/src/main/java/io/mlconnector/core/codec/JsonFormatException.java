package io.mlconnector.core.codec;

import org.jspecify.annotations.Nullable;

/** A JSON document was malformed or a value did not have the expected shape. */
public final class JsonFormatException extends CodecException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what was wrong, with the JSON path where known
   * @param cause the underlying Moshi error, or null
   */
  public JsonFormatException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
