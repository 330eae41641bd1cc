package io.mlconnector.stampli;

import io.mlconnector.core.credential.Credentials;
import io.mlconnector.core.credential.Secret;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How the SFTP user logs in: a password, or a private key (OpenSSH {@code BEGIN OPENSSH PRIVATE
 * KEY}, PEM PKCS#8 or PKCS#1, optionally encrypted with a passphrase). Secrets are revealed only to
 * sshj while authenticating; {@link #toString()} names the method, never a value.
 */
public final class StampliCredentials {
  /** Field names read by {@link #from(Credentials)}. */
  public static final String PASSWORD = "password";
  /** Field name of the private key text. */
  public static final String PRIVATE_KEY = "privateKey";
  /** Field name of the private key's passphrase (optional). */
  public static final String PASSPHRASE = "passphrase";

  private final @Nullable Secret password;
  private final @Nullable Secret privateKey;
  private final @Nullable Secret passphrase;

  private StampliCredentials(@Nullable Secret password, @Nullable Secret privateKey, @Nullable Secret passphrase) {
    this.password = password;
    this.privateKey = privateKey;
    this.passphrase = passphrase;
  }

  /**
   * Password authentication.
   *
   * @param password the user's password; not empty
   * @return the credentials
   * @throws IllegalArgumentException if the password is empty
   */
  public static StampliCredentials password(Secret password) {
    Objects.requireNonNull(password, "password");
    if (password.reveal().isEmpty()) {
      throw new IllegalArgumentException("password must not be empty");
    }
    return new StampliCredentials(password, null, null);
  }

  /**
   * Password authentication from plain text (wrapped in a {@link Secret} at once).
   *
   * @param password the user's password; not empty
   * @return the credentials
   * @throws IllegalArgumentException if the password is empty
   */
  public static StampliCredentials password(String password) {
    return password(Secret.of(Objects.requireNonNull(password, "password")));
  }

  /**
   * Private-key authentication.
   *
   * @param privateKey the key file's text (OpenSSH or PEM)
   * @param passphrase the key's passphrase, or null when it is not encrypted
   * @return the credentials
   * @throws IllegalArgumentException if the text has no {@code -----BEGIN ... PRIVATE KEY-----}
   *     line
   */
  public static StampliCredentials privateKey(Secret privateKey, @Nullable Secret passphrase) {
    Objects.requireNonNull(privateKey, "privateKey");
    String text = privateKey.reveal();
    if (!text.contains("-----BEGIN ") || !text.contains("PRIVATE KEY-----")) {
      throw new IllegalArgumentException(
          "privateKey is not an OpenSSH or PEM private key (no '-----BEGIN ... PRIVATE KEY-----' line)");
    }
    return new StampliCredentials(null, privateKey, passphrase);
  }

  /**
   * Private-key authentication from plain text.
   *
   * @param privateKey the key file's text (OpenSSH or PEM)
   * @param passphrase the key's passphrase, or null when it is not encrypted
   * @return the credentials
   * @throws IllegalArgumentException if the text has no {@code -----BEGIN ... PRIVATE KEY-----}
   *     line
   */
  public static StampliCredentials privateKey(String privateKey, @Nullable String passphrase) {
    return privateKey(
        Secret.of(Objects.requireNonNull(privateKey, "privateKey")),
        passphrase == null ? null : Secret.of(passphrase));
  }

  /**
   * From a stored credential: the field {@value #PASSWORD}, or {@value #PRIVATE_KEY} with an
   * optional {@value #PASSPHRASE}.
   *
   * @throws IllegalArgumentException when neither is present
   * @param credentials the stored credential
   * @return the credentials; a private key wins when both fields are present
   */
  public static StampliCredentials from(Credentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    Optional<Secret> key = credentials.find(PRIVATE_KEY);
    if (key.isPresent()) {
      return privateKey(key.get(), credentials.find(PASSPHRASE).orElse(null));
    }
    return password(
        credentials.find(PASSWORD).orElseThrow(
            () -> new IllegalArgumentException(
                "credential has neither a '" + PASSWORD + "' nor a '" + PRIVATE_KEY + "' field")));
  }

  /**
   * True for key authentication.
   *
   * @return true for key authentication, false for a password
   */
  public boolean usesKey() {
    return privateKey != null;
  }

  @Nullable Secret password() {
    return password;
  }

  @Nullable Secret privateKeyText() {
    return privateKey;
  }

  @Nullable Secret passphrase() {
    return passphrase;
  }

  @Override
  public String toString() {
    return usesKey()
        ? "StampliCredentials[private key" + (passphrase != null ? " with passphrase" : "") + "]"
        : "StampliCredentials[password]";
  }
}
