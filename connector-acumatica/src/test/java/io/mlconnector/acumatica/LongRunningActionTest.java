package io.mlconnector.acumatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.TransientException;
import io.mlconnector.testkit.acumatica.RecordedRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A release is a long-running operation: 202 with a {@code Location}, polled there until 204, and
 * waited for within a bound; one still running after the bound is a transient error saying so,
 * and the session's next request waits for it instead of failing.
 */
class LongRunningActionTest {

  @Test
  void aReleaseIsPolledAtItsLocationUntilDone() {
    try (Fixture fx = new Fixture(b -> b.actions(3, Duration.ofSeconds(30)))) {
      AcumaticaClient client = fx.client();
      fx.sim.addCustomer("CUS001", "Acme", "USD");
      String inv = fx.sim.addReleasedInvoice("CUS001", "Work", new BigDecimal("100.00"));
      fx.sim.clearRecordedRequests();
      AcumaticaPayment p = client.put(EntityType.PAYMENT, payment(inv), Put.upsert("DocumentsToApply"));

      client.release(EntityType.PAYMENT, p);

      List<RecordedRequest> polls = fx.sim.recordedRequests().stream()
          .filter(r -> r.path().contains("/Payment/ReleasePayment/status/")).toList();
      assertThat(polls).hasSize(4); // 202, 202, 202, 204
      assertThat(fx.sim.status("Payment", "Payment", p.referenceNbr())).isEqualTo("Closed");
    }
  }

  @Test
  void aReleaseStillRunningAfterTheBoundedWaitIsATransientErrorThatSaysSo() {
    try (Fixture fx = new Fixture(b -> b.actions(100_000, Duration.ofMinutes(30)))) {
      AcumaticaClient client = fx.client(fx.config(fx.oauth())
          .actionWait(Duration.ofMillis(10), Duration.ofMillis(300)).build());
      fx.sim.addCustomer("CUS001", "Acme", "USD");
      String inv = fx.sim.addReleasedInvoice("CUS001", "Work", new BigDecimal("100.00"));
      AcumaticaPayment p = client.put(EntityType.PAYMENT, payment(inv), Put.upsert("DocumentsToApply"));

      assertThatThrownBy(() -> client.release(EntityType.PAYMENT, p))
          .isInstanceOf(TransientException.class)
          .hasMessageContaining("still running after PT0.3S");
    }
  }

  private static AcumaticaPayment payment(String invoice) {
    return new AcumaticaPayment(null, "Payment", null, "CUS001", "STRIPE", "10200", "ch_1",
        new BigDecimal("40.00"), java.time.LocalDate.of(2024, 6, 30), "USD", "Stripe payment", "mlc:test",
        false, null, null, null, null,
        List.of(new DocumentToApply("Invoice", invoice, new BigDecimal("40.00"))), null);
  }
}
