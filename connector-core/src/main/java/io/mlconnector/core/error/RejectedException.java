package io.mlconnector.core.error;

import org.jspecify.annotations.Nullable;

/** The remote refused the data (validation, business rule). Permanent: the same request will fail again; park the record with this reason. */
public class RejectedException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  public RejectedException(ErrorDetails details, @Nullable Throwable cause) {
    super(details, cause);
  }

  public RejectedException(ErrorDetails details) {
    super(details);
  }

}
