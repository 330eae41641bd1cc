package io.mlconnector.chargebee;

import io.mlconnector.contracts.CollectorContract;
import io.mlconnector.core.role.Collector;
import org.junit.jupiter.api.AfterEach;

/** Chargebee as a collector passes the role contract against the Chargebee simulator. */
class ChargebeeCollectorContractTest extends CollectorContract<ChargebeeCustomerRequest, ChargebeeInvoiceRequest> {
  private final SimFixture f = new SimFixture();

  @Override
  protected Collector.Provider<ChargebeeCustomerRequest, ChargebeeInvoiceRequest> provider() {
    return new ChargebeeCollectorProvider(t -> f.client, t -> ChargebeeCollectorOptions.defaults());
  }

  @Override
  protected String tenant() {
    return "acme";
  }

  @Override
  protected void payInFull(String invoiceId) {
    f.sim.pay(invoiceId, null);
  }

  @AfterEach
  void close() {
    f.close();
  }
}
