package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.Dispute;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Fee;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.PaymentApplication;
import io.mlconnector.core.model.Payout;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.sync.EventPage;
import io.mlconnector.core.sync.WebhookEvent;
import io.mlconnector.core.sync.WebhookSource;
import io.mlconnector.testkit.stripe.StripeSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StripeSourcesTest {
  private final StripeSimulator sim = Sim.start();
  private final StripeConnector stripe = Sim.connector(sim);
  private String customerId;

  @BeforeEach
  void customer() {
    customerId = stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:C1", "v1", "Acme"), "op-c1").id();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private StripeInvoice invoice(String ref, String amount) {
    return stripe.createInvoice(
        new StripeInvoiceRequest(ref, "v1", customerId, "usd", 30, null, List.of(StripeInvoiceLine.of("Work", Money.of(amount, "USD"))), Map.of()),
        "op-" + ref);
  }

  /** Every event the backstop reads, turned into records by {@code source}: event type to records. */
  private static <S> Map<String, List<S>> drain(WebhookSource<S> source) {
    Map<String, List<S>> out = new LinkedHashMap<>();
    String cursor = null;
    EventPage page;
    do {
      page = source.eventsSince(cursor);
      for (WebhookEvent e : page.events()) {
        Optional<ExternalRef> ref = source.objectOf(e);
        ref.flatMap(source::fetch).ifPresent(r -> out.computeIfAbsent(e.type(), k -> new ArrayList<>()).add(r));
      }
      cursor = page.nextCursor();
    } while (page.hasMore());
    assertThat(source.eventsSince(cursor).events()).isEmpty();
    return out;
  }

  @Test
  void everyPaymentEventOfOneIntentResolvesToTheSamePaymentAppliedToTheInvoice() {
    StripeInvoice inv = invoice("syspro:invoice:1", "100.00");
    sim.payInvoice(inv.id());

    Map<String, List<Payment>> byType = drain(StripeSources.payments(stripe));

    assertThat(byType.keySet()).containsExactlyInAnyOrder("charge.succeeded", "payment_intent.succeeded", "invoice.paid");
    List<Payment> all = byType.values().stream().flatMap(List::stream).toList();
    assertThat(all).extracting(Payment::ref).containsOnly(all.get(0).ref());
    assertThat(all).extracting(Payment::version).containsOnly(all.get(0).version());
    Payment p = all.get(0);
    assertThat(p.ref().type()).isEqualTo("payment_intent");
    assertThat(p.status()).isEqualTo(Payment.Status.SUCCEEDED);
    assertThat(p.method()).isEqualTo(Payment.Method.CARD);
    assertThat(p.amount()).isEqualTo(Money.of("100.00", "USD"));
    assertThat(p.party()).isEqualTo(ExternalRef.of("stripe", "acme", "customer", customerId));
    assertThat(p.reference()).startsWith("ch_");
    assertThat(p.applications()).extracting(PaymentApplication::invoice).containsExactly(ExternalRef.of("stripe", "acme", "invoice", inv.id()));
    assertThat(p.applications().get(0).amount()).isEqualTo(Money.of("100.00", "USD"));
  }

  @Test
  void aFailedInvoicePaymentIsAFailedPayment() {
    StripeInvoice inv = invoice("syspro:invoice:2", "40.00");
    sim.failInvoicePayment(inv.id());

    Map<String, List<Payment>> byType = drain(StripeSources.payments(stripe));

    assertThat(byType).containsKey("payment_intent.payment_failed");
    Payment failed = byType.get("payment_intent.payment_failed").get(0);
    assertThat(failed.status()).isEqualTo(Payment.Status.FAILED);
    assertThat(failed.applications()).isEmpty();
    assertThat(failed.amount()).isEqualTo(Money.of("40.00", "USD"));
  }

  @Test
  void refundsDisputesPayoutsAndFeesAreMapped() {
    String chargeA = sim.payInvoice(invoice("syspro:invoice:3", "100.00").id());
    String chargeB = sim.payInvoice(invoice("syspro:invoice:4", "30.00").id());
    sim.refund(chargeA, 2500L);
    String disputeId = sim.openDispute(chargeB, "product_not_received");
    sim.closeDispute(disputeId, true);
    sim.advanceClock(Duration.ofDays(3));
    List<String> payouts = sim.payOut(true);

    Refund refund = drain(StripeSources.refunds(stripe)).get("charge.refunded").get(0);
    assertThat(refund.amount()).isEqualTo(Money.of("25.00", "USD"));
    assertThat(refund.status()).isEqualTo(Refund.Status.SUCCEEDED);
    assertThat(refund.payment().type()).isEqualTo("payment_intent");

    Map<String, List<Dispute>> disputes = drain(StripeSources.disputes(stripe));
    Dispute created = disputes.get("charge.dispute.created").get(0);
    assertThat(created.ref().id()).isEqualTo(disputeId);
    assertThat(created.status()).isEqualTo(Dispute.Status.WON);
    assertThat(created.reason()).isEqualTo(Dispute.Reason.PRODUCT_NOT_RECEIVED);
    assertThat(created.reasonCode()).isEqualTo("product_not_received");
    assertThat(created.amount()).isEqualTo(Money.of("30.00", "USD"));
    assertThat(disputes.get("charge.dispute.closed").get(0)).isEqualTo(created);

    Payout payout = drain(StripeSources.payouts(stripe)).get("payout.paid").get(0);
    assertThat(payout.ref().id()).isEqualTo(payouts.get(0));
    assertThat(payout.status()).isEqualTo(Payout.Status.PAID);
    assertThat(payout.amount().isPositive()).isTrue();

    Map<String, List<Fee>> fees = drain(StripeSources.fees(stripe));
    assertThat(fees.get("charge.succeeded")).hasSize(2).allSatisfy(f -> {
      assertThat(f.type()).isEqualTo(Fee.Type.PROCESSING);
      assertThat(f.amount().isPositive()).isTrue();
      assertThat(f.source().type()).isEqualTo("charge");
    });
    assertThat(fees.get("charge.dispute.created")).singleElement().satisfies(f -> {
      assertThat(f.type()).isEqualTo(Fee.Type.DISPUTE);
      assertThat(f.amount()).isEqualTo(Money.of("15.00", "USD"));
    });
  }

  @Test
  void eventsASourceDoesNotHandleResolveToNothing() {
    stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:C2", "v1", "Other"), "op-c2");

    assertThat(drain(StripeSources.payments(stripe))).isEmpty();
    assertThat(drain(StripeSources.refunds(stripe))).isEmpty();
  }
}
