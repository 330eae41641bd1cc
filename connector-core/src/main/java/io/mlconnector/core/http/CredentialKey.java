package io.mlconnector.core.http;

/**
 * Names one credential of one remote system: the unit that owns a rate budget and a session.
 * Neither part is a secret: the credential id is the host's name for the credential (an account
 * id, an operator name, a store key), never the credential itself.
 *
 * @param system the remote system, for example {@code "stripe"}
 * @param credentialId the host's id for the credential, for example {@code "acme/live"}
 */
public record CredentialKey(String system, String credentialId) {

  /**
   * Checks both parts are present.
   *
   * @param system the remote system, for example {@code "stripe"}
   * @param credentialId the host's id for the credential, for example {@code "acme/live"}
   */
  public CredentialKey {
    if (system == null || system.isBlank()) {
      throw new IllegalArgumentException("system must not be blank");
    }
    if (credentialId == null || credentialId.isBlank()) {
      throw new IllegalArgumentException("credentialId must not be blank");
    }
  }

  @Override
  public String toString() {
    return system + ":" + credentialId;
  }
}
