package io.mlconnector.core.error;

import org.jspecify.annotations.Nullable;

/** The remote refused the data (validation, business rule). Permanent: the same request will fail again; park the record with this reason. */
public class RejectedException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /**
   * A refusal of the data by the remote, as the remote reported it.
   *
   * @param details what is known about the failed call
   * @param cause the underlying error (an I/O failure, an unreadable body), or null
   */
  public RejectedException(ErrorDetails details, @Nullable Throwable cause) {
    super(details, cause);
  }

  /**
   * A refusal of the data by the remote, as the remote reported it, without an underlying error.
   *
   * @param details what is known about the failed call
   */
  public RejectedException(ErrorDetails details) {
    super(details);
  }

}
