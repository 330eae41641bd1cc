package io.mlconnector.testkit.stripe;

import static io.mlconnector.testkit.stripe.StripeTestSupport.client;
import static io.mlconnector.testkit.stripe.StripeTestSupport.customer;
import static io.mlconnector.testkit.stripe.StripeTestSupport.draftInvoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Payout;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.param.BalanceTransactionListParams;
import com.stripe.param.ChargeListParams;
import com.stripe.param.ChargeRetrieveParams;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoiceRetrieveParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Payments, refunds, disputes, balance transactions, payouts and events, read back with stripe-java. */
class StripeSimulatorPaymentsTest {
  private final StripeSimulator sim = StripeSimulator.builder().build();
  private final StripeClient stripe = client(sim);

  @AfterEach
  void close() {
    sim.close();
  }

  private Invoice openInvoice(String erpRef) throws Exception {
    String customerId = customer(stripe, "C-" + erpRef).getId();
    return stripe.v1().invoices().finalizeInvoice(draftInvoice(stripe, customerId, erpRef).getId());
  }

  @Test
  void payingAnInvoiceCreatesIntentChargeAndFeeTransaction() throws Exception {
    Invoice inv = openInvoice("INV-10");
    String chargeId = sim.payInvoice(inv.getId());

    Invoice paid = stripe.v1().invoices().retrieve(inv.getId(),
        InvoiceRetrieveParams.builder().addExpand("payments").build());
    assertThat(paid.getStatus()).isEqualTo("paid");
    assertThat(paid.getAmountPaid()).isEqualTo(6500L);
    assertThat(paid.getAmountRemaining()).isZero();
    assertThat(paid.getStatusTransitions().getPaidAt()).isNotNull();
    String piId = paid.getPayments().getData().get(0).getPayment().getPaymentIntent();

    PaymentIntent pi = stripe.v1().paymentIntents().retrieve(piId,
        PaymentIntentRetrieveParams.builder().addExpand("latest_charge.balance_transaction").build());
    assertThat(pi.getStatus()).isEqualTo("succeeded");
    assertThat(pi.getAmountReceived()).isEqualTo(6500L);
    assertThat(pi.getCustomer()).isEqualTo(inv.getCustomer());
    Charge charge = pi.getLatestChargeObject();
    assertThat(charge.getId()).isEqualTo(chargeId);
    BalanceTransaction txn = charge.getBalanceTransactionObject();
    long fee = Math.round(6500 * 0.029) + 30;
    assertThat(txn.getAmount()).isEqualTo(6500L);
    assertThat(txn.getFee()).isEqualTo(fee);
    assertThat(txn.getNet()).isEqualTo(6500L - fee);
    assertThat(txn.getFeeDetails()).singleElement().satisfies(d -> {
      assertThat(d.getType()).isEqualTo("stripe_fee");
      assertThat(d.getAmount()).isEqualTo(fee);
    });
    assertThat(txn.getReportingCategory()).isEqualTo("charge");
    assertThat(txn.getStatus()).isEqualTo("pending");
    assertThat(txn.getSource()).isEqualTo(chargeId);

    Charge listed = stripe.v1().charges().list(ChargeListParams.builder().setCustomer(inv.getCustomer())
        .addExpand("data.balance_transaction").build()).getData().get(0);
    assertThat(listed.getBalanceTransactionObject().getId()).isEqualTo(txn.getId());
    assertThat(listed.getPaymentIntent()).isEqualTo(piId);

    List<String> types = sim.events().stream().map(e -> (String) e.get("type")).collect(Collectors.toList());
    assertThat(types).containsSubsequence("charge.succeeded", "payment_intent.succeeded",
        "invoice.payment_succeeded", "invoice.paid");
  }

  @Test
  void partialPaymentsAndFailedPayments() throws Exception {
    Invoice inv = openInvoice("INV-11");
    sim.failInvoicePayment(inv.getId());
    Invoice failed = stripe.v1().invoices().retrieve(inv.getId());
    assertThat(failed.getStatus()).isEqualTo("open");
    assertThat(failed.getAttemptCount()).isEqualTo(1L);
    assertThat(sim.events()).extracting(e -> e.get("type")).contains("invoice.payment_failed", "charge.failed");

    sim.payInvoice(inv.getId(), 1500L);
    Invoice partly = stripe.v1().invoices().retrieve(inv.getId());
    assertThat(partly.getStatus()).isEqualTo("open");
    assertThat(partly.getAmountPaid()).isEqualTo(1500L);
    assertThat(partly.getAmountRemaining()).isEqualTo(5000L);
    assertThatThrownBy(() -> stripe.v1().invoices().voidInvoice(inv.getId()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("partially paid");
    assertThatThrownBy(() -> sim.payInvoice(inv.getId(), 20L))
        .as("below Stripe's minimum charge").hasMessageContaining("at least 50");
    sim.payInvoice(inv.getId());
    assertThat(stripe.v1().invoices().retrieve(inv.getId()).getStatus()).isEqualTo("paid");
    assertThat(sim.chargesOfInvoice(inv.getId())).hasSize(3);
  }

  @Test
  void refundsFullAndPartialAdjustTheCharge() throws Exception {
    String chargeId = sim.payInvoice(openInvoice("INV-12").getId());
    Refund partial = stripe.v1().refunds().create(RefundCreateParams.builder()
        .setCharge(chargeId).setAmount(1000L).putMetadata("erp_ref", "CM-1").build());
    assertThat(partial.getId()).startsWith("re_");
    assertThat(partial.getStatus()).isEqualTo("succeeded");
    assertThat(partial.getMetadata()).containsEntry("erp_ref", "CM-1");
    Charge charge = stripe.v1().charges().retrieve(chargeId);
    assertThat(charge.getAmountRefunded()).isEqualTo(1000L);
    assertThat(charge.getRefunded()).isFalse();

    assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder()
        .setCharge(chargeId).setAmount(99_999L).build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getCode()).isEqualTo("amount_too_large");
          assertThat(e.getParam()).isEqualTo("amount");
        });

    String rest = sim.refund(chargeId);
    charge = stripe.v1().charges().retrieve(chargeId, ChargeRetrieveParams.builder().addExpand("refunds").build());
    assertThat(charge.getRefunded()).isTrue();
    assertThat(charge.getAmountRefunded()).isEqualTo(6500L);
    assertThat(charge.getRefunds().getData()).extracting(Refund::getId).containsExactly(rest, partial.getId());

    BalanceTransaction refundTxn = stripe.v1().balanceTransactions().retrieve(partial.getBalanceTransaction());
    assertThat(refundTxn.getAmount()).isEqualTo(-1000L);
    assertThat(refundTxn.getNet()).isEqualTo(-1000L);
    assertThat(refundTxn.getReportingCategory()).isEqualTo("refund");
    assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder().setCharge(chargeId).build()))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.getCode()).isEqualTo("charge_already_refunded"));
    assertThat(sim.events()).extracting(e -> e.get("type")).contains("charge.refunded", "refund.created");
  }

  @Test
  void disputesWithdrawAndReinstateFunds() throws Exception {
    String chargeId = sim.payInvoice(openInvoice("INV-13").getId());
    String disputeId = sim.openDispute(chargeId);
    Dispute dispute = stripe.v1().disputes().retrieve(disputeId);
    assertThat(dispute.getStatus()).isEqualTo("needs_response");
    assertThat(dispute.getAmount()).isEqualTo(6500L);
    assertThat(dispute.getCharge()).isEqualTo(chargeId);
    assertThat(dispute.getBalanceTransactions()).singleElement().satisfies(t -> {
      assertThat(t.getAmount()).isEqualTo(-6500L);
      assertThat(t.getFee()).isEqualTo(1500L);
      assertThat(t.getNet()).isEqualTo(-8000L);
      assertThat(t.getReportingCategory()).isEqualTo("dispute");
    });
    assertThat(stripe.v1().charges().retrieve(chargeId).getDisputed()).isTrue();

    sim.closeDispute(disputeId, true);
    Dispute won = stripe.v1().disputes().retrieve(disputeId);
    assertThat(won.getStatus()).isEqualTo("won");
    assertThat(won.getBalanceTransactions()).extracting(BalanceTransaction::getAmount).containsExactly(-6500L, 6500L);

    String lostId = sim.openDispute(sim.payInvoice(openInvoice("INV-14").getId()), "product_not_received");
    Dispute accepted = stripe.v1().disputes().close(lostId);
    assertThat(accepted.getStatus()).isEqualTo("lost");
    assertThat(accepted.getReason()).isEqualTo("product_not_received");
    assertThat(sim.events()).extracting(e -> e.get("type"))
        .contains("charge.dispute.created", "charge.dispute.funds_reinstated", "charge.dispute.closed");
  }

  @Test
  void payoutsSweepSettledTransactions() throws Exception {
    String first = sim.payInvoice(openInvoice("INV-15").getId());
    assertThat(sim.payOut()).as("nothing settled yet").isEmpty();
    sim.advanceClock(Duration.ofDays(2).plusSeconds(1));
    sim.refund(first, 500L);
    List<String> payouts = sim.payOut();
    assertThat(payouts).hasSize(1);

    Payout payout = stripe.v1().payouts().retrieve(payouts.get(0));
    long fee = Math.round(6500 * 0.029) + 30;
    assertThat(payout.getStatus()).isEqualTo("paid");
    assertThat(payout.getAmount()).isEqualTo(6500L - fee - 500L);
    assertThat(payout.getAutomatic()).isTrue();

    StripeCollection<BalanceTransaction> swept = stripe.v1().balanceTransactions().list(
        BalanceTransactionListParams.builder().setPayout(payout.getId()).build());
    assertThat(swept.getData()).extracting(BalanceTransaction::getType)
        .containsExactlyInAnyOrder("charge", "refund", "payout");
    assertThat(swept.getData()).filteredOn(t -> t.getType().equals("payout")).singleElement()
        .satisfies(t -> assertThat(t.getAmount()).isEqualTo(-payout.getAmount()));
    assertThat(swept.getData()).filteredOn(t -> t.getType().equals("charge")).singleElement()
        .satisfies(t -> assertThat(t.getStatus()).isEqualTo("available"));
    assertThat(sim.payOut()).as("already paid out").isEmpty();
    assertThat(stripe.v1().payouts().list().getData()).extracting(Payout::getId).containsExactly(payout.getId());
  }

  @Test
  void eventsListNewestFirstFilteredByTypeAndCreated() throws Exception {
    long before = sim.now().getEpochSecond();
    sim.advanceClock(Duration.ofSeconds(10));
    Invoice inv = openInvoice("INV-16");
    sim.payInvoice(inv.getId());

    StripeCollection<Event> paid = stripe.v1().events().list(EventListParams.builder()
        .setType("invoice.paid").setCreated(EventListParams.Created.builder().setGt(before).build()).build());
    assertThat(paid.getData()).singleElement().satisfies(e -> {
      assertThat(e.getId()).startsWith("evt_");
      assertThat(e.getApiVersion()).isEqualTo(StripeSimulator.DEFAULT_API_VERSION);
      Invoice snapshot = (Invoice) e.getDataObjectDeserializer().getObject().orElseThrow();
      assertThat(snapshot.getId()).isEqualTo(inv.getId());
      assertThat(snapshot.getStatus()).isEqualTo("paid");
    });
    Event retrieved = stripe.v1().events().retrieve(paid.getData().get(0).getId());
    assertThat(retrieved.getType()).isEqualTo("invoice.paid");

    List<Event> invoiceEvents = stripe.v1().events().list(EventListParams.builder().setType("invoice.*")
        .setLimit(100L).build()).getData();
    assertThat(invoiceEvents).extracting(Event::getType).startsWith("invoice.paid", "invoice.payment_succeeded");
    assertThat(invoiceEvents).extracting(Event::getCreated).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    Event created = invoiceEvents.get(invoiceEvents.size() - 1);
    assertThat(created.getType()).isEqualTo("invoice.created");
    assertThat(created.getRequest().getId()).startsWith("req_");
    assertThat(stripe.v1().events().list(EventListParams.builder()
        .setCreated(EventListParams.Created.builder().setGt(sim.now().getEpochSecond()).build()).build()).getData())
        .isEmpty();
  }
}
