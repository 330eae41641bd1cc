package io.mlconnector.syspro;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.odata.ODataDialect;
import io.mlconnector.core.odata.ODataQuery;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the OData client puts on the wire: Basic auth, $top under the row cap, nextLink verbatim.
 */
class SysproODataWireTest {

  private static final String SERVICE = "/SYSPRO8Odata/SYSPROOData/EDU1";

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
                .credentials(SysproCredentials.of("INTEG", "pw", "EDU1", ""))
                .odata("http://localhost:" + server.port() + SERVICE, "INTEG", "odata-pw")
                .odataRowCap(2)
                .build());
  }

  @AfterEach
  void stop() {
    client.close();
    transport.close();
    server.stop();
  }

  private static String page(String rows, String nextLink) {
    return "{\"@odata.context\":\"x/$metadata#ArCustomer\",\"value\":["
        + rows
        + "]"
        + (nextLink == null ? "" : ",\"@odata.nextLink\":\"" + nextLink + "\"")
        + "}";
  }

  @Test
  void topIsNeverAboveTheRowCapAndANextLinkIsFollowedAsGiven() {
    String next =
        "http://localhost:" + server.port() + SERVICE + "/ArCustomer?$skiptoken=Customer-C2";
    server.stubFor(
        get(urlPathEqualTo(SERVICE + "/ArCustomer"))
            .withQueryParam("$top", equalTo("2"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json; odata.metadata=minimal")
                    .withBody(page("{\"Customer\":\"C1\"},{\"Customer\":\"C2\"}", next))));
    server.stubFor(
        get(urlPathEqualTo(SERVICE + "/ArCustomer"))
            .withQueryParam("$skiptoken", equalTo("Customer-C2"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(page("{\"Customer\":\"C3\"}", null))));

    List<ODataRow> rows =
        client
            .odata()
            .readAll(
                client.config().odataTable("ArCustomer"), ODataQuery.of(ODataDialect.V4).top(500));

    assertThat(rows).extracting(r -> r.textOr("Customer", "")).containsExactly("C1", "C2", "C3");
    List<LoggedRequest> sent =
        server.findAll(getRequestedFor(urlPathEqualTo(SERVICE + "/ArCustomer")));
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).queryParameter("$top").firstValue()).isEqualTo("2");
    assertThat(sent.get(1).queryParameter("$skiptoken").firstValue()).isEqualTo("Customer-C2");
    String basic =
        "Basic "
            + Base64.getEncoder().encodeToString("INTEG:odata-pw".getBytes(StandardCharsets.UTF_8));
    assertThat(sent).allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo(basic));
  }

  @Test
  void withoutANextLinkItPagesWithSkipUnderTheCapUntilAnEmptyPage() {
    server.stubFor(
        get(urlPathEqualTo(SERVICE + "/ArCustomer"))
            .withQueryParam("$skip", absent())
            .willReturn(
                aResponse().withBody(page("{\"Customer\":\"C1\"},{\"Customer\":\"C2\"}", null))));
    server.stubFor(
        get(urlPathEqualTo(SERVICE + "/ArCustomer"))
            .withQueryParam("$skip", equalTo("2"))
            .willReturn(aResponse().withBody(page("{\"Customer\":\"C3\"}", null))));
    server.stubFor(
        get(urlPathEqualTo(SERVICE + "/ArCustomer"))
            .withQueryParam("$skip", equalTo("3"))
            .willReturn(aResponse().withBody(page("", null))));

    List<ODataRow> rows =
        client
            .odata()
            .readAll(client.config().odataTable("ArCustomer"), ODataQuery.of(ODataDialect.V4));

    assertThat(rows).extracting(r -> r.textOr("Customer", "")).containsExactly("C1", "C2", "C3");
    List<LoggedRequest> sent =
        server.findAll(getRequestedFor(urlPathEqualTo(SERVICE + "/ArCustomer")));
    assertThat(sent)
        .allSatisfy(r -> assertThat(r.queryParameter("$top").firstValue()).isEqualTo("2"));
    assertThat(sent)
        .extracting(
            r ->
                r.queryParameter("$skip").isPresent()
                    ? r.queryParameter("$skip").firstValue()
                    : "-")
        .containsExactly("-", "2", "3");
  }
}
