package io.mlconnector.core.credential;

import io.mlconnector.core.credential.internal.EnvironmentKeyProvider;
import io.mlconnector.core.credential.internal.KeyIds;
import io.mlconnector.core.credential.internal.StaticKeyProvider;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.SecretKey;

/**
 * Supplies the AES-256 keys a {@link CredentialStore} encrypts with, by key id. New credentials
 * are encrypted under {@link #currentKeyId()}; each envelope names its key id, so after a rotation
 * old envelopes still decrypt with their old key until {@link CredentialStore#rotate()} moves them.
 *
 * <p>Key ids match {@code [A-Za-z0-9][A-Za-z0-9._-]*} and are at most 64 characters. Hosts with a
 * KMS or vault implement this interface; two providers ship: {@link #fromEnvironment} and {@link
 * #fromPkcs12}.
 */
public interface KeyProvider {

  /**
   * The key id new envelopes are encrypted under.
   *
   * @return the current key id; never blank
   */
  String currentKeyId();

  /**
   * The 256-bit AES key with id {@code keyId}, or empty when this provider has none.
   *
   * @param keyId the key id an envelope names
   * @return the key, or empty when this provider has no key with this id
   * @throws CredentialException when the key exists but cannot be used (wrong size, unreadable)
   */
  Optional<SecretKey> key(String keyId);

  /**
   * Keys from environment variables: {@code MLC_KEY_<ID>} holds the base64 of a 32-byte key,
   * where {@code <ID>} is the key id upper-cased with every character other than a letter or a
   * digit replaced by {@code _} (key id {@code 2024-q1} reads {@code MLC_KEY_2024_Q1}); {@code
   * MLC_KEY_CURRENT} names the current key id.
   *
   * @return a provider reading the process environment
   * @throws CredentialException when {@code MLC_KEY_CURRENT} or its key is missing or invalid
   */
  static KeyProvider fromEnvironment() {
    return fromEnvironment(System::getenv);
  }

  /**
   * As {@link #fromEnvironment()}, reading variables through {@code environment} (for tests, or
   * a host that keeps its environment elsewhere).
   *
   * @param environment maps a variable name to its value, or to null when it is not set
   * @return a provider reading variables through {@code environment}
   * @throws CredentialException when {@code MLC_KEY_CURRENT} or its key is missing or invalid
   */
  static KeyProvider fromEnvironment(Function<String, String> environment) {
    Objects.requireNonNull(environment, "environment");
    String current = environment.apply(EnvironmentKeyProvider.CURRENT_VARIABLE);
    if (current == null || current.isBlank()) {
      throw new CredentialException(
          "environment variable " + EnvironmentKeyProvider.CURRENT_VARIABLE
              + " is not set: it names the key id new credentials are encrypted under");
    }
    return fromEnvironment(current.trim(), environment);
  }

  /**
   * Keys from environment variables as for {@link #fromEnvironment()}, with the current key id
   * given here.
   *
   * @param currentKeyId the key id new envelopes are encrypted under
   * @param environment maps a variable name to its value, or to null when it is not set
   * @return a provider reading variables through {@code environment}
   * @throws CredentialException when the current key is missing or invalid
   */
  static KeyProvider fromEnvironment(String currentKeyId, Function<String, String> environment) {
    return new EnvironmentKeyProvider(KeyIds.check(currentKeyId, "currentKeyId"), environment);
  }

  /**
   * Keys from a PKCS12 keystore file whose secret-key entries are AES-256 keys, the entry alias
   * being the key id (PKCS12 aliases are case-insensitive). Entries are protected by the store
   * password. The keys are read once; {@code password} is not kept.
   *
   * @param file the PKCS12 keystore file
   * @param password the store password, which also protects the entries; not kept
   * @param currentKeyId the alias of the key new envelopes are encrypted under
   * @return a provider holding the store's AES-256 keys
   * @throws CredentialException when the file cannot be read, the password is wrong, or the
   *     current key is missing or not an AES-256 key
   */
  static KeyProvider fromPkcs12(Path file, Secret password, String currentKeyId) {
    return StaticKeyProvider.fromPkcs12(file, password, KeyIds.check(currentKeyId, "currentKeyId"));
  }

  /**
   * Keys from an already loaded keystore, as for {@link #fromPkcs12(Path, Secret, String)}.
   *
   * @param store the loaded keystore
   * @param password the password protecting the entries; not kept
   * @param currentKeyId the alias of the key new envelopes are encrypted under
   * @return a provider holding the store's AES-256 keys
   * @throws CredentialException when the password is wrong, or the current key is missing or not an
   *     AES-256 key
   */
  static KeyProvider fromKeyStore(KeyStore store, Secret password, String currentKeyId) {
    return StaticKeyProvider.fromKeyStore(store, password, KeyIds.check(currentKeyId, "currentKeyId"), "keystore");
  }

  /**
   * Keys held in memory (the map is copied).
   *
   * @param currentKeyId the key id new envelopes are encrypted under
   * @param keys the AES-256 keys by key id
   * @return a provider holding a copy of {@code keys}
   * @throws CredentialException when the current key is missing or a key is not AES-256
   */
  static KeyProvider of(String currentKeyId, Map<String, SecretKey> keys) {
    return StaticKeyProvider.of(KeyIds.check(currentKeyId, "currentKeyId"), keys);
  }
}
