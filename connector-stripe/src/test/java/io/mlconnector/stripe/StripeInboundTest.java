package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Payout;
import com.stripe.model.Refund;
import io.mlconnector.core.model.Money;
import io.mlconnector.testkit.stripe.StripeSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StripeInboundTest {
  private final StripeSimulator sim = Sim.start();
  private final StripeConnector stripe = Sim.connector(sim);
  private StripeInvoice invoice;

  @BeforeEach
  void openInvoice() {
    String customerId = stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:C1", "v1", "Acme"), "op-c1").id();
    invoice =
        stripe.createInvoice(
            new StripeInvoiceRequest("syspro:invoice:1", "v1", customerId, "usd", 30, null,
                List.of(StripeInvoiceLine.of("Work", Money.of("100.00", "USD"))), Map.of()),
            "op-i1");
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void aCardPaymentIsReadWithItsInvoiceFeeAndNet() {
    String chargeId = sim.payInvoice(invoice.id());

    Charge charge = stripe.reads().retrieveCharge(chargeId);
    assertThat(charge.getAmount()).isEqualTo(10000L);
    BalanceTransaction txn = charge.getBalanceTransactionObject();
    assertThat(txn).isNotNull();
    assertThat(txn.getId()).startsWith("txn_");
    assertThat(txn.getFee()).isPositive();
    assertThat(txn.getNet()).isEqualTo(txn.getAmount() - txn.getFee());
    assertThat(txn.getFeeDetails()).extracting(BalanceTransaction.FeeDetail::getType).contains("stripe_fee");

    PaymentIntent pi = stripe.reads().retrievePaymentIntent(charge.getPaymentIntent());
    assertThat(pi.getStatus()).isEqualTo("succeeded");
    assertThat(pi.getAmountReceived()).isEqualTo(10000L);

    List<InvoicePayment> payments = stripe.reads().listInvoicePayments(invoice.id());
    assertThat(payments).hasSize(1);
    assertThat(payments.get(0).getPayment().getPaymentIntent()).isEqualTo(pi.getId());
    assertThat(payments.get(0).getAmountPaid()).isEqualTo(10000L);
    assertThat(stripe.retrieveInvoice(invoice.id()).status()).isEqualTo("paid");
  }

  @Test
  void aDisputeIsReadWithItsBalanceTransactions() {
    String chargeId = sim.payInvoice(invoice.id());
    String disputeId = sim.openDispute(chargeId, "fraudulent");

    Dispute dispute = stripe.reads().retrieveDispute(disputeId);
    assertThat(dispute.getCharge()).isEqualTo(chargeId);
    assertThat(dispute.getReason()).isEqualTo("fraudulent");
    assertThat(dispute.getAmount()).isEqualTo(10000L);
    assertThat(dispute.getBalanceTransactions()).isNotEmpty();
    assertThat(dispute.getBalanceTransactions().get(0).getAmount()).isEqualTo(-10000L);
  }

  @Test
  void refundsAndPayoutsAreRead() {
    String chargeId = sim.payInvoice(invoice.id());
    String refundId = sim.refund(chargeId, 2500L);

    Refund refund = stripe.reads().retrieveRefund(refundId);
    assertThat(refund.getAmount()).isEqualTo(2500L);
    assertThat(refund.getCharge()).isEqualTo(chargeId);
    assertThat(refund.getBalanceTransactionObject().getAmount()).isEqualTo(-2500L);

    sim.advanceClock(Duration.ofDays(3));
    List<String> payouts = sim.payOut(true);
    assertThat(payouts).hasSize(1);
    Payout payout = stripe.reads().retrievePayout(payouts.get(0));
    assertThat(payout.getStatus()).isEqualTo("paid");
    List<BalanceTransaction> swept = stripe.reads().listPayoutTransactions(payout.getId());
    assertThat(swept).extracting(BalanceTransaction::getReportingCategory).contains("charge", "refund");
    long net = swept.stream().filter(t -> !"payout".equals(t.getType())).mapToLong(BalanceTransaction::getNet).sum();
    assertThat(payout.getAmount()).isEqualTo(net);
  }
}
