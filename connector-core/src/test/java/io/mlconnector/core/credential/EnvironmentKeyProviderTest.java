package io.mlconnector.core.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentKeyProviderTest {
  @Test
  void readsKeysAndCurrentIdFromTheEnvironment() {
    Map<String, String> env =
        Map.of("MLC_KEY_CURRENT", "2025-q1", "MLC_KEY_2025_Q1", TestKeys.base64(5), "MLC_KEY_OLD", TestKeys.base64(6));

    KeyProvider provider = KeyProvider.fromEnvironment(env::get);

    assertThat(provider.currentKeyId()).isEqualTo("2025-q1");
    assertThat(provider.key("2025-q1")).get().satisfies(k -> assertThat(k.getEncoded()).isEqualTo(TestKeys.bytes(5)));
    assertThat(provider.key("old")).get().satisfies(k -> assertThat(k.getEncoded()).isEqualTo(TestKeys.bytes(6)));
    assertThat(provider.key("missing")).isEmpty();
    assertThat(provider.toString()).doesNotContain(TestKeys.base64(5));
  }

  @Test
  void storeWorksWithEnvironmentKeys() {
    Map<String, String> env = Map.of("MLC_KEY_K1", TestKeys.base64(1));
    CredentialStore store = CredentialStore.builder(KeyProvider.fromEnvironment("k1", env::get)).build();
    store.put("acme", "stripe", Credentials.of("apiKey", Secret.of("sk_x")));
    assertThat(store.require("acme", "stripe").get("apiKey").reveal()).isEqualTo("sk_x");
  }

  @Test
  void missingOrBadKeysAreNamedWithoutTheirValue() {
    assertThatThrownBy(() -> KeyProvider.fromEnvironment(Map.<String, String>of()::get))
        .isInstanceOf(CredentialException.class)
        .hasMessageStartingWith("environment variable MLC_KEY_CURRENT is not set");
    assertThatThrownBy(() -> KeyProvider.fromEnvironment("k1", Map.<String, String>of()::get))
        .isInstanceOf(CredentialException.class)
        .hasMessage(
            "no key for the current key id \"k1\": set environment variable MLC_KEY_K1 to the base64 of a 32-byte key");
    assertThatThrownBy(() -> KeyProvider.fromEnvironment("k1", Map.of("MLC_KEY_K1", "%%not-base64%%")::get))
        .isInstanceOf(CredentialException.class)
        .hasMessage("environment variable MLC_KEY_K1 is not base64")
        .hasMessageNotContaining("%%");
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> KeyProvider.fromEnvironment("k1", Map.of("MLC_KEY_K1", shortKey)::get))
        .isInstanceOf(CredentialException.class)
        .hasMessage("environment variable MLC_KEY_K1 holds 16 bytes, an AES-256 key needs 32")
        .hasMessageNotContaining(shortKey);
    assertThatThrownBy(() -> KeyProvider.fromEnvironment("bad id", Map.<String, String>of()::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("currentKeyId must match");
  }
}
