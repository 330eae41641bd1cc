package io.mlconnector.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An exponent-override table built the way a payment connector would build it. The test data
 * mirrors the currency table Stripe publishes (see the project's Stripe reference, section
 * "Currency units and rounding"): the zero-decimal list, the three-decimal currencies whose payment
 * amounts must end in 0, ISK (zero-decimal in ISO, still sent with two decimals that must be 00) and
 * HUF/TWD (charged with two decimals, paid out as zero-decimal). UGX is taken from the zero-decimal
 * list; the reference only says it "has similar notes", so a connector should keep it configurable.
 */
class MinorUnitsOverridesTest {

  /** Zero-decimal on the processor; MGA is the one ISO 4217 gives two digits. */
  private static final List<String> ZERO_DECIMAL =
      List.of(
          "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV",
          "XAF", "XOF", "XPF");

  private static final List<String> THREE_DECIMAL = List.of("BHD", "JOD", "KWD", "OMR", "TND");

  /** Amounts on invoices: exponents only. */
  private static MinorUnits invoices() {
    Map<String, Integer> exponents = new HashMap<>();
    ZERO_DECIMAL.forEach(c -> exponents.put(c, 0));
    THREE_DECIMAL.forEach(c -> exponents.put(c, 3));
    // ISK is zero-decimal in ISO but is still sent with two decimals that must be 00.
    exponents.put("ISK", 2);
    return MinorUnits.builder().exponents(exponents).steps(Map.of("ISK", 100L)).build();
  }

  /** Payment amounts add: three-decimal amounts must end in 0. */
  private static MinorUnits payments() {
    MinorUnits.Builder b = invoices().newBuilder();
    THREE_DECIMAL.forEach(c -> b.step(c, 10));
    return b.build();
  }

  /** Manual payouts add: HUF and TWD are paid out as zero-decimal, so minor units divide by 100. */
  private static MinorUnits payouts() {
    return payments().newBuilder().step("HUF", 100).step("TWD", 100).build();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV",
        "XAF", "XOF", "XPF"
      })
  void zeroDecimalCurrenciesAreNotMultiplied(String code) {
    Money fiveHundred = Money.of("500", code);
    assertThat(fiveHundred.toMinorUnits(invoices())).isEqualTo(500);
    assertThat(Money.ofMinor(500, fiveHundred.currency(), invoices())).isEqualTo(fiveHundred);
    assertThatThrownBy(() -> Money.of("500.5", code).toMinorUnits(invoices()))
        .isInstanceOf(MinorUnitsException.class)
        .hasMessageContaining(code + " 500.5");
  }

  @Test
  void anOverrideWinsOverIso() {
    Currency mga = Currency.getInstance("MGA");
    assertThat(MinorUnits.iso().exponent(mga)).isEqualTo(2);
    assertThat(invoices().exponent(mga)).isEqualTo(0);
    assertThat(Money.of("500", "MGA").toMinorUnits()).isEqualTo(50_000);
    assertThat(Money.of("500", "MGA").toMinorUnits(invoices())).isEqualTo(500);
    assertThat(invoices().exponentOverrides()).containsEntry(mga, 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"BHD", "JOD", "KWD", "OMR", "TND"})
  void threeDecimalPaymentAmountsMustEndInZero(String code) {
    Money exact = Money.of("5.124", code);
    assertThat(exact.toMinorUnits(invoices())).isEqualTo(5124);
    assertThatThrownBy(() -> exact.toMinorUnits(payments()))
        .isInstanceOf(MinorUnitsException.class)
        .hasMessage(
            code
                + " 5.124 is 5124 minor units, which is not a multiple of 10 as required for "
                + code
                + "; round it explicitly first");
    assertThat(Money.of("5.12", code).toMinorUnits(payments())).isEqualTo(5120);
    assertThat(payments().round(exact, RoundingMode.HALF_UP)).isEqualTo(Money.of("5.120", code));
    assertThat(payments().round(exact, RoundingMode.UP).toString()).isEqualTo(code + " 5.130");
    assertThat(payments().round(exact, RoundingMode.HALF_UP).toMinorUnits(payments()))
        .isEqualTo(5120);
  }

  @Test
  void readingBackDoesNotApplyTheStep() {
    Currency kwd = Currency.getInstance("KWD");
    assertThat(Money.ofMinor(5125, kwd, payments()).toString()).isEqualTo("KWD 5.125");
  }

  @Test
  void iskIsSentWithTwoDecimalsThatMustBeZero() {
    Money five = Money.of("5", "ISK");
    assertThat(five.toMinorUnits()).isEqualTo(5);
    assertThat(five.toMinorUnits(invoices())).isEqualTo(500);
    assertThat(Money.ofMinor(500, five.currency(), invoices())).isEqualTo(five);
    assertThatThrownBy(() -> Money.of("5.5", "ISK").toMinorUnits(invoices()))
        .isInstanceOf(MinorUnitsException.class)
        .hasMessageContaining("ISK 5.5 is 550 minor units, which is not a multiple of 100");
    assertThat(invoices().round(Money.of("5.5", "ISK"), RoundingMode.HALF_EVEN).toString())
        .isEqualTo("ISK 6.00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"HUF", "TWD"})
  void chargedWithTwoDecimalsButPaidOutAsZeroDecimal(String code) {
    Money charge = Money.of("1234.50", code);
    assertThat(charge.toMinorUnits(payments())).isEqualTo(123_450);
    assertThatThrownBy(() -> charge.toMinorUnits(payouts()))
        .isInstanceOf(MinorUnitsException.class)
        .hasMessageContaining("not a multiple of 100");
    assertThat(Money.of("1234", code).toMinorUnits(payouts())).isEqualTo(123_400);
  }

  @Test
  void derivedPoliciesLeaveTheirBaseUntouched() {
    Currency kwd = Currency.getInstance("KWD");
    MinorUnits base = invoices();
    MinorUnits derived = base.newBuilder().step(kwd, 10).build();
    assertThat(base.step(kwd)).isEqualTo(1);
    assertThat(derived.step(kwd)).isEqualTo(10);
    assertThat(derived.newBuilder().step(kwd, 1).build()).isEqualTo(base);
    assertThat(MinorUnits.iso().exponentOverrides()).isEmpty();
    assertThat(derived.toString()).contains("KWD: exponent 3, step 10");
  }

  @Test
  void badOverridesAreRefused() {
    assertThatThrownBy(() -> MinorUnits.builder().exponent("USD", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("exponent for USD must be between 0 and 18 but was -1");
    assertThatThrownBy(() -> MinorUnits.builder().step("KWD", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("step for KWD must be at least 1 but was 0");
    assertThatThrownBy(() -> MinorUnits.builder().exponent("ZZZ", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ZZZ'");
  }

  @Test
  void currenciesWithoutAMinorUnitNeedAnOverride() {
    Currency xau = Currency.getInstance("XAU");
    assertThat(MinorUnits.iso().hasExponent(xau)).isFalse();
    assertThatThrownBy(() -> Money.of("1", xau).toMinorUnits())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "currency XAU has no minor unit in ISO 4217 (the JDK reports -1 fraction digits); set"
                + " an exponent for it with MinorUnits.builder().exponent(\"XAU\", n)");
    MinorUnits grams = MinorUnits.builder().exponent(xau, 3).build();
    assertThat(grams.hasExponent(xau)).isTrue();
    assertThat(Money.of("0.125", xau).toMinorUnits(grams)).isEqualTo(125);
  }
}
