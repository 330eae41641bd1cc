package io.mlconnector.core.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyRotationTest {
  @Test
  void oldEnvelopesDecryptAndRotateMovesThemToTheCurrentKey() {
    CredentialStorage storage = CredentialStorage.inMemory();
    CredentialStore before =
        CredentialStore.builder(KeyProvider.of("2024", Map.of("2024", TestKeys.aes(1)))).storage(storage).build();
    before.put("acme", "stripe", Credentials.of("apiKey", Secret.of("sk_old_tenant_a")));
    before.put("globex", "syspro", Credentials.builder().put("operator", "ADMIN").put("operatorPassword", "op-pw").build());

    KeyProvider rotated = KeyProvider.of("2025", Map.of("2024", TestKeys.aes(1), "2025", TestKeys.aes(2)));
    CredentialStore after = CredentialStore.builder(rotated).storage(storage).build();

    // Old envelopes still decrypt with the old key.
    assertThat(CredentialStore.keyIdOf(storage.read(CredentialId.of("acme", "stripe")).orElseThrow())).isEqualTo("2024");
    assertThat(after.require("acme", "stripe").get("apiKey").reveal()).isEqualTo("sk_old_tenant_a");

    // New writes use the current key.
    after.put("initech", "stripe", Credentials.of("apiKey", Secret.of("sk_new")));
    assertThat(CredentialStore.keyIdOf(storage.read(CredentialId.of("initech", "stripe")).orElseThrow())).isEqualTo("2025");

    assertThat(after.rotate()).isEqualTo(2);
    assertThat(after.rotate()).isZero();
    for (CredentialId id : storage.ids()) {
      assertThat(CredentialStore.keyIdOf(storage.read(id).orElseThrow())).isEqualTo("2025");
    }

    // The old key can now be retired.
    CredentialStore retired =
        CredentialStore.builder(KeyProvider.of("2025", Map.of("2025", TestKeys.aes(2)))).storage(storage).build();
    assertThat(retired.require("globex", "syspro").get("operatorPassword").reveal()).isEqualTo("op-pw");
    assertThat(retired.require("acme", "stripe").get("apiKey").reveal()).isEqualTo("sk_old_tenant_a");
  }

  @Test
  void reencryptMovesOneEnvelope() {
    KeyProvider old = KeyProvider.of("k1", Map.of("k1", TestKeys.aes(1)));
    String envelope = CredentialStore.builder(old).build().encrypt("acme", "stripe", Credentials.of("apiKey", Secret.of("sk_1")));

    CredentialStore store =
        CredentialStore.builder(KeyProvider.of("k2", Map.of("k1", TestKeys.aes(1), "k2", TestKeys.aes(2)))).build();
    String moved = store.reencrypt("acme", "stripe", envelope);

    assertThat(CredentialStore.keyIdOf(moved)).isEqualTo("k2");
    assertThat(store.decrypt("acme", "stripe", moved).get("apiKey").reveal()).isEqualTo("sk_1");
  }

  @Test
  void rotationDoesNotOverwriteAConcurrentUpdate() {
    CredentialStorage storage = CredentialStorage.inMemory();
    CredentialStore old = CredentialStore.builder(KeyProvider.of("k1", Map.of("k1", TestKeys.aes(1)))).storage(storage).build();
    old.put("acme", "stripe", Credentials.of("apiKey", Secret.of("sk_v1")));
    String v1 = storage.read(CredentialId.of("acme", "stripe")).orElseThrow();
    old.put("acme", "stripe", Credentials.of("apiKey", Secret.of("sk_v2")));

    assertThat(storage.replace(CredentialId.of("acme", "stripe"), v1, "stale")).isFalse();
    assertThat(old.require("acme", "stripe").get("apiKey").reveal()).isEqualTo("sk_v2");
  }
}
