package io.mlconnector.core.error;

import org.jspecify.annotations.Nullable;

/** Credentials are missing, wrong, expired or lack the permission the operation needs. Never carries the credential itself. */
public class AuthenticationException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(ErrorDetails details, @Nullable Throwable cause) {
    super(details, cause);
  }

  public AuthenticationException(ErrorDetails details) {
    super(details);
  }

}
