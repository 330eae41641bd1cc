package io.mlconnector.testkit.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.PermissionException;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.InvoiceListParams;
import org.junit.jupiter.api.Test;

/** A restricted key reads only what it was given; anything else is Stripe's 403 permission error. */
class StripeSimulatorRestrictedKeyTest {
  private static final String KEY = "rk_test_customersReadOnly0123";

  @Test
  void aRestrictedKeyReadsOnlyItsResources() throws Exception {
    try (StripeSimulator sim = StripeSimulator.builder().restrictedKey(KEY, "customers").build()) {
      StripeClient restricted = StripeClient.builder().setApiKey(KEY).setApiBase(sim.baseUrl()).build();

      assertThat(restricted.v1().customers().list(CustomerListParams.builder().setLimit(1L).build()).getData()).isEmpty();
      assertThatThrownBy(() -> restricted.v1().invoices().list(InvoiceListParams.builder().build()))
          .isInstanceOf(PermissionException.class)
          .hasMessageContaining("does not have the required permissions")
          .hasMessageContaining("rak_invoice_read")
          .hasMessageNotContaining(KEY);
      assertThatThrownBy(() -> restricted.v1().customers().create(CustomerCreateParams.builder().setName("x").build()))
          .isInstanceOf(PermissionException.class)
          .hasMessageContaining("rak_customer_write");
      assertThat(sim.count("customer", c -> true)).isZero();
      // the simulator's secret key is unaffected
      StripeClient secret = StripeClient.builder().setApiKey(sim.apiKey()).setApiBase(sim.baseUrl()).build();
      assertThat(secret.v1().invoices().list(InvoiceListParams.builder().build()).getData()).isEmpty();
    }
  }

  @Test
  void theBuilderChecksTheKey() {
    assertThatThrownBy(() -> StripeSimulator.builder().restrictedKey("sk_test_abc", "customers"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("restrictedKey");
    assertThatThrownBy(() -> StripeSimulator.builder().restrictedKey(KEY, "/v1/customers"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readableResources");
  }
}
