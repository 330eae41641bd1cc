package io.mlconnector.core.credential;

import io.mlconnector.core.error.ConnectorException;
import org.jspecify.annotations.Nullable;
/**
 * Credentials could not be stored, found, decrypted or authenticated, or a key could not be
 * loaded. The message names the tenant, system, key id or file concerned and what went wrong; it
 * never contains a secret, a key or ciphertext.
 */
public final class CredentialException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong; must not contain a secret
   * @param cause the underlying error, or null; must not carry a secret in its message
   */
  public CredentialException(String message, @Nullable Throwable cause) {
    super("credential", message, cause);
  }

  /**
   * Creates an exception without a cause.
   *
   * @param message what went wrong; must not contain a secret
   */
  public CredentialException(String message) {
    super("credential", message, null);
  }
}
