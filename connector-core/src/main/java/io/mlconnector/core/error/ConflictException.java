package io.mlconnector.core.error;

/** The remote object is in a state that forbids the change, for example an invoice that is already paid, or a duplicate key. */
public class ConflictException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  public ConflictException(ErrorDetails details, Throwable cause) {
    super(details, cause);
  }

  public ConflictException(ErrorDetails details) {
    super(details);
  }

}
