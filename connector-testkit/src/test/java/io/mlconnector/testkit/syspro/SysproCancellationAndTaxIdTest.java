package io.mlconnector.testkit.syspro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A customer's seeded tax registration number is served by OData; cancelling an AR invoice posts a
 * same-number credit note and zeroes the invoice's balance with a new row version.
 */
class SysproCancellationAndTaxIdTest {
  private static final JsonAdapter<Map<String, Object>> JSON =
      new Moshi.Builder()
          .build()
          .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
  private SysproSimulator sim;

  @BeforeEach
  void start() {
    sim = Enet.builder().operator(Operator.of("ADMIN", "secret").withODataPassword("odata-pw")).start();
    sim.addCustomer(Customer.of("C1", "Café Zürich").withCurrency("CHF").withTaxId("CHE-116.281.710"));
    sim.addCustomer(Customer.of("C2", "No Tax"));
    sim.addArInvoice(
        ArInvoice.of("C1", "000001", LocalDate.of(2024, 1, 5), new BigDecimal("115.00"))
            .withTax(new BigDecimal("15.00")));
    sim.addArInvoice(
        ArInvoice.of("C1", "000002", LocalDate.of(2024, 1, 6), new BigDecimal("50.00"))
            .withBalance(new BigDecimal("20.00")));
  }

  @AfterEach
  void close() {
    sim.close();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> rows(String set, String filter) throws IOException {
    HttpUrl.Builder b = HttpUrl.get(sim.odataServiceUri() + "/" + set).newBuilder();
    if (filter != null) {
      b.addQueryParameter("$filter", filter);
    }
    try (Response r =
        Enet.HTTP
            .newCall(
                new Request.Builder()
                    .url(b.build())
                    .header("Authorization", Credentials.basic("ADMIN", "odata-pw"))
                    .build())
            .execute()) {
      String body = r.body().string();
      assertThat(r.code()).as(body).isEqualTo(200);
      return (List<Map<String, Object>>) JSON.fromJson(body).get("value");
    }
  }

  @Test
  void theTaxIdIsSeededReadBackAndServed() throws Exception {
    assertThat(sim.customer("C1").orElseThrow().taxId()).isEqualTo("CHE-116.281.710");
    assertThat(sim.customer("C2").orElseThrow().taxId()).isEmpty();
    assertThat(rows("ArCustomer", null))
        .extracting(r -> r.get("TaxRegnNum"))
        .containsExactly("CHE-116.281.710", "");
  }

  @Test
  void cancellingPostsASameNumberCreditNoteAndZeroesTheBalance() throws Exception {
    Object before = rows("ArInvoice", "Invoice eq '000001'").get(0).get("TimeStamp");

    ArInvoice credit = sim.cancelArInvoice("C1", "000001");

    assertThat(credit.documentType()).isEqualTo("C");
    assertThat(credit.value()).isEqualByComparingTo("-115.00");
    assertThat(credit.tax()).isEqualByComparingTo("-15.00");
    assertThat(sim.invoiceBalance("C1", "000001")).isZero();
    List<Map<String, Object>> rows = rows("ArInvoice", "Invoice eq '000001'");
    assertThat(rows).extracting(r -> r.get("DocumentType")).containsExactlyInAnyOrder("I", "C");
    Map<String, Object> invoice =
        rows.stream().filter(r -> "I".equals(r.get("DocumentType"))).findFirst().orElseThrow();
    assertThat(((Number) invoice.get("InvoiceBal1")).doubleValue()).isZero();
    assertThat(invoice.get("TimeStamp")).isNotEqualTo(before);
    assertThat(sim.arPayments()).isEmpty();
  }

  @Test
  void onlyAnUnpaidExistingInvoiceCanBeCancelledOnce() {
    assertThatThrownBy(() -> sim.cancelArInvoice("C1", "999999"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("999999");
    assertThatThrownBy(() -> sim.cancelArInvoice("C1", "000002"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("paid in part");
    sim.cancelArInvoice("C1", "000001");
    assertThatThrownBy(() -> sim.cancelArInvoice("C1", "000001"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already credited");
  }
}
