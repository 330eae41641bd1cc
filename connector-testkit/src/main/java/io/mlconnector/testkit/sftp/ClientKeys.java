package io.mlconnector.testkit.sftp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.jspecify.annotations.Nullable;

/**
 * Client key pairs for key-authentication tests, written in the formats users hand over: OpenSSH
 * ({@code -----BEGIN OPENSSH PRIVATE KEY-----}, optionally with a passphrase) and PEM (PKCS#8, or
 * traditional OpenSSL PKCS#1 encrypted with a passphrase).
 *
 * <pre>{@code
 * ClientKeys.Generated key = ClientKeys.rsa();
 * SftpServer sftp = SftpServer.builder().authorizedKey("stampli", key.publicKey()).start();
 * String text = key.openSsh("passphrase");   // give it to the client with that passphrase
 * }</pre>
 */
public final class ClientKeys {
  private ClientKeys() {}

  /**
   * A new RSA 2048 key pair.
   *
   * @return the pair with its text forms
   */
  public static Generated rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return new Generated(g.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A generated key pair and its text forms. */
  public static final class Generated {
    private final KeyPair pair;

    private Generated(KeyPair pair) {
      this.pair = pair;
    }

    /**
     * The public key (authorize it on the server).
     *
     * @return the RSA public key
     */
    public PublicKey publicKey() {
      return pair.getPublic();
    }

    /**
     * The private key in OpenSSH format; encrypted (bcrypt KDF, AES-256-CTR) when a passphrase is
     * given.
     *
     * @param passphrase the passphrase, or null for an unencrypted key
     * @return the key text, {@code -----BEGIN OPENSSH PRIVATE KEY-----} ...
     */
    public String openSsh(@Nullable String passphrase) {
      try {
        OpenSSHKeyEncryptionContext ctx = null;
        if (passphrase != null) {
          ctx = new OpenSSHKeyEncryptionContext();
          ctx.setCipherName("AES");
          ctx.setCipherType("256");
          ctx.setCipherMode("CTR");
          ctx.setPassword(passphrase);
          ctx.setKdfRounds(4);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OpenSSHKeyPairResourceWriter().writePrivateKey(pair, "test-key", ctx, out);
        return out.toString(StandardCharsets.US_ASCII);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * The private key as unencrypted PKCS#8 PEM.
     *
     * @return the key text, {@code -----BEGIN PRIVATE KEY-----} ...
     */
    public String pkcs8Pem() {
      return pem("PRIVATE KEY", pair.getPrivate().getEncoded(), null);
    }

    /**
     * The private key as a traditional OpenSSL PEM ({@code -----BEGIN RSA PRIVATE KEY-----}, PKCS#1)
     * encrypted with AES-128-CBC under {@code passphrase}.
     *
     * @param passphrase the passphrase (UTF-8 bytes)
     * @return the key text with {@code Proc-Type} and {@code DEK-Info} headers
     */
    public String encryptedRsaPem(String passphrase) {
      try {
        byte[] pkcs1 = pkcs1Of(pair.getPrivate().getEncoded());
        byte[] iv = new byte[16];
        new SecureRandom().nextBytes(iv);
        byte[] key = evpBytesToKey(passphrase.getBytes(StandardCharsets.UTF_8), Arrays.copyOf(iv, 8), 16);
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        byte[] enc = c.doFinal(pkcs1);
        StringBuilder hex = new StringBuilder();
        for (byte b : iv) {
          hex.append(String.format("%02X", b));
        }
        return pem("RSA PRIVATE KEY", enc, "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC," + hex + "\n\n");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static String pem(String type, byte[] der, @Nullable String headers) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + (headers == null ? "" : headers) + body + "\n-----END " + type
        + "-----\n";
  }

  /** OpenSSL's EVP_BytesToKey with MD5 and one round, as traditional PEM encryption uses. */
  private static byte[] evpBytesToKey(byte[] pass, byte[] salt, int len) throws GeneralSecurityException {
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    byte[] out = new byte[len];
    byte[] prev = new byte[0];
    int filled = 0;
    while (filled < len) {
      md5.reset();
      md5.update(prev);
      md5.update(pass);
      md5.update(salt);
      prev = md5.digest();
      int n = Math.min(prev.length, len - filled);
      System.arraycopy(prev, 0, out, filled, n);
      filled += n;
    }
    return out;
  }

  /** The PKCS#1 RSAPrivateKey inside a PKCS#8 PrivateKeyInfo (its privateKey OCTET STRING). */
  private static byte[] pkcs1Of(byte[] pkcs8) {
    int[] pos = {0};
    expect(pkcs8, pos, 0x30);
    length(pkcs8, pos);
    expect(pkcs8, pos, 0x02); // version
    int skip = length(pkcs8, pos);
    pos[0] += skip;
    expect(pkcs8, pos, 0x30); // algorithm
    int skip2 = length(pkcs8, pos);
    pos[0] += skip2;
    expect(pkcs8, pos, 0x04); // privateKey
    int len = length(pkcs8, pos);
    return Arrays.copyOfRange(pkcs8, pos[0], pos[0] + len);
  }

  private static void expect(byte[] der, int[] pos, int tag) {
    if ((der[pos[0]] & 0xff) != tag) {
      throw new IllegalStateException("unexpected DER tag " + der[pos[0]] + " at " + pos[0]);
    }
    pos[0]++;
  }

  private static int length(byte[] der, int[] pos) {
    int b = der[pos[0]++] & 0xff;
    if (b < 0x80) {
      return b;
    }
    int n = b & 0x7f;
    int len = 0;
    for (int i = 0; i < n; i++) {
      len = (len << 8) | (der[pos[0]++] & 0xff);
    }
    return len;
  }
}
