package io.mlconnector.core.error;

import org.jspecify.annotations.Nullable;

/** A failure that may pass: a 5xx, a connection reset, a timeout, a busy remote. Safe to retry when the request itself is safe to repeat. */
public class TransientException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /**
   * A transient failure, as the remote reported it.
   *
   * @param details what is known about the failed call
   * @param cause the underlying error (an I/O failure, an unreadable body), or null
   */
  public TransientException(ErrorDetails details, @Nullable Throwable cause) {
    super(details, cause);
  }

  /**
   * A transient failure, as the remote reported it, without an underlying error.
   *
   * @param details what is known about the failed call
   */
  public TransientException(ErrorDetails details) {
    super(details);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
