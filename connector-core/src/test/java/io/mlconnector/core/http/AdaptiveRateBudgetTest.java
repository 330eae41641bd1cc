package io.mlconnector.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.testkit.SimClock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A 429 slows the credential's budget down and pauses it; the rate then recovers to its ceiling. */
class AdaptiveRateBudgetTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final SimClock clock = SimClock.at(Instant.parse("2026-11-21T06:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final RecordingListener listener = new RecordingListener();
  private final HttpTransport transport =
      HttpTransport.builder().clock(clock).sleeper(sleeper).listener(listener).build();
  private final RateBudgetConfig config =
      RateBudgetConfig.builder(10)
          .burst(1)
          .minPermitsPerSecond(1)
          .decreaseFactor(0.5)
          .recovery(1, Duration.ofSeconds(1))
          .build();

  @AfterEach
  void tearDown() {
    transport.close();
  }

  private TenantClient client() {
    return transport.newClient(
        TenantConfig.builder("acumatica", "acme", "acme/api")
            .baseUrl(wm.baseUrl())
            .rateBudget(config)
            .build());
  }

  private static void call(TenantClient client) {
    client.execute(new Request.Builder().url(client.url("entity/Customer")).build()).close();
  }

  @Test
  void slowsDownOn429AndRecoversGraduallyUpToTheCeiling() {
    wm.stubFor(
        get("/entity/Customer")
            .inScenario("limit")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3"))
            .willSetStateTo("open"));
    wm.stubFor(
        get("/entity/Customer").inScenario("limit").whenScenarioStateIs("open").willReturn(ok("[]")));
    TenantClient client = client();
    RateBudget budget = client.rateBudget().orElseThrow();

    call(client);

    assertThat(budget.currentPermitsPerSecond()).isEqualTo(5.0);
    assertThat(listener.startingWith("rate-limited"))
        .containsExactly("rate-limited acumatica:acme/api pause PT3S rate 5.0");
    // The retry waited the Retry-After; the pause had then passed, so the budget added nothing.
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(3));

    call(client);
    assertThat(sleeper.sleeps())
        .as("at the halved rate the next permit is 1/5 s away, not 1/10 s")
        .containsExactly(Duration.ofSeconds(3), Duration.ofMillis(200));

    clock.advance(Duration.ofMillis(1800)); // 2 s after the pause ended
    call(client);
    assertThat(budget.currentPermitsPerSecond()).isEqualTo(7.0);

    clock.advance(Duration.ofSeconds(60));
    call(client);
    assertThat(budget.currentPermitsPerSecond()).as("never above the ceiling").isEqualTo(10.0);
  }

  @Test
  void aPauseHoldsBackEveryCallerOfTheBudget() throws InterruptedException {
    RateBudgetRegistry registry =
        RateBudgetRegistry.create(clock, RecordingSleeper.frozen(), TransportListener.NONE);
    RateBudget budget = registry.budget(new CredentialKey("acumatica", "acme/api"), config);

    budget.onRateLimited(Duration.ofSeconds(2));

    assertThat(budget.acquire()).isEqualTo(Duration.ofSeconds(2));
    assertThat(budget.acquire()).isEqualTo(Duration.ofMillis(2200));
    assertThat(budget.currentPermitsPerSecond()).isEqualTo(5.0);
  }

  @Test
  void repeated429sNeverGoBelowTheFloor() {
    RateBudget budget =
        RateBudgetRegistry.create(clock, sleeper, TransportListener.NONE)
            .budget(new CredentialKey("stripe", "acme"), config);
    for (int i = 0; i < 10; i++) {
      budget.onRateLimited(null);
    }
    assertThat(budget.currentPermitsPerSecond()).isEqualTo(1.0);
  }

  @Test
  void aCallerThatWouldWaitTooLongFailsAtOnceWithoutTakingAPermit() {
    wm.stubFor(get("/entity/Customer").willReturn(ok("[]")));
    TenantClient client =
        transport.newClient(
            TenantConfig.builder("acumatica", "acme", "acme/slow")
                .baseUrl(wm.baseUrl())
                .rateBudget(RateBudgetConfig.builder(1).burst(1).maxWait(Duration.ofSeconds(5)).build())
                .build());
    client.rateBudget().orElseThrow().onRateLimited(Duration.ofSeconds(30));

    assertThatThrownBy(() -> call(client))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
              assertThat(e.httpStatus()).isZero();
            });
    assertThat(sleeper.sleeps()).isEmpty();
    Journal.verify(wm, 0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
  }
}
