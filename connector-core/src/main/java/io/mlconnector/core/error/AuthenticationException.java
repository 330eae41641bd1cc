package io.mlconnector.core.error;

import org.jspecify.annotations.Nullable;

/** Credentials are missing, wrong, expired or lack the permission the operation needs. Never carries the credential itself. */
public class AuthenticationException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /**
   * An authentication or permission failure, as the remote reported it.
   *
   * @param details what is known about the failed call
   * @param cause the underlying error (an I/O failure, an unreadable body), or null
   */
  public AuthenticationException(ErrorDetails details, @Nullable Throwable cause) {
    super(details, cause);
  }

  /**
   * An authentication or permission failure, as the remote reported it, without an underlying
   * error.
   *
   * @param details what is known about the failed call
   */
  public AuthenticationException(ErrorDetails details) {
    super(details);
  }

}
