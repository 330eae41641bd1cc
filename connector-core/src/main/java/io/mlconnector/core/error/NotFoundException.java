package io.mlconnector.core.error;

import org.jspecify.annotations.Nullable;

/** The addressed remote object does not exist. */
public class NotFoundException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /**
   * A missing remote object, as the remote reported it.
   *
   * @param details what is known about the failed call
   * @param cause the underlying error (an I/O failure, an unreadable body), or null
   */
  public NotFoundException(ErrorDetails details, @Nullable Throwable cause) {
    super(details, cause);
  }

  /**
   * A missing remote object, as the remote reported it, without an underlying error.
   *
   * @param details what is known about the failed call
   */
  public NotFoundException(ErrorDetails details) {
    super(details);
  }

}
