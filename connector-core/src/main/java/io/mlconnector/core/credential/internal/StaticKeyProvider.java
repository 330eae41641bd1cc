package io.mlconnector.core.credential.internal;

import io.mlconnector.core.credential.CredentialException;
import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.core.credential.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import javax.crypto.SecretKey;
import javax.security.auth.DestroyFailedException;

/** Keys loaded once and held in memory: from a map or from a PKCS12 keystore. */
public final class StaticKeyProvider implements KeyProvider {
  private final String currentKeyId;
  private final Map<String, SecretKey> keys; // lower-cased key id -> key
  private final String origin;

  private StaticKeyProvider(String currentKeyId, Map<String, SecretKey> keys, String origin) {
    this.currentKeyId = currentKeyId;
    this.keys = Collections.unmodifiableMap(keys);
    this.origin = origin;
    if (!keys.containsKey(currentKeyId.toLowerCase(Locale.ROOT))) {
      throw new CredentialException(
          "no key for the current key id \"" + currentKeyId + "\" in " + origin + "; it has " + keyIds());
    }
  }

  /** A provider over a copy of {@code keys}. */
  public static StaticKeyProvider of(String currentKeyId, Map<String, SecretKey> keys) {
    Objects.requireNonNull(keys, "keys");
    Map<String, SecretKey> copy = new HashMap<>();
    for (Map.Entry<String, SecretKey> e : keys.entrySet()) {
      String id = KeyIds.check(e.getKey(), "key id");
      copy.put(id.toLowerCase(Locale.ROOT), KeyIds.aes256(Objects.requireNonNull(e.getValue(), "key"), "key \"" + id + "\""));
    }
    return new StaticKeyProvider(currentKeyId, copy, "the given keys");
  }

  /** A provider over the AES-256 secret-key entries of the PKCS12 file {@code file}. */
  public static StaticKeyProvider fromPkcs12(Path file, Secret password, String currentKeyId) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(password, "password");
    char[] pw = password.toChars();
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, pw);
      return fromKeyStore(store, password, currentKeyId, "PKCS12 keystore " + file);
    } catch (IOException e) {
      throw new CredentialException(
          "cannot open PKCS12 keystore " + file + ": wrong password, corrupt or unreadable file ("
              + e.getClass().getSimpleName() + ")",
          null);
    } catch (GeneralSecurityException e) {
      throw new CredentialException(
          "cannot open PKCS12 keystore " + file + " (" + e.getClass().getSimpleName() + ")", null);
    } finally {
      Arrays.fill(pw, '\0');
    }
  }

  /** A provider over the AES-256 secret-key entries of {@code store}. */
  public static StaticKeyProvider fromKeyStore(KeyStore store, Secret password, String currentKeyId, String origin) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(password, "password");
    char[] pw = password.toChars();
    KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(pw);
    try {
      Map<String, SecretKey> keys = new HashMap<>();
      for (String alias : Collections.list(store.aliases())) {
        if (!store.entryInstanceOf(alias, KeyStore.SecretKeyEntry.class)) {
          continue;
        }
        KeyStore.Entry entry = store.getEntry(alias, protection);
        SecretKey key = ((KeyStore.SecretKeyEntry) entry).getSecretKey();
        keys.put(alias.toLowerCase(Locale.ROOT), KeyIds.aes256(key, "entry \"" + alias + "\" of " + origin));
      }
      return new StaticKeyProvider(currentKeyId, keys, origin);
    } catch (GeneralSecurityException e) {
      throw new CredentialException(
          "cannot read the keys of " + origin + ": wrong entry password? (" + e.getClass().getSimpleName() + ")", null);
    } finally {
      Arrays.fill(pw, '\0');
      try {
        protection.destroy();
      } catch (DestroyFailedException ignored) {
        // The password array was already overwritten above.
      }
    }
  }

  private String keyIds() {
    return new TreeSet<>(keys.keySet()).toString();
  }

  @Override
  public String currentKeyId() {
    return currentKeyId;
  }

  @Override
  public Optional<SecretKey> key(String keyId) {
    KeyIds.check(keyId, "keyId");
    return Optional.ofNullable(keys.get(keyId.toLowerCase(Locale.ROOT)));
  }

  @Override
  public String toString() {
    return "KeyProvider[" + origin + ", key ids " + keyIds() + ", current " + currentKeyId + "]";
  }
}
