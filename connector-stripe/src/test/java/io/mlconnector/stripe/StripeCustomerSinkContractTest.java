package io.mlconnector.stripe;

import io.mlconnector.contracts.SinkContract;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.testkit.http.Fault;
import io.mlconnector.testkit.stripe.StripeSimulator;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** The Stripe customer sink passes the sink contract against the Stripe simulator. */
class StripeCustomerSinkContractTest extends SinkContract<StripeCustomerRequest> {
  private final StripeSimulator sim = Sim.start();
  private final StripeCustomerSink sink = new StripeCustomerSink(Sim.connector(sim));

  @Override
  protected Sink<StripeCustomerRequest> sink() {
    return sink;
  }

  @Override
  protected ExternalRef newSource() {
    return ExternalRef.of("erp", "acme", "customer", "C" + UUID.randomUUID().toString().substring(0, 8));
  }

  @Override
  protected StripeCustomerRequest record(ExternalRef source, int variant) {
    return StripeCustomerRequest.of(source.key(), "v" + (variant + 1), variant == 0 ? "Acme" : "Acme Ltd");
  }

  @Override
  protected void loseNextAnswer() {
    sim.faults().failNext(1, Fault.RESPONSE_LOST_AFTER_COMMIT);
  }

  @Override
  protected int countTargetsStamped(ExternalRef source) {
    return sim.countWithMetadata("customer", StripeMetadata.SOURCE_REF, source.key());
  }

  @AfterEach
  void close() {
    sim.close();
  }
}
