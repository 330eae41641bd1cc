package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.model.MinorUnitsException;
import io.mlconnector.core.model.Money;
import io.mlconnector.stripe.StripeCurrencies.Purpose;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class StripeCurrenciesTest {
  private final StripeCurrencies stripe = StripeCurrencies.standard();

  private long minor(String amount, String ccy, Purpose purpose) {
    return stripe.toMinorUnits(Money.of(amount, ccy), purpose);
  }

  @Test
  void twoDecimalCurrenciesAreCents() {
    assertThat(minor("10.00", "USD", Purpose.INVOICE)).isEqualTo(1000);
    assertThat(minor("10.5", "EUR", Purpose.PAYMENT)).isEqualTo(1050);
    assertThat(minor("-3.25", "GBP", Purpose.INVOICE)).isEqualTo(-325);
  }

  @Test
  void moreDecimalsThanTheCurrencyTakesAreRefusedNotRounded() {
    assertThatThrownBy(() -> minor("10.005", "USD", Purpose.INVOICE))
        .isInstanceOf(MinorUnitsException.class)
        .hasMessageContaining("USD 10.005");
  }

  @Test
  void zeroDecimalCurrenciesAreNotMultiplied() {
    assertThat(minor("500", "JPY", Purpose.PAYMENT)).isEqualTo(500);
    assertThat(minor("1200", "KRW", Purpose.INVOICE)).isEqualTo(1200);
    assertThat(minor("75", "XOF", Purpose.INVOICE)).isEqualTo(75);
    assertThatThrownBy(() -> minor("500.5", "JPY", Purpose.INVOICE)).isInstanceOf(MinorUnitsException.class).hasMessageContaining("JPY");
  }

  @Test
  void mgaIsZeroDecimalAtStripeThoughIsoGivesItTwo() {
    assertThat(stripe.exponent("mga")).isZero();
    assertThat(minor("2500", "MGA", Purpose.INVOICE)).isEqualTo(2500);
    assertThatThrownBy(() -> minor("2500.50", "MGA", Purpose.INVOICE)).isInstanceOf(MinorUnitsException.class);
  }

  @Test
  void threeDecimalCurrenciesNeedATrailingZeroInPayments() {
    assertThat(minor("5.124", "KWD", Purpose.INVOICE)).isEqualTo(5124);
    assertThat(minor("5.120", "KWD", Purpose.PAYMENT)).isEqualTo(5120);
    assertThat(minor("1.5", "BHD", Purpose.PAYMENT)).isEqualTo(1500);
    assertThatThrownBy(() -> minor("5.124", "KWD", Purpose.PAYMENT))
        .isInstanceOf(MinorUnitsException.class)
        .hasMessageContaining("multiple of 10");
    assertThat(stripe.paymentAmountsEndInZero("jod")).isTrue();
    assertThat(stripe.paymentAmountsEndInZero("usd")).isFalse();
  }

  @Test
  void iskIsPassedWithTwoDecimalsButOnlyWholeKronur() {
    assertThat(stripe.exponent("ISK")).isEqualTo(2);
    assertThat(minor("1500", "ISK", Purpose.INVOICE)).isEqualTo(150000);
    assertThatThrownBy(() -> minor("1500.50", "ISK", Purpose.INVOICE)).isInstanceOf(MinorUnitsException.class).hasMessageContaining("ISK");
  }

  @Test
  void hufAndTwdPayoutsMustBeWholeUnitsButChargesMayHaveCents() {
    assertThat(minor("10.50", "HUF", Purpose.INVOICE)).isEqualTo(1050);
    assertThat(minor("10.50", "TWD", Purpose.PAYMENT)).isEqualTo(1050);
    assertThat(minor("10", "HUF", Purpose.PAYOUT)).isEqualTo(1000);
    assertThatThrownBy(() -> minor("10.50", "TWD", Purpose.PAYOUT)).isInstanceOf(MinorUnitsException.class);
  }

  @Test
  void unconfirmedSpecialCasesCanBeOverridden() {
    StripeCurrencies custom =
        StripeCurrencies.builder().exponent("UGX", 2).step("ugx", Purpose.INVOICE, 100).step("ugx", Purpose.PAYMENT, 100).build();
    assertThat(StripeCurrencies.standard().toMinorUnits(Money.of("3000", "UGX"), Purpose.INVOICE)).isEqualTo(3000);
    assertThat(custom.toMinorUnits(Money.of("3000", "UGX"), Purpose.INVOICE)).isEqualTo(300000);
    assertThatThrownBy(() -> custom.toMinorUnits(Money.of("3000.10", "UGX"), Purpose.PAYMENT)).isInstanceOf(MinorUnitsException.class);
    assertThat(custom.newBuilder().step("ugx", Purpose.PAYMENT, 1).build().step("ugx", Purpose.PAYMENT)).isEqualTo(1);
  }

  @Test
  void readsMinorUnitsBackWithStripesExponent() {
    assertThat(stripe.toMoney(1050, "usd")).isEqualTo(Money.of("10.50", "USD"));
    assertThat(stripe.toMoney(500, "jpy")).isEqualTo(Money.of("500", "JPY"));
    assertThat(stripe.toMoney(5120, "kwd").amount()).isEqualByComparingTo(new BigDecimal("5.120"));
    assertThat(stripe.toMoney(150000, "isk").amount()).isEqualByComparingTo(new BigDecimal("1500"));
  }

  @Test
  void badCurrencyCodesAreNamed() {
    assertThatThrownBy(() -> stripe.toMinorUnits(BigDecimal.ONE, "dollars", Purpose.INVOICE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'dollars'");
    assertThatThrownBy(() -> stripe.toMinorUnits(BigDecimal.ONE, "zzq", Purpose.INVOICE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ZZQ");
    assertThatThrownBy(() -> StripeCurrencies.builder().exponent("usd", 7)).hasMessageContaining("exponent");
  }

  @Test
  void policiesAreCoreMinorUnits() {
    assertThat(stripe.policy(Purpose.PAYMENT).step(Money.currency("KWD"))).isEqualTo(10);
    assertThat(stripe.policy(Purpose.INVOICE).step(Money.currency("KWD"))).isEqualTo(1);
    assertThat(stripe.policy(Purpose.INVOICE).exponent(Money.currency("ISK"))).isEqualTo(2);
  }
}
