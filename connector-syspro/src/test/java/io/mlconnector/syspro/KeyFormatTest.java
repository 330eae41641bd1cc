package io.mlconnector.syspro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.model.ExternalRef;
import org.junit.jupiter.api.Test;

class KeyFormatTest {

  @Test
  void numericKeysArePaddedNeverStripped() {
    KeyFormat f = KeyFormat.numeric(15);
    assertThat(f.customer("42")).isEqualTo("000000000000042");
    assertThat(f.customer("000000000000042")).isEqualTo("000000000000042");
    assertThat(KeyFormat.numeric(6).customer("19")).isEqualTo("000019");
  }

  @Test
  void alphanumericKeysAreUpperCasedUnlessCaseIsPreserved() {
    assertThat(KeyFormat.alphanumeric(15).customer("bay001")).isEqualTo("BAY001");
    assertThat(KeyFormat.alphanumeric(15).preservingCase().customer("bay001")).isEqualTo("bay001");
  }

  @Test
  void badKeysAreRefusedWithTheReason() {
    assertThatThrownBy(() -> KeyFormat.numeric(15).customer("12A"))
        .hasMessageContaining("digits only");
    assertThatThrownBy(() -> KeyFormat.numeric(6).customer("1234567"))
        .hasMessageContaining("more than the 6");
    assertThatThrownBy(() -> KeyFormat.alphanumeric(15).customer("ABCDEFGHIJKLMNOP"))
        .hasMessageContaining("16 characters");
    assertThatThrownBy(() -> KeyFormat.alphanumeric(15).customer(" AB"))
        .hasMessageContaining("leading or trailing");
    assertThatThrownBy(() -> KeyFormat.alphanumeric(15).customer("A<B"))
        .hasMessageContaining("position 2");
    assertThatThrownBy(() -> KeyFormat.alphanumeric(15).customer(""))
        .hasMessageContaining("customer code must not be blank");
    assertThatThrownBy(() -> KeyFormat.numeric(16)).hasMessageContaining("width must be 1..15");
  }

  @Test
  void stampsFitSysprosReferenceColumn() {
    var charge = ExternalRef.of("stripe", "t", "charge", "ch_3NabcDEFghiJKLmno12345");
    assertThat(SysproRefs.stamp(charge)).isEqualTo("ch_3NabcDEFghiJKLmno12345");
    var longRef = ExternalRef.of("stampli", "t", "invoice", "x".repeat(40));
    assertThat(SysproRefs.stamp(longRef))
        .hasSize(30)
        .startsWith("ML")
        .isEqualTo(SysproRefs.stamp(longRef));
    assertThat(SysproRefs.stamp(charge, "-W")).isEqualTo("ch_3NabcDEFghiJKLmno12345-W");
    assertThat(SysproRefs.stamp(longRef, "-W")).hasSize(30).endsWith("-W");
  }
}
