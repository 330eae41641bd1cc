package io.mlconnector.testkit.stripe.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.testkit.http.SimRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {
  private static Params decode(String form) {
    return Params.decode(SimRequest.decodeForm(form, StandardCharsets.UTF_8));
  }

  @Test
  void bracketNotationBecomesMapsAndLists() {
    Params p = decode("metadata%5Berp_ref%5D=INV-1&expand%5B%5D=customer&expand%5B%5D=lines"
        + "&lines%5B1%5D%5Bamount%5D=200&lines%5B0%5D%5Bamount%5D=100&metadata%5B0%5D=zero&expand2%5B0%5D=a");
    assertThat(p.tree().get("metadata")).isEqualTo(Map.of("erp_ref", "INV-1", "0", "zero"));
    assertThat(p.expand()).containsExactly("customer", "lines");
    assertThat(p.tree().get("lines")).isEqualTo(List.of(Map.of("amount", "100"), Map.of("amount", "200")));
    assertThat(p.stringList("expand2")).containsExactly("a");
  }

  @Test
  void badValuesNameTheParameter() {
    assertThatThrownBy(() -> decode("amount=12x").longValue("amount"))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.code()).isEqualTo("parameter_invalid_integer");
          assertThat(e.getMessage()).contains("12x");
        });
    assertThatThrownBy(() -> decode("a=1&a%5Bb%5D=2")).isInstanceOf(ApiError.class).hasMessageContaining("a[b]");
    assertThatThrownBy(() -> decode("customer=").requireString("customer"))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("parameter_invalid_empty"));
    assertThatThrownBy(() -> decode("x=1").allow("y"))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("parameter_unknown"));
  }

  @Test
  void metadataUpdatesFollowStripesRules() {
    Map<String, Object> md = new LinkedHashMap<>(Map.of("keep", "1", "drop", "2"));
    decode("metadata%5Bdrop%5D=&metadata%5Bnew%5D=3").applyMetadata(md);
    assertThat(md).containsOnly(Map.entry("keep", "1"), Map.entry("new", "3"));
    decode("metadata=").applyMetadata(md);
    assertThat(md).isEmpty();
    assertThatThrownBy(() -> decode("metadata%5B" + "k".repeat(41) + "%5D=v").applyMetadata(md))
        .isInstanceOf(ApiError.class).hasMessageContaining("40 characters");
    assertThatThrownBy(() -> decode("metadata%5Bk%5D=" + "v".repeat(501)).applyMetadata(md))
        .isInstanceOf(ApiError.class).hasMessageContaining("500 characters");
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 51; i++) {
      many.append(i == 0 ? "" : "&").append("metadata%5Bk").append(i).append("%5D=v");
    }
    assertThatThrownBy(() -> decode(many.toString()).applyMetadata(md))
        .isInstanceOf(ApiError.class).hasMessageContaining("50 metadata keys");
  }
}
