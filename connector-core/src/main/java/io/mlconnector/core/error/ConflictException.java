package io.mlconnector.core.error;

import org.jspecify.annotations.Nullable;

/** The remote object is in a state that forbids the change, for example an invoice that is already paid, or a duplicate key. */
public class ConflictException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /**
   * A conflict with the remote object's state, as the remote reported it.
   *
   * @param details what is known about the failed call
   * @param cause the underlying error (an I/O failure, an unreadable body), or null
   */
  public ConflictException(ErrorDetails details, @Nullable Throwable cause) {
    super(details, cause);
  }

  /**
   * A conflict with the remote object's state, as the remote reported it, without an underlying
   * error.
   *
   * @param details what is known about the failed call
   */
  public ConflictException(ErrorDetails details) {
    super(details);
  }

}
