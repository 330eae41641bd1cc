package io.mlconnector.core.credential.internal;

import io.mlconnector.core.credential.CredentialException;
import io.mlconnector.core.credential.KeyProvider;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Keys in {@code MLC_KEY_<ID>} environment variables, base64. */
public final class EnvironmentKeyProvider implements KeyProvider {
  /** The variable naming the current key id. */
  public static final String CURRENT_VARIABLE = "MLC_KEY_CURRENT";

  private static final String PREFIX = "MLC_KEY_";

  private final String currentKeyId;
  private final Function<String, String> environment;

  public EnvironmentKeyProvider(String currentKeyId, Function<String, String> environment) {
    this.currentKeyId = currentKeyId;
    this.environment = Objects.requireNonNull(environment, "environment");
    if (key(currentKeyId).isEmpty()) {
      throw new CredentialException(
          "no key for the current key id \"" + currentKeyId + "\": set environment variable "
              + variable(currentKeyId) + " to the base64 of a 32-byte key");
    }
  }

  /** The variable holding key {@code keyId}. */
  public static String variable(String keyId) {
    return PREFIX + keyId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  @Override
  public String currentKeyId() {
    return currentKeyId;
  }

  @Override
  public Optional<SecretKey> key(String keyId) {
    KeyIds.check(keyId, "keyId");
    String name = variable(keyId);
    String text = environment.apply(name);
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text.replaceAll("\\s+", "").replace('-', '+').replace('_', '/'));
    } catch (IllegalArgumentException e) {
      throw new CredentialException("environment variable " + name + " is not base64");
    }
    try {
      if (bytes.length != KeyIds.KEY_BYTES) {
        throw new CredentialException(
            "environment variable " + name + " holds " + bytes.length + " bytes, an AES-256 key needs "
                + KeyIds.KEY_BYTES);
      }
      return Optional.of(new SecretKeySpec(bytes, "AES"));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  @Override
  public String toString() {
    return "KeyProvider[environment " + PREFIX + "*, current " + currentKeyId + "]";
  }
}
