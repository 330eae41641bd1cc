package io.mlconnector.core.credential;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A secret value (API key, password, token, key material) that does not leak by accident: {@link
 * #toString()} is {@code Secret[redacted]}, {@link #equals(Object)} compares in constant time (for
 * values of equal length), {@link #hashCode()} does not depend on the value, and {@link #wipe()}
 * overwrites the held bytes. Text is held as its UTF-8 bytes.
 *
 * <p>{@link #reveal()} hands out a {@code String}, which cannot be wiped; prefer {@link
 * #toChars()} or {@link #toBytes()} where the consumer accepts arrays, and wipe those after use.
 * A {@code Secret} is thread-safe; reading after {@link #wipe()} throws {@link
 * IllegalStateException}.
 */
public final class Secret implements AutoCloseable {
  private volatile byte[] value;

  private Secret(byte[] value) {
    this.value = value;
  }

  /**
   * A secret holding {@code value}.
   *
   * @param value the secret text, held as its UTF-8 bytes
   * @return the secret
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    return new Secret(value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A secret holding a copy of {@code value}; the caller may wipe its array afterwards.
   *
   * @param value the secret text, copied as its UTF-8 bytes
   * @return the secret
   */
  public static Secret of(char[] value) {
    Objects.requireNonNull(value, "value");
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return new Secret(bytes);
  }

  /**
   * A secret holding a copy of {@code value} (binary, or text as UTF-8).
   *
   * @param value the secret bytes, copied
   * @return the secret
   */
  public static Secret ofBytes(byte[] value) {
    Objects.requireNonNull(value, "value");
    return new Secret(value.clone());
  }

  /**
   * The value as a String (which cannot be wiped: prefer {@link #toChars()}).
   *
   * @return the value decoded as UTF-8
   * @throws IllegalStateException when the secret was wiped
   */
  public String reveal() {
    return new String(live(), StandardCharsets.UTF_8);
  }

  /**
   * A copy of the value as characters; wipe it after use.
   *
   * @return a new array holding the value's characters
   * @throws IllegalStateException when the value is not UTF-8 text or was wiped
   */
  public char[] toChars() {
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(live()));
      char[] out = new char[chars.remaining()];
      chars.get(out);
      Arrays.fill(chars.array(), '\0');
      return out;
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("secret is binary, not UTF-8 text");
    }
  }

  /**
   * A copy of the value's bytes; wipe it after use.
   *
   * @return a new array holding the value's bytes
   * @throws IllegalStateException when the secret was wiped
   */
  public byte[] toBytes() {
    return live().clone();
  }

  /**
   * The length of the value in bytes.
   *
   * @return the number of bytes held
   * @throws IllegalStateException when the secret was wiped
   */
  public int byteLength() {
    return live().length;
  }

  /** Overwrites the value with zeros; later reads throw. Idempotent. */
  public void wipe() {
    byte[] v = value;
    value = null;
    if (v != null) {
      Arrays.fill(v, (byte) 0);
    }
  }

  /**
   * True once {@link #wipe()} was called.
   *
   * @return whether the value was wiped
   */
  public boolean isWiped() {
    return value == null;
  }

  /** Same as {@link #wipe()}, for try-with-resources. */
  @Override
  public void close() {
    wipe();
  }

  private byte[] live() {
    byte[] v = value;
    if (v == null) {
      throw new IllegalStateException("secret has been wiped");
    }
    return v;
  }

  /** Constant-time comparison of the values; a wiped secret equals only itself. */
  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof Secret)) {
      return false;
    }
    byte[] mine = value;
    byte[] theirs = ((Secret) o).value;
    return mine != null && theirs != null && MessageDigest.isEqual(mine, theirs);
  }

  /** A constant: the hash code must not reveal anything about the value. */
  @Override
  public int hashCode() {
    return 0x5EC12E7;
  }

  /** Always {@code Secret[redacted]}. */
  @Override
  public String toString() {
    return "Secret[redacted]";
  }
}
