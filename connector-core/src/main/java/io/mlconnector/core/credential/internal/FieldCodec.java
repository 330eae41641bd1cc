package io.mlconnector.core.credential.internal;

import io.mlconnector.core.credential.CredentialException;
import io.mlconnector.core.credential.Credentials;
import io.mlconnector.core.credential.Secret;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The plaintext inside an envelope: {@code u16 count}, then per field {@code u16 name length,
 * name (UTF-8), u32 value length, value bytes}.
 */
public final class FieldCodec {
  private FieldCodec() {}

  /** Serialises {@code credentials}; the caller wipes the result after use. */
  public static byte[] encode(Credentials credentials) {
    int size = 2;
    for (Map.Entry<String, Secret> e : credentials.fields().entrySet()) {
      size += 2 + e.getKey().getBytes(StandardCharsets.UTF_8).length + 4 + e.getValue().byteLength();
    }
    ByteBuffer buf = ByteBuffer.allocate(size);
    buf.putShort((short) credentials.fields().size());
    for (Map.Entry<String, Secret> e : credentials.fields().entrySet()) {
      byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
      byte[] value = e.getValue().toBytes();
      buf.putShort((short) name.length).put(name).putInt(value.length).put(value);
      Arrays.fill(value, (byte) 0);
    }
    return buf.array();
  }

  /** Parses plaintext produced by {@link #encode}. */
  public static Credentials decode(byte[] plaintext) {
    try {
      ByteBuffer buf = ByteBuffer.wrap(plaintext);
      int count = buf.getShort() & 0xffff;
      Credentials.Builder builder = Credentials.builder();
      for (int i = 0; i < count; i++) {
        byte[] name = new byte[buf.getShort() & 0xffff];
        buf.get(name);
        int length = buf.getInt();
        if (length < 0 || length > buf.remaining()) {
          throw new CredentialException("decrypted credentials are malformed");
        }
        byte[] value = new byte[length];
        buf.get(value);
        builder.put(new String(name, StandardCharsets.UTF_8), Secret.ofBytes(value));
        Arrays.fill(value, (byte) 0);
      }
      if (buf.hasRemaining()) {
        throw new CredentialException("decrypted credentials are malformed");
      }
      return builder.build();
    } catch (BufferUnderflowException | IllegalArgumentException | IllegalStateException e) {
      throw new CredentialException("decrypted credentials are malformed");
    }
  }
}
