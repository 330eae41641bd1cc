package io.mlconnector.syspro.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Short, stable hashes for references and derived codes. */
public final class Hashes {

  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private Hashes() {}

  /** A base32 SHA-256 prefix of {@code text}, {@code length} characters. */
  public static String base32(String text, int length) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    StringBuilder sb = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : digest) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5 && sb.length() < length) {
        sb.append(BASE32[(buffer >> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    return sb.toString();
  }

  /** {@code length} decimal digits derived from the SHA-256 of {@code text}. */
  public static String digits(String text, int length) {
    StringBuilder sb = new StringBuilder();
    for (char c : base32(text, length).toCharArray()) {
      sb.append((char) ('0' + (c % 10)));
    }
    return sb.toString();
  }
}
