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
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.testkit.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A transport listener that throws from every hook (a broken metrics backend) never fails a call,
 * a retry, a login or a rate-budget wait: the transport logs the failure and goes on, and the
 * listener still sees every event.
 */
class ListenerFailureTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** Records each hook, then throws. */
  static final class ThrowingListener implements TransportListener {
    final List<String> hooks = new CopyOnWriteArrayList<>();

    private void fail(String hook) {
      hooks.add(hook);
      throw new IllegalStateException("metrics backend down");
    }

    @Override
    public void callStart(CallInfo call) {
      fail("callStart");
    }

    @Override
    public void retryScheduled(CallInfo call, int attempt, Duration delay, String reason) {
      fail("retryScheduled");
    }

    @Override
    public void rateLimitWait(CredentialKey key, Duration waited) {
      fail("rateLimitWait");
    }

    @Override
    public void sessionRefreshed(CredentialKey key, boolean proactive) {
      fail("sessionRefreshed");
    }

    @Override
    public void callEnd(CallInfo call, int status, int attempts, Duration elapsed) {
      fail("callEnd");
    }

    @Override
    public void callFailed(CallInfo call, Exception failure, Duration elapsed) {
      fail("callFailed");
    }
  }

  private final SimClock clock = SimClock.at(Instant.parse("2026-11-21T06:00:00Z"));
  private final ThrowingListener listener = new ThrowingListener();
  private final HttpTransport transport =
      HttpTransport.builder()
          .clock(clock)
          .sleeper(new RecordingSleeper(clock))
          .listener(listener)
          .build();

  @AfterEach
  void tearDown() {
    transport.close();
  }

  private TenantClient client() {
    return transport.newClient(
        TenantConfig.builder("sap-b1", "acme", "acme/manager")
            .baseUrl(wm.baseUrl())
            .rateBudget(RateBudgetConfig.builder(1).burst(1).build())
            .sessionAuthenticator(
                new SessionAuthenticator() {
                  @Override
                  public Session login(TenantClient client, Session previous) {
                    return Session.builder("tok").build();
                  }

                  @Override
                  public Request authorize(Request request, Session session) {
                    return request.newBuilder().header("Authorization", "Bearer tok").build();
                  }
                })
            .build());
  }

  @Test
  void callsLoginsRetriesAndWaitsSucceedDespiteAThrowingListener() {
    wm.stubFor(
        get("/b1s/v1/Items")
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("recovered"));
    wm.stubFor(
        get("/b1s/v1/Items").inScenario("flaky").whenScenarioStateIs("recovered").willReturn(ok("items")));
    TenantClient client = client();
    Request request = new Request.Builder().url(client.url("b1s/v1/Items")).build();

    String first = client.execute(request, r -> r.body().string());
    String second = client.execute(request, r -> r.body().string());

    assertThat(first).isEqualTo("items");
    assertThat(second).isEqualTo("items");

    Journal.verify(wm, 3, getRequestedFor(urlEqualTo("/b1s/v1/Items")));
    assertThat(listener.hooks)
        .contains("callStart", "sessionRefreshed", "retryScheduled", "rateLimitWait", "callEnd");
  }

  @Test
  void theCallersOwnErrorIsThrownNotTheListeners() {
    wm.stubFor(get("/b1s/v1/Items/x").willReturn(aResponse().withStatus(404)));
    TenantClient client = client();

    assertThatThrownBy(
            () ->
                client.execute(
                    new Request.Builder().url(client.url("b1s/v1/Items/x")).build(),
                    r -> r.body().string()))
        .isInstanceOf(NotFoundException.class);
  }
}
