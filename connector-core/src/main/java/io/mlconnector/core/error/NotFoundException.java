package io.mlconnector.core.error;

import org.jspecify.annotations.Nullable;

/** The addressed remote object does not exist. */
public class NotFoundException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(ErrorDetails details, @Nullable Throwable cause) {
    super(details, cause);
  }

  public NotFoundException(ErrorDetails details) {
    super(details);
  }

}
