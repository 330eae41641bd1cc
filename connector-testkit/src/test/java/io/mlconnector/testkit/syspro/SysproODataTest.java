package io.mlconnector.testkit.syspro;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SysproODataTest {
  private static final JsonAdapter<Map<String, Object>> JSON =
      new Moshi.Builder()
          .build()
          .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
  private SysproSimulator sim;

  @AfterEach
  void close() {
    sim.close();
  }

  private SysproSimulator start(SysproSimulator.Builder b, int invoices) {
    sim = b.operator(Operator.of("ADMIN", "secret").withODataPassword("odata-pw")).start();
    sim.addCustomer(Customer.of("C1", "Café Zürich").withEmail("a@c1.example"));
    sim.addCustomer(Customer.of("C2", "O'Brien & Sons"));
    for (int i = 1; i <= invoices; i++) {
      sim.addArInvoice(
          ArInvoice.of(
              i % 2 == 0 ? "C2" : "C1",
              String.format("%06d", i),
              LocalDate.of(2024, 1, 1).plusDays(i % 28),
              new BigDecimal(i).setScale(2)));
    }
    return sim;
  }

  private Response raw(String path, String credentials) throws IOException {
    Request.Builder rb = new Request.Builder().url(HttpUrl.get(sim.odataBaseUri() + path));
    if (credentials != null) {
      rb.header("Authorization", credentials);
    }
    return Enet.HTTP.newCall(rb.build()).execute();
  }

  private Map<String, Object> get(String url) throws IOException {
    try (Response r =
        Enet.HTTP
            .newCall(
                new Request.Builder()
                    .url(url)
                    .header("Authorization", Credentials.basic("ADMIN", "odata-pw"))
                    .build())
            .execute()) {
      String body = r.body().string();
      assertThat(r.code()).as(body).isEqualTo(200);
      assertThat(r.header("OData-Version")).isEqualTo("4.0");
      return JSON.fromJson(body);
    }
  }

  private Map<String, Object> get(String set, String... params) throws IOException {
    HttpUrl.Builder b = HttpUrl.get(sim.odataServiceUri() + "/" + set).newBuilder();
    for (int i = 0; i < params.length; i += 2) {
      b.addQueryParameter(params[i], params[i + 1]);
    }
    return get(b.build().toString());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> value(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.get("value");
  }

  @Test
  void basicAuthWithTheODataPasswordIsRequired() throws Exception {
    start(Enet.builder(), 1);
    try (Response r = raw("/EDU1/ArCustomer", null)) {
      assertThat(r.code()).isEqualTo(401);
      assertThat(r.header("WWW-Authenticate")).startsWith("Basic");
      assertThat(r.body().string()).contains("\"error\"");
    }
    try (Response r = raw("/EDU1/ArCustomer", Credentials.basic("ADMIN", "secret"))) {
      assertThat(r.code()).as("the e.net password is not the OData password").isEqualTo(401);
    }
    try (Response r = raw("/NOPE/ArCustomer", Credentials.basic("ADMIN", "odata-pw"))) {
      assertThat(r.code()).isEqualTo(404);
    }
    try (Response r = raw("/EDU1/Customers", Credentials.basic("ADMIN", "odata-pw"))) {
      assertThat(r.code()).isEqualTo(404);
    }
  }

  @Test
  void selectFilterOrderByTopSkipAndCount() throws Exception {
    start(Enet.builder(), 10);
    Map<String, Object> page =
        get(
            "ArInvoice",
            "$select",
            "Customer,Invoice,InvoiceBal1,InvoiceDate",
            "$filter",
            "Customer eq 'C1' and (InvoiceBal1 ge 3 or Invoice eq '000001') and InvoiceDate ge"
                + " 2024-01-02",
            "$orderby",
            "InvoiceBal1 desc",
            "$top",
            "2",
            "$skip",
            "1",
            "$count",
            "true");
    assertThat(page.get("@odata.context"))
        .isEqualTo(
            sim.odataServiceUri()
                + "/$metadata#ArInvoice(Customer,Invoice,InvoiceBal1,InvoiceDate)");
    assertThat(page.get("@odata.count")).isEqualTo(5.0);
    assertThat(value(page)).extracting(r -> r.get("Invoice")).containsExactly("000007", "000005");
    assertThat(value(page).get(0))
        .containsOnlyKeys("Customer", "Invoice", "InvoiceBal1", "InvoiceDate")
        .containsEntry("InvoiceBal1", 7.0)
        .containsEntry("InvoiceDate", "2024-01-08T00:00:00Z");
    Map<String, Object> names =
        get(
            "ArCustomer",
            "$filter",
            "Name eq 'O''Brien & Sons' or contains(Name,'zür')",
            "$select",
            "Customer,Name,DateLastPay");
    assertThat(value(names))
        .extracting(r -> r.get("Name"))
        .containsExactly("Café Zürich", "O'Brien & Sons");
    assertThat(value(names).get(0)).containsEntry("DateLastPay", null);
  }

  @Test
  void malformedQueriesAre400WithAnODataError() throws Exception {
    start(Enet.builder(), 1);
    for (String q :
        List.of(
            "$filter=Customer eq",
            "$filter=Nope eq 'x'",
            "$filter=InvoiceDate ge datetime'2024-01-01T00:00:00'",
            "$top=-1",
            "$select=LastModifiedDate",
            "$orderby=Customer sideways",
            "$expand=Lines")) {
      try (Response r = raw("/EDU1/ArInvoice?" + q, Credentials.basic("ADMIN", "odata-pw"))) {
        assertThat(r.code()).as(q).isEqualTo(400);
        assertThat(JSON.fromJson(r.body().string())).containsKey("error");
      }
    }
  }

  @Test
  void pagesAreCappedAtFiveThousandRows() throws Exception {
    start(Enet.builder(), 5010);
    Map<String, Object> page =
        get("ArInvoice", "$top", "6000", "$select", "Invoice", "$orderby", "Invoice");
    assertThat(value(page)).hasSize(5000);
    assertThat(page).doesNotContainKey("@odata.nextLink");
    Map<String, Object> rest =
        get("ArInvoice", "$skip", "5000", "$select", "Invoice", "$orderby", "Invoice");
    assertThat(value(rest)).hasSize(10);
    assertThat(value(rest).get(0)).containsEntry("Invoice", "005001");
  }

  @Test
  void nextLinkModeWalksEveryRowOnce() throws Exception {
    start(Enet.builder().odataPaging(ODataPaging.NEXT_LINK).odataMaxPageSize(4), 10);
    List<Object> seen = new ArrayList<>();
    Map<String, Object> page =
        get("ArInvoice", "$select", "Invoice", "$orderby", "Invoice", "$top", "9");
    int pages = 1;
    while (true) {
      value(page).forEach(r -> seen.add(r.get("Invoice")));
      Object next = page.get("@odata.nextLink");
      if (next == null) {
        break;
      }
      page = get((String) next);
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(9).doesNotHaveDuplicates().startsWith("000001").endsWith("000009");
  }

  @Test
  void entitySetNamesDateTypeAndTimestampAreConfigurable() throws Exception {
    start(
        Enet.builder()
            .odataEntitySet(SysproTable.AR_CUSTOMER, "Customers")
            .odataDateFormat(ODataDateFormat.DATE)
            .odataExposeTimeStamp(false),
        0);
    Map<String, Object> page = get("Customers", "$filter", "DateCustAdded eq 2024-01-15");
    assertThat(value(page)).hasSize(2);
    assertThat(value(page).get(0))
        .containsEntry("DateCustAdded", "2024-01-15")
        .doesNotContainKey("TimeStamp");
    assertThat(sim.entitySet(SysproTable.AR_CUSTOMER)).isEqualTo("Customers");
  }

  @Test
  void eNetPostingsAreVisibleAtOnceAndTimeStampsMove() throws Exception {
    start(Enet.builder(), 2);
    Map<String, Object> before = value(get("ArInvoice", "$filter", "Invoice eq '000001'")).get(0);
    Enet enet = new Enet(sim);
    String id = enet.logon();
    enet.post(
        id,
        "ARSTPY",
        "",
        "<PostArPayment><Item><Payment><Customer>C1</Customer><PaymentValue>1.00</PaymentValue>"
            + "<Reference>ch_x</Reference><InvoiceToPay><Invoice>000001</Invoice></InvoiceToPay></Payment></Item>"
            + "</PostArPayment>");
    enet.logoff(id);
    Map<String, Object> after = value(get("ArInvoice", "$filter", "Invoice eq '000001'")).get(0);
    assertThat(after.get("InvoiceBal1")).isEqualTo(0.0);
    assertThat(after.get("TimeStamp")).isNotEqualTo(before.get("TimeStamp"));
    String newer =
        value(
                get(
                    "ArInvoice",
                    "$filter",
                    "TimeStamp gt binary'" + before.get("TimeStamp") + "'",
                    "$select",
                    "Invoice"))
            .get(0)
            .get("Invoice")
            .toString();
    assertThat(newer).isEqualTo("000001");
    assertThat(value(get("ArInvoicePay", "$filter", "Reference eq 'ch_x'")))
        .singleElement()
        .satisfies(r -> assertThat(r.get("TrnValue")).isEqualTo(-1.0));
  }
}
