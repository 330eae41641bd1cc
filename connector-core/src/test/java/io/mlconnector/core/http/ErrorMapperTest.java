package io.mlconnector.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.ConflictException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.error.OutcomeUnknownException;
import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.error.VersionMismatchException;
import io.mlconnector.testkit.SimClock;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each HTTP status maps to the exception that tells the caller what to do. */
class ErrorMapperTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final SimClock clock = SimClock.at(Instant.parse("2026-11-21T06:00:00Z"));
  private final ErrorMapper mapper = ErrorMapper.create(List.of("Request-Id", "X-Request-Id"), clock);
  private final HttpTransport transport =
      HttpTransport.builder().clock(clock).sleeper(new RecordingSleeper(clock)).build();

  @AfterEach
  void tearDown() {
    transport.close();
  }

  @ParameterizedTest(name = "HTTP {0} -> {1}")
  @CsvSource({
    "400, RejectedException, false",
    "402, RejectedException, false",
    "405, RejectedException, false",
    "422, RejectedException, false",
    "401, AuthenticationException, false",
    "403, AuthenticationException, false",
    "404, NotFoundException, false",
    "410, NotFoundException, false",
    "409, ConflictException, false",
    "412, VersionMismatchException, false",
    "429, RateLimitedException, true",
    "408, TransientException, true",
    "500, TransientException, true",
    "502, TransientException, true",
    "503, TransientException, true",
    "504, TransientException, true",
    "302, ConnectorException, false",
  })
  void mapsEachStatus(int status, String type, boolean retryable) {
    ConnectorException e =
        mapper.fromResponse(
            "stripe",
            "GET /v1/customers/cus_1",
            status,
            Headers.of("Request-Id", "req_abc"),
            new RemoteError("resource_missing", "No such customer: 'cus_1'"),
            true);

    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.isRetryable()).isEqualTo(retryable);
    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(e.system()).isEqualTo("stripe");
    assertThat(e.operation()).isEqualTo("GET /v1/customers/cus_1");
    assertThat(e.remoteCode()).isEqualTo("resource_missing");
    assertThat(e.remoteMessage()).isEqualTo("No such customer: 'cus_1'");
    assertThat(e.requestId()).isEqualTo("req_abc");
    assertThat(e.getMessage())
        .isEqualTo(
            "stripe GET /v1/customers/cus_1 failed: HTTP " + status
                + ", code resource_missing, No such customer: 'cus_1' (request req_abc)");
  }

  @Test
  void fiveHundredsOfRequestsNotSafeToRepeatMayHaveLanded() {
    ConnectorException e = mapper.fromResponse("acumatica", "POST /Payment", 502, null, null, false);
    assertThat(e).isInstanceOf(OutcomeUnknownException.class);
    assertThat(e.mayHaveLanded()).isTrue();
    assertThat(e.isRetryable()).isFalse();
    assertThat(mapper.fromResponse("acumatica", "POST /Payment", 400, null, null, false))
        .isExactlyInstanceOf(RejectedException.class);
  }

  @Test
  void rateLimitedCarriesRetryAfterInBothForms() {
    RateLimitedException seconds =
        (RateLimitedException)
            mapper.fromResponse("chargebee", "GET /customers", 429, Headers.of("Retry-After", "12"), null, true);
    assertThat(seconds.retryAfter()).isEqualTo(Duration.ofSeconds(12));

    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(90).atZone(ZoneOffset.UTC));
    RateLimitedException dated =
        (RateLimitedException)
            mapper.fromResponse("chargebee", "GET /customers", 429, Headers.of("Retry-After", date), null, true);
    assertThat(dated.retryAfter()).isEqualTo(Duration.ofSeconds(90));

    RateLimitedException none =
        (RateLimitedException) mapper.fromResponse("stripe", "GET /v1/x", 429, Headers.of(), null, true);
    assertThat(none.retryAfter()).isEqualTo(Duration.ZERO);
  }

  @Test
  void requestIdComesFromTheFirstConfiguredHeaderPresent() {
    assertThat(mapper.requestId(Headers.of("X-Request-Id", "x-1"))).isEqualTo("x-1");
    assertThat(mapper.requestId(Headers.of("X-Request-Id", "x-1", "Request-Id", "r-1"))).isEqualTo("r-1");
    assertThat(mapper.requestId(Headers.of("X-Correlation-Id", "c-1"))).isNull();
    ConnectorException e = mapper.fromResponse("syspro", "Query", 500, null, RemoteError.NONE, true);
    assertThat(e.requestId()).isNull();
    assertThat(e.getMessage()).isEqualTo("syspro Query failed: HTTP 500");
  }

  @Test
  void ioFailuresAreTransientOrOutcomeUnknown() {
    IOException timeout = new SocketTimeoutException("timeout");
    assertThat(mapper.fromIOException("stripe", "GET /v1/x", timeout, true))
        .isExactlyInstanceOf(TransientException.class)
        .hasCause(timeout);
    assertThat(mapper.fromIOException("stripe", "POST /v1/x", timeout, false))
        .isExactlyInstanceOf(OutcomeUnknownException.class);
    assertThat(mapper.fromIOException("stripe", "POST /v1/x", new ConnectException("refused"), false))
        .as("nothing was sent")
        .isExactlyInstanceOf(TransientException.class);
  }

  @Test
  void rejectsAnImpossibleStatus() {
    assertThatThrownBy(() -> mapper.fromResponse("stripe", "GET /", 99, null, null, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status");
  }

  @Test
  void theClientMapsErrorAnswersWithTheConnectorsDecoder() {
    wm.stubFor(
        get("/v1/customers/cus_404")
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Request-Id", "req_9Xy")
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\","
                            + "\"message\":\"No such customer: 'cus_404'\"}}")));
    Pattern code = Pattern.compile("\"code\":\"([^\"]*)\"");
    Pattern message = Pattern.compile("\"message\":\"([^\"]*)\"");
    ErrorDecoder stripeLike =
        (response, body) -> {
          Matcher c = code.matcher(body);
          Matcher m = message.matcher(body);
          return new RemoteError(c.find() ? c.group(1) : null, m.find() ? m.group(1) : null);
        };
    TenantClient client =
        transport.newClient(
            TenantConfig.builder("stripe", "acme", "acme/live")
                .baseUrl(wm.baseUrl())
                .errorDecoder(stripeLike)
                .requestIdHeaders("Request-Id")
                .build());

    assertThatThrownBy(
            () ->
                client.execute(
                    new Request.Builder()
                        .url(client.url("v1/customers/cus_404"))
                        .tag(RequestOptions.class, RequestOptions.builder().operation("retrieve customer").build())
                        .build(),
                    r -> r.body().string()))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(404);
              assertThat(e.remoteCode()).isEqualTo("resource_missing");
              assertThat(e.remoteMessage()).isEqualTo("No such customer: 'cus_404'");
              assertThat(e.requestId()).isEqualTo("req_9Xy");
              assertThat(e.operation()).isEqualTo("retrieve customer");
            });
  }

  @Test
  void everyMappedTypeIsAConnectorException() {
    for (Class<?> type :
        List.of(
            RejectedException.class, AuthenticationException.class, NotFoundException.class,
            ConflictException.class, VersionMismatchException.class, RateLimitedException.class,
            TransientException.class, OutcomeUnknownException.class)) {
      assertThat(ConnectorException.class).isAssignableFrom(type);
    }
  }
}
