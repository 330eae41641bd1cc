package io.mlconnector.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExtensionsTest {

  private static final Extensions.Key<String> BRANCH =
      Extensions.Key.of("syspro.branch", String.class);
  private static final Extensions.Key<String> HOSTED_URL =
      Extensions.Key.of("stripe.hosted_invoice_url", String.class);
  private static final Extensions.Key<Integer> ATTEMPTS =
      Extensions.Key.of("stripe.attempt_count", Integer.class);

  @Test
  void valuesComeBackWithTheirType() {
    Extensions ext =
        Extensions.builder()
            .put(BRANCH, "10")
            .put(ATTEMPTS, 3)
            .put(HOSTED_URL, "https://invoice.example/i/1")
            .build();

    String branch = ext.get(BRANCH).orElseThrow();
    int attempts = ext.require(ATTEMPTS);
    assertThat(branch).isEqualTo("10");
    assertThat(attempts).isEqualTo(3);
    assertThat(ext.size()).isEqualTo(3);
    assertThat(ext.keys()).containsExactly(BRANCH, ATTEMPTS, HOSTED_URL);
    assertThat(ext.toString())
        .isEqualTo(
            "{syspro.branch=10, stripe.attempt_count=3,"
                + " stripe.hosted_invoice_url=https://invoice.example/i/1}");
  }

  @Test
  void absentKeys() {
    Extensions ext = Extensions.of(BRANCH, "10");
    assertThat(ext.get(HOSTED_URL)).isEmpty();
    assertThat(ext.contains(HOSTED_URL)).isFalse();
    assertThatThrownBy(() -> ext.require(HOSTED_URL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("extension 'stripe.hosted_invoice_url' is not set");
    assertThat(Extensions.empty().isEmpty()).isTrue();
  }

  @Test
  void changesReturnNewInstances() {
    Extensions one = Extensions.of(BRANCH, "10");
    Extensions two = one.with(BRANCH, "20");
    Extensions none = two.without(BRANCH);

    assertThat(one.require(BRANCH)).isEqualTo("10");
    assertThat(two.require(BRANCH)).isEqualTo("20");
    assertThat(none).isEqualTo(Extensions.empty());
    assertThat(one.toBuilder().put(ATTEMPTS, 1).remove(BRANCH).build())
        .isEqualTo(Extensions.of(ATTEMPTS, 1));
    assertThat(Extensions.of(BRANCH, "10")).isEqualTo(one).hasSameHashCodeAs(one);
  }

  @Test
  void aNameHoldsOneTypeOnly() {
    Extensions.Key<Integer> branchAsNumber = Extensions.Key.of("syspro.branch", Integer.class);
    Extensions ext = Extensions.of(BRANCH, "10");

    assertThatThrownBy(() -> ext.get(branchAsNumber))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("extension 'syspro.branch' holds a java.lang.String, not a java.lang.Integer");
    assertThatThrownBy(() -> ext.with(branchAsNumber, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("syspro.branch");
    assertThat(ext.contains(branchAsNumber)).isFalse();
    assertThat(ext.without(branchAsNumber)).isSameAs(ext);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  @Test
  void aValueOfTheWrongTypeIsRefusedEvenThroughRawTypes() {
    Extensions.Key raw = Extensions.Key.of("erp.posted_on", LocalDate.class);
    assertThatThrownBy(() -> Extensions.empty().with(raw, "2026-01-01"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "value of extension 'erp.posted_on' must be a java.time.LocalDate but was a"
                + " java.lang.String");
  }

  @Test
  void badKeysAndValuesAreRefused() {
    assertThatThrownBy(() -> Extensions.Key.of(" ", String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be blank");
    assertThatThrownBy(() -> Extensions.Key.of("syspro branch", String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'syspro branch'");
    assertThatThrownBy(() -> Extensions.Key.of("n", int.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("primitive");
    assertThatThrownBy(() -> Extensions.of(BRANCH, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value of extension 'syspro.branch' must not be null");
  }

  @Test
  void keysAreValues() {
    assertThat(Extensions.Key.of("syspro.branch", String.class)).isEqualTo(BRANCH);
    assertThat(BRANCH.toString()).isEqualTo("syspro.branch:String");
  }
}
