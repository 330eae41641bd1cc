package io.mlconnector.sapb1;

import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A currency of the company ({@code Currencies('USD')}, entity type {@code SAPB1.Currency}). B1's
 * {@code Code} is user-defined ({@code US$}, {@code EUR}, {@code $}): the ISO 4217 code, where the
 * company recorded one, is in {@code InternationalDescription} or {@code DocumentsCode}.
 *
 * @param code the key ({@code Code})
 * @param name {@code Name}, or null
 * @param documentsCode {@code DocumentsCode} (the code printed on documents), or null
 * @param internationalDescription {@code InternationalDescription}, or null
 * @param decimals {@code Decimals} ({@code CurrenciesDecimalsEnum}: {@code cd2Digits}, {@code
 *     cdDefault}, {@code cdWithoutDecimals} ...), or null
 * @param rounding {@code Rounding} ({@code RoundingSysEnum}: {@code rsNoRounding} ...), or null
 * @param roundingInPayment whether {@code RoundingInPayment} is {@code tYES}
 * @param entity the whole entity, with {@code U_} fields
 */
public record B1Currency(
    String code,
    @Nullable String name,
    @Nullable String documentsCode,
    @Nullable String internationalDescription,
    @Nullable String decimals,
    @Nullable String rounding,
    boolean roundingInPayment,
    B1Entity entity) {

  /**
   * Reads a currency.
   *
   * @param e a {@code Currencies} entity
   * @return the currency
   * @throws B1FormatException if the entity has no {@code Code}
   */
  public static B1Currency of(B1Entity e) {
    Objects.requireNonNull(e, "e");
    String code = e.string("Code");
    if (code == null) {
      throw new B1FormatException("currency without Code");
    }
    return new B1Currency(code, e.string("Name"), e.string("DocumentsCode"), e.string("InternationalDescription"),
        e.string("Decimals"), e.string("Rounding"), e.yes("RoundingInPayment"), e);
  }

  /**
   * The ISO 4217 currency this B1 currency stands for: {@code InternationalDescription} when it is
   * an ISO code, else {@code DocumentsCode} when it is one, else {@code Code} when it is one;
   * empty when none is (a description such as {@code US Dollar}, a symbol such as {@code $}).
   *
   * @return the ISO currency, or empty
   */
  public Optional<Currency> iso() {
    for (String candidate : new String[] {internationalDescription, documentsCode, code}) {
      Currency c = isoOrNull(candidate);
      if (c != null) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The ISO 4217 currency {@code text} names exactly (three letters, any case, trimmed), or null. */
  static @Nullable Currency isoOrNull(@Nullable String text) {
    if (text == null || !text.strip().matches("[A-Za-z]{3}")) {
      return null;
    }
    try {
      return Currency.getInstance(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
