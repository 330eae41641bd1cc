package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stripe options of the properties file reach the connector; a bad value names its key. */
class StripeOptionsConfigTest {
  @TempDir Path tempDir;

  private Map<String, String> props(SimulatedSystems sims, String sendFinalizes) {
    Map<String, String> extra = new HashMap<>(Map.of(
        "data.dir", tempDir.toString(), "webhook.host", "127.0.0.1", "webhook.port", "0"));
    if (sendFinalizes != null) {
      extra.put("stripe.send.finalizes.drafts", sendFinalizes);
    }
    return sims.properties("opts", extra);
  }

  @Test
  void sendFinalizesDraftsDefaultsToTrueAndCanBeTurnedOff() {
    try (SimulatedSystems sims = SimulatedSystems.builder().start()) {
      io.mlconnector.core.credential.KeyProvider keys = ReceivablesDemo.demoKeys(); // one key: both opens share the store
      try (SampleApp app = SampleApp.open(SampleConfig.of(props(sims, null), "test"), keys)) {
        assertThat(Harness.stripeOf(app).config().sendFinalizesDrafts()).isTrue();
      }
      try (SampleApp app = SampleApp.open(SampleConfig.of(props(sims, "false"), "test"), keys)) {
        assertThat(Harness.stripeOf(app).config().sendFinalizesDrafts()).isFalse();
      }
    }
  }

  @Test
  void aValueOtherThanTrueOrFalseIsRefusedByName() {
    try (SimulatedSystems sims = SimulatedSystems.builder().start()) {
      assertThatThrownBy(() -> SampleApp.open(SampleConfig.of(props(sims, "maybe"), "test"), ReceivablesDemo.demoKeys()).close())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("stripe.send.finalizes.drafts")
          .hasMessageContaining("maybe");
    }
  }
}
