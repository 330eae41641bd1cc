package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.testkit.stripe.StripeSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StripeRateLimitTest {

  @Test
  void aStormOf429sIsAbsorbedAndTheBudgetSlowsDown() {
    try (StripeSimulator sim = Sim.start()) {
      StripeConnector stripe = StripeConnector.create(Sim.config(sim).maxRateLimitRetries(8).build());
      sim.rateLimitStorm(6);
      long before = sim.requestCount();

      StripeCustomer c = stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:R1", "v1", "Rate"), "op-r1");

      assertThat(c.id()).startsWith("cus_");
      assertThat(sim.requestCount() - before).isEqualTo(7);
      assertThat(sim.countWithMetadata("customer", StripeMetadata.SOURCE_REF, "syspro:customer:R1")).isEqualTo(1);
      assertThat(stripe.rateBudget().currentPermitsPerSecond()).isLessThan(stripe.config().requestsPerSecond());
    }
  }

  @Test
  void concurrentCallersOnASimulatedTestModeLimitAllSucceed() throws Exception {
    try (StripeSimulator sim = StripeSimulator.builder().seed(7).rateLimit(40).build()) {
      StripeConnector stripe = StripeConnector.create(Sim.config(sim).requestsPerSecond(200).maxRateLimitRetries(10).build());
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<StripeCustomer>> results = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
          int n = i;
          results.add(pool.submit(() -> stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:P" + n, "v1", "P" + n), "op-p" + n)));
        }
        for (Future<StripeCustomer> f : results) {
          assertThat(f.get(30, TimeUnit.SECONDS).id()).startsWith("cus_");
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(sim.count("customer", o -> true)).isEqualTo(60);
    }
  }

  @Test
  void stripeShouldRetryFalseIsHonoured() {
    try (StripeSimulator sim = StripeSimulator.builder().rateLimitShouldRetry(false).build()) {
      StripeConnector stripe = Sim.connector(sim);
      sim.rateLimitStorm(1);
      long before = sim.requestCount();

      assertThatThrownBy(() -> stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:R2", "v1", "Rate"), "op-r2"))
          .isInstanceOf(RateLimitedException.class)
          .satisfies(e -> {
            RateLimitedException r = (RateLimitedException) e;
            assertThat(r.httpStatus()).isEqualTo(429);
            assertThat(r.remoteCode()).isEqualTo("rate_limit");
            assertThat(r.requestId()).startsWith("req_");
            assertThat(r.isRetryable()).isTrue();
          });
      assertThat(sim.requestCount() - before).isEqualTo(1);
    }
  }

  @Test
  void stripeShouldRetryTrueIsRetriedWithTheSameKey() {
    try (StripeSimulator sim = StripeSimulator.builder().rateLimitShouldRetry(true).build()) {
      StripeConnector stripe = StripeConnector.create(Sim.config(sim).maxRateLimitRetries(3).build());
      sim.rateLimitStorm(3);
      long before = sim.requestCount();

      StripeCustomer c = stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:R3", "v1", "Rate"), "op-r3");

      assertThat(c.id()).startsWith("cus_");
      assertThat(sim.requestCount() - before).isEqualTo(4);
      assertThat(sim.countWithMetadata("customer", StripeMetadata.SOURCE_REF, "syspro:customer:R3")).isEqualTo(1);
    }
  }

  @Test
  void theBudgetPacesJustUnderTwentyFivePerSecondForTestKeysAndAHundredForLiveOnesUnlessConfigured() {
    StripeConnector test = StripeConnector.create(StripeConfig.builder().tenant("t").apiKey("sk_test_budget").build());
    StripeConnector live = StripeConnector.create(StripeConfig.builder().tenant("t").apiKey("sk_live_budget").build());
    StripeConnector tuned =
        StripeConnector.create(StripeConfig.builder().tenant("t2").apiKey("sk_test_budget").requestsPerSecond(7).build());

    assertThat(test.rateBudget().currentPermitsPerSecond()).isEqualTo(25.0 * StripeConfig.PACING);
    assertThat(live.rateBudget().currentPermitsPerSecond()).isEqualTo(100.0 * StripeConfig.PACING);
    assertThat(tuned.rateBudget().currentPermitsPerSecond()).isEqualTo(7.0 * StripeConfig.PACING);
  }

  @Test
  void aStormLongerThanTheRetriesReachesTheCallerAsRateLimited() {
    try (StripeSimulator sim = Sim.start()) {
      StripeConnector stripe = StripeConnector.create(Sim.config(sim).maxRateLimitRetries(2).build());
      sim.rateLimitStorm(10);

      assertThatThrownBy(() -> stripe.retrieveCustomer("cus_any")).isInstanceOf(RateLimitedException.class);
    }
  }
}
