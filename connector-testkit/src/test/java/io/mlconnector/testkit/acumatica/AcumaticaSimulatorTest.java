package io.mlconnector.testkit.acumatica;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator's wire behaviour, spoken to with a plain HTTP client (no connector code). */
class AcumaticaSimulatorTest {
  private static final MediaType JSON = MediaType.get("application/json");
  private final AcumaticaSimulator sim = AcumaticaSimulator.builder().user("admin", "pw")
      .oauthClient("CLIENT1", "secret").actions(1, Duration.ofSeconds(30)).start();
  private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();

  @AfterEach
  void close() {
    sim.close();
  }

  private String url(String path) {
    return sim.instanceUri() + path;
  }

  private String token() throws IOException {
    try (Response r = http.newCall(new Request.Builder().url(url("identity/connect/token")).post(new FormBody.Builder()
        .add("grant_type", "password").add("client_id", "CLIENT1@" + sim.tenant()).add("client_secret", "secret")
        .add("username", "admin").add("password", "pw").add("scope", "api offline_access").build()).build()).execute()) {
      String body = r.body().string();
      assertThat(r.code()).as(body).isEqualTo(200);
      return body.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }
  }

  private Response call(String method, String path, String json, String token) throws IOException {
    Request.Builder b = new Request.Builder().url(url(path)).header("Authorization", "Bearer " + token);
    b.method(method, json == null ? (method.equals("POST") ? RequestBody.create(new byte[0]) : null)
        : RequestBody.create(json, JSON));
    return http.newCall(b.build()).execute();
  }

  private String body(String method, String path, String json, String token, int status) throws IOException {
    try (Response r = call(method, path, json, token)) {
      String text = r.body() == null ? "" : r.body().string();
      assertThat(r.code()).as(method + " " + path + ": " + text).isEqualTo(status);
      return text;
    }
  }

  @Test
  void listsItsEndpointsWithoutASessionAndAnswers404ForAnotherVersion() throws IOException {
    try (Response r = http.newCall(new Request.Builder().url(url("entity")).build()).execute()) {
      String text = r.body().string();
      assertThat(text).contains("\"22.200.001\"", "\"23.200.001\"", "\"24.200.001\"", "/AcumaticaERP/entity/Default/24.200.001/");
    }
    String t = token();
    assertThat(body("GET", "entity/Default/25.100.001/Customer", null, t, 404)).contains("exceptionType");
    assertThat(body("GET", "entity/Default/24.200.001/Customer", null, "bad", 401)).contains("message");
  }

  @Test
  void wrapsValuesProjectsOnlyTopLevelFieldsAndExpandsEachLevel() throws IOException {
    sim.addCustomer("cust01", "Café", "EUR", "a@b.test");
    String t = token();
    String plain = body("GET", "entity/Default/24.200.001/Customer/CUST01", null, t, 200);
    assertThat(plain).contains("\"CustomerID\":{\"value\":\"CUST01\"}", "\"rowNumber\":1", "\"custom\":{}", "\"_links\"")
        .doesNotContain("MainContact");
    String expanded = body("GET", "entity/Default/24.200.001/Customer/CUST01?$expand=MainContact", null, t, 200);
    assertThat(expanded).contains("\"Email\":{\"value\":\"a@b.test\"}");
    String selected = body("GET", "entity/Default/24.200.001/Customer?$select=CustomerName", null, t, 200);
    assertThat(selected).contains("CustomerName").doesNotContain("CurrencyID");
    assertThat(body("PUT", "entity/Default/24.200.001/Customer", "{\"CustomerID\":\"X\"}", t, 400))
        .contains("must be wrapped");
  }

  @Test
  void filtersWithOffsetAwareDatesEscapedStringsAndFunctions() throws IOException {
    sim.addCustomer("A1", "O'Brien & Co", "USD");
    String t = token();
    String lm = sim.field("Customer", "LastModifiedDateTime", "A1").toString();
    // the same instant two hours east: not after itself
    String at = java.time.LocalDateTime.parse(lm).plusHours(2).toString() + "+02:00";
    String q = "entity/Default/24.200.001/Customer?$filter=" + enc("LastModifiedDateTime gt datetimeoffset'" + at + "'");
    assertThat(body("GET", q, null, t, 200)).isEqualTo("[]");
    q = "entity/Default/24.200.001/Customer?$filter=" + enc("CustomerName eq 'O''Brien & Co' and startswith(CustomerID,'A')");
    assertThat(body("GET", q, null, t, 200)).contains("A1");
    q = "entity/Default/24.200.001/Customer?$filter=" + enc("Contacts/Email eq 'x'");
    assertThat(body("GET", q, null, t, 500)).contains("detail field");
  }

  @Test
  void version22HasNoSalesInvoiceLastModifiedDateTime() throws IOException {
    String t = token();
    String q = "entity/Default/22.200.001/SalesInvoice?$filter=" + enc("LastModifiedDateTime gt datetimeoffset'2024-01-01T00:00:00Z'");
    assertThat(body("GET", q, null, t, 500)).contains("Invalid field name LastModifiedDateTime");
    q = "entity/Default/23.200.001/SalesInvoice?$filter=" + enc("LastModifiedDateTime gt datetimeoffset'2024-01-01T00:00:00Z'");
    body("GET", q, null, t, 200);
  }

  @Test
  void upsertHonoursPreconditionsAndEchoesValidationErrorsOnFieldsAndLines() throws IOException {
    sim.addCustomer("C1", "Acme", "USD");
    String t = token();
    body("PUT", "entity/Default/24.200.001/Customer", "{\"CustomerID\":{\"value\":\"C1\"}}", t, 200);
    try (Response r = http.newCall(new Request.Builder().url(url("entity/Default/24.200.001/Customer"))
        .header("Authorization", "Bearer " + t).header("If-None-Match", "*")
        .put(RequestBody.create("{\"CustomerID\":{\"value\":\"C1\"}}", JSON)).build()).execute()) {
      assertThat(r.code()).isEqualTo(412);
    }
    String echo = body("PUT", "entity/Default/24.200.001/Payment", "{\"CustomerID\":{\"value\":\"C1\"},"
        + "\"PaymentMethod\":{\"value\":\"CHECK\"},\"PaymentAmount\":{\"value\":10},\"DocumentsToApply\":["
        + "{\"DocType\":{\"value\":\"Invoice\"},\"ReferenceNbr\":{\"value\":\"NOPE\"}}]}", t, 422);
    assertThat(echo).contains("\"ReferenceNbr\":{\"value\":\"<NEW>\"}", "'Reference Nbr.' cannot be found in the system.");
  }

  @Test
  void releaseRunsAsALongRunningOperationThatBlocksTheSession() throws IOException {
    sim.addCustomer("C1", "Acme", "USD");
    String inv = sim.addReleasedInvoice("C1", "Work", new java.math.BigDecimal("50.00"));
    String t = token();
    String p = body("PUT", "entity/Default/24.200.001/Payment", "{\"CustomerID\":{\"value\":\"C1\"},"
        + "\"PaymentMethod\":{\"value\":\"CHECK\"},\"PaymentAmount\":{\"value\":50},\"DocumentsToApply\":["
        + "{\"DocType\":{\"value\":\"INV\"},\"ReferenceNbr\":{\"value\":\"" + inv + "\"},\"AmountPaid\":{\"value\":50}}]}", t, 200);
    String ref = p.replaceAll(".*\"ReferenceNbr\":\\{\"value\":\"([^\"]+)\"}.*", "$1");
    String location;
    try (Response r = call("POST", "entity/Default/24.200.001/Payment/ReleasePayment",
        "{\"entity\":{\"Type\":{\"value\":\"Payment\"},\"ReferenceNbr\":{\"value\":\"" + ref + "\"}}}", t)) {
      assertThat(r.code()).isEqualTo(202);
      location = r.header("Location");
    }
    assertThat(location).startsWith("/AcumaticaERP/entity/Default/24.200.001/Payment/ReleasePayment/status/");
    assertThat(body("GET", "entity/Default/24.200.001/Customer", null, t, 500)).contains("long-running operation");
    String statusPath = location.substring("/AcumaticaERP/".length());
    body("GET", statusPath, null, t, 202);
    body("GET", statusPath, null, t, 204);
    body("GET", "entity/Default/24.200.001/Customer", null, t, 200);
    assertThat(sim.status("Payment", "Payment", ref)).isEqualTo("Closed");
    assertThat(sim.status("SalesInvoice", "Invoice", inv)).isEqualTo("Closed");
    assertThat(body("POST", "entity/Default/24.200.001/Payment/Explode", "{\"entity\":{}}", t, 404)).contains("not found");
    assertThat(body("POST", "entity/Default/24.200.001/Payment", "{}", t, 405)).contains("POST");
  }

  @Test
  void oauthRotatesRefreshTokensAndRefusesClientCredentials() throws IOException {
    FormBody.Builder grant = new FormBody.Builder().add("grant_type", "password").add("client_id", "CLIENT1@" + sim.tenant())
        .add("client_secret", "secret").add("username", "admin").add("password", "pw").add("scope", "api offline_access");
    String first;
    try (Response r = http.newCall(new Request.Builder().url(url("identity/connect/token")).post(grant.build()).build()).execute()) {
      first = r.body().string().replaceAll(".*\"refresh_token\":\"([^\"]+)\".*", "$1");
    }
    FormBody refresh = new FormBody.Builder().add("grant_type", "refresh_token").add("client_id", "CLIENT1@" + sim.tenant())
        .add("client_secret", "secret").add("refresh_token", first).build();
    try (Response r = http.newCall(new Request.Builder().url(url("identity/connect/token")).post(refresh).build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    try (Response r = http.newCall(new Request.Builder().url(url("identity/connect/token")).post(refresh).build()).execute()) {
      assertThat(r.code()).isEqualTo(400);
      assertThat(r.body().string()).contains("invalid_grant");
    }
    FormBody cc = new FormBody.Builder().add("grant_type", "client_credentials").add("client_id", "CLIENT1@" + sim.tenant())
        .add("client_secret", "secret").build();
    try (Response r = http.newCall(new Request.Builder().url(url("identity/connect/token")).post(cc).build()).execute()) {
      assertThat(r.body().string()).contains("unsupported_grant_type");
    }
  }

  @Test
  void cookieLoginRefusesTenantAndCompanyTogetherAndLogoutFreesTheSlot() throws IOException {
    String both = "{\"name\":\"admin\",\"password\":\"pw\",\"tenant\":\"" + sim.tenant() + "\",\"company\":\"" + sim.tenant() + "\"}";
    try (Response r = http.newCall(new Request.Builder().url(url("entity/auth/login")).post(RequestBody.create(both, JSON)).build()).execute()) {
      assertThat(r.body().string()).contains("Invalid credentials");
    }
    String ok = "{\"name\":\"admin\",\"password\":\"pw\",\"tenant\":\"" + sim.tenant() + "\"}";
    List<String> cookies;
    try (Response r = http.newCall(new Request.Builder().url(url("entity/auth/login")).post(RequestBody.create(ok, JSON)).build()).execute()) {
      assertThat(r.code()).isEqualTo(204);
      cookies = r.headers("Set-Cookie");
    }
    assertThat(cookies).anyMatch(c -> c.startsWith("ASP.NET_SessionId=")).anyMatch(c -> c.startsWith(".ASPXAUTH="));
    assertThat(sim.apiUsersInUse()).isEqualTo(1);
    String cookie = cookies.get(0).split(";")[0];
    try (Response r = http.newCall(new Request.Builder().url(url("entity/auth/logout")).header("Cookie", cookie)
        .post(RequestBody.create(new byte[0])).build()).execute()) {
      assertThat(r.code()).isEqualTo(204);
    }
    assertThat(sim.apiUsersInUse()).isZero();
  }

  @Test
  void theLicenceDeclinesSignInsBeyondItsApiUsers() throws IOException {
    try (AcumaticaSimulator trial = AcumaticaSimulator.builder().user("admin", "pw").trialLicence().start()) {
      String ok = "{\"name\":\"admin\",\"password\":\"pw\",\"tenant\":\"" + trial.tenant() + "\"}";
      for (int i = 0; i < 3; i++) {
        try (Response r = http.newCall(new Request.Builder().url(trial.instanceUri() + "entity/auth/login")
            .post(RequestBody.create(ok, JSON)).build()).execute()) {
          if (i < 2) {
            assertThat(r.code()).isEqualTo(204);
          } else {
            assertThat(r.code()).isEqualTo(429);
            assertThat(r.body().string()).contains("API Login Limit");
          }
        }
      }
    }
  }

  @Test
  void journalsReleaseOnlyWhenBalanced() throws IOException {
    sim.addAccount("10100", "Bank", "Asset");
    sim.addAccount("10200", "Clearing", "Asset");
    String t = token();
    String j = body("PUT", "entity/Default/24.200.001/JournalTransaction?$expand=Details", "{\"Module\":{\"value\":\"GL\"},"
        + "\"Details\":[{\"Account\":{\"value\":\"10100\"},\"DebitAmount\":{\"value\":5}},"
        + "{\"Account\":{\"value\":\"10200\"},\"CreditAmount\":{\"value\":4}}]}", t, 200);
    assertThat(j).doesNotContain("\"Status\""); // a PUT answers the fields sent and those expanded
    String nbr = j.replaceAll(".*\"BatchNbr\":\\{\"value\":\"([^\"]+)\"}.*", "$1");
    assertThat(sim.status("JournalTransaction", "GL", nbr)).isEqualTo("Balanced");
    sim.actionPolls(0);
    assertThat(body("POST", "entity/Default/24.200.001/JournalTransaction/ReleaseJournalTransaction",
        "{\"entity\":{\"Module\":{\"value\":\"GL\"},\"BatchNbr\":{\"value\":\"" + nbr + "\"}}}", t, 422)).contains("out of balance");
    Map<String, Object> rec = sim.record("JournalTransaction", "GL", nbr).orElseThrow();
    assertThat(rec.get("error")).asString().contains("out of balance");
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }
}
