package io.mlconnector.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.testkit.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 5xx answers to requests safe to repeat: retried with full-jitter backoff, within bounds. */
class RetryOnServerErrorTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final long SEED = 20261121L;

  private final SimClock clock = SimClock.at(Instant.parse("2026-11-21T06:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final RecordingListener listener = new RecordingListener();
  private final HttpTransport transport =
      HttpTransport.builder()
          .clock(clock)
          .sleeper(sleeper)
          .random(new Random(SEED))
          .listener(listener)
          .build();

  @AfterEach
  void tearDown() {
    transport.close();
  }

  private TenantClient client(RetryPolicy policy) {
    return transport.newClient(
        TenantConfig.builder("sap-b1", "acme", "acme/manager")
            .baseUrl(wm.baseUrl())
            .retryPolicy(policy)
            .build());
  }

  private static String fetchItems(TenantClient client) {
    return client.execute(
        new Request.Builder().url(client.url("b1s/v1/Items")).build(), r -> r.body().string());
  }

  private static void stubFailingThenOk(int status, int failures) {
    String state = Scenario.STARTED;
    for (int i = 1; i <= failures; i++) {
      wm.stubFor(
          com.github.tomakehurst.wiremock.client.WireMock.get("/b1s/v1/Items")
              .inScenario("flaky")
              .whenScenarioStateIs(state)
              .willReturn(aResponse().withStatus(status).withBody("<html>busy</html>"))
              .willSetStateTo("failed-" + i));
      state = "failed-" + i;
    }
    wm.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get("/b1s/v1/Items")
            .inScenario("flaky")
            .whenScenarioStateIs(state)
            .willReturn(ok("items")));
  }

  @Test
  void a503ThenSuccessIsRetriedOnceAfterAJitteredBackoff() {
    stubFailingThenOk(503, 1);

    assertThat(fetchItems(client(RetryPolicy.defaults()))).isEqualTo("items");

    Journal.verify(wm, 2, getRequestedFor(urlEqualTo("/b1s/v1/Items")));
    double expected = new Random(SEED).nextDouble() * Duration.ofMillis(500).toNanos();
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofNanos((long) expected));
    assertThat(listener.startingWith("retry")).hasSize(1).first().asString().endsWith("HTTP 503");
    assertThat(listener.startingWith("end")).containsExactly("end GET /b1s/v1/Items 200 after 2");
  }

  @Test
  void backoffCeilingDoublesUpToTheMaximumAndAttemptsAreBounded() {
    wm.stubFor(
        get("/b1s/v1/Items").willReturn(aResponse().withStatus(502)));
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxAttempts(5)
            .initialBackoff(Duration.ofMillis(400))
            .maxBackoff(Duration.ofMillis(1000))
            .build();

    assertThatThrownBy(() -> fetchItems(client(policy)))
        .isInstanceOfSatisfying(
            TransientException.class, e -> assertThat(e.httpStatus()).isEqualTo(502));

    Journal.verify(wm, 5, getRequestedFor(urlEqualTo("/b1s/v1/Items")));
    Random replay = new Random(SEED);
    List<Duration> expected = new ArrayList<>();
    for (long ceilingMillis : new long[] {400, 800, 1000, 1000}) {
      expected.add(Duration.ofNanos((long) (replay.nextDouble() * ceilingMillis * 1_000_000)));
    }
    assertThat(sleeper.sleeps()).containsExactlyElementsOf(expected);
  }

  @Test
  void totalTimeIsBoundedEvenWhenAttemptsRemain() {
    wm.stubFor(
        get("/b1s/v1/Items").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
    RetryPolicy policy =
        RetryPolicy.builder().maxAttempts(10).maxTotalTime(Duration.ofMillis(2500)).build();

    assertThatThrownBy(() -> fetchItems(client(policy))).isInstanceOf(TransientException.class);

    // waits of 1 s at 0 s and 1 s fit in 2.5 s; a third would end at 3 s
    Journal.verify(wm, 3, getRequestedFor(urlEqualTo("/b1s/v1/Items")));
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void a500IsNotRetriedUnlessConfigured() {
    wm.stubFor(get("/b1s/v1/Items").willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> fetchItems(client(RetryPolicy.defaults())))
        .isInstanceOf(TransientException.class);
    Journal.verify(wm, 1, getRequestedFor(urlEqualTo("/b1s/v1/Items")));

    wm.resetAll();
    stubFailingThenOk(500, 1);
    assertThat(fetchItems(client(RetryPolicy.builder().retryOn500(true).build()))).isEqualTo("items");
    Journal.verify(wm, 2, getRequestedFor(urlEqualTo("/b1s/v1/Items")));
  }

  @Test
  void aClientErrorIsNeverRetried() {
    wm.stubFor(get("/b1s/v1/Items").willReturn(aResponse().withStatus(400)));

    assertThatThrownBy(() -> fetchItems(client(RetryPolicy.defaults())))
        .isInstanceOf(io.mlconnector.core.error.RejectedException.class);

    Journal.verify(wm, 1, getRequestedFor(urlEqualTo("/b1s/v1/Items")));
    assertThat(sleeper.sleeps()).isEmpty();
  }
}
