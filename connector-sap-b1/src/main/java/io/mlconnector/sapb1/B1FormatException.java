package io.mlconnector.sapb1;

/** An answer of the Service Layer that does not have the expected shape; names the property. */
public final class B1FormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception. */
  public B1FormatException(String message) {
    super(message);
  }
}
