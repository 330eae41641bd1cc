package io.mlconnector.core.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pkcs12KeyProviderTest {
  private static final String STORE_PASSWORD = "keystore-pass-123";

  @TempDir Path dir;

  private Path keystore(SecretKey... keysByAliasOrder) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(STORE_PASSWORD.toCharArray());
    String[] aliases = {"k2024", "k2025", "hmac"};
    for (int i = 0; i < keysByAliasOrder.length; i++) {
      store.setEntry(aliases[i], new KeyStore.SecretKeyEntry(keysByAliasOrder[i]), protection);
    }
    Path file = dir.resolve("keys.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, STORE_PASSWORD.toCharArray());
    }
    return file;
  }

  @Test
  void loadsSecretKeyEntriesByAlias() throws Exception {
    Path file = keystore(TestKeys.aes(1), TestKeys.aes(2));

    KeyProvider provider = KeyProvider.fromPkcs12(file, Secret.of(STORE_PASSWORD), "k2025");

    assertThat(provider.currentKeyId()).isEqualTo("k2025");
    assertThat(provider.key("k2024").orElseThrow().getEncoded()).isEqualTo(TestKeys.bytes(1));
    assertThat(provider.key("K2025").orElseThrow().getEncoded()).isEqualTo(TestKeys.bytes(2));
    assertThat(provider.key("k1999")).isEmpty();
    assertThat(provider.toString()).contains("[k2024, k2025]").doesNotContain(STORE_PASSWORD);

    CredentialStore store = CredentialStore.builder(provider).build();
    store.put("acme", "acumatica", Credentials.builder().put("username", "admin").put("password", "acu-pw").build());
    assertThat(store.require("acme", "acumatica").get("password").reveal()).isEqualTo("acu-pw");
  }

  @Test
  void wrongPasswordIsReportedWithoutThePassword() throws Exception {
    Path file = keystore(TestKeys.aes(1));
    assertThatThrownBy(() -> KeyProvider.fromPkcs12(file, Secret.of("wrong-guess"), "k2024"))
        .isInstanceOf(CredentialException.class)
        .hasMessageStartingWith("cannot open PKCS12 keystore " + file + ": wrong password")
        .hasMessageNotContaining("wrong-guess")
        .hasMessageNotContaining(STORE_PASSWORD);
  }

  @Test
  void missingCurrentKeyAndWrongKeyTypeAreNamed() throws Exception {
    Path file = keystore(TestKeys.aes(1));
    assertThatThrownBy(() -> KeyProvider.fromPkcs12(file, Secret.of(STORE_PASSWORD), "k2030"))
        .isInstanceOf(CredentialException.class)
        .hasMessage("no key for the current key id \"k2030\" in PKCS12 keystore " + file + "; it has [k2024]");

    Path mixed = keystore(TestKeys.aes(1), TestKeys.aes(2), new SecretKeySpec(new byte[32], "HmacSHA256"));
    assertThatThrownBy(() -> KeyProvider.fromPkcs12(mixed, Secret.of(STORE_PASSWORD), "k2024"))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("entry \"hmac\"")
        .hasMessageContaining("an AES-256 key is needed");

    assertThatThrownBy(() -> KeyProvider.fromPkcs12(dir.resolve("absent.p12"), Secret.of(STORE_PASSWORD), "k1"))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("absent.p12");
  }

  @Test
  void shortAesKeyIsRefused() {
    assertThatThrownBy(() -> KeyProvider.of("k1", java.util.Map.of("k1", new SecretKeySpec(new byte[16], "AES"))))
        .isInstanceOf(CredentialException.class)
        .hasMessage("key \"k1\" holds 16 bytes, an AES-256 key needs 32");
  }
}
