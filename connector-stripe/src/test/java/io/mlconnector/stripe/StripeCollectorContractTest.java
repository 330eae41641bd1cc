package io.mlconnector.stripe;

import io.mlconnector.contracts.CollectorContract;
import io.mlconnector.core.role.Collector;
import io.mlconnector.testkit.stripe.StripeSimulator;
import org.junit.jupiter.api.AfterEach;

/** Stripe as a collector passes the role contract against the Stripe simulator. */
class StripeCollectorContractTest extends CollectorContract<StripeCustomerRequest, StripeInvoiceRequest> {
  private final StripeSimulator sim = Sim.start();
  private final StripeCollector collector =
      StripeCollector.of(Sim.connector(sim), StripeWebhookVerifier.builder().secret("whsec_contract0000000000").build());

  @Override
  protected Collector.Provider<StripeCustomerRequest, StripeInvoiceRequest> provider() {
    return StripeCollector.provider(t -> collector);
  }

  @Override
  protected String tenant() {
    return "acme";
  }

  @Override
  protected void payInFull(String invoiceId) {
    sim.payInvoice(invoiceId);
  }

  @AfterEach
  void close() {
    sim.close();
  }
}
