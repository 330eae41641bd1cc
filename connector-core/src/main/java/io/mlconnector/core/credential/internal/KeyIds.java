package io.mlconnector.core.credential.internal;

import io.mlconnector.core.credential.CredentialException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Key id syntax and AES-256 key checks shared by the key providers and the envelope. */
public final class KeyIds {
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** Bytes in an AES-256 key. */
  public static final int KEY_BYTES = 32;

  private KeyIds() {}

  /** Returns {@code keyId} when it is a valid key id, else throws naming {@code argument}. */
  public static String check(String keyId, String argument) {
    Objects.requireNonNull(keyId, argument);
    if (!KEY_ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException(
          argument + " must match [A-Za-z0-9][A-Za-z0-9._-]* (at most 64 characters), was \"" + keyId + '"');
    }
    return keyId;
  }

  /**
   * Checks that {@code key} is a 256-bit AES key and returns an independent copy.
   *
   * @param where names the key's origin for the error message (never its value)
   */
  public static SecretKey aes256(SecretKey key, String where) {
    if (!"AES".equalsIgnoreCase(key.getAlgorithm())) {
      throw new CredentialException(where + " is a " + key.getAlgorithm() + " key, an AES-256 key is needed");
    }
    byte[] encoded = key.getEncoded();
    if (encoded == null) {
      throw new CredentialException(where + " cannot be exported; an extractable AES-256 key is needed");
    }
    try {
      if (encoded.length != KEY_BYTES) {
        throw new CredentialException(
            where + " holds " + encoded.length + " bytes, an AES-256 key needs " + KEY_BYTES);
      }
      return new SecretKeySpec(encoded, "AES");
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }
}
