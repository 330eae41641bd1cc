package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.stripe.StripeMetadata;
import io.mlconnector.testkit.syspro.Customer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A customer changed in SYSPRO is updated in place in Stripe. */
class CustomerChangeTest {

  @Test
  void changedNameAndEmailUpdateTheSameStripeCustomer() {
    try (Harness h = new Harness()) {
      h.seed(2, 2);
      h.runOnce();
      String ref = "syspro:customer:C1001";
      assertThat(h.stripe().countWithMetadata("customer", StripeMetadata.SOURCE_REF, ref)).isEqualTo(1);
      String id = customerId(h, ref);

      h.syspro().addCustomer(Customer.of("C1001", "Café Zürich Holding AG").withCurrency("CHF")
          .withEmail("ap@cafe-zuerich-holding.test"));
      h.runOnce();

      assertThat(h.stripe().countWithMetadata("customer", StripeMetadata.SOURCE_REF, ref)).isEqualTo(1);
      Map<String, Object> c = h.stripe().object(id);
      assertThat(c.get("name")).isEqualTo("Café Zürich Holding AG");
      assertThat(c.get("email")).isEqualTo("ap@cafe-zuerich-holding.test");
      assertThat(h.deadLetters()).isEmpty();
    }
  }

  static String customerId(Harness h, String ref) {
    return h.app.store().mappingBySource(
            io.mlconnector.core.model.ExternalRef.of("syspro", Harness.TENANT, "customer", ref.substring(ref.lastIndexOf(':') + 1)),
            "stripe")
        .orElseThrow().target().id();
  }
}
