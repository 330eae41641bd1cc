package io.mlconnector.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.mlconnector.core.error.OutcomeUnknownException;
import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.testkit.SimClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A plain POST (no idempotency key, not marked repeatable) is sent exactly once: when it fails
 * after it may have reached the remote, the caller learns that it may have landed.
 */
class NonIdempotentPostTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final MediaType JSON = MediaType.get("application/json");

  private final SimClock clock = SimClock.at(Instant.parse("2026-11-21T06:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final HttpTransport transport =
      HttpTransport.builder().clock(clock).sleeper(sleeper).build();

  @AfterEach
  void tearDown() {
    transport.close();
  }

  private TenantClient client(String baseUrl) {
    return transport.newClient(
        TenantConfig.builder("acumatica", "acme", "acme/api")
            .baseUrl(baseUrl)
            .readTimeout(Duration.ofMillis(1000))
            .retryPolicy(RetryPolicy.builder().retryOn500(true).build())
            .build());
  }

  private static Request createPayment(TenantClient client) {
    return new Request.Builder()
        .url(client.url("entity/Default/24.200.001/Payment/ReleasePayment"))
        .post(RequestBody.create("{\"entity\":{\"ReferenceNbr\":{\"value\":\"000123\"}}}", JSON))
        .build();
  }

  private static void verifyExactlyOnePost() {
    Journal.verify(wm, 1, postRequestedFor(urlEqualTo("/entity/Default/24.200.001/Payment/ReleasePayment")));
  }

  @Test
  void aConnectionResetIsNotRetriedAndMayHaveLanded() {
    wm.stubFor(
        post("/entity/Default/24.200.001/Payment/ReleasePayment")
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    TenantClient client = client(wm.baseUrl());

    assertThatThrownBy(() -> client.execute(createPayment(client)).close())
        .isInstanceOfSatisfying(
            OutcomeUnknownException.class,
            e -> {
              assertThat(e.mayHaveLanded()).isTrue();
              assertThat(e.isRetryable()).isFalse();
              assertThat(e.operation())
                  .isEqualTo("POST /entity/Default/24.200.001/Payment/ReleasePayment");
              assertThat(e.getMessage()).contains("may have been applied");
            });
    verifyExactlyOnePost();
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void aReadTimeoutIsNotRetried() {
    wm.stubFor(
        post("/entity/Default/24.200.001/Payment/ReleasePayment")
            .willReturn(aResponse().withStatus(204).withFixedDelay(4000)));
    TenantClient client = client(wm.baseUrl());

    assertThatThrownBy(() -> client.execute(createPayment(client)).close())
        .isInstanceOf(OutcomeUnknownException.class);
    verifyExactlyOnePost();
  }

  @Test
  void a5xxAnswerIsNotRetriedAndMayHaveLanded() {
    for (int status : new int[] {500, 502, 503, 504}) {
      wm.resetAll();
      wm.stubFor(
          post("/entity/Default/24.200.001/Payment/ReleasePayment")
              .willReturn(aResponse().withStatus(status)));
      TenantClient client = client(wm.baseUrl());

      assertThatThrownBy(() -> client.execute(createPayment(client), r -> "done"))
          .isInstanceOfSatisfying(
              OutcomeUnknownException.class,
              e -> assertThat(e.httpStatus()).isEqualTo(status));
      verifyExactlyOnePost();
    }
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void a429IsNotRetriedButReportedAsRateLimited() {
    wm.stubFor(
        post("/entity/Default/24.200.001/Payment/ReleasePayment")
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")));
    TenantClient client = client(wm.baseUrl());

    assertThatThrownBy(() -> client.execute(createPayment(client), r -> "done"))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
    verifyExactlyOnePost();
  }

  @Test
  void aRefusedConnectionIsRetriedBecauseNothingWasSent() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    TenantClient client = client("http://127.0.0.1:" + closedPort + "/");

    assertThatThrownBy(() -> client.execute(createPayment(client)).close())
        .isInstanceOfSatisfying(
            TransientException.class,
            e -> {
              assertThat(e).isNotInstanceOf(OutcomeUnknownException.class);
              assertThat(e.mayHaveLanded()).isFalse();
              assertThat(e.isRetryable()).isTrue();
            });
    assertThat(sleeper.sleeps()).hasSize(RetryPolicy.defaults().maxAttempts() - 1);
  }

  @Test
  void anInterruptionWhileWaitingForAPermitIsReportedAsNotSent() {
    HttpTransport interrupting =
        HttpTransport.builder()
            .clock(clock)
            .sleeper(
                d -> {
                  throw new InterruptedException("host shutting down");
                })
            .build();
    TenantClient client =
        interrupting.newClient(
            TenantConfig.builder("acumatica", "acme", "acme/api")
                .baseUrl(wm.baseUrl())
                .rateBudget(RateBudgetConfig.builder(1).burst(1).build())
                .build());
    client.rateBudget().orElseThrow().onRateLimited(Duration.ofSeconds(5));
    try {
      assertThatThrownBy(() -> client.execute(createPayment(client)).close())
          .isInstanceOfSatisfying(
              TransientException.class,
              e -> {
                assertThat(e.mayHaveLanded()).isFalse();
                assertThat(e.getMessage()).contains("NotSentException");
              });
      assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept").isTrue();
    } finally {
      Thread.interrupted();
      interrupting.close();
    }
    Journal.verify(wm, 0, postRequestedFor(urlEqualTo("/entity/Default/24.200.001/Payment/ReleasePayment")));
  }
}
