package io.mlconnector.acumatica;

import io.mlconnector.contracts.SinkContract;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.testkit.http.Fault;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/**
 * The payment sink passes the sink contract: found by its stamp, never adopted for another source,
 * updates safe to repeat, and an answer lost after Acumatica committed (the PUT, or the release)
 * resolved by find-by-stamp with the payment posted once.
 */
class PaymentSinkContractTest extends SinkContract<Payment> {
  private final Fixture fx = new Fixture();
  private final AcumaticaClient client = fx.client();
  private final AcumaticaLedger ledger = AcumaticaLedger.builder(client).payments("STRIPE", "10200").build();
  private final Sink<Payment> sink = ledger.payments();

  @Override
  protected Sink<Payment> sink() {
    return sink;
  }

  @Override
  protected ExternalRef newSource() {
    return ExternalRef.of("stripe", "acme", "payment", "pi_" + UUID.randomUUID().toString().replace("-", ""));
  }

  @Override
  protected Payment record(ExternalRef source, int variant) {
    fx.sim.addCustomer("CUS001", "Acme", "USD");
    String inv = fx.sim.addReleasedInvoice("CUS001", "Work", new BigDecimal("100.00"));
    Money amount = Money.of("40.00", "USD");
    return Payment.builder().ref(source).version("v" + variant).direction(Payment.Direction.RECEIVED)
        .status(Payment.Status.SUCCEEDED).method(Payment.Method.CARD).amount(amount)
        .date(LocalDate.of(2024, 6, 30)).reference(source.id())
        .apply(AcumaticaRefs.invoice("acme", "CUS001", "Invoice", inv), amount).build();
  }

  @Override
  protected void loseNextAnswer() {
    // the PUT lands and its answer is lost; nothing after it is faulted
    fx.sim.faults().exempt(r -> !(r.method().equals("PUT") && r.path().endsWith("/Payment")));
    fx.sim.faults().failNext(1, Fault.RESPONSE_LOST_AFTER_COMMIT);
  }

  @Override
  protected int countTargetsStamped(ExternalRef source) {
    String stamp = AcumaticaRefs.stamp(source);
    return (int) fx.sim.records("Payment").stream()
        .filter(r -> stamp.equals(((java.util.Map<?, ?>) r.get("ExternalRef")).get("value"))).count();
  }

  @AfterEach
  void close() {
    fx.close();
  }
}
