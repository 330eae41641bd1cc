package io.mlconnector.testkit.stripe;

import static io.mlconnector.testkit.stripe.StripeTestSupport.client;
import static io.mlconnector.testkit.stripe.StripeTestSupport.customer;
import static io.mlconnector.testkit.stripe.StripeTestSupport.draftInvoice;
import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.model.Invoice;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentIntent;
import com.stripe.param.InvoicePaymentListParams;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A failed attempt is listed among the invoice's payments as its default payment, {@code open},
 * naming the PaymentIntent that needs a new method; a retry confirms the same PaymentIntent and
 * the payment becomes {@code paid}.
 */
class StripeSimulatorFailedPaymentsTest {

  private static List<InvoicePayment> payments(StripeClient stripe, String invoiceId) throws Exception {
    return stripe.v1().invoicePayments().list(InvoicePaymentListParams.builder().setInvoice(invoiceId).build()).getData();
  }

  @Test
  void aFailedAttemptIsAnOpenInvoicePaymentThatTheRetryPays() throws Exception {
    try (StripeSimulator sim = StripeSimulator.builder().seed(21).build()) {
      StripeClient stripe = client(sim);
      String customerId = customer(stripe, "C-FP1").getId();
      Invoice inv = stripe.v1().invoices().finalizeInvoice(draftInvoice(stripe, customerId, "INV-FP1").getId());

      sim.failInvoicePayment(inv.getId());
      sim.failInvoicePayment(inv.getId());

      InvoicePayment open = payments(stripe, inv.getId()).get(0);
      assertThat(payments(stripe, inv.getId())).hasSize(1);
      assertThat(open.getStatus()).isEqualTo("open");
      assertThat(open.getIsDefault()).isTrue();
      assertThat(open.getAmountPaid()).isNull();
      assertThat(open.getAmountRequested()).isEqualTo(6500L);
      String piId = open.getPayment().getPaymentIntent();
      PaymentIntent failed = stripe.v1().paymentIntents().retrieve(piId);
      assertThat(failed.getStatus()).isEqualTo("requires_payment_method");
      assertThat(failed.getLastPaymentError().getCode()).isEqualTo("card_declined");
      assertThat(sim.chargesOfInvoice(inv.getId())).hasSize(2);
      assertThat(stripe.v1().invoices().retrieve(inv.getId()).getAttemptCount()).isEqualTo(2L);

      String chargeId = sim.payInvoice(inv.getId());

      List<InvoicePayment> after = payments(stripe, inv.getId());
      assertThat(after).singleElement().satisfies(p -> {
        assertThat(p.getStatus()).isEqualTo("paid");
        assertThat(p.getAmountPaid()).isEqualTo(6500L);
        assertThat(p.getPayment().getPaymentIntent()).isEqualTo(piId);
      });
      PaymentIntent paid = stripe.v1().paymentIntents().retrieve(piId);
      assertThat(paid.getStatus()).isEqualTo("succeeded");
      assertThat(paid.getLatestCharge()).isEqualTo(chargeId);
      assertThat(paid.getLastPaymentError()).isNull();
      assertThat(stripe.v1().invoices().retrieve(inv.getId()).getStatus()).isEqualTo("paid");
    }
  }

  @Test
  void aPartialPaymentAfterAFailureAbandonsTheOpenAttempt() throws Exception {
    try (StripeSimulator sim = StripeSimulator.builder().seed(22).build()) {
      StripeClient stripe = client(sim);
      String customerId = customer(stripe, "C-FP2").getId();
      Invoice inv = stripe.v1().invoices().finalizeInvoice(draftInvoice(stripe, customerId, "INV-FP2").getId());
      sim.failInvoicePayment(inv.getId());
      String failedPi = payments(stripe, inv.getId()).get(0).getPayment().getPaymentIntent();

      sim.payInvoice(inv.getId(), 1000L);

      List<InvoicePayment> all = payments(stripe, inv.getId());
      assertThat(all).extracting(InvoicePayment::getStatus).containsExactlyInAnyOrder("paid", "canceled");
      assertThat(stripe.v1().paymentIntents().retrieve(failedPi).getStatus()).isEqualTo("canceled");
      assertThat(stripe.v1().invoices().retrieve(inv.getId()).getAmountRemaining()).isEqualTo(5500L);
    }
  }
}
