package io.mlconnector.core.error;

import org.jspecify.annotations.Nullable;

/** The remote object changed since it was read (an ETag or row-version check failed). Re-read and decide again. */
public class VersionMismatchException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  public VersionMismatchException(ErrorDetails details, @Nullable Throwable cause) {
    super(details, cause);
  }

  public VersionMismatchException(ErrorDetails details) {
    super(details);
  }

}
