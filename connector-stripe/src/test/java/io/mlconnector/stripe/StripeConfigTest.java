package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.http.RateBudgetRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StripeConfigTest {

  @Test
  void theBudgetFollowsTheKeysMode() {
    StripeConfig test = StripeConfig.builder().tenant("t").apiKey("sk_test_abc").build();
    StripeConfig live = StripeConfig.builder().tenant("t").apiKey("rk_live_abc").build();

    assertThat(test.liveMode()).isFalse();
    assertThat(test.requestsPerSecond()).isEqualTo(25);
    assertThat(test.credentialId()).isEqualTo("t/test");
    assertThat(live.liveMode()).isTrue();
    assertThat(live.requestsPerSecond()).isEqualTo(100);
    assertThat(live.credentialId()).isEqualTo("t/live");
    assertThat(StripeConfig.builder().tenant("t").apiKey("sk_live_x").requestsPerSecond(40).build().requestsPerSecond()).isEqualTo(40);
    StripeConfig derived = test.newBuilder().apiKey("sk_live_abc").build();
    assertThat(derived.requestsPerSecond()).isEqualTo(100);
    assertThat(derived.credentialId()).isEqualTo("t/live");
  }

  @Test
  void defaultsAreStripeJavasAndTheSafeOnes() {
    StripeConfig c = StripeConfig.builder().tenant("t").apiKey("sk_test_abc").build();

    assertThat(c.apiBase()).isEqualTo("https://api.stripe.com");
    assertThat(c.maxNetworkRetries()).isEqualTo(2);
    assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.readTimeout()).isEqualTo(Duration.ofSeconds(80));
    assertThat(c.stampLookup()).isEqualTo(StampLookup.LIST_SCAN);
    assertThat(c.openInvoicePolicy()).isEqualTo(OpenInvoicePolicy.VOID_AND_REISSUE);
    assertThat(c.taxMode()).isEqualTo(TaxMode.AS_LINES);
    assertThat(c.sendInvoices()).isTrue();
  }

  @Test
  void connectorsOfOneCredentialShareOneBudget() {
    RateBudgetRegistry registry = RateBudgetRegistry.create();
    StripeConfig a = StripeConfig.builder().tenant("a").apiKey("sk_test_abc").credentialId("acct_1").rateBudgets(registry).build();
    StripeConfig b = a.newBuilder().tenant("b").build();

    assertThat(StripeConnector.create(a).rateBudget()).isSameAs(StripeConnector.create(b).rateBudget());
    assertThat(StripeConnector.create(a).stripeClient()).isNotSameAs(StripeConnector.create(b).stripeClient());
  }

  @Test
  void badValuesAreNamed() {
    assertThatThrownBy(() -> StripeConfig.builder().apiKey("pk_test_abc")).hasMessageContaining("publishable keys");
    assertThatThrownBy(() -> StripeConfig.builder().apiKey(" ")).hasMessageContaining("apiKey must not be blank");
    assertThatThrownBy(() -> StripeConfig.builder().apiBase("ftp://x")).hasMessageContaining("apiBase must be an http(s) URL");
    assertThatThrownBy(() -> StripeConfig.builder().requestsPerSecond(0)).hasMessageContaining("requestsPerSecond");
    assertThatThrownBy(() -> StripeConfig.builder().maxNetworkRetries(-1)).hasMessageContaining("maxNetworkRetries");
    assertThatThrownBy(() -> StripeConfig.builder().rateLimitBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("shorter than the first");
    assertThatThrownBy(() -> StripeConfig.builder().apiKey("sk_test_x").build()).hasMessageContaining("tenant is required");
    assertThatThrownBy(() -> StripeConfig.builder().tenant("t").build()).hasMessageContaining("apiKey is required");
  }

  @Test
  void takesTheKeyAsACoreSecret() {
    StripeConfig c = StripeConfig.builder().tenant("t").apiKey(io.mlconnector.core.credential.Secret.of("sk_live_fromStore")).build();

    assertThat(c.liveMode()).isTrue();
    assertThat(c.toString()).doesNotContain("fromStore");
  }

  @Test
  void theKeyIsNeverPrinted() {
    StripeConfig c = StripeConfig.builder().tenant("t").apiKey("sk_live_verysecret").build();

    assertThat(c.toString()).doesNotContain("verysecret").contains("mode=live");
    assertThat(StripeConnector.create(c).toString()).doesNotContain("verysecret");
  }
}
