package io.mlconnector.syspro;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.mlconnector.core.error.OutcomeUnknownException;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.syspro.bo.ComfndQuery;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What replayed traffic from real SYSPRO servers showed, answered the way those servers did. */
class SysproRealServerAnswersTest {

  private static final String BASE = "/SYSPROWCFService/Rest/";
  private static final Charset CP1252 = Charset.forName("windows-1252");
  private static final String SESSION = "3EA613166FE4BF47925DF1CEA14E910100  ";

  private WireMockServer server;
  private HttpTransport transport;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    transport = HttpTransport.builder().sleeper(d -> {}).build();
    stub("Logon", SESSION);
    stub("Logoff", "0");
  }

  @AfterEach
  void stop() {
    transport.close();
    server.stop();
  }

  private SysproClient client(UnaryOperator<SysproConfig.Builder> custom) {
    return SysproClient.create(
        transport,
        custom
            .apply(
                SysproConfig.builder("acme", "acme/syspro")
                    .restBaseUrl("http://localhost:" + server.port() + "/SYSPROWCFService/Rest")
                    .credentials(SysproCredentials.of("INTEG", "pw-secret", "EDU1", "co-secret"))
                    .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
                    .acquireTimeout(Duration.ofSeconds(5)))
            .build());
  }

  private void stub(String path, String body) {
    server.stubFor(
        get(urlPathEqualTo(BASE + path))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/octet-stream")
                    .withBody(body.getBytes(CP1252))));
  }

  private static final String INVQRY =
      "<?xml version=\"1.0\" encoding=\"Windows-1252\"?>\n"
          + "<InvQuery Language='05' Version='8.0.012'><WarehouseItem>"
          + "<MOutstandingQty>      38,400.000</MOutstandingQty>"
          + "<Unedited_MOutstandingQty>38400.000</Unedited_MOutstandingQty>"
          + "<QtyOnHand>   1,234,567.5</QtyOnHand>"
          + "<Allocated>-2,000.25</Allocated>"
          + "<Misgrouped>1,23.4</Misgrouped>"
          + "<DecimalComma>38,4</DecimalComma>"
          + "</WarehouseItem></InvQuery>";

  @Test
  void quantitiesWithThousandsSeparatorsAreReadAndTheUneditedTwinWins() {
    stub("Query/Query", INVQRY);
    try (SysproClient client = client(c -> c)) {
      SysproElement item = client.query("INVQRY", "<Query/>").child("WarehouseItem").get();

      assertThat(item.decimal("MOutstandingQty")).contains(new BigDecimal("38400.000"));
      assertThat(item.decimal("QtyOnHand")).contains(new BigDecimal("1234567.5"));
      assertThat(item.decimal("Allocated")).contains(new BigDecimal("-2000.25"));
      // never misread: a separator that does not group thousands is not a thousands separator
      assertThatThrownBy(() -> item.decimal("Misgrouped"))
          .isInstanceOf(SysproFormatException.class)
          .hasMessageContaining("Misgrouped");
      assertThatThrownBy(() -> item.decimal("DecimalComma"))
          .isInstanceOf(SysproFormatException.class);
    }
  }

  @Test
  void theUneditedTwinIsPreferredOverTheEditedValue() {
    stub(
        "Query/Query",
        "<PorQuery><Line><MOutstandingQty>38,400</MOutstandingQty>"
            + "<Unedited_MOutstandingQty>38400.125</Unedited_MOutstandingQty></Line></PorQuery>");
    try (SysproClient client = client(c -> c)) {
      SysproElement line = client.query("PORQRY", "<Query/>").child("Line").get();
      assertThat(line.decimal("MOutstandingQty")).contains(new BigDecimal("38400.125"));
    }
  }

  @Test
  void prefixedElementNamesStayApart() {
    stub(
        "Query/Query",
        "<?xml version=\"1.0\" encoding=\"Windows-1252\"?>\n"
            + "<SorDetail Language='05'><SalesOrder><Description>Order for March</Description>"
            + "<SALARE:Description>Northern region</SALARE:Description>"
            + "<TBLCUR:Description>South African Rand</TBLCUR:Description>"
            + "</SalesOrder></SorDetail>");
    try (SysproClient client = client(c -> c)) {
      SysproElement order = client.query("SORQRY", "<Query/>").child("SalesOrder").get();

      assertThat(order.text("Description")).contains("Order for March");
      assertThat(order.text("SALARE:Description")).contains("Northern region");
      assertThat(order.text("salare:description")).contains("Northern region");
      assertThat(order.text("TBLCUR:Description")).contains("South African Rand");
      assertThat(order.children("Description")).hasSize(1);
      assertThat(order.children()).extracting(SysproElement::name)
          .containsExactly("Description", "SALARE:Description", "TBLCUR:Description");
    }
  }

  private static final String POSTED =
      "<postgljournal><Item><Journal>    12</Journal></Item><StatusOfItems>"
          + "<JournalsProcessed>     1</JournalsProcessed><JournalsInvalid>     0</JournalsInvalid>"
          + "</StatusOfItems></postgljournal>";

  /** A GENTJL posting whose GET URL, as other clients send it, is about 2,500 characters. */
  private static String journal() {
    StringBuilder sb =
        new StringBuilder("<PostGlJournal><Item><JournalReference>A+B &amp; C (50%) #7</JournalReference>");
    for (int i = 0; i < 18; i++) {
      sb.append("<JournalDetails><LedgerCode>00-5100</LedgerCode><EntryAmount>")
          .append(i % 2 == 0 ? "10.00" : "-10.00")
          .append("</EntryAmount></JournalDetails>");
    }
    return sb.append("</Item></PostGlJournal>").toString();
  }

  private static final String PARAMS =
      "<?xml version=\"1.0\" encoding=\"Windows-1252\"?><PostGlJournal><Parameters>"
          + "<PostingPeriod>C</PostingPeriod></Parameters></PostGlJournal>";

  @Test
  void aPostingOfAbout2500CharactersStaysAGetWithDelimitersSentAsOtherClientsSendThem() {
    stub("Transaction/Post", POSTED);
    String xmlIn = journal();
    try (SysproClient client = client(c -> c)) {
      client.post("GENTJL", PARAMS, xmlIn);
    }
    server.verify(0, postRequestedFor(anyUrl()));
    LoggedRequest sent =
        server.findAll(getRequestedFor(urlPathEqualTo(BASE + "Transaction/Post"))).get(0);
    String url = sent.getUrl();
    assertThat(url.length()).isBetween(2_000, 2_800);
    // '=' '/' ':' '(' ')' as they are; what would change the meaning is encoded
    assertThat(url).contains("version=%221.0%22").contains("%3C/LedgerCode%3E")
        .contains("(50%25)").contains("A%2BB").contains("%26amp;").contains("%237");
    assertThat(sent.queryParameter("XmlIn").firstValue()).isEqualTo(xmlIn);
    assertThat(sent.queryParameter("XmlParameters").firstValue()).isEqualTo(PARAMS);
    assertThat(sent.queryParameter("UserId").firstValue()).isEqualTo(SESSION);
  }

  @Test
  void aMissingPostLdEndpointIsSaidClearly() {
    server.stubFor(post(urlPathEqualTo(BASE + "Transaction/PostLD")).willReturn(aResponse().withStatus(404)));
    try (SysproClient client = client(c -> c.maxGetUrlLength(512))) {
      assertThatThrownBy(() -> client.post("GENTJL", PARAMS, journal()))
          .isInstanceOf(RejectedException.class)
          .hasMessageContaining("Transaction/PostLD")
          .hasMessageContaining("maxGetUrlLength")
          .hasMessageContaining("nothing was posted");
    }
  }

  @Test
  void getVersionDoesNotLogOn() {
    stub("GetVersion", "8.0.0.12");
    try (SysproClient client = client(c -> c)) {
      assertThat(client.version()).isEqualTo("8.0.0.12");
    }
    server.verify(0, getRequestedFor(urlPathEqualTo(BASE + "Logon")));
    LoggedRequest sent = server.findAll(getRequestedFor(urlPathEqualTo(BASE + "GetVersion"))).get(0);
    assertThat(sent.getUrl()).doesNotContain("UserId");
  }

  private static final String BASEDIR8 =
      "ERROR: Unable to read the SYSPRO base directory registry string BaseDir8";

  private void baseDirOnceThenRows() {
    server.stubFor(
        get(urlPathEqualTo(BASE + "Query/Query"))
            .inScenario("stale")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withBody(BASEDIR8))
            .willSetStateTo("relogged"));
    server.stubFor(
        get(urlPathEqualTo(BASE + "Query/Query"))
            .inScenario("stale")
            .whenScenarioStateIs("relogged")
            .willReturn(aResponse().withBody("<Table><Row><Customer>C1</Customer></Row></Table>")));
  }

  @Test
  void theBaseDir8AnswerIsALostSessionAndTheCallIsRepeatedAfterANewLogon() {
    baseDirOnceThenRows();
    try (SysproClient client = client(c -> c)) {
      assertThat(client.find(ComfndQuery.of("ArCustomer"))).hasSize(1);
    }
    server.verify(2, getRequestedFor(urlPathEqualTo(BASE + "Logon")));
    server.verify(2, getRequestedFor(urlPathEqualTo(BASE + "Query/Query")));
  }

  @Test
  void theLostSessionPatternIsConfigurable() {
    baseDirOnceThenRows();
    try (SysproClient client = client(c -> c.lostSessionPattern(Pattern.compile("(?!)")))) {
      assertThatThrownBy(() -> client.find(ComfndQuery.of("ArCustomer")))
          .isInstanceOf(RejectedException.class)
          .hasMessageContaining("BaseDir8");
    }
    server.verify(1, getRequestedFor(urlPathEqualTo(BASE + "Logon")));
  }

  @Test
  void aLostSessionTwiceInARowIsTransientNotARejectedRecord() {
    stub("Query/Query", BASEDIR8);
    try (SysproClient client = client(c -> c)) {
      assertThatThrownBy(() -> client.find(ComfndQuery.of("ArCustomer")))
          .isInstanceOf(TransientException.class)
          .hasMessageContaining("BaseDir8");
    }
  }

  private static String big(int bytes) {
    StringBuilder sb = new StringBuilder("<Table>");
    while (sb.length() < bytes) {
      sb.append("<Row><Customer>C000001</Customer><Name>Some customer name</Name></Row>");
    }
    return sb.append("</Table>").toString();
  }

  @Test
  void anAnswerLargerThanTheCapFailsTheCallClearly() {
    stub("Query/Query", big(200_000));
    try (SysproClient client = client(c -> c.maxAnswerBytes(64 * 1024))) {
      assertThatThrownBy(() -> client.find(ComfndQuery.of("ArCustomer")))
          .isInstanceOf(RejectedException.class)
          .hasMessageContaining("maxAnswerBytes")
          .hasMessageContaining("65536");
    }
  }

  @Test
  void anAnswerWithoutContentLengthIsCappedWhileReading() {
    server.stubFor(
        get(urlPathEqualTo(BASE + "Query/Query"))
            .willReturn(
                aResponse()
                    .withHeader("Transfer-Encoding", "chunked")
                    .withBody(big(200_000))));
    try (SysproClient client = client(c -> c.maxAnswerBytes(64 * 1024))) {
      assertThatThrownBy(() -> client.find(ComfndQuery.of("ArCustomer")))
          .isInstanceOf(RejectedException.class)
          .hasMessageContaining("maxAnswerBytes");
    }
  }

  @Test
  void aPostingWhoseAnswerIsTooLargeMayHaveLanded() {
    stub("Transaction/Post", big(200_000));
    try (SysproClient client = client(c -> c.maxAnswerBytes(64 * 1024))) {
      assertThatThrownBy(() -> client.post("GENTJL", PARAMS, "<PostGlJournal/>"))
          .isInstanceOf(OutcomeUnknownException.class)
          .hasMessageContaining("maxAnswerBytes");
    }
  }

  @Test
  void anAnswerWithinTheCapIsRead() {
    stub("Query/Query", big(50_000));
    try (SysproClient client = client(c -> c.maxAnswerBytes(64 * 1024))) {
      assertThat(client.find(ComfndQuery.of("ArCustomer"))).isNotEmpty();
    }
  }

  @Test
  void theCapMustBePositive() {
    assertThatThrownBy(() -> SysproConfig.builder("a", "b").maxAnswerBytes(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAnswerBytes");
  }
}
