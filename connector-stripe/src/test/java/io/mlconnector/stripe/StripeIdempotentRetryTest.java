package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.ConflictException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.model.Money;
import io.mlconnector.testkit.http.Fault;
import io.mlconnector.testkit.stripe.StripeSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StripeIdempotentRetryTest {
  private final StripeSimulator sim = Sim.start();
  private final StripeConnector stripe =
      StripeConnector.create(Sim.config(sim).maxNetworkRetries(0).readTimeout(java.time.Duration.ofMillis(500)).build());

  @AfterEach
  void stop() {
    sim.close();
  }

  private StripeInvoiceRequest invoice(String customerId, String amount) {
    return new StripeInvoiceRequest(
        "syspro:invoice:900", "v1", customerId, "usd", 30, null, List.of(StripeInvoiceLine.of("Work", Money.of(amount, "USD"))), Map.of());
  }

  @Test
  void aRetryAfterALostResponseCreatesOneInvoice() {
    String customerId = stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:C9", "v1", "Nine"), "op-c9").id();
    // the draft is created, but its answer never arrives; the JDK's HttpURLConnection silently
    // re-sends a POST once on a broken kept-alive connection, so lose that answer too
    sim.faults().random(1.0, Fault.RESPONSE_LOST_AFTER_COMMIT, r -> r.path().equals("/v1/invoices"));

    assertThatThrownBy(() -> stripe.createInvoice(invoice(customerId, "75.00"), "op-900")).isInstanceOf(TransientException.class);
    assertThat(sim.countWithMetadata("invoice", StripeMetadata.SOURCE_REF, "syspro:invoice:900")).isEqualTo(1);
    sim.faults().reset();

    // the engine repeats the write with the same operation key: Stripe replays the draft, the rest completes
    StripeInvoice invoice = stripe.createInvoice(invoice(customerId, "75.00"), "op-900");

    assertThat(invoice.status()).isEqualTo("open");
    assertThat(invoice.total()).isEqualTo(7500);
    assertThat(sim.countWithMetadata("invoice", StripeMetadata.SOURCE_REF, "syspro:invoice:900")).isEqualTo(1);
    assertThat(sim.countWithMetadata("invoiceitem", StripeMetadata.SOURCE_REF, "syspro:invoice:900")).isEqualTo(1);
  }

  @Test
  void aLostAnswerOnAnyStepIsRepairedByRepeatingTheOperation() {
    String customerId = stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:C9", "v1", "Nine"), "op-c9").id();
    // the lines step: one add_lines request by default, or invoice items with InvoiceLineMode.INVOICE_ITEMS
    sim.faults().random(1.0, Fault.RESPONSE_LOST_AFTER_COMMIT,
        r -> r.path().equals("/v1/invoiceitems") || r.path().endsWith("/add_lines"));
    assertThatThrownBy(() -> stripe.createInvoice(invoice(customerId, "20.00"), "op-901")).isInstanceOf(TransientException.class);
    sim.faults().reset();
    sim.faults().random(1.0, Fault.RESPONSE_LOST_AFTER_COMMIT, r -> r.path().endsWith("/send"));
    assertThatThrownBy(() -> stripe.createInvoice(invoice(customerId, "20.00"), "op-901")).isInstanceOf(TransientException.class);
    sim.faults().reset();

    StripeInvoice invoice = stripe.createInvoice(invoice(customerId, "20.00"), "op-901");

    assertThat(invoice.status()).isEqualTo("open");
    assertThat(invoice.total()).isEqualTo(2000);
    assertThat(sim.countWithMetadata("invoice", StripeMetadata.SOURCE_REF, "syspro:invoice:900")).isEqualTo(1);
    assertThat(sim.countWithMetadata("invoiceitem", StripeMetadata.SOURCE_REF, "syspro:invoice:900")).isEqualTo(1);
    assertThat(sim.events().stream().filter(e -> "invoice.sent".equals(e.get("type"))).count()).isEqualTo(1);
  }

  @Test
  void stripeJavaRetriesAServerErrorWithTheSameKey() {
    StripeConnector retrying = StripeConnector.create(Sim.config(sim).maxNetworkRetries(1).build());
    sim.faults().failNext(1, Fault.SERVER_ERROR);

    StripeCustomer c = retrying.createCustomer(StripeCustomerRequest.of("syspro:customer:C10", "v1", "Ten"), "op-c10");

    assertThat(c.id()).startsWith("cus_");
    assertThat(sim.countWithMetadata("customer", StripeMetadata.SOURCE_REF, "syspro:customer:C10")).isEqualTo(1);
  }

  @Test
  void reusingAKeyForDifferentDataIsAConflict() {
    String customerId = stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:C9", "v1", "Nine"), "op-c9").id();
    stripe.createInvoice(invoice(customerId, "10.00"), "op-902");

    assertThatThrownBy(() -> stripe.createInvoice(invoice(customerId, "11.00"), "op-902"))
        .isInstanceOf(ConflictException.class)
        .satisfies(e -> assertThat(((ConflictException) e).remoteCode()).isEqualTo("idempotency_error"));
  }
}
