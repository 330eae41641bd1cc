package io.mlconnector.core.codec;

import org.jspecify.annotations.Nullable;

/**
 * An XML document was malformed, could not be bound, or used a construct this SDK refuses for
 * safety. Document type declarations are always refused ({@code "DOCTYPE is not allowed"}): they
 * are the vehicle of external-entity (XXE) and entity-expansion ("billion laughs") attacks and no
 * remote system this SDK talks to needs them.
 */
public final class XmlFormatException extends CodecException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what was wrong, with the line and column where known
   * @param cause the underlying parser or binding error, or null
   */
  public XmlFormatException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
