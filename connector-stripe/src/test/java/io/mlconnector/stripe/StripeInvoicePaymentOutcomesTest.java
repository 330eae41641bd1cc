package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.param.InvoicePayParams;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.sync.EventPage;
import io.mlconnector.core.sync.WebhookEvent;
import io.mlconnector.core.sync.WebhookSource;
import io.mlconnector.testkit.stripe.StripeSimulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code invoice.payment_failed} and {@code invoice.paid} resolved through the invoice's payments:
 * a failed attempt is the invoice's open default payment, the same PaymentIntent a retry later
 * pays; an invoice paid out of band has no PaymentIntent and resolves to no payment.
 */
class StripeInvoicePaymentOutcomesTest {
  private final StripeSimulator sim = Sim.start();
  private final StripeConnector stripe = Sim.connector(sim);
  private StripeInvoice invoice;

  @BeforeEach
  void issue() {
    String customerId = stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:F1", "v1", "Fails"), "op-f1").id();
    invoice = stripe.createInvoice(
        new StripeInvoiceRequest("syspro:invoice:F1", "v1", customerId, "usd", 30, null,
            List.of(StripeInvoiceLine.of("Work", Money.of("40.00", "USD"))), Map.of()),
        "op-if1");
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  /** Event type to the records its events resolve to (none: an empty list), cursor kept across calls. */
  private Map<String, List<Payment>> drain(WebhookSource<Payment> source, String[] cursor) {
    Map<String, List<Payment>> out = new LinkedHashMap<>();
    EventPage page;
    do {
      page = source.eventsSince(cursor[0]);
      for (WebhookEvent e : page.events()) {
        List<Payment> records = out.computeIfAbsent(e.type(), k -> new ArrayList<>());
        Optional<ExternalRef> ref = source.objectOf(e);
        ref.flatMap(source::fetch).ifPresent(records::add);
      }
      cursor[0] = page.nextCursor();
    } while (page.hasMore());
    return out;
  }

  @Test
  void invoicePaymentFailedResolvesToTheFailedAttemptAndTheRetryUpdatesTheSamePayment() {
    WebhookSource<Payment> source = StripeSources.payments(stripe);
    String[] cursor = {null};
    sim.failInvoicePayment(invoice.id());

    Map<String, List<Payment>> failed = drain(source, cursor);

    assertThat(failed.get("invoice.payment_failed")).singleElement().satisfies(p -> {
      assertThat(p.status()).isEqualTo(Payment.Status.FAILED);
      assertThat(p.ref().type()).isEqualTo("payment_intent");
      assertThat(p.amount()).isEqualTo(Money.of("40.00", "USD"));
      assertThat(p.applications()).isEmpty();
    });
    Payment failedPayment = failed.get("invoice.payment_failed").get(0);
    assertThat(failed.get("payment_intent.payment_failed")).containsExactly(failedPayment);

    sim.payInvoice(invoice.id());
    Map<String, List<Payment>> paid = drain(source, cursor);

    assertThat(paid.get("invoice.paid")).singleElement().satisfies(p -> {
      assertThat(p.ref()).isEqualTo(failedPayment.ref());
      assertThat(p.version()).isNotEqualTo(failedPayment.version());
      assertThat(p.status()).isEqualTo(Payment.Status.SUCCEEDED);
      assertThat(p.applications()).singleElement().satisfies(a -> {
        assertThat(a.invoice().id()).isEqualTo(invoice.id());
        assertThat(a.amount()).isEqualTo(Money.of("40.00", "USD"));
      });
    });
    assertThat(paid.get("payment_intent.succeeded")).containsExactlyElementsOf(paid.get("invoice.paid"));
  }

  @Test
  void aFailedAttemptAfterAPartialPaymentResolvesToTheFailedAttemptNotThePartialPayment() {
    WebhookSource<Payment> source = StripeSources.payments(stripe);
    String[] cursor = {null};
    sim.payInvoice(invoice.id(), 1500L);
    Payment partial = drain(source, cursor).get("payment_intent.succeeded").get(0);
    assertThat(partial.status()).isEqualTo(Payment.Status.SUCCEEDED);

    sim.failInvoicePayment(invoice.id());
    Map<String, List<Payment>> failed = drain(source, cursor);

    assertThat(failed.get("invoice.payment_failed")).singleElement().satisfies(p -> {
      assertThat(p.status()).isEqualTo(Payment.Status.FAILED);
      assertThat(p.ref()).isNotEqualTo(partial.ref());
      assertThat(p.amount()).isEqualTo(Money.of("25.00", "USD"));
    });
    assertThat(failed.get("payment_intent.payment_failed")).containsExactlyElementsOf(failed.get("invoice.payment_failed"));

    sim.payInvoice(invoice.id());
    Map<String, List<Payment>> paid = drain(source, cursor);
    assertThat(paid.get("invoice.paid")).singleElement().satisfies(p -> {
      assertThat(p.ref()).isEqualTo(failed.get("invoice.payment_failed").get(0).ref());
      assertThat(p.status()).isEqualTo(Payment.Status.SUCCEEDED);
    });
  }

  @Test
  void anInvoicePaidOutOfBandResolvesToNoPayment() throws Exception {
    WebhookSource<Payment> source = StripeSources.payments(stripe);
    String[] cursor = {null};
    drain(source, cursor);
    StripeClient raw = StripeClient.builder().setApiKey(sim.apiKey()).setApiBase(sim.baseUrl()).build();
    raw.v1().invoices().pay(invoice.id(), InvoicePayParams.builder().setPaidOutOfBand(true).build());

    Map<String, List<Payment>> after = drain(source, cursor);

    assertThat(after).containsKey("invoice.paid");
    assertThat(after.get("invoice.paid")).isEmpty();
    assertThat(after.values()).allSatisfy(records -> assertThat(records).isEmpty());
    StripeInvoice paid = stripe.retrieveInvoice(invoice.id());
    assertThat(paid.isPaid()).isTrue();
    assertThat(paid.amountPaid()).isEqualTo(4000);
    assertThat(stripe.reads().listInvoicePayments(invoice.id())).isEmpty();
  }
}
