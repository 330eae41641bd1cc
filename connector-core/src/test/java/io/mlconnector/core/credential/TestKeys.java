package io.mlconnector.core.credential;

import java.util.Base64;
import java.util.Random;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Deterministic test keys (never use seeded keys outside tests). */
final class TestKeys {
  private TestKeys() {}

  static byte[] bytes(long seed) {
    byte[] b = new byte[32];
    new Random(seed).nextBytes(b);
    return b;
  }

  static SecretKey aes(long seed) {
    return new SecretKeySpec(bytes(seed), "AES");
  }

  static String base64(long seed) {
    return Base64.getEncoder().encodeToString(bytes(seed));
  }
}
