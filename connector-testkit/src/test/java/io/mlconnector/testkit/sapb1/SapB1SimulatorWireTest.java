package io.mlconnector.testkit.sapb1;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's wire behaviour, checked with a plain HTTP client against the reference's facts. */
class SapB1SimulatorWireTest {
  private static final MediaType JSON = MediaType.get("application/json");
  private final OkHttpClient http = new OkHttpClient();
  private SapB1Simulator sim;

  @BeforeEach
  void start() {
    sim = SapB1Simulator.builder().user("manager", "pw").start();
    for (int i = 0; i < 25; i++) {
      sim.addCustomer(String.format("C%02d", i), "Name " + i, "USD");
    }
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private Response call(String method, String path, String cookie, String body, String... headers) throws IOException {
    Request.Builder b = new Request.Builder().url(sim.baseUri() + path);
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    b.method(method, body == null ? (method.equals("GET") ? null : RequestBody.create(new byte[0], null))
        : RequestBody.create(body, JSON));
    return http.newCall(b.build()).execute();
  }

  private String login(String version) throws IOException {
    try (Response r = call("POST", "/b1s/" + version + "/Login", null,
        "{\"CompanyDB\":\"SBODEMOUS\",\"UserName\":\"manager\",\"Password\":\"pw\",\"Language\":\"23\"}")) {
      assertThat(r.code()).isEqualTo(200);
      List<String> cookies = r.headers("Set-Cookie");
      assertThat(cookies).hasSize(2);
      assertThat(cookies.get(0)).matches("B1SESSION=[0-9a-f-]{36};HttpOnly;");
      assertThat(cookies.get(1)).isEqualTo("ROUTEID=.node1; path=/b1s");
      String body = r.body().string();
      assertThat(body).contains(version.equals("v1") ? "\"odata.metadata\"" : "\"@odata.context\"")
          .contains(version.equals("v1") ? "B1Sessions/@Element" : "B1Sessions/$entity")
          .contains("\"SessionTimeout\":30");
      return cookies.get(0).split(";")[0] + "; ROUTEID=.node1";
    }
  }

  @Test
  void loginSetsBothCookiesAndWrongCasePathsAnswer401With301() throws IOException {
    String cookie = login("v1");
    try (Response r = call("POST", "/b1s/v1/login", null, "{}")) {
      assertThat(r.code()).isEqualTo(401);
      assertThat(r.body().string()).isEqualTo(
          "{\"error\":{\"code\":301,\"message\":{\"lang\":\"en-us\",\"value\":\"Invalid session or session already timeout.\"}}}");
    }
    try (Response r = call("GET", "/b1s/v2/BusinessPartners('C01')", null, null)) {
      assertThat(r.code()).isEqualTo(401);
      assertThat(r.body().string()).isEqualTo(
          "{\"error\":{\"code\":\"301\",\"message\":\"Invalid session or session already timeout.\"}}");
    }
    try (Response r = call("GET", "/b1s/v1/BusinessPartners('C01')", cookie, null)) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.header("ETag")).isEqualTo("W/\"356A192B7913B04C54574D18C28D46E6395428AB\""); // SHA-1 of "1"
    }
    try (Response r = call("POST", "/b1s/v1/Login", null,
        "{\"CompanyDB\":\"SBODEMOUS\",\"UserName\":\"manager\",\"Password\":\"bad\",\"Language\":23}")) {
      assertThat(r.code()).isEqualTo(401);
      assertThat(r.body().string()).contains("100000027").contains("Login failed");
    }
    sim.advance(Duration.ofMinutes(30));
    try (Response r = call("GET", "/b1s/v1/BusinessPartners('C01')", cookie, null)) {
      assertThat(r.code()).isEqualTo(401);
    }
    try (Response r = call("GET", "/ping/", null, null)) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.body().string()).contains("\"message\":\"pong\"");
    }
  }

  @Test
  void pagingKeepsTheQueryInRelativeNextLinksPerVersion() throws IOException {
    String cookie = login("v2");
    try (Response r = call("GET", "/b1s/v2/BusinessPartners?$filter=startswith(CardCode,'C')&$select=CardCode&$count=true",
        cookie, null)) {
      Map<?, ?> m = (Map<?, ?>) new Moshi.Builder().build().adapter(Object.class).fromJson(r.body().string());
      assertThat((List<?>) m.get("value")).hasSize(20);
      assertThat(m.get("@odata.count")).isEqualTo(25.0);
      assertThat(m.get("@odata.nextLink"))
          .isEqualTo("BusinessPartners?$filter=startswith%28CardCode%2C%27C%27%29&$select=CardCode&$count=true&$skip=20");
      assertThat(((Map<?, ?>) ((List<?>) m.get("value")).get(0)).get("@odata.etag")).asString().startsWith("W/\"");
    }
    String v1 = login("v1");
    try (Response r = call("GET", "/b1s/v1/BusinessPartners?$top=22", v1, null, "B1S-PageSize", "10")) {
      String body = r.body().string();
      assertThat(body).contains("\"odata.nextLink\":\"BusinessPartners?$top=12&$skip=10\"");
      assertThat(r.header("DataServiceVersion")).isEqualTo("3.0");
    }
    try (Response r = call("GET", "/b1s/v1/BusinessPartners?$top=5", v1, null)) {
      assertThat(r.body().string()).doesNotContain("nextLink");
    }
    try (Response r = call("GET", "/b1s/v1/BusinessPartners/$count", v1, null)) {
      assertThat(r.body().string()).isEqualTo("25");
    }
  }

  @Test
  void filtersCompareDatesByDayTimesByMinuteAndEnumsByNameOrCode() throws IOException {
    String cookie = login("v1");
    String[] sameDay = {"UpdateDate eq '2026-03-02'", "UpdateDate eq '20260302'", "UpdateDate eq datetime'2026-03-02'",
        "UpdateDate eq '2026-03-02T17:21:21'", "UpdateDate eq '20260302000000'", "UpdateTime eq '09:00'",
        "UpdateTime eq '0900'", "UpdateTime ge '09:00:59'", "CardType eq 'C'", "CardType eq 'cCustomer'",
        "Valid eq 'tYES'", "not (CardType eq 'cSupplier') and (CardCode ge 'C00' or CardCode eq 'x')"};
    for (String f : sameDay) {
      try (Response r = call("GET", "/b1s/v1/BusinessPartners/$count?$filter=" + java.net.URLEncoder.encode(f, "UTF-8"),
          cookie, null)) {
        assertThat(r.body().string()).as(f).isEqualTo("25");
      }
    }
    String v2 = login("v2");
    try (Response r = call("GET", "/b1s/v2/BusinessPartners/$count?$filter="
        + java.net.URLEncoder.encode("CardType eq SAPB1.BoCardTypes'cCustomer' and UpdateDate ge 2026-03-02", "UTF-8"),
        v2, null)) {
      assertThat(r.body().string()).isEqualTo("25");
    }
    try (Response r = call("GET", "/b1s/v2/BusinessPartners?$filter=Nope%20eq%201", v2, null)) {
      assertThat(r.code()).isEqualTo(400);
      assertThat(r.body().string()).contains("Property 'Nope' of 'BusinessPartner' is invalid");
    }
  }

  @Test
  void batchRequiresContentIdsOnV2AndRefusesGetInsideAChangeSet() throws IOException {
    String cookie = login("v2");
    String noId = "--batch_1\r\nContent-Type: multipart/mixed; boundary=changeset_1\r\n\r\n"
        + "--changeset_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
        + "PATCH /b1s/v2/BusinessPartners('C01') HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"CardName\":\"X\"}\r\n"
        + "--changeset_1--\r\n--batch_1--\r\n";
    try (Response r = http.newCall(new Request.Builder().url(sim.baseUri() + "/b1s/v2/$batch").header("Cookie", cookie)
        .post(RequestBody.create(noId, MediaType.get("multipart/mixed; boundary=batch_1"))).build()).execute()) {
      assertThat(r.code()).isEqualTo(400);
      assertThat(r.body().string()).isEqualTo(
          "{\"error\":{\"code\":\"244\",\"message\":\"Content ID should be specified in each change set request.\"}}");
    }
    String withGet = noId.replace("PATCH /b1s/v2/BusinessPartners('C01') HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"CardName\":\"X\"}",
        "GET /b1s/v2/BusinessPartners('C01') HTTP/1.1\r\n").replace("binary\r\n\r\n", "binary\r\nContent-ID: 1\r\n\r\n");
    try (Response r = http.newCall(new Request.Builder().url(sim.baseUri() + "/b1s/v2/$batch").header("Cookie", cookie)
        .post(RequestBody.create(withGet, MediaType.get("multipart/mixed; boundary=batch_1"))).build()).execute()) {
      assertThat(r.code()).isEqualTo(400);
      assertThat(r.body().string()).contains("GET requests are not allowed inside a change set");
    }
    String ok = noId.replace("binary\r\n\r\n", "binary\r\nContent-ID: 1\r\n\r\n");
    try (Response r = http.newCall(new Request.Builder().url(sim.baseUri() + "/b1s/v2/$batch").header("Cookie", cookie)
        .header("If-Match", "W/\"stale\"")
        .post(RequestBody.create(ok, MediaType.get("multipart/mixed; boundary=batch_1"))).build()).execute()) {
      assertThat(r.code()).isEqualTo(202);
      assertThat(r.header("Content-Type")).startsWith("multipart/mixed;boundary=batchresponse_");
      String body = r.body().string();
      assertThat(body).contains("changesetresponse_").contains("Content-ID: 1\r\n\r\nHTTP/1.1 204 No Content");
    }
    assertThat(sim.businessPartner("C01").get("CardName")).isEqualTo("X");
  }

  @Test
  void currenciesAreReadOnlyAndPagedWithTheirIsoFieldsInBothVersions() throws IOException {
    sim.addCurrency("US$", "US Dollar (old code)", "$", "USD");
    sim.addCurrency("CN", "Renminbi", "CN", "Yuan");
    Moshi moshi = new Moshi.Builder().build();
    String v1 = login("v1");
    try (Response r = call("GET", "/b1s/v1/Currencies?$orderby=Code", v1, null, "B1S-PageSize", "2")) {
      assertThat(r.code()).isEqualTo(200);
      Map<?, ?> m = (Map<?, ?>) moshi.adapter(Object.class).fromJson(r.body().string());
      List<?> rows = (List<?>) m.get("value");
      assertThat(rows.stream().map(row -> String.valueOf(((Map<?, ?>) row).get("Code"))).toList()).containsExactly("CN", "EUR");
      assertThat(m.get("odata.nextLink")).isEqualTo("Currencies?$orderby=Code&$skip=2");
      Map<?, ?> eur = (Map<?, ?>) rows.get(1);
      assertThat(eur.get("InternationalDescription")).isEqualTo("EUR");
      assertThat(eur.get("Decimals")).isEqualTo("cdDefault");
      assertThat(eur.containsKey("HundredthName")).as("nulls present").isTrue();
      assertThat(eur.get("HundredthName")).isNull();
    }
    try (Response r = call("GET", "/b1s/v1/Currencies/$count", v1, null)) {
      assertThat(r.body().string()).isEqualTo("5");
    }
    try (Response r = call("GET", "/b1s/v1/Currencies('US$')", v1, null)) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.header("ETag")).isNull(); // no concurrency token on Currencies
      String body = r.body().string();
      assertThat(body).contains("Currencies/@Element").contains("\"DocumentsCode\":\"$\"")
          .contains("\"InternationalDescription\":\"USD\"");
    }
    try (Response r = call("GET", "/b1s/v1/Currencies('XXX')", v1, null)) {
      assertThat(r.code()).isEqualTo(404);
      assertThat(r.body().string()).contains("-2028");
    }
    String v2 = login("v2");
    try (Response r = call("GET", "/b1s/v2/Currencies('CN')", v2, null)) {
      Map<?, ?> m = (Map<?, ?>) moshi.adapter(Object.class).fromJson(r.body().string());
      assertThat((String) m.get("@odata.context")).endsWith("Currencies/$entity");
      assertThat(m.get("InternationalDescription")).isEqualTo("Yuan");
      assertThat(m.containsKey("@odata.etag")).isFalse();
    }
    try (Response r = call("GET", "/b1s/v2/Currencies?$orderby=Code", v2, null, "Prefer", "odata.maxpagesize=3")) {
      Map<?, ?> m = (Map<?, ?>) moshi.adapter(Object.class).fromJson(r.body().string());
      assertThat((List<?>) m.get("value")).hasSize(3);
      assertThat(m.get("@odata.nextLink")).isEqualTo("Currencies?$orderby=Code&$skip=3");
    }
    try (Response r = call("POST", "/b1s/v2/Currencies", v2, "{\"Code\":\"CHF\",\"Name\":\"Franc\"}")) {
      assertThat(r.code()).isEqualTo(405);
    }
    sim.reset();
    try (Response r = call("GET", "/b1s/v2/Currencies/$count", v2, null)) {
      assertThat(r.body().string()).as("reset adds the seeded currencies again").isEqualTo("3");
    }
  }

  @Test
  void seatsAreCappedAndLogoutFreesOne() throws IOException {
    sim.close();
    sim = SapB1Simulator.builder().user("manager", "pw").maxSessionsPerUser(1).start();
    String cookie = login("v1");
    try (Response r = call("POST", "/b1s/v1/Login", null,
        "{\"CompanyDB\":\"SBODEMOUS\",\"UserName\":\"manager\",\"Password\":\"pw\"}")) {
      assertThat(r.code()).isEqualTo(401);
      assertThat(r.body().string()).contains("license seat");
    }
    try (Response r = call("POST", "/b1s/v1/Logout", cookie, null)) {
      assertThat(r.code()).isEqualTo(204);
    }
    assertThat(sim.liveSessions()).isZero();
    login("v1");
  }
}
