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
import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.core.http.internal.RetryAfter;
import io.mlconnector.testkit.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A 429 carrying {@code Retry-After} makes the transport wait exactly that long, then retry. */
class RetryAfterTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final SimClock clock = SimClock.at(Instant.parse("2026-11-21T06:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private HttpTransport transport;
  private TenantClient client;

  @BeforeEach
  void setUp() {
    transport = HttpTransport.builder().clock(clock).sleeper(sleeper).build();
    client =
        transport.newClient(
            TenantConfig.builder("acumatica", "acme", "acme/api").baseUrl(wm.baseUrl()).build());
  }

  @AfterEach
  void tearDown() {
    transport.close();
  }

  private void stubThrottledOnce(String retryAfter) {
    wm.stubFor(
        get("/entity/Customer")
            .inScenario("throttle")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", retryAfter))
            .willSetStateTo("open"));
    wm.stubFor(
        get("/entity/Customer")
            .inScenario("throttle")
            .whenScenarioStateIs("open")
            .willReturn(okJson("[{\"CustomerID\":{\"value\":\"C1\"}}]")));
  }

  private String getCustomers() {
    Request request = new Request.Builder().url(client.url("entity/Customer")).build();
    return client.execute(request, r -> r.body().string());
  }

  @Test
  void waitsTheDeltaSecondsThenSucceeds() {
    stubThrottledOnce("7");

    assertThat(getCustomers()).contains("C1");

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    Journal.verify(wm, 2, getRequestedFor(urlEqualTo("/entity/Customer")));
  }

  @Test
  void waitsUntilTheHttpDateThenSucceeds() {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            clock.instant().plusSeconds(42).atZone(ZoneOffset.UTC));
    stubThrottledOnce(date);

    assertThat(getCustomers()).contains("C1");

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(42));
    Journal.verify(wm, 2, getRequestedFor(urlEqualTo("/entity/Customer")));
  }

  @Test
  void aRetryAfterBeyondTheTotalTimeIsNotWaitedForButReported() {
    wm.stubFor(
        get("/entity/Customer")
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")));

    assertThatThrownBy(this::getCustomers)
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(600));
              assertThat(e.httpStatus()).isEqualTo(429);
              assertThat(e.isRetryable()).isTrue();
            });
    assertThat(sleeper.sleeps()).isEmpty();
    Journal.verify(wm, 1, getRequestedFor(urlEqualTo("/entity/Customer")));
  }

  @Test
  void parsesEveryFormRfc9110Allows() {
    SimClock at = SimClock.at(Instant.parse("1994-11-06T08:49:00Z"));
    assertThat(RetryAfter.parse("120", at)).isEqualTo(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", at)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", at)).isEqualTo(Duration.ofSeconds(37));
    assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", at)).isEqualTo(Duration.ofSeconds(37));
    assertThat(RetryAfter.parse("Sun Nov  6 08:49:37 1994", at)).isEqualTo(Duration.ofSeconds(37));
    assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:48:00 GMT", at))
        .as("a date in the past means now")
        .isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse("soon", at)).isNull();
    assertThat(RetryAfter.parse("-5", at)).isNull();
    assertThat(RetryAfter.parse(null, at)).isNull();
    assertThat(RetryAfter.parse("99999999999999", at)).isEqualTo(Duration.ofDays(1));
  }
}
