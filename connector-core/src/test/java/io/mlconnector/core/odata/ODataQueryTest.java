package io.mlconnector.core.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ODataQueryTest {
  @Test
  void everyOptionIsRenderedAndEncoded() {
    ODataQuery q =
        ODataQuery.of(ODataDialect.V4)
            .filter(ODataFilter.eq("Name", "O'Brien & Sons+Co").and(ODataFilter.ge("InvoiceDate", LocalDate.of(2024, 1, 1))))
            .select("Customer", "Name")
            .expand("Lines($select=Amount)")
            .orderBy("Customer")
            .orderByDesc("InvoiceDate")
            .top(100)
            .skip(200)
            .count(true)
            .param("$custom", "Document.AttributeOS");

    assertThat(q.toQueryString())
        .isEqualTo(
            "$filter=Name%20eq%20%27O%27%27Brien%20%26%20Sons%2BCo%27%20and%20InvoiceDate%20ge%202024-01-01"
                + "&$select=Customer%2CName"
                + "&$expand=Lines%28%24select%3DAmount%29"
                + "&$orderby=Customer%2CInvoiceDate%20desc"
                + "&$top=100&$skip=200&$count=true&$custom=Document.AttributeOS");
    assertThat(q.parameters())
        .containsEntry("$filter", "Name eq 'O''Brien & Sons+Co' and InvoiceDate ge 2024-01-01")
        .containsEntry("$orderby", "Customer,InvoiceDate desc");
  }

  @Test
  void nonAsciiIsUtf8Encoded() {
    ODataQuery q = ODataQuery.of(ODataDialect.V4).filter(ODataFilter.eq("Name", "M\u00fcller \u20ac"));
    assertThat(q.toQueryString()).isEqualTo("$filter=Name%20eq%20%27M%C3%BCller%20%E2%82%AC%27");
  }

  @Test
  void queriesAreImmutable() {
    ODataQuery base = ODataQuery.of(ODataDialect.SAP_B1).select("CardCode").top(20);
    ODataQuery page2 = base.skip(20);
    assertThat(base.toQueryString()).isEqualTo("$select=CardCode&$top=20");
    assertThat(page2.toQueryString()).isEqualTo("$select=CardCode&$top=20&$skip=20");
    assertThat(page2.skip(0).toQueryString()).isEqualTo(base.toQueryString());
  }

  @Test
  void appendToHandlesExistingQueries() {
    ODataQuery q = ODataQuery.of(ODataDialect.V4).top(5);
    assertThat(q.appendTo("https://h/odata/ArCustomer")).isEqualTo("https://h/odata/ArCustomer?$top=5");
    assertThat(q.appendTo("https://h/odata/ArCustomer?x=1")).isEqualTo("https://h/odata/ArCustomer?x=1&$top=5");
    assertThat(ODataQuery.of(ODataDialect.V4).appendTo("https://h/a")).isEqualTo("https://h/a");
  }

  @Test
  void badArgumentsAreNamed() {
    ODataQuery q = ODataQuery.of(ODataDialect.V4);
    assertThatThrownBy(() -> q.top(0)).hasMessage("top must be at least 1, was 0");
    assertThatThrownBy(() -> q.skip(-1)).hasMessage("skip must not be negative, was -1");
    assertThatThrownBy(() -> q.select("A,B"))
        .hasMessage("select fields must be property paths like CardCode or MainContact/Email, was \"A,B\"");
    assertThatThrownBy(() -> q.orderBy("A desc"))
        .hasMessageStartingWith("orderBy fields must be property paths");
    assertThatThrownBy(() -> q.param("a&b", "1")).hasMessageStartingWith("name must be a query option name");
    assertThatThrownBy(() -> ODataQuery.of(null)).isInstanceOf(NullPointerException.class).hasMessage("dialect");
  }
}
