package io.mlconnector.core.credential;

import io.mlconnector.core.credential.internal.Envelope;
import io.mlconnector.core.credential.internal.FieldCodec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each tenant's credentials for each remote system encrypted at rest.
 *
 * <p>Every {@link #put} encrypts the {@link Credentials} with AES-256-GCM under the {@link
 * KeyProvider}'s current key, with a fresh random 96-bit nonce, and binds the tenant and system as
 * associated data: an envelope copied to another tenant or system, or altered in any byte, fails
 * to decrypt with a {@link CredentialException} instead of yielding someone else's credentials.
 * The envelope is versioned text (base64 of version, key id, nonce, ciphertext and tag) and names
 * its key id, so keys can rotate: old envelopes keep decrypting with their key while {@link
 * #rotate()} (or {@link #reencrypt}) moves them to the current one.
 *
 * <pre>{@code
 * CredentialStore store = CredentialStore.builder(KeyProvider.fromEnvironment())
 *     .storage(CredentialStorage.directory(dataDir.resolve("credentials")))
 *     .build();
 * store.put("acme", "stripe", Credentials.of("apiKey", Secret.of(apiKey)));
 * Secret key = store.require("acme", "stripe").get("apiKey");
 * }</pre>
 *
 * <p>Instances are thread-safe. No message, log line or {@code toString} of this class contains a
 * secret.
 */
public final class CredentialStore {
  private static final Logger log = LoggerFactory.getLogger(CredentialStore.class);
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private final KeyProvider keys;
  private final CredentialStorage storage;
  private final SecureRandom random;

  private CredentialStore(Builder builder) {
    this.keys = builder.keys;
    this.storage = builder.storage;
    this.random = builder.random;
  }

  /**
   * A builder encrypting with keys from {@code keys}.
   *
   * @param keys the provider of the current key and of old keys still named by stored envelopes
   * @return a builder storing in memory unless told otherwise
   */
  public static Builder builder(KeyProvider keys) {
    return new Builder(keys);
  }

  /**
   * Encrypts and stores {@code credentials} for {@code tenant}'s access to {@code system}.
   *
   * @param tenant the tenant, not blank, at most 200 characters
   * @param system the remote system ({@code stripe}, {@code syspro} ...), not blank, at most 200
   *     characters
   * @param credentials the credentials to store, replacing any stored before; the caller may wipe
   *     them afterwards
   * @throws CredentialException when the current key is missing or cannot be used
   */
  public void put(String tenant, String system, Credentials credentials) {
    CredentialId id = CredentialId.of(tenant, system);
    storage.write(id, encrypt(id, credentials));
  }

  /**
   * The credentials stored for {@code tenant} and {@code system}, decrypted, if any.
   *
   * @param tenant the tenant, not blank, at most 200 characters
   * @param system the remote system ({@code stripe}, {@code syspro} ...), not blank, at most 200
   *     characters
   * @return the decrypted credentials, or empty when none are stored
   * @throws CredentialException when the stored envelope does not authenticate or its key is unknown
   */
  public Optional<Credentials> get(String tenant, String system) {
    CredentialId id = CredentialId.of(tenant, system);
    return storage.read(id).map(envelope -> decrypt(id, envelope));
  }

  /**
   * The credentials stored for {@code tenant} and {@code system}.
   *
   * @param tenant the tenant, not blank, at most 200 characters
   * @param system the remote system ({@code stripe}, {@code syspro} ...), not blank, at most 200
   *     characters
   * @return the decrypted credentials
   * @throws CredentialException when none are stored, or they cannot be decrypted
   */
  public Credentials require(String tenant, String system) {
    return get(tenant, system)
        .orElseThrow(
            () -> new CredentialException("no credentials stored for tenant \"" + tenant + "\" and system \"" + system + '"'));
  }

  /**
   * Deletes the credentials of {@code tenant} for {@code system}; true when there were some.
   *
   * @param tenant the tenant, not blank, at most 200 characters
   * @param system the remote system ({@code stripe}, {@code syspro} ...), not blank, at most 200
   *     characters
   * @return true when credentials were stored and are now deleted
   */
  public boolean delete(String tenant, String system) {
    return storage.delete(CredentialId.of(tenant, system));
  }

  /**
   * Encrypts {@code credentials} for {@code tenant} and {@code system} without storing them.
   *
   * @param tenant the tenant, not blank, at most 200 characters
   * @param system the remote system ({@code stripe}, {@code syspro} ...), not blank, at most 200
   *     characters
   * @param credentials the credentials to encrypt
   * @return the envelope: base64 text, decryptable only for this tenant and system
   * @throws CredentialException when the current key is missing or cannot be used
   */
  public String encrypt(String tenant, String system, Credentials credentials) {
    return encrypt(CredentialId.of(tenant, system), credentials);
  }

  /**
   * Decrypts an envelope made for {@code tenant} and {@code system}.
   *
   * @param tenant the tenant, not blank, at most 200 characters
   * @param system the remote system ({@code stripe}, {@code syspro} ...), not blank, at most 200
   *     characters
   * @param envelope an envelope from {@link #encrypt(String, String, Credentials)}
   * @return the decrypted credentials
   * @throws CredentialException when the envelope is malformed, its key id is unknown, or it was
   *     altered or made for another tenant or system
   */
  public Credentials decrypt(String tenant, String system, String envelope) {
    return decrypt(CredentialId.of(tenant, system), envelope);
  }

  /**
   * Decrypts an envelope and encrypts its credentials again under the current key id, with a new
   * nonce.
   *
   * @param tenant the tenant, not blank, at most 200 characters
   * @param system the remote system ({@code stripe}, {@code syspro} ...), not blank, at most 200
   *     characters
   * @param envelope an envelope made for this tenant and system
   * @return a new envelope of the same credentials under the current key id
   * @throws CredentialException as {@link #decrypt(String, String, String)}
   */
  public String reencrypt(String tenant, String system, String envelope) {
    CredentialId id = CredentialId.of(tenant, system);
    Credentials credentials = decrypt(id, envelope);
    try {
      return encrypt(id, credentials);
    } finally {
      credentials.wipe();
    }
  }

  /**
   * Re-encrypts every stored envelope that is not under the current key id. An envelope changed
   * concurrently (by a {@link #put}) is left as the other writer left it.
   *
   * @return how many envelopes were re-encrypted
   * @throws CredentialException when an envelope cannot be decrypted (the others already moved stay moved)
   */
  public int rotate() {
    String current = keys.currentKeyId();
    int moved = 0;
    for (CredentialId id : storage.ids()) {
      Optional<String> envelope = storage.read(id);
      if (envelope.isEmpty() || keyIdOf(envelope.get()).equals(current)) {
        continue;
      }
      String replacement = reencrypt(id.tenant(), id.system(), envelope.get());
      if (storage.replace(id, envelope.get(), replacement)) {
        moved++;
        log.info("Re-encrypted credentials of {} under key id {}", id, current);
      }
    }
    return moved;
  }

  /**
   * The key id an envelope was encrypted under, read from its header without decrypting.
   *
   * @param envelope an envelope
   * @return the key id named in its header
   * @throws CredentialException when the text is not an envelope
   */
  public static String keyIdOf(String envelope) {
    return Envelope.decode(Objects.requireNonNull(envelope, "envelope")).keyId();
  }

  private String encrypt(CredentialId id, Credentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    String keyId = keys.currentKeyId();
    SecretKey key = keyFor(keyId, id);
    byte[] nonce = new byte[Envelope.NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] plaintext = FieldCodec.encode(credentials);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(Envelope.TAG_BITS, nonce));
      cipher.updateAAD(Envelope.associatedData(id.tenant(), id.system(), keyId));
      return new Envelope(keyId, nonce, cipher.doFinal(plaintext)).encode();
    } catch (GeneralSecurityException e) {
      throw new CredentialException(
          "cannot encrypt credentials of " + id + " (" + e.getClass().getSimpleName() + ")", null);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private Credentials decrypt(CredentialId id, String text) {
    Objects.requireNonNull(text, "envelope");
    Envelope envelope = Envelope.decode(text);
    SecretKey key = keyFor(envelope.keyId(), id);
    byte[] plaintext = null;
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(Envelope.TAG_BITS, envelope.nonce()));
      cipher.updateAAD(Envelope.associatedData(id.tenant(), id.system(), envelope.keyId()));
      plaintext = cipher.doFinal(envelope.ciphertext());
      return FieldCodec.decode(plaintext);
    } catch (AEADBadTagException e) {
      throw new CredentialException(
          "credentials of tenant \"" + id.tenant() + "\" for system \"" + id.system()
              + "\" failed authentication: the envelope was altered, or was made for another tenant or system,"
              + " or key \"" + envelope.keyId() + "\" is not the key it was encrypted with");
    } catch (GeneralSecurityException e) {
      throw new CredentialException(
          "cannot decrypt credentials of " + id + " (" + e.getClass().getSimpleName() + ")", null);
    } finally {
      if (plaintext != null) {
        Arrays.fill(plaintext, (byte) 0);
      }
    }
  }

  private SecretKey keyFor(String keyId, CredentialId id) {
    return keys.key(keyId)
        .orElseThrow(
            () -> new CredentialException(
                "no key with id \"" + keyId + "\" for credentials of " + id
                    + " (retired too early? the key provider must keep old keys until rotate() has run)"));
  }

  @Override
  public String toString() {
    return "CredentialStore[" + keys + ", " + storage + "]";
  }

  /** Builds a {@link CredentialStore}. */
  public static final class Builder {
    private final KeyProvider keys;
    private CredentialStorage storage = CredentialStorage.inMemory();
    private SecureRandom random;

    private Builder(KeyProvider keys) {
      this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * Where envelopes are kept (default: in memory).
     *
     * @param storage where envelopes are kept
     * @return this builder
     */
    public Builder storage(CredentialStorage storage) {
      this.storage = Objects.requireNonNull(storage, "storage");
      return this;
    }

    /**
     * The source of nonces (default: a new {@link SecureRandom}).
     *
     * @param random the source of nonces
     * @return this builder
     */
    public Builder secureRandom(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Builds the store.
     *
     * @return a new store
     */
    public CredentialStore build() {
      if (random == null) {
        random = new SecureRandom();
      }
      return new CredentialStore(this);
    }
  }
}
