package io.mlconnector.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.testkit.SimClock;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connection resets and read timeouts of requests safe to repeat are retried. */
class RetryOnIoFailureTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final SimClock clock = SimClock.at(Instant.parse("2026-11-21T06:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final RecordingListener listener = new RecordingListener();
  private final HttpTransport transport =
      HttpTransport.builder().clock(clock).sleeper(sleeper).listener(listener).build();

  @AfterEach
  void tearDown() {
    transport.close();
  }

  private TenantClient client() {
    return transport.newClient(
        TenantConfig.builder("syspro", "acme", "acme/ADMIN")
            .baseUrl(wm.baseUrl())
            .readTimeout(Duration.ofMillis(1000))
            .build());
  }

  private static String query(TenantClient client) {
    return client.execute(
        new Request.Builder().url(client.url("SYSPROWCFService/Rest/Query/Query")).build(),
        r -> r.body().string());
  }

  private static void stubFirstThenOk(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
    wm.stubFor(
        get("/SYSPROWCFService/Rest/Query/Query")
            .inScenario("io")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(first)
            .willSetStateTo("recovered"));
    wm.stubFor(
        get("/SYSPROWCFService/Rest/Query/Query")
            .inScenario("io")
            .whenScenarioStateIs("recovered")
            .willReturn(ok("<ArCustomer/>")));
  }

  @Test
  void aConnectionResetIsRetried() {
    stubFirstThenOk(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    assertThat(query(client())).isEqualTo("<ArCustomer/>");

    Journal.verify(wm, 2, getRequestedFor(urlEqualTo("/SYSPROWCFService/Rest/Query/Query")));
    assertThat(sleeper.sleeps()).hasSize(1);
    assertThat(listener.startingWith("retry")).hasSize(1).first().asString().endsWith("SocketException");
  }

  @Test
  void aReadTimeoutIsRetried() {
    stubFirstThenOk(ok("<late/>").withFixedDelay(4000));

    assertThat(query(client())).isEqualTo("<ArCustomer/>");

    Journal.verify(wm, 2, getRequestedFor(urlEqualTo("/SYSPROWCFService/Rest/Query/Query")));
    assertThat(listener.startingWith("retry"))
        .hasSize(1)
        .first()
        .asString()
        .endsWith("SocketTimeoutException");
  }

  @Test
  void persistentTimeoutsEndInATransientErrorAfterTheLastAttempt() {
    wm.stubFor(get("/SYSPROWCFService/Rest/Query/Query").willReturn(ok("<late/>").withFixedDelay(4000)));
    TenantClient client =
        transport.newClient(
            client().config().toBuilder()
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).build())
                .build());

    assertThatThrownBy(() -> query(client))
        .isInstanceOfSatisfying(
            TransientException.class,
            e -> {
              assertThat(e.isRetryable()).isTrue();
              assertThat(e.mayHaveLanded()).isFalse();
              assertThat(e.httpStatus()).isZero();
              assertThat(e.operation()).isEqualTo("GET /SYSPROWCFService/Rest/Query/Query");
              assertThat(e).hasCauseInstanceOf(SocketTimeoutException.class);
            });
    Journal.verify(wm, 2, getRequestedFor(urlEqualTo("/SYSPROWCFService/Rest/Query/Query")));
    assertThat(listener.startingWith("failed")).hasSize(1);
  }
}
