package io.mlconnector.syspro;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.OutcomeUnknownException;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.syspro.bo.ComfndQuery;
import io.mlconnector.syspro.bo.PostingOptions;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replays SYSPRO-shaped raw answers: the three body forms, Windows-1252, padding, ERROR texts. */
class SysproRawBodiesTest {

  private static final String BASE = "/SYSPROWCFService/Rest/";
  private static final Charset CP1252 = Charset.forName("windows-1252");
  private static final String SESSION7 = "3EA613166FE4BF47925DF1CEA14E910100  ";

  private WireMockServer server;
  private HttpTransport transport;
  private SysproClient client;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    transport = HttpTransport.builder().sleeper(d -> {}).build();
    client =
        SysproClient.create(
            transport,
            SysproConfig.builder("acme", "acme/syspro")
                .restBaseUrl("http://localhost:" + server.port() + "/SYSPROWCFService/Rest")
                .credentials(SysproCredentials.of("INTEG", "pw-secret", "EDU1", "co-secret"))
                .retryPolicy(
                    RetryPolicy.builder()
                        .maxAttempts(3)
                        .initialBackoff(Duration.ofMillis(1))
                        .build())
                .acquireTimeout(Duration.ofSeconds(5))
                .build());
    stubRaw("Logoff", "0".getBytes(StandardCharsets.US_ASCII));
  }

  @AfterEach
  void stop() {
    client.close();
    transport.close();
    server.stop();
  }

  private void stubRaw(String path, byte[] body) {
    server.stubFor(
        get(urlPathEqualTo(BASE + path))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/octet-stream")
                    .withHeader("Server", "Microsoft-HTTPAPI/2.0")
                    .withBody(body)));
  }

  private void stub(String path, String contentType, String body) {
    server.stubFor(
        get(urlPathEqualTo(BASE + path))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", contentType)
                    .withBody(body)));
  }

  private static final String INV_MASTER =
      "<?xml version=\"1.0\" encoding=\"Windows-1252\"?>\n"
          + "<ArCustomer Language='05' Language2='EN' CssStyle='' DecFormat='1' DateFormat='01'"
          + " Role='01' Version='8.0.012' OperatorPrimaryRole='   '>\n"
          + "<HeaderDetails><TableName>ArCustomer</TableName></HeaderDetails>\n"
          + "<Row><Customer>0000042</Customer><Name>Caf\u00e9 M\u00fcller \u2013"
          + " Z\u00fcrich</Name><CreditLimit>      "
          + " 99999</CreditLimit><DateLastSale>0000-00-00</DateLastSale><DateCustAdded>2005-08-26</DateCustAdded></Row>\n"
          + "<RowsReturned>      1</RowsReturned>\n"
          + "</ArCustomer>";

  @Test
  void rawWindows1252AnswersWithPaddedNumbersAndEmptyDates() {
    stubRaw("Logon", SESSION7.getBytes(StandardCharsets.US_ASCII));
    stubRaw("Query/Query", INV_MASTER.getBytes(CP1252));

    SysproElement answer = client.query(ComfndQuery.of("ArCustomer"));
    SysproElement row = answer.children("Row").get(0);

    assertThat(row.text("Name")).contains("Café Müller – Zürich");
    assertThat(row.decimal("CreditLimit")).contains(new BigDecimal("99999"));
    assertThat(row.date("DateLastSale")).isEmpty();
    assertThat(row.date("DateCustAdded")).contains(LocalDate.of(2005, 8, 26));
    assertThat(row.text("Customer")).contains("0000042");
    assertThat(answer.decimal("RowsReturned")).contains(BigDecimal.ONE);
    server.verify(
        getRequestedFor(urlPathEqualTo(BASE + "Query/Query"))
            .withQueryParam("UserId", equalTo(SESSION7))
            .withQueryParam("BusinessObject", equalTo("COMFND")));
  }

  @Test
  void jsonQuotedAnswers() {
    stub(
        "Logon",
        "application/json",
        "\"SYS8B1C2D3E4F5A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D1E2F3A4B5C6D7E8F9A0B1C2\"");
    stub(
        "Query/Query",
        "application/json; charset=utf-8",
        "\"" + INV_MASTER.replace("\"", "\\\"").replace("\n", "\\n") + "\"");

    SysproElement row = client.query(ComfndQuery.of("ArCustomer")).children("Row").get(0);

    assertThat(row.text("Name")).contains("Café Müller – Zürich");
    server.verify(
        getRequestedFor(urlPathEqualTo(BASE + "Query/Query"))
            .withQueryParam(
                "UserId",
                equalTo("SYS8B1C2D3E4F5A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D1E2F3A4B5C6D7E8F9A0B1C2")));
  }

  @Test
  void wcfSerialisedStringAnswers() {
    String ns = "http://schemas.microsoft.com/2003/10/Serialization/";
    stub(
        "Logon",
        "application/xml; charset=utf-8",
        "<string xmlns=\"" + ns + "\">ABC123DEF456</string>");
    stub(
        "Query/Query",
        "application/xml; charset=utf-8",
        "<string xmlns=\""
            + ns
            + "\">"
            + INV_MASTER.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            + "</string>");

    SysproElement row = client.query(ComfndQuery.of("ArCustomer")).children("Row").get(0);

    assertThat(row.text("Name")).contains("Café Müller – Zürich");
    server.verify(
        getRequestedFor(urlPathEqualTo(BASE + "Query/Query"))
            .withQueryParam("UserId", equalTo("ABC123DEF456")));
  }

  @Test
  void logonErrorStringIsAnAuthenticationError() {
    stubRaw("Logon", "ERROR: Invalid operator password".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(client::logonProfile)
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("Invalid operator password")
        .satisfies(
            e ->
                assertThat(e.getMessage()).doesNotContain("pw-secret").doesNotContain("co-secret"));
  }

  @Test
  void businessErrorStringIsRejectedWithSysprosText() {
    stubRaw("Logon", SESSION7.getBytes(StandardCharsets.US_ASCII));
    stubRaw("Query/Query", "ERROR: Customer 'NOPE' not found".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> client.query(ComfndQuery.of("ArCustomer")))
        .isInstanceOf(RejectedException.class)
        .satisfies(
            e ->
                assertThat(((RejectedException) e).remoteMessage())
                    .isEqualTo("Customer 'NOPE' not found"));
  }

  @Test
  void invalidUserIdLogsOnAgainOnceAndRepeats() {
    server.stubFor(
        get(urlPathEqualTo(BASE + "Logon"))
            .inScenario("relogon")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withBody("FIRSTSESSION00  "))
            .willSetStateTo("first"));
    server.stubFor(
        get(urlPathEqualTo(BASE + "Logon"))
            .inScenario("relogon")
            .whenScenarioStateIs("first")
            .willReturn(aResponse().withBody("SECONDSESSION00  "))
            .willSetStateTo("second"));
    server.stubFor(
        get(urlPathEqualTo(BASE + "Query/Query"))
            .withQueryParam("UserId", equalTo("FIRSTSESSION00  "))
            .willReturn(aResponse().withBody("ERROR: The supplied UserID is invalid.")));
    server.stubFor(
        get(urlPathEqualTo(BASE + "Query/Query"))
            .withQueryParam("UserId", equalTo("SECONDSESSION00  "))
            .willReturn(aResponse().withBody(INV_MASTER.getBytes(CP1252))));

    assertThat(client.find(ComfndQuery.of("ArCustomer"))).hasSize(1);
    server.verify(2, getRequestedFor(urlPathEqualTo(BASE + "Logon")));
    server.verify(2, getRequestedFor(urlPathEqualTo(BASE + "Query/Query")));
  }

  @Test
  void sessionEvictedAgainAfterTheNewLogonIsTransient() {
    stubRaw("Logon", SESSION7.getBytes(StandardCharsets.US_ASCII));
    stubRaw(
        "Query/Query",
        "ERROR: The supplied UserID is invalid.".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> client.query(ComfndQuery.of("ArCustomer")))
        .isInstanceOf(TransientException.class)
        .hasMessageContaining("evicting");
    server.verify(2, getRequestedFor(urlPathEqualTo(BASE + "Logon")));
  }

  @Test
  void lowerCaseSetupOutputWithItemErrorsIsRejectedWithTheDescriptions() {
    stubRaw("Logon", SESSION7.getBytes(StandardCharsets.US_ASCII));
    stubRaw(
        "Setup/Add",
        ("<setuparcustomer Language='05'"
             + " Version='8.0.012'><item><key><customer>CUS9</customer></key><customer><Value>CUS9</Value><ErrorNumber>"
             + "   110402</ErrorNumber><ErrorDescription>Customer 'CUS9' already"
             + " exists</ErrorDescription></customer></item><StatusOfItems><RecordsRead>    "
             + " 1</RecordsRead><RecordsInvalid>     1</RecordsInvalid></StatusOfItems>"
             + "</setuparcustomer>")
            .getBytes(CP1252));
    assertThatThrownBy(
            () ->
                client.setup(SetupMethod.ADD, "ARSSCS", "<SetupArCustomer/>", "<SetupArCustomer/>"))
        .isInstanceOf(BusinessObjectRejectedException.class)
        .satisfies(
            e -> {
              BusinessObjectRejectedException r = (BusinessObjectRejectedException) e;
              assertThat(r.errors())
                  .containsExactly(
                      new SysproItemError(
                          "customer", "CUS9", "110402", "Customer 'CUS9' already exists"));
              assertThat(r.remoteCode()).isEqualTo("110402");
              assertThat(r.result().invalidCount()).isEqualTo(1);
            });
  }

  @Test
  void errorStringsInTheJsonAndWcfFormsAreTypedToo() {
    stub("Logon", "application/json", "\"ERROR: Invalid operator password\"");
    assertThatThrownBy(client::logonProfile)
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("Invalid operator password");

    stub("Logon", "application/json", "\"" + SESSION7 + "\"");
    stub(
        "Query/Query",
        "application/xml; charset=utf-8",
        "<string xmlns=\"http://schemas.microsoft.com/2003/10/Serialization/\">"
            + "ERROR: Customer &apos;NOPE&apos; not found</string>");
    assertThatThrownBy(() -> client.query(ComfndQuery.of("ArCustomer")))
        .isInstanceOf(RejectedException.class)
        .satisfies(
            e ->
                assertThat(((RejectedException) e).remoteMessage())
                    .isEqualTo("Customer 'NOPE' not found"));
  }

  @Test
  void aLogonRefusedForWantOfALicenceIsTransient() {
    stubRaw(
        "Logon",
        "ERROR: No e.net licence is available for operator INTEG"
            .getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(client::logonProfile)
        .isInstanceOf(TransientException.class)
        .isNotInstanceOf(AuthenticationException.class)
        .hasMessageContaining("licence");
  }

  @Test
  void aBusySessionAnswerIsTransientAndNotMistakenForAnExpiredSession() {
    stubRaw("Logon", SESSION7.getBytes(StandardCharsets.US_ASCII));
    stubRaw(
        "Query/Query",
        "ERROR: UserID is currently processing another request"
            .getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> client.query(ComfndQuery.of("ArCustomer")))
        .isInstanceOf(TransientException.class)
        .hasMessageContaining("currently processing");
    server.verify(1, getRequestedFor(urlPathEqualTo(BASE + "Logon")));
  }

  @Test
  void invalidCountsWithoutDescriptionsAreRejected() {
    stubRaw("Logon", SESSION7.getBytes(StandardCharsets.US_ASCII));
    stubRaw(
        "Transaction/Post",
        ("<?xml version=\"1.0\" encoding=\"Windows-1252\"?>\n<postarpayment Language='05'"
                + " Version='8.0.012'><StatusOfItems><ItemsProcessed>     0</ItemsProcessed>"
                + "<ItemsInvalid>     2</ItemsInvalid></StatusOfItems></postarpayment>")
            .getBytes(CP1252));
    assertThatThrownBy(
            () ->
                client.post(
                    "ARSTPY", PostingOptions.defaults().toXml("PostArPayment"), "<PostArPayment/>"))
        .isInstanceOf(BusinessObjectRejectedException.class)
        .hasMessageContaining("2 item(s) invalid")
        .satisfies(
            e -> {
              BusinessObjectRejectedException r = (BusinessObjectRejectedException) e;
              assertThat(r.errors()).isEmpty();
              assertThat(r.result().invalidCount()).isEqualTo(2);
              assertThat(r.result().document().name()).isEqualTo("postarpayment");
            });
  }

  @Test
  void perItemMessagesOfAJournalAreAllReported() {
    stubRaw("Logon", SESSION7.getBytes(StandardCharsets.US_ASCII));
    stubRaw(
        "Transaction/Post",
        ("<?xml version=\"1.0\" encoding=\"Windows-1252\"?>\n<postgljournal Language='05'>"
                + "<Item><JournalDetails><LedgerCode><Value>99-9999</Value><ErrorNumber>  20012"
                + "</ErrorNumber><ErrorDescription>Ledger code '99-9999' not found"
                + "</ErrorDescription></LedgerCode></JournalDetails>"
                + "<ErrorMessage>Journal does not balance</ErrorMessage></Item>"
                + "<StatusOfItems><JournalsProcessed>     0</JournalsProcessed>"
                + "<JournalsInvalid>     1</JournalsInvalid></StatusOfItems></postgljournal>")
            .getBytes(CP1252));
    assertThatThrownBy(
            () ->
                client.post(
                    "GENTJL", PostingOptions.defaults().toXml("PostGlJournal"), "<PostGlJournal/>"))
        .isInstanceOf(BusinessObjectRejectedException.class)
        .hasMessageContaining("Ledger code '99-9999' not found")
        .hasMessageContaining("Journal does not balance")
        .satisfies(
            e -> {
              BusinessObjectRejectedException r = (BusinessObjectRejectedException) e;
              assertThat(r.errors())
                  .extracting(SysproItemError::field, SysproItemError::number)
                  .containsExactlyInAnyOrder(
                      org.assertj.core.groups.Tuple.tuple("LedgerCode", "20012"),
                      org.assertj.core.groups.Tuple.tuple("Item", ""));
              assertThat(r.remoteCode()).isEqualTo("20012");
            });
  }

  @Test
  void aPostingWhoseAnswerIsLostIsNotRepeated() {
    stubRaw("Logon", SESSION7.getBytes(StandardCharsets.US_ASCII));
    server.stubFor(
        get(urlPathEqualTo(BASE + "Transaction/Post")).willReturn(aResponse().withStatus(502)));
    assertThatThrownBy(
            () ->
                client.post(
                    "ARSTPY", PostingOptions.defaults().toXml("PostArPayment"), "<PostArPayment/>"))
        .isInstanceOf(OutcomeUnknownException.class);
    server.verify(1, getRequestedFor(urlPathEqualTo(BASE + "Transaction/Post")));
  }

  @Test
  void aQueryHittingA503IsRetried() {
    stubRaw("Logon", SESSION7.getBytes(StandardCharsets.US_ASCII));
    server.stubFor(
        get(urlPathEqualTo(BASE + "Query/Query"))
            .inScenario("retry")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("up"));
    server.stubFor(
        get(urlPathEqualTo(BASE + "Query/Query"))
            .inScenario("retry")
            .whenScenarioStateIs("up")
            .willReturn(aResponse().withBody(INV_MASTER.getBytes(CP1252))));
    List<SysproElement> rows = client.find(ComfndQuery.of("ArCustomer"));
    assertThat(rows).hasSize(1);
    server.verify(2, getRequestedFor(urlPathEqualTo(BASE + "Query/Query")));
  }

  @Test
  void closeLogsTheSessionOff() {
    stubRaw("Logon", SESSION7.getBytes(StandardCharsets.US_ASCII));
    stubRaw("Query/Query", INV_MASTER.getBytes(CP1252));
    client.query(ComfndQuery.of("ArCustomer"));
    client.close();
    server.verify(
        1,
        getRequestedFor(urlPathEqualTo(BASE + "Logoff"))
            .withQueryParam("UserId", equalTo(SESSION7)));
  }
}
