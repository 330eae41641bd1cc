package io.mlconnector.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every model builder can start from a record and change one field without copying the rest. */
class ToBuilderTest {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

  private static ExternalRef ref(String type, String id) {
    return ExternalRef.of("stripe", "acme", type, id);
  }

  private static final ExternalRef INVOICE = ref("invoice", "in_1");

  @Test
  void refundDisputeFeeAndPayoutRoundTripAndChangeOneField() {
    Refund refund =
        Refund.builder().ref(ref("refund", "re_1")).version("1").payment(ref("payment", "pi_1"))
            .invoice(INVOICE).amount(Money.of("5.00", "USD")).date(DAY).reason("requested").build();
    assertThat(refund.toBuilder().build()).isEqualTo(refund);
    Refund moved = refund.toBuilder().invoice(ref("invoice", "in_2")).build();
    assertThat(moved.invoice()).isEqualTo(ref("invoice", "in_2"));
    assertThat(moved.toBuilder().invoice(INVOICE).build()).isEqualTo(refund);

    Dispute dispute =
        Dispute.builder().ref(ref("dispute", "dp_1")).version("1").payment(ref("payment", "pi_1"))
            .status(Dispute.Status.NEEDS_RESPONSE).reason(Dispute.Reason.FRAUDULENT)
            .amount(Money.of("9.00", "USD")).openedOn(DAY)
            .respondBy(Instant.parse("2026-03-10T00:00:00Z")).build();
    assertThat(dispute.toBuilder().build()).isEqualTo(dispute);
    assertThat(dispute.toBuilder().status(Dispute.Status.WON).build().reason())
        .isEqualTo(Dispute.Reason.FRAUDULENT);

    Fee fee =
        Fee.builder().ref(ref("balance_transaction", "txn_1")).version("1")
            .type(Fee.Type.APPLICATION).amount(Money.of("0.30", "USD")).date(DAY)
            .description("app fee").build();
    assertThat(fee.toBuilder().build()).isEqualTo(fee);
    assertThat(fee.toBuilder().description(null).build().type()).isEqualTo(Fee.Type.APPLICATION);

    Payout payout =
        Payout.builder().ref(ref("payout", "po_1")).version("1").status(Payout.Status.IN_TRANSIT)
            .amount(Money.of("100.00", "USD")).createdOn(DAY).arrivalDate(DAY.plusDays(2))
            .destination("ba_1").build();
    assertThat(payout.toBuilder().build()).isEqualTo(payout);
    assertThat(payout.toBuilder().status(Payout.Status.PAID).build().destination())
        .isEqualTo("ba_1");
  }

  @Test
  void paymentApplicationsCanBeReplaced() {
    Payment payment =
        Payment.builder().ref(ref("payment", "pi_1")).version("1").party(ref("customer", "cus_1"))
            .method(Payment.Method.CARD).amount(Money.of("10.00", "USD")).date(DAY)
            .apply(INVOICE, Money.of("10.00", "USD"))
            .build();
    PaymentApplication other = PaymentApplication.of(ref("invoice", "in_2"), Money.of("4.00", "USD"));
    Payment replaced = payment.toBuilder().applications(List.of(other)).build();
    assertThat(replaced.applications()).containsExactly(other);
    assertThat(replaced.unapplied()).isEqualTo(Money.of("6.00", "USD"));
    assertThat(payment.toBuilder().applications(List.of()).build().applications()).isEmpty();
  }
}
