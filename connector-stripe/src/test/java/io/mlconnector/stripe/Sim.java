package io.mlconnector.stripe;

import io.mlconnector.testkit.stripe.StripeSimulator;
import java.time.Duration;
import java.util.Map;

/** Test helpers: a Stripe simulator and a connector config pointed at it. */
final class Sim {
  private Sim() {}

  static StripeSimulator start() {
    return StripeSimulator.builder().seed(42).build();
  }

  /** A config for tenant {@code acme} on the simulator; a generous budget and short back-offs keep tests fast. */
  static StripeConfig.Builder config(StripeSimulator sim) {
    return StripeConfig.builder()
        .tenant("acme")
        .apiKey(sim.apiKey())
        .apiBase(sim.baseUrl())
        .requestsPerSecond(1000)
        .rateLimitBackoff(Duration.ofMillis(5), Duration.ofMillis(40));
  }

  static StripeConnector connector(StripeSimulator sim) {
    return StripeConnector.create(config(sim).build());
  }

  /** A nested JSON object of a simulator object. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }
}
