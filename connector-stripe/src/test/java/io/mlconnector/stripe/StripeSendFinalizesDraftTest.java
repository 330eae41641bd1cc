package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.model.Money;
import io.mlconnector.testkit.http.Fault;
import io.mlconnector.testkit.stripe.StripeSimulator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issuing a draft with one {@code send} that finalizes it, and the fallback for a Stripe that
 * refuses to send drafts (the simulator's {@code sendFinalizesDrafts(false)}).
 */
class StripeSendFinalizesDraftTest {

  private static StripeInvoiceRequest request(String ref, String customerId, String amount) {
    return new StripeInvoiceRequest(ref, "v1", customerId, "usd", 30, null,
        List.of(StripeInvoiceLine.of("Work", Money.of(amount, "USD"))), Map.of());
  }

  private static long events(StripeSimulator sim, String type, String invoiceId) {
    return sim.events().stream()
        .filter(e -> type.equals(e.get("type")))
        .filter(e -> invoiceId.equals(Sim.map(Sim.map(e.get("data")).get("object")).get("id")))
        .count();
  }

  @Test
  void oneSendFinalizesAndSendsTheDraft() {
    try (StripeSimulator sim = Sim.start()) {
      StripeConnector stripe = Sim.connector(sim);
      assertThat(stripe.config().sendFinalizesDrafts()).isTrue();
      String customerId = stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:S1", "v1", "Send"), "op-s1").id();
      long before = sim.requestCount();

      StripeInvoice invoice = stripe.createInvoice(request("syspro:invoice:S1", customerId, "25.00"), "op-inv-s1");

      assertThat(sim.requestCount() - before).isEqualTo(3); // draft, add_lines, send
      assertThat(invoice.status()).isEqualTo("open");
      assertThat(invoice.number()).isNotBlank();
      assertThat(invoice.hostedInvoiceUrl()).startsWith("https://invoice.stripe.com/");
      assertThat(events(sim, "invoice.finalized", invoice.id())).isEqualTo(1);
      assertThat(events(sim, "invoice.sent", invoice.id())).isEqualTo(1);
    }
  }

  @Test
  void whenStripeRefusesToSendADraftTheConnectorFinalizesFirstAndKeepsDoingSo() {
    try (StripeSimulator sim = StripeSimulator.builder().seed(42).sendFinalizesDrafts(false).build()) {
      StripeConnector stripe = Sim.connector(sim);
      String customerId = stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:S2", "v1", "Strict"), "op-s2").id();

      long before = sim.requestCount();
      StripeInvoice first = stripe.createInvoice(request("syspro:invoice:S2a", customerId, "10.00"), "op-inv-s2a");
      // draft, add_lines, refused send, read, finalize, send
      assertThat(sim.requestCount() - before).isEqualTo(6);
      assertThat(first.status()).isEqualTo("open");
      assertThat(events(sim, "invoice.sent", first.id())).isEqualTo(1);

      before = sim.requestCount();
      StripeInvoice second = stripe.createInvoice(request("syspro:invoice:S2b", customerId, "11.00"), "op-inv-s2b");
      // learnt: draft, add_lines, finalize, send
      assertThat(sim.requestCount() - before).isEqualTo(4);
      assertThat(second.status()).isEqualTo("open");
      assertThat(events(sim, "invoice.sent", second.id())).isEqualTo(1);
    }
  }

  @Test
  void aFailureAfterTheFallbackFinalizedIsRepairedByRepeatingTheOperation() {
    try (StripeSimulator sim = StripeSimulator.builder().seed(42).sendFinalizesDrafts(false).build()) {
      StripeConnector stripe = StripeConnector.create(Sim.config(sim).maxNetworkRetries(0).build());
      String customerId = stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:S3", "v1", "Crash"), "op-s3").id();
      AtomicInteger sends = new AtomicInteger();
      // the second send (after the explicit finalize) fails
      sim.faults().random(1.0, Fault.SERVER_ERROR, r -> r.path().endsWith("/send") && sends.incrementAndGet() == 2);
      assertThatThrownBy(() -> stripe.createInvoice(request("syspro:invoice:S3", customerId, "12.00"), "op-inv-s3"))
          .isInstanceOf(TransientException.class);
      sim.faults().reset();

      // a fresh connector (as after a restart) still starts with the one-request send
      StripeConnector restarted = Sim.connector(sim);
      StripeInvoice invoice = restarted.createInvoice(request("syspro:invoice:S3", customerId, "12.00"), "op-inv-s3");

      assertThat(invoice.status()).isEqualTo("open");
      assertThat(sim.countWithMetadata("invoice", StripeMetadata.SOURCE_REF, "syspro:invoice:S3")).isEqualTo(1);
      assertThat(events(sim, "invoice.finalized", invoice.id())).isEqualTo(1);
      assertThat(events(sim, "invoice.sent", invoice.id())).isEqualTo(1);
    }
  }

  @Test
  void aZeroInvoiceIsFinalizedAndNotSent() {
    try (StripeSimulator sim = Sim.start()) {
      StripeConnector stripe = Sim.connector(sim);
      String customerId = stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:S4", "v1", "Zero"), "op-s4").id();

      StripeInvoice invoice = stripe.createInvoice(request("syspro:invoice:S4", customerId, "0.00"), "op-inv-s4");

      assertThat(invoice.status()).isEqualTo("paid");
      assertThat(events(sim, "invoice.sent", invoice.id())).isZero();
    }
  }

  @Test
  void theTwoStepPathCanBeChosen() {
    try (StripeSimulator sim = Sim.start()) {
      StripeConnector stripe = StripeConnector.create(Sim.config(sim).sendFinalizesDrafts(false).build());
      String customerId = stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:S5", "v1", "Two"), "op-s5").id();
      long before = sim.requestCount();

      StripeInvoice invoice = stripe.createInvoice(request("syspro:invoice:S5", customerId, "5.00"), "op-inv-s5");

      assertThat(sim.requestCount() - before).isEqualTo(4); // draft, add_lines, finalize, send
      assertThat(invoice.status()).isEqualTo("open");
      assertThat(events(sim, "invoice.sent", invoice.id())).isEqualTo(1);
    }
  }
}
