package io.mlconnector.core.error;

import org.jspecify.annotations.Nullable;

/** The remote object is in a state that forbids the change, for example an invoice that is already paid, or a duplicate key. */
public class ConflictException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  public ConflictException(ErrorDetails details, @Nullable Throwable cause) {
    super(details, cause);
  }

  public ConflictException(ErrorDetails details) {
    super(details);
  }

}
