package io.mlconnector.stripe;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Stripe's currency exponent table: how many minor-unit digits Stripe expects for each currency, and
 * the extra rules some currencies carry. Amounts are never rounded silently: an amount that does not
 * fit the rules is refused with a message naming it.
 *
 * <ul>
 *   <li>Two decimals by default (USD 10.00 is {@code 1000}).
 *   <li>Zero-decimal: BIF, CLP, DJF, GNF, JPY, KMF, KRW, MGA, PYG, RWF, UGX, VND, VUV, XAF, XOF, XPF.
 *   <li>Three-decimal: BHD, JOD, KWD, OMR, TND; in payment flows (payments, refunds, disputes) the last
 *       minor digit must be 0.
 *   <li>ISK is zero-decimal but passed with two decimals, so only whole krónur are accepted.
 *   <li>HUF and TWD are charged with two decimals but paid out as zero-decimal: payout amounts must be whole units.
 * </ul>
 *
 * <p>Stripe's table of special cases is not fully settled by the reference this SDK was built from
 * (UGX in particular carries notes similar to ISK's), so every entry can be overridden with
 * {@link Builder#exponent(String, int)} and {@link Builder#wholeUnitsOnly(String)}.
 */
public final class StripeCurrencies {

  /** What an amount is for; some currencies have different rules per purpose. */
  public enum Purpose {
    /** Invoice items and invoice totals. */
    INVOICE,
    /** PaymentIntents, charges, refunds, disputes. */
    PAYMENT,
    /** Payouts to the merchant's bank. */
    PAYOUT
  }

  private static final StripeCurrencies STANDARD = new Builder().build();

  private final Map<String, Integer> exponents;
  private final Set<String> wholeUnitsOnly;
  private final Set<String> payoutWholeUnits;
  private final Set<String> paymentLastDigitZero;

  private StripeCurrencies(Builder b) {
    this.exponents = Map.copyOf(b.exponents);
    this.wholeUnitsOnly = Set.copyOf(b.wholeUnitsOnly);
    this.payoutWholeUnits = Set.copyOf(b.payoutWholeUnits);
    this.paymentLastDigitZero = Set.copyOf(b.paymentLastDigitZero);
  }

  /** Stripe's table as documented. */
  public static StripeCurrencies standard() {
    return STANDARD;
  }

  /** A builder starting from {@link #standard()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this table. */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.exponents.clear();
    b.exponents.putAll(exponents);
    b.wholeUnitsOnly.clear();
    b.wholeUnitsOnly.addAll(wholeUnitsOnly);
    b.payoutWholeUnits.clear();
    b.payoutWholeUnits.addAll(payoutWholeUnits);
    b.paymentLastDigitZero.clear();
    b.paymentLastDigitZero.addAll(paymentLastDigitZero);
    return b;
  }

  /** The number of minor-unit digits Stripe expects for {@code currency} (ISO 4217, any case). */
  public int exponent(String currency) {
    return exponents.getOrDefault(normalize(currency), 2);
  }

  /**
   * Every currency whose exponent differs from the ISO 4217 one Java knows, as an override map
   * (lower-case code to exponent), for a money type that accepts exponent overrides.
   */
  public Map<String, Integer> exponentOverrides() {
    Map<String, Integer> out = new HashMap<>();
    for (Map.Entry<String, Integer> e : exponents.entrySet()) {
      int iso;
      try {
        iso = java.util.Currency.getInstance(upper(e.getKey())).getDefaultFractionDigits();
      } catch (IllegalArgumentException unknownToJava) {
        iso = -1;
      }
      if (iso != e.getValue()) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return Map.copyOf(out);
  }

  /**
   * The amount in Stripe's integer minor units.
   *
   * @throws IllegalArgumentException when the amount has more decimals than the currency allows in
   *     Stripe, breaks a currency rule for {@code purpose}, or does not fit in a long
   */
  public long toMinorUnits(BigDecimal amount, String currency, Purpose purpose) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(purpose, "purpose");
    String code = normalize(currency);
    int exp = exponent(code);
    BigDecimal shifted = amount.movePointRight(exp);
    if (shifted.signum() != 0 && shifted.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(
          "amount "
              + amount.toPlainString()
              + " "
              + upper(code)
              + " has more decimals than Stripe accepts for "
              + upper(code)
              + " ("
              + exp
              + "); round it in the source system first");
    }
    long minor;
    try {
      minor = shifted.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("amount " + amount.toPlainString() + " " + upper(code) + " is too large", e);
    }
    long unit = pow10(exp);
    if (wholeUnitsOnly.contains(code) && minor % unit != 0) {
      throw new IllegalArgumentException(
          "amount " + amount.toPlainString() + " " + upper(code) + " must be a whole number: Stripe accepts only whole units of " + upper(code));
    }
    if (purpose == Purpose.PAYOUT && payoutWholeUnits.contains(code) && minor % unit != 0) {
      throw new IllegalArgumentException(
          "payout amount " + amount.toPlainString() + " " + upper(code) + " must be a whole number: " + upper(code) + " is paid out without decimals");
    }
    if (purpose == Purpose.PAYMENT && paymentLastDigitZero.contains(code) && minor % 10 != 0) {
      throw new IllegalArgumentException(
          "payment amount "
              + amount.toPlainString()
              + " "
              + upper(code)
              + " must end in 0 in its last decimal: Stripe rounds "
              + upper(code)
              + " payments to the nearest ten minor units");
    }
    return minor;
  }

  /** The decimal amount for {@code minorUnits} of {@code currency}. */
  public BigDecimal fromMinorUnits(long minorUnits, String currency) {
    return BigDecimal.valueOf(minorUnits, exponent(currency));
  }

  /** True when the currency's payment amounts must end in 0 (the three-decimal currencies). */
  public boolean paymentAmountsEndInZero(String currency) {
    return paymentLastDigitZero.contains(normalize(currency));
  }

  /** The lower-case code Stripe expects in requests. */
  public static String normalize(String currency) {
    Objects.requireNonNull(currency, "currency");
    String c = currency.trim().toLowerCase(Locale.ROOT);
    if (c.length() != 3 || !c.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
      throw new IllegalArgumentException("currency must be a three-letter ISO 4217 code, was '" + currency + "'");
    }
    return c;
  }

  private static String upper(String code) {
    return code.toUpperCase(Locale.ROOT);
  }

  private static long pow10(int exp) {
    long v = 1;
    for (int i = 0; i < exp; i++) {
      v *= 10;
    }
    return v;
  }

  @Override
  public String toString() {
    return "StripeCurrencies" + exponents;
  }

  /** Builder of a currency table, starting from Stripe's documented one. */
  public static final class Builder {
    private final Map<String, Integer> exponents = new HashMap<>();
    private final Set<String> wholeUnitsOnly = new HashSet<>();
    private final Set<String> payoutWholeUnits = new HashSet<>();
    private final Set<String> paymentLastDigitZero = new HashSet<>();

    private Builder() {
      for (String c :
          new String[] {
            "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv",
            "xaf", "xof", "xpf"
          }) {
        exponents.put(c, 0);
      }
      for (String c : new String[] {"bhd", "jod", "kwd", "omr", "tnd"}) {
        exponents.put(c, 3);
        paymentLastDigitZero.add(c);
      }
      exponents.put("isk", 2);
      wholeUnitsOnly.add("isk");
      exponents.put("huf", 2);
      exponents.put("twd", 2);
      payoutWholeUnits.add("huf");
      payoutWholeUnits.add("twd");
    }

    /** Sets the number of minor-unit digits Stripe expects for {@code currency} (0 to 4). */
    public Builder exponent(String currency, int exponent) {
      if (exponent < 0 || exponent > 4) {
        throw new IllegalArgumentException("exponent must be in [0, 4], was " + exponent);
      }
      exponents.put(normalize(currency), exponent);
      return this;
    }

    /** Accept only whole units of {@code currency} in every purpose (Stripe's ISK rule). */
    public Builder wholeUnitsOnly(String currency) {
      wholeUnitsOnly.add(normalize(currency));
      return this;
    }

    /** Accept only whole units of {@code currency} in payouts (Stripe's HUF and TWD rule). */
    public Builder payoutWholeUnits(String currency) {
      payoutWholeUnits.add(normalize(currency));
      return this;
    }

    /** Removes every special rule for {@code currency} (its exponent stays as set). */
    public Builder clearRules(String currency) {
      String c = normalize(currency);
      wholeUnitsOnly.remove(c);
      payoutWholeUnits.remove(c);
      paymentLastDigitZero.remove(c);
      return this;
    }

    /** Builds the table. */
    public StripeCurrencies build() {
      return new StripeCurrencies(this);
    }
  }
}
