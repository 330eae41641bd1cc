package io.mlconnector.core.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretTest {
  @Test
  void toStringIsRedacted() {
    Secret s = Secret.of("sk_live_abc123");
    assertThat(s).hasToString("Secret[redacted]");
    assertThat(String.valueOf(s)).doesNotContain("sk_live");
    assertThat(s.reveal()).isEqualTo("sk_live_abc123");
  }

  @Test
  void equalsComparesValuesAndHashCodeRevealsNothing() {
    assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).isNotEqualTo(Secret.of("b")).isNotEqualTo("a");
    assertThat(Secret.of("a").hashCode()).isEqualTo(Secret.of("completely different").hashCode());
    assertThat(Secret.of(new char[] {'x', 'y'})).isEqualTo(Secret.ofBytes("xy".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void wipeOverwritesAndLaterReadsFail() {
    Secret s = Secret.of("password");
    s.wipe();
    assertThat(s.isWiped()).isTrue();
    assertThatThrownBy(s::reveal).isInstanceOf(IllegalStateException.class).hasMessage("secret has been wiped");
    assertThatThrownBy(s::toBytes).isInstanceOf(IllegalStateException.class);
    assertThat(s).isNotEqualTo(Secret.of("password"));
    s.wipe(); // idempotent
    try (Secret closing = Secret.of("x")) {
      assertThat(closing.byteLength()).isEqualTo(1);
    }
  }

  @Test
  void arraysAreCopiesInAndOut() {
    char[] in = {'p', '\u00e9', 'w'};
    Secret s = Secret.of(in);
    java.util.Arrays.fill(in, '\0');
    assertThat(s.reveal()).isEqualTo("p\u00e9w");

    char[] out = s.toChars();
    out[0] = 'X';
    assertThat(s.toChars()).containsExactly('p', '\u00e9', 'w');
    byte[] bytes = s.toBytes();
    bytes[0] = 0;
    assertThat(s.byteLength()).isEqualTo(4);
    assertThat(s.reveal()).isEqualTo("p\u00e9w");
  }

  @Test
  void binarySecretIsNotText() {
    Secret key = Secret.ofBytes(new byte[] {(byte) 0xff, (byte) 0xfe});
    assertThatThrownBy(key::toChars).isInstanceOf(IllegalStateException.class).hasMessage("secret is binary, not UTF-8 text");
  }
}
