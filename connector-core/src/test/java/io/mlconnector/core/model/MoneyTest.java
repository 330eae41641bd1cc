package io.mlconnector.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MoneyTest {

  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency EUR = Currency.getInstance("EUR");

  @Test
  void arithmeticIsExact() {
    Money a = Money.of("10.005", USD);
    Money b = Money.of("0.1", USD);

    assertThat(a.plus(b)).isEqualTo(Money.of("10.105", USD));
    assertThat(a.minus(b).amount()).isEqualByComparingTo("9.905");
    assertThat(b.negate()).isEqualTo(Money.of("-0.1", USD));
    assertThat(b.negate().abs()).isEqualTo(b);
    assertThat(Money.of("0.333", USD).times(new BigDecimal("3"))).isEqualTo(Money.of("0.999", USD));
    assertThat(Money.sum(USD, List.of(a, b, b))).isEqualTo(Money.of("10.205", USD));
    assertThat(Money.sum(USD, List.of())).isEqualTo(Money.zero(USD));
  }

  @Test
  void equalityIgnoresScaleButKeepsIt() {
    Money tenPointZero = Money.of("10.0", USD);
    Money tenPointZeroZero = Money.of("10.00", USD);

    assertThat(tenPointZero).isEqualTo(tenPointZeroZero);
    assertThat(tenPointZero).hasSameHashCodeAs(tenPointZeroZero);
    assertThat(new TreeSet<>(List.of(tenPointZero, tenPointZeroZero))).hasSize(1);
    assertThat(tenPointZero.amount().scale()).isEqualTo(1);
    assertThat(tenPointZeroZero.toString()).isEqualTo("USD 10.00");
    assertThat(Money.of("10.00", EUR)).isNotEqualTo(tenPointZeroZero);
    assertThat(Money.zero(USD)).isEqualTo(Money.of("0.000", USD));
  }

  @Test
  void comparisonsAndSigns() {
    Money small = Money.of("1.00", USD);
    Money big = Money.of("2", USD);

    assertThat(big.isGreaterThan(small)).isTrue();
    assertThat(small.isLessThan(big)).isTrue();
    assertThat(small.compareTo(Money.of("1", USD))).isZero();
    assertThat(Money.of("-0.01", USD).isNegative()).isTrue();
    assertThat(Money.of("0.00", USD).isZero()).isTrue();
    assertThat(small.isPositive()).isTrue();
    assertThat(small.minus(big).signum()).isEqualTo(-1);
  }

  @Test
  void arithmeticAcrossCurrenciesIsRefused() {
    Money usd = Money.of("10.00", USD);
    Money eur = Money.of("5.00", EUR);

    assertThatThrownBy(() -> usd.plus(eur))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessage("cannot plus amounts in different currencies: USD 10.00 and EUR 5.00");
    assertThatThrownBy(() -> usd.minus(eur))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessageContaining("USD 10.00 and EUR 5.00");
    assertThatThrownBy(() -> usd.compareTo(eur))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessageContaining("compareTo");
    assertThatThrownBy(() -> usd.isGreaterThan(eur)).isInstanceOf(CurrencyMismatchException.class);
    assertThatThrownBy(() -> Money.sum(USD, List.of(usd, eur)))
        .isInstanceOf(CurrencyMismatchException.class);
  }

  @Test
  void badInputIsNamed() {
    assertThatThrownBy(() -> Money.of("1,00", "USD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount '1,00' is not a decimal number");
    assertThatThrownBy(() -> Money.of("1.00", "XYZ"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("currencyCode 'XYZ' is not an ISO 4217 code known to this JVM");
    assertThatThrownBy(() -> Money.of((BigDecimal) null, USD))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("amount must not be null");
    assertThatThrownBy(() -> Money.of(BigDecimal.ONE, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("currency must not be null");
    assertThatThrownBy(() -> Money.of(" ", USD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount must not be blank");
  }

  @Test
  void roundingIsExplicitAndUsesTheCurrencyExponent() {
    assertThat(Money.of("10.005", USD).rounded(RoundingMode.HALF_EVEN).toString())
        .isEqualTo("USD 10.00");
    assertThat(Money.of("10.005", USD).rounded(RoundingMode.HALF_UP).toString())
        .isEqualTo("USD 10.01");
    assertThat(Money.of("500.5", "JPY").rounded(RoundingMode.HALF_UP).toString())
        .isEqualTo("JPY 501");
    assertThat(Money.of("1.2345", "KWD").rounded(RoundingMode.DOWN).toString())
        .isEqualTo("KWD 1.234");
    assertThat(Money.of("7", USD).rounded(RoundingMode.UNNECESSARY).toString())
        .isEqualTo("USD 7.00");
    assertThatThrownBy(() -> Money.of("7.001", USD).rounded(RoundingMode.UNNECESSARY))
        .isInstanceOf(ArithmeticException.class);
  }
}
