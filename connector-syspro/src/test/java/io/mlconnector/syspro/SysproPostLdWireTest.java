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

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The exact wire form of {@code POST Transaction/PostLD}: the XML envelope the reference observed
 * (default) and the form-encoded variant ({@code postLdAsForm(true)}), and that a short posting
 * stays a GET.
 */
class SysproPostLdWireTest {

  private static final String BASE = "/SYSPROWCFService/Rest/";
  private static final Charset CP1252 = Charset.forName("windows-1252");
  private static final String SESSION7 = "3EA613166FE4BF47925DF1CEA14E910100  ";
  private static final String OUTPUT =
      "<?xml version=\"1.0\" encoding=\"Windows-1252\"?>\n"
          + "<postgljournal Language='05' Version='8.0.012'><Item><Journal>    12</Journal></Item>"
          + "<StatusOfItems><JournalsProcessed>     1</JournalsProcessed>"
          + "<JournalsInvalid>     0</JournalsInvalid></StatusOfItems></postgljournal>";

  private WireMockServer server;
  private HttpTransport transport;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    transport = HttpTransport.builder().sleeper(d -> {}).build();
    server.stubFor(
        get(urlPathEqualTo(BASE + "Logon"))
            .willReturn(aResponse().withBody(SESSION7.getBytes(StandardCharsets.US_ASCII))));
    server.stubFor(get(urlPathEqualTo(BASE + "Logoff")).willReturn(aResponse().withBody("0")));
    server.stubFor(
        post(urlPathEqualTo(BASE + "Transaction/PostLD"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/octet-stream")
                    .withBody(OUTPUT.getBytes(CP1252))));
    server.stubFor(
        get(urlPathEqualTo(BASE + "Transaction/Post"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/octet-stream")
                    .withBody(OUTPUT.getBytes(CP1252))));
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

  /** A journal longer than a 256-character URL, with a CDATA terminator inside a comment. */
  private static String longJournal() {
    StringBuilder sb =
        new StringBuilder("<PostGlJournal><!-- a ]]> in a comment --><Item>")
            .append("<JournalReference>R&amp;D</JournalReference>");
    for (int i = 0; i < 20; i++) {
      sb.append("<JournalDetails><LedgerCode>00-5100</LedgerCode><EntryAmount>")
          .append(i % 2 == 0 ? "10.00" : "-10.00")
          .append("</EntryAmount></JournalDetails>");
    }
    return sb.append("</Item></PostGlJournal>").toString();
  }

  private static final String PARAMS =
      "<PostGlJournal><Parameters><PostingPeriod>C</PostingPeriod></Parameters></PostGlJournal>";

  @Test
  void aLongPostingIsTheTransactionPostLdXmlEnvelopeByDefault() throws Exception {
    String xmlIn = longJournal();
    try (SysproClient client = client(c -> c.maxGetUrlLength(256))) {
      BusinessObjectResult r = client.post("GENTJL", PARAMS, xmlIn);
      assertThat(r.invalidCount()).isZero();
    }
    server.verify(0, getRequestedFor(urlPathEqualTo(BASE + "Transaction/Post")));
    server.verify(1, postRequestedFor(urlPathEqualTo(BASE + "Transaction/PostLD")));
    LoggedRequest sent = postLd();
    assertThat(sent.getHeader("Content-Type")).startsWith("application/xml");
    assertThat(sent.getUrl()).doesNotContain("UserId").doesNotContain("XmlIn");

    var dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    dbf.setCoalescing(true);
    Element root =
        dbf.newDocumentBuilder()
            .parse(new ByteArrayInputStream(sent.getBody()))
            .getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("TransactionPostLD");
    assertThat(root.getNamespaceURI()).isEqualTo("http://SYSPROWcfService");
    Map<String, String> fields = new LinkedHashMap<>();
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element) {
        fields.put(n.getLocalName(), n.getTextContent());
      }
    }
    assertThat(fields)
        .containsExactly(
            Map.entry("UserId", SESSION7),
            Map.entry("BusinessObject", "GENTJL"),
            Map.entry("XmlParameters", PARAMS),
            Map.entry("XmlIn", xmlIn));
    assertThat(sent.getBodyAsString()).contains("<XmlIn><![CDATA[<PostGlJournal>");
  }

  @Test
  void postLdAsFormSendsTheSameFieldsFormEncoded() {
    String xmlIn = longJournal();
    try (SysproClient client = client(c -> c.maxGetUrlLength(256).postLdAsForm(true))) {
      client.post("GENTJL", PARAMS, xmlIn);
    }
    server.verify(0, getRequestedFor(urlPathEqualTo(BASE + "Transaction/Post")));
    LoggedRequest sent = postLd();
    assertThat(sent.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : sent.getBodyAsString().split("&")) {
      int eq = pair.indexOf('=');
      form.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    assertThat(form)
        .containsOnly(
            Map.entry("UserId", SESSION7),
            Map.entry("BusinessObject", "GENTJL"),
            Map.entry("XmlParameters", PARAMS),
            Map.entry("XmlIn", xmlIn));
  }

  @Test
  void aShortPostingStaysAGetWithItsDocumentsInTheQueryString() {
    String xmlIn = "<PostGlJournal><Item/></PostGlJournal>";
    try (SysproClient client = client(c -> c)) {
      client.post("GENTJL", PARAMS, xmlIn);
    }
    server.verify(0, postRequestedFor(anyUrl()));
    LoggedRequest sent =
        server.findAll(getRequestedFor(urlPathEqualTo(BASE + "Transaction/Post"))).get(0);
    assertThat(sent.queryParameter("XmlIn").firstValue()).isEqualTo(xmlIn);
    assertThat(sent.queryParameter("XmlParameters").firstValue()).isEqualTo(PARAMS);
    assertThat(sent.queryParameter("BusinessObject").firstValue()).isEqualTo("GENTJL");
    assertThat(sent.queryParameter("UserId").firstValue()).isEqualTo(SESSION7);
  }

  private LoggedRequest postLd() {
    List<LoggedRequest> all =
        server.findAll(postRequestedFor(urlPathEqualTo(BASE + "Transaction/PostLD")));
    assertThat(all).hasSize(1);
    return all.get(0);
  }
}
