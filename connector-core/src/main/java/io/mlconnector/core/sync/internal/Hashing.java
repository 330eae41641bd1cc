package io.mlconnector.core.sync.internal;

import io.mlconnector.core.model.ExternalRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Operation keys and content digests. */
public final class Hashing {
  private Hashing() {}

  /**
   * The deterministic operation key: hex SHA-256 of (tenant, flow, source ref, source version),
   * each field length-prefixed so that no two field lists share a key.
   */
  public static String operationKey(String tenant, String flow, ExternalRef source, String version) {
    MessageDigest digest = sha256();
    for (String field :
        new String[] {tenant, flow, source.system(), source.type(), source.id(), version}) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
      digest.update(bytes);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Hex SHA-256 of a text. */
  public static String digest(String text) {
    return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Hex SHA-256 of a stream's bytes; closes the stream. */
  public static String digest(InputStream in) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream stream = in) {
      byte[] buffer = new byte[8192];
      for (int n; (n = stream.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
