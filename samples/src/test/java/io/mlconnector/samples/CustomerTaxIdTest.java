package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.testkit.syspro.Customer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A SYSPRO customer's tax registration number reaches the Stripe customer, and follows changes. */
class CustomerTaxIdTest {

  @Test
  void theStripeCustomerCarriesTheSysproTaxId() {
    try (Harness h = new Harness()) {
      h.seed(2, 1);
      h.runOnce();
      String expected = h.syspro().customer("C1001").orElseThrow().taxId();
      assertThat(expected).isEqualTo("CHE-116.281.710 MWST");
      String id = CustomerChangeTest.customerId(h, "syspro:customer:C1001");
      assertThat(metadata(h, id)).containsEntry(io.mlconnector.stripe.StripeMappers.TAX_ID_METADATA, expected);

      h.syspro().addCustomer(h.syspro().customer("C1001").orElseThrow().withTaxId("CHE-999.888.777 MWST"));
      h.runOnce();

      assertThat(CustomerChangeTest.customerId(h, "syspro:customer:C1001")).isEqualTo(id);
      assertThat(metadata(h, id)).containsEntry(io.mlconnector.stripe.StripeMappers.TAX_ID_METADATA, "CHE-999.888.777 MWST");
      assertThat(h.deadLetters()).isEmpty();
    }
  }

  @Test
  void aCustomerWithoutTaxIdHasNoTaxIdMetadata() {
    try (Harness h = new Harness()) {
      h.seed(1, 0);
      h.syspro().addCustomer(Customer.of("C2000", "No Tax Id Ltd").withCurrency("USD").withEmail("ap@notax.test"));
      h.runOnce();
      assertThat(metadata(h, CustomerChangeTest.customerId(h, "syspro:customer:C2000")))
          .doesNotContainKey(io.mlconnector.stripe.StripeMappers.TAX_ID_METADATA);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> metadata(Harness h, String customerId) {
    return (Map<String, Object>) h.stripe().object(customerId).get("metadata");
  }
}
