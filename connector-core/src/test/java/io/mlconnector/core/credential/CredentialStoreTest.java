package io.mlconnector.core.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialStoreTest {
  private static final String API_KEY = "sk_test_51HqLyjWDarjtT1zdp7dcxyz";
  private static final String PASSWORD = "Pa55-w0rd-\u20ac";

  private final KeyProvider keys = KeyProvider.of("k1", Map.of("k1", TestKeys.aes(1)));
  private final CredentialStore store = CredentialStore.builder(keys).build();

  private static Credentials credentials() {
    return Credentials.builder().put("apiKey", API_KEY).put("password", Secret.of(PASSWORD)).build();
  }

  @Test
  void roundTripThroughStorage() {
    store.put("acme", "stripe", credentials());

    Credentials back = store.require("acme", "stripe");

    assertThat(back.get("apiKey").reveal()).isEqualTo(API_KEY);
    assertThat(back.get("password").reveal()).isEqualTo(PASSWORD);
    assertThat(back.names()).containsExactly("apiKey", "password");
    assertThat(back).isEqualTo(credentials());
    assertThat(store.get("acme", "syspro")).isEmpty();
    assertThat(store.delete("acme", "stripe")).isTrue();
    assertThat(store.get("acme", "stripe")).isEmpty();
  }

  @Test
  void envelopeIsVersionedAndNamesItsKey() {
    String envelope = store.encrypt("acme", "stripe", credentials());
    byte[] raw = Base64.getDecoder().decode(envelope);

    assertThat(raw[0]).isEqualTo((byte) 1);
    assertThat(raw[1]).isEqualTo((byte) 2);
    assertThat(new String(raw, 2, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("k1");
    assertThat(CredentialStore.keyIdOf(envelope)).isEqualTo("k1");
    assertThat(envelope).doesNotContain(API_KEY);
    assertThat(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("sk_test");
  }

  @Test
  void everyEncryptionUsesAFreshNonce() {
    String a = store.encrypt("acme", "stripe", credentials());
    String b = store.encrypt("acme", "stripe", credentials());
    assertThat(a).isNotEqualTo(b);
    byte[] ra = Base64.getDecoder().decode(a);
    byte[] rb = Base64.getDecoder().decode(b);
    assertThat(java.util.Arrays.copyOfRange(ra, 4, 16)).isNotEqualTo(java.util.Arrays.copyOfRange(rb, 4, 16));
  }

  @Test
  void everyAlteredByteIsRejected() {
    String envelope = store.encrypt("acme", "stripe", credentials());
    byte[] raw = Base64.getDecoder().decode(envelope);
    // Flip each byte after the header (nonce, ciphertext, tag) in turn.
    for (int i = 4; i < raw.length; i++) {
      byte[] copy = raw.clone();
      copy[i] ^= 0x01;
      String tampered = Base64.getEncoder().encodeToString(copy);
      assertThatThrownBy(() -> store.decrypt("acme", "stripe", tampered))
          .isInstanceOf(CredentialException.class)
          .hasMessage(
              "credentials of tenant \"acme\" for system \"stripe\" failed authentication: the envelope was"
                  + " altered, or was made for another tenant or system, or key \"k1\" is not the key it was"
                  + " encrypted with");
    }
  }

  @Test
  void envelopeOfAnotherTenantOrSystemIsRejected() {
    String envelope = store.encrypt("acme", "stripe", credentials());

    assertThatThrownBy(() -> store.decrypt("globex", "stripe", envelope))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("tenant \"globex\"")
        .hasMessageContaining("failed authentication");
    assertThatThrownBy(() -> store.decrypt("acme", "chargebee", envelope))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("system \"chargebee\"")
        .hasMessageContaining("failed authentication");
    // Length-prefixed associated data: shifting characters between tenant and system does not help.
    String shifted = store.encrypt("ab", "c", credentials());
    assertThatThrownBy(() -> store.decrypt("a", "bc", shifted)).isInstanceOf(CredentialException.class);
  }

  @Test
  void anotherKeyUnderTheSameIdIsNamed() {
    String envelope = store.encrypt("acme", "stripe", credentials());
    CredentialStore other = CredentialStore.builder(KeyProvider.of("k1", Map.of("k1", TestKeys.aes(7)))).build();

    assertThatThrownBy(() -> other.decrypt("acme", "stripe", envelope))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("key \"k1\" is not the key it was encrypted with");
  }

  @Test
  void swappedKeyIdInTheHeaderIsRejected() {
    KeyProvider two = KeyProvider.of("k1", Map.of("k1", TestKeys.aes(1), "k2", TestKeys.aes(1)));
    CredentialStore s = CredentialStore.builder(two).build();
    byte[] raw = Base64.getDecoder().decode(s.encrypt("acme", "stripe", credentials()));
    raw[3] = '2'; // "k1" -> "k2": same key material, but the header is authenticated
    String swapped = Base64.getEncoder().encodeToString(raw);
    assertThatThrownBy(() -> s.decrypt("acme", "stripe", swapped))
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("failed authentication");
  }

  @Test
  void malformedEnvelopesAreNamed() {
    assertThatThrownBy(() -> store.decrypt("acme", "stripe", "not base64!"))
        .isInstanceOf(CredentialException.class)
        .hasMessage("not a credential envelope: the text is not base64");
    assertThatThrownBy(() -> store.decrypt("acme", "stripe", Base64.getEncoder().encodeToString(new byte[] {1, 2, 'k'})))
        .isInstanceOf(CredentialException.class)
        .hasMessageStartingWith("not a credential envelope: truncated");
    assertThatThrownBy(() -> store.decrypt("acme", "stripe", Base64.getEncoder().encodeToString(new byte[40])))
        .isInstanceOf(CredentialException.class)
        .hasMessage("unsupported credential envelope version 0 (this SDK reads version 1)");
    assertThatThrownBy(() -> store.require("acme", "sap-b1"))
        .isInstanceOf(CredentialException.class)
        .hasMessage("no credentials stored for tenant \"acme\" and system \"sap-b1\"");
  }

  @Test
  void unknownKeyIdIsNamed() {
    String envelope = store.encrypt("acme", "stripe", credentials());
    CredentialStore other = CredentialStore.builder(KeyProvider.of("k9", Map.of("k9", TestKeys.aes(9)))).build();
    assertThatThrownBy(() -> other.decrypt("acme", "stripe", envelope))
        .isInstanceOf(CredentialException.class)
        .hasMessageStartingWith("no key with id \"k1\" for credentials of acme/stripe");
  }

  @Test
  void seededRandomGivesReproducibleEnvelopes() {
    CredentialStore a = CredentialStore.builder(keys).secureRandom(seeded()).build();
    CredentialStore b = CredentialStore.builder(keys).secureRandom(seeded()).build();
    assertThat(a.encrypt("acme", "stripe", credentials())).isEqualTo(b.encrypt("acme", "stripe", credentials()));
  }

  private static SecureRandom seeded() {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(42);
      return r;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
