package io.mlconnector.core.error;

import org.jspecify.annotations.Nullable;

/** The remote object changed since it was read (an ETag or row-version check failed). Re-read and decide again. */
public class VersionMismatchException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /**
   * A failed version check, as the remote reported it.
   *
   * @param details what is known about the failed call
   * @param cause the underlying error (an I/O failure, an unreadable body), or null
   */
  public VersionMismatchException(ErrorDetails details, @Nullable Throwable cause) {
    super(details, cause);
  }

  /**
   * A failed version check, as the remote reported it, without an underlying error.
   *
   * @param details what is known about the failed call
   */
  public VersionMismatchException(ErrorDetails details) {
    super(details);
  }

}
