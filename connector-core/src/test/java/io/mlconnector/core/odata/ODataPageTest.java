package io.mlconnector.core.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import io.mlconnector.core.codec.Json;
import io.mlconnector.core.codec.JsonFormatException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ODataPageTest {
  static final class Partner {
    String CardCode;
    BigDecimal CurrentAccountBalance;
  }

  private final JsonAdapter<Partner> adapter = Json.standard().adapter(Partner.class);

  @Test
  void readsV3Envelope() {
    ODataPage<Partner> page =
        ODataPage.fromJson(
            "{\"odata.metadata\":\"https://h/b1s/v1/$metadata#BusinessPartners\",\"odata.count\":\"41\","
                + "\"value\":[{\"CardCode\":\"C1\",\"CurrentAccountBalance\":10.5}],"
                + "\"odata.nextLink\":\"BusinessPartners?$skip=20\"}",
            adapter);
    assertThat(page.items()).extracting(p -> p.CardCode).containsExactly("C1");
    assertThat(page.items().get(0).CurrentAccountBalance).isEqualTo(new BigDecimal("10.5"));
    assertThat(page.nextLink()).isEqualTo("BusinessPartners?$skip=20");
    assertThat(page.totalCount()).isEqualTo(41L);
  }

  @Test
  void readsV4Envelope() {
    ODataPage<Partner> page =
        ODataPage.fromJson(
            "{\"@odata.context\":\"x\",\"@odata.count\":2,\"value\":[{\"CardCode\":\"C1\"},{\"CardCode\":\"C2\"}],"
                + "\"@odata.nextLink\":\"https://h/b1s/v2/BusinessPartners?$skip=2\"}",
            adapter);
    assertThat(page.items()).hasSize(2);
    assertThat(page.nextLink()).isEqualTo("https://h/b1s/v2/BusinessPartners?$skip=2");
    assertThat(page.totalCount()).isEqualTo(2L);
  }

  @Test
  void readsBareArrayAndLastPage() {
    ODataPage<Partner> page = ODataPage.fromJson("[{\"CardCode\":\"C9\"}]", adapter);
    assertThat(page.items()).extracting(p -> p.CardCode).containsExactly("C9");
    assertThat(page.nextLink()).isNull();
    assertThat(page.totalCount()).isNull();
    assertThat(ODataPage.fromJson("{\"value\":[]}", adapter).items()).isEmpty();
  }

  @Test
  void rejectsNonCollections() {
    assertThatThrownBy(() -> ODataPage.fromJson("{\"error\":{\"code\":301}}", adapter))
        .isInstanceOf(JsonFormatException.class)
        .hasMessage("OData collection response has no \"value\" array");
    assertThatThrownBy(() -> ODataPage.fromJson("{\"value\":[{\"CurrentAccountBalance\":\"x\"}]}", adapter))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("$.value[0].CurrentAccountBalance");
  }

  @Test
  void blankNextLinkMeansNone() {
    assertThat(ODataPage.of(java.util.List.of("a"), " ").nextLink()).isNull();
  }
}
