package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.TransientException;
import io.mlconnector.testkit.stripe.StripeSimulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An unreachable {@code stripe.api.base} is reported with the host that was actually called. */
class StripeUnreachableHostTest {

  @Test
  void theErrorNamesTheHostUsedNotStripesDefault() {
    StripeSimulator sim = Sim.start();
    String base = sim.baseUrl();
    sim.close();
    StripeConnector stripe =
        StripeConnector.create(
            Sim.config(sim).apiBase(base).maxNetworkRetries(0).connectTimeout(Duration.ofMillis(500)).build());

    StripePing ping = stripe.ping();
    assertThat(ping.check("authentication").detail())
        .contains(base)
        .doesNotContain("api.stripe.com");
    assertThat(ping.check("read customers").detail()).contains(base).doesNotContain("api.stripe.com");
    assertThatThrownBy(() -> stripe.reads().retrieveEvent("evt_123"))
        .isInstanceOf(TransientException.class)
        .hasMessageContaining(base)
        .hasMessageNotContaining("api.stripe.com");
  }
}
