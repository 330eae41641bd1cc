package io.mlconnector.core.error;

import org.jspecify.annotations.Nullable;

/** A failure that may pass: a 5xx, a connection reset, a timeout, a busy remote. Safe to retry when the request itself is safe to repeat. */
public class TransientException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  public TransientException(ErrorDetails details, @Nullable Throwable cause) {
    super(details, cause);
  }

  public TransientException(ErrorDetails details) {
    super(details);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
