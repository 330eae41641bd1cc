package io.mlconnector.core.model;

import static io.mlconnector.core.model.Fixtures.stripe;
import static io.mlconnector.core.model.Fixtures.syspro;
import static io.mlconnector.core.model.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PaymentTest {

  private static Payment.Builder payment() {
    return Payment.builder()
        .ref(stripe("charge", "ch_1"))
        .version("evt_1")
        .party(stripe("customer", "cus_1"))
        .method(Payment.Method.CARD)
        .amount(usd("150.00"))
        .date(LocalDate.of(2026, 11, 5))
        .reference("ch_1");
  }

  @Test
  void applicationsSettleInvoicesByRef() {
    Payment p =
        payment()
            .apply(syspro("invoice", "100123"), usd("100.00"))
            .addApplication(
                new PaymentApplication(syspro("invoice", "100124"), usd("30.00"), usd("1.50")))
            .build();

    assertThat(p.applications())
        .extracting(a -> a.invoice().id())
        .containsExactly("100123", "100124");
    assertThat(p.applied()).isEqualTo(usd("130.00"));
    assertThat(p.unapplied()).isEqualTo(usd("20.00"));
    assertThat(p.applications().get(0).discount().isZero()).isTrue();
    assertThat(p.direction()).isEqualTo(Payment.Direction.RECEIVED);
    assertThat(p.status()).isEqualTo(Payment.Status.SUCCEEDED);
  }

  @Test
  void applyingMoreThanTheAmountIsRefused() {
    assertThatThrownBy(
            () ->
                payment()
                    .apply(syspro("invoice", "1"), usd("100.00"))
                    .apply(syspro("invoice", "2"), usd("50.01"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Payment ch_1 applies USD 150.01 to invoices, more than its amount USD 150.00");
  }

  @Test
  void amountsAreCheckedAndNamed() {
    assertThatThrownBy(() -> payment().amount(usd("0")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Payment ch_1 amount must be positive but was USD 0");
    assertThatThrownBy(() -> payment().apply(syspro("invoice", "1"), Money.of("1", "EUR")).build())
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessage(
            "Payment ch_1 applications[0] amount is in EUR but the record's currency is USD"
                + " (EUR 1)");
    assertThatThrownBy(() -> PaymentApplication.of(syspro("invoice", "9"), usd("-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PaymentApplication to 9 amount must be positive but was USD -1");
    assertThatThrownBy(() -> payment().method(null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Payment ch_1 method must not be null");
  }

  @Test
  void applicationsAreImmutable() {
    Payment p = payment().apply(syspro("invoice", "1"), usd("1")).build();
    assertThatThrownBy(() -> p.applications().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    Payment changed = p.toBuilder().apply(syspro("invoice", "2"), usd("2")).build();
    assertThat(p.applications()).hasSize(1);
    assertThat(changed.applications()).hasSize(2);
  }
}
