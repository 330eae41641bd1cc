package io.mlconnector.core.credential.internal;

import io.mlconnector.core.credential.CredentialException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The versioned ciphertext envelope, base64 (RFC 4648) in text form:
 *
 * <pre>
 * byte     version (1)
 * byte     key id length n (1..64)
 * n bytes  key id, ASCII
 * 12 bytes nonce
 * rest     AES-256-GCM ciphertext followed by its 16-byte tag
 * </pre>
 *
 * The associated data binds the envelope to its tenant and system and to its own header (so the
 * key id cannot be swapped): {@code "mlc-credential" || u16 len || tenant || u16 len || system ||
 * header}, strings in UTF-8.
 */
public final class Envelope {
  public static final byte VERSION = 1;
  public static final int NONCE_BYTES = 12;
  public static final int TAG_BITS = 128;
  private static final byte[] CONTEXT = "mlc-credential".getBytes(StandardCharsets.US_ASCII);

  private final String keyId;
  private final byte[] nonce;
  private final byte[] ciphertext;

  public Envelope(String keyId, byte[] nonce, byte[] ciphertext) {
    this.keyId = keyId;
    this.nonce = nonce;
    this.ciphertext = ciphertext;
  }

  public String keyId() {
    return keyId;
  }

  public byte[] nonce() {
    return nonce;
  }

  public byte[] ciphertext() {
    return ciphertext;
  }

  /** The header bytes: version, key id length, key id. */
  public static byte[] header(String keyId) {
    byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
    byte[] header = new byte[2 + id.length];
    header[0] = VERSION;
    header[1] = (byte) id.length;
    System.arraycopy(id, 0, header, 2, id.length);
    return header;
  }

  /** The associated data for an envelope of {@code keyId} belonging to {@code tenant}/{@code system}. */
  public static byte[] associatedData(String tenant, String system, String keyId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(CONTEXT);
    writeString(out, tenant);
    writeString(out, system);
    out.writeBytes(header(keyId));
    return out.toByteArray();
  }

  private static void writeString(ByteArrayOutputStream out, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.write(b.length >>> 8);
    out.write(b.length & 0xff);
    out.writeBytes(b);
  }

  /** The base64 text form. */
  public String encode() {
    byte[] header = header(keyId);
    ByteBuffer buf = ByteBuffer.allocate(header.length + nonce.length + ciphertext.length);
    buf.put(header).put(nonce).put(ciphertext);
    return Base64.getEncoder().encodeToString(buf.array());
  }

  /**
   * Parses the text form.
   *
   * @throws CredentialException naming what is wrong with it (never its content)
   */
  public static Envelope decode(String text) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(text.trim());
    } catch (IllegalArgumentException e) {
      throw new CredentialException("not a credential envelope: the text is not base64");
    }
    if (raw.length < 2) {
      throw new CredentialException("not a credential envelope: too short (" + raw.length + " bytes)");
    }
    if (raw[0] != VERSION) {
      throw new CredentialException(
          "unsupported credential envelope version " + (raw[0] & 0xff) + " (this SDK reads version " + VERSION + ")");
    }
    int idLength = raw[1] & 0xff;
    int minimum = 2 + idLength + NONCE_BYTES + TAG_BITS / 8;
    if (idLength == 0 || raw.length < minimum) {
      throw new CredentialException("not a credential envelope: truncated (" + raw.length + " bytes)");
    }
    String keyId = new String(raw, 2, idLength, StandardCharsets.US_ASCII);
    try {
      KeyIds.check(keyId, "envelope key id");
    } catch (IllegalArgumentException e) {
      throw new CredentialException("not a credential envelope: its key id is malformed");
    }
    int at = 2 + idLength;
    byte[] nonce = Arrays.copyOfRange(raw, at, at + NONCE_BYTES);
    byte[] ciphertext = Arrays.copyOfRange(raw, at + NONCE_BYTES, raw.length);
    return new Envelope(keyId, nonce, ciphertext);
  }
}
