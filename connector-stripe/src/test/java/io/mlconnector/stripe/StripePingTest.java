package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.testkit.stripe.StripeSimulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StripePingTest {

  @Test
  void reportsEachCheckWithItsLatency() {
    try (StripeSimulator sim = Sim.start()) {
      StripePing ping = Sim.connector(sim).ping();

      assertThat(ping.ok()).isTrue();
      assertThat(ping.checks())
          .extracting(PingCheck::name)
          .containsExactly("authentication", "mode", "api version", "read customers", "read invoices", "read events");
      assertThat(ping.check("authentication").detail()).contains("acct_");
      assertThat(ping.check("mode").detail()).isEqualTo("test");
      assertThat(ping.check("api version").detail()).isEqualTo(StripeConnector.apiVersion()).endsWith(".dahlia");
      assertThat(ping.check("authentication").latency()).isPositive();
      assertThat(ping.check("read events").latency()).isGreaterThan(Duration.ZERO);
    }
  }

  @Test
  void aWrongKeyFailsTheChecksWithoutShowingTheKey() {
    try (StripeSimulator sim = Sim.start()) {
      String wrongKey = "sk_test_wrongKey1234567890abcdef";
      StripePing ping = StripeConnector.create(Sim.config(sim).apiKey(wrongKey).build()).ping();

      assertThat(ping.ok()).isFalse();
      assertThat(ping.check("authentication").ok()).isFalse();
      assertThat(ping.check("authentication").detail()).contains("HTTP 401").doesNotContain(wrongKey).doesNotContain("sk_test_");
      assertThat(ping.check("read customers").ok()).isFalse();
      assertThat(ping.toString()).doesNotContain(wrongKey);
    }
  }

  @Test
  void aRestrictedKeyWithoutReadPermissionFailsThoseChecksOnly() {
    String restricted = "rk_test_readsCustomersOnly0123456789";
    try (StripeSimulator sim = StripeSimulator.builder().restrictedKey(restricted, "account", "customers").build()) {
      StripePing ping = StripeConnector.create(Sim.config(sim).apiKey(restricted).build()).ping();

      assertThat(ping.ok()).isFalse();
      assertThat(ping.check("authentication").ok()).isTrue();
      assertThat(ping.check("mode").detail()).isEqualTo("test");
      assertThat(ping.check("read customers").ok()).isTrue();
      assertThat(ping.check("read invoices").ok()).isFalse();
      assertThat(ping.check("read invoices").detail()).contains("HTTP 403").contains("permission").doesNotContain(restricted);
      assertThat(ping.check("read events").ok()).isFalse();
      assertThat(ping.check("read invoices").latency()).isPositive();
    }
  }

  @Test
  void aLiveKeyIsReportedAsLiveMode() {
    try (StripeSimulator sim = Sim.start()) {
      // the simulator knows only test keys, so the live key fails authentication but its mode is still reported
      StripePing ping = StripeConnector.create(Sim.config(sim).apiKey("sk_live_notAcceptedHere0123456789").build()).ping();

      assertThat(ping.check("mode").detail()).isEqualTo("live");
      assertThat(ping.check("authentication").ok()).isFalse();
      assertThat(ping.ok()).isFalse();
    }
  }

  @Test
  void anUnreachableApiIsReported() {
    StripeSimulator sim = Sim.start();
    String base = sim.baseUrl();
    sim.close();
    StripePing ping =
        StripeConnector.create(Sim.config(sim).apiBase(base).maxNetworkRetries(0).connectTimeout(Duration.ofMillis(500)).build()).ping();

    assertThat(ping.ok()).isFalse();
    assertThat(ping.check("authentication").detail()).contains("GET /v1/account failed");
  }
}
