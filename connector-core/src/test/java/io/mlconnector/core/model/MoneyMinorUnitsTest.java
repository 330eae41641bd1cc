package io.mlconnector.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Currency;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MoneyMinorUnitsTest {

  private static final long[] SAMPLES = {
    0, 1, -1, 7, 10, 99, 100, 101, 12_345, -98_765, 1_000_000_007L, Long.MAX_VALUE, Long.MIN_VALUE
  };

  static Stream<Currency> everyJdkCurrency() {
    return Currency.getAvailableCurrencies().stream()
        .sorted(Comparator.comparing(Currency::getCurrencyCode));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyJdkCurrency")
  void everyCurrencyRoundTripsOrIsClearlyRefused(Currency currency) {
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      assertThatThrownBy(() -> Money.ofMinor(1, currency))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("currency " + currency.getCurrencyCode() + " has no minor unit");
      assertThatThrownBy(() -> Money.of("1", currency).toMinorUnits())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(currency.getCurrencyCode());
      // An override gives such a currency a minor unit, and then it round-trips.
      MinorUnits policy = MinorUnits.builder().exponent(currency, 4).build();
      assertThat(Money.ofMinor(12_345, currency, policy)).isEqualTo(Money.of("1.2345", currency));
      assertThat(Money.of("1.2345", currency).toMinorUnits(policy)).isEqualTo(12_345);
      return;
    }
    for (long minor : SAMPLES) {
      Money money = Money.ofMinor(minor, currency);
      assertThat(money.currency()).isEqualTo(currency);
      assertThat(money.amount().scale()).isEqualTo(digits);
      assertThat(money.amount()).isEqualTo(BigDecimal.valueOf(minor).movePointLeft(digits));
      assertThat(money.toMinorUnits()).as("%s minor %d", currency, minor).isEqualTo(minor);
      // The decimal text a system sends parses back to the same minor units.
      assertThat(
              Money.of(money.amount().toPlainString(), currency.getCurrencyCode()).toMinorUnits())
          .isEqualTo(minor);
    }
    // One step below the minor unit cannot be represented and is refused, never rounded.
    Money tooPrecise = Money.of(BigDecimal.ONE.movePointLeft(digits + 1), currency);
    assertThatThrownBy(tooPrecise::toMinorUnits)
        .isInstanceOf(MinorUnitsException.class)
        .hasMessageContaining(tooPrecise.toString())
        .hasMessageContaining("would lose precision");
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "USD, 10.50, 1050",
    "USD, 10.5, 1050",
    "USD, 10.500000, 1050",
    "USD, -0.01, -1",
    "EUR, 0, 0",
    "JPY, 500, 500",
    "JPY, 500.00, 500",
    "KRW, 12000, 12000",
    "CLP, 1, 1",
    "KWD, 5.124, 5124",
    "BHD, 0.001, 1",
    "JOD, 12.5, 12500",
    "OMR, 1, 1000",
    "TND, 3.140, 3140",
    "CLF, 1.2345, 12345"
  })
  void isoExponents(String code, String amount, long minor) {
    Money money = Money.of(amount, code);
    assertThat(money.toMinorUnits()).isEqualTo(minor);
    assertThat(Money.ofMinor(minor, money.currency())).isEqualTo(money);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "USD, 10.001",
    "USD, 0.005",
    "JPY, 500.5",
    "KRW, 0.1",
    "KWD, 5.1235",
    "BHD, 0.0001",
    "CLF, 1.00001"
  })
  void precisionLossIsRefused(String code, String amount) {
    Money money = Money.of(amount, code);
    assertThatThrownBy(money::toMinorUnits)
        .isInstanceOf(MinorUnitsException.class)
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining(code + " " + amount)
        .hasMessageContaining("would lose precision")
        .satisfies(
            e -> {
              MinorUnitsException m = (MinorUnitsException) e;
              assertThat(m.amount()).isEqualByComparingTo(amount);
              assertThat(m.currency().getCurrencyCode()).isEqualTo(code);
            });
  }

  @Test
  void amountsBeyondALongAreRefused() {
    Money huge = Money.of("92233720368547758.08", "USD");
    assertThatThrownBy(huge::toMinorUnits)
        .isInstanceOf(MinorUnitsException.class)
        .hasMessage("USD 92233720368547758.08 does not fit in a long as minor units of USD");
    assertThat(Money.of("92233720368547758.07", "USD").toMinorUnits()).isEqualTo(Long.MAX_VALUE);
  }
}
