package io.mlconnector.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.mlconnector.core.error.ConflictException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.testkit.SimClock;
import java.time.Instant;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A per-system classifier (Stripe's {@code Stripe-Should-Retry}) forbids or forces a retry. */
class RetryClassifierTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final SimClock clock = SimClock.at(Instant.parse("2026-11-21T06:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final HttpTransport transport =
      HttpTransport.builder().clock(clock).sleeper(sleeper).build();
  private final TenantClient client =
      transport.newClient(
          TenantConfig.builder("stripe", "acme", "acme/live")
              .baseUrl(wm.baseUrl())
              .retryPolicy(
                  RetryPolicy.builder()
                      .classifier(RetryClassifier.headerFlag("Stripe-Should-Retry"))
                      .build())
              .build());

  @AfterEach
  void tearDown() {
    transport.close();
  }

  private String getCustomer() {
    return client.execute(
        new Request.Builder().url(client.url("v1/customers/cus_1")).build(), r -> r.body().string());
  }

  @Test
  void shouldRetryFalseForbidsRetryingA503() {
    wm.stubFor(
        get("/v1/customers/cus_1")
            .willReturn(aResponse().withStatus(503).withHeader("Stripe-Should-Retry", "false")));

    assertThatThrownBy(this::getCustomer).isInstanceOf(TransientException.class);
    Journal.verify(wm, 1, getRequestedFor(urlEqualTo("/v1/customers/cus_1")));
  }

  @Test
  void shouldRetryTrueForcesRetryingA409() {
    wm.stubFor(
        get("/v1/customers/cus_1")
            .inScenario("lock")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(409).withHeader("Stripe-Should-Retry", "true"))
            .willSetStateTo("free"));
    wm.stubFor(
        get("/v1/customers/cus_1")
            .inScenario("lock")
            .whenScenarioStateIs("free")
            .willReturn(okJson("{\"id\":\"cus_1\"}")));

    assertThat(getCustomer()).contains("cus_1");
    Journal.verify(wm, 2, getRequestedFor(urlEqualTo("/v1/customers/cus_1")));
  }

  @Test
  void withoutTheHeaderThePolicyDecides() {
    wm.stubFor(get("/v1/customers/cus_1").willReturn(aResponse().withStatus(409)));

    assertThatThrownBy(this::getCustomer).isInstanceOf(ConflictException.class);
    Journal.verify(wm, 1, getRequestedFor(urlEqualTo("/v1/customers/cus_1")));
  }
}
