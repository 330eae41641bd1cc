package io.mlconnector.stripe;

import io.mlconnector.core.model.MinorUnits;
import io.mlconnector.core.model.MinorUnitsException;
import io.mlconnector.core.model.Money;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Stripe's currency table expressed as core {@link MinorUnits} policies (exponent overrides and
 * steps), one per {@link Purpose}. Amounts are never rounded silently: an amount that does not fit
 * is refused with a {@link MinorUnitsException} naming it.
 *
 * <ul>
 *   <li>Two decimals by default (USD 10.00 is {@code 1000}).
 *   <li>Zero-decimal: BIF, CLP, DJF, GNF, JPY, KMF, KRW, MGA, PYG, RWF, UGX, VND, VUV, XAF, XOF, XPF
 *       (MGA differs from ISO 4217, which gives it two).
 *   <li>Three-decimal: BHD, JOD, KWD, OMR, TND; in payment flows (payments, refunds, disputes) the
 *       last minor digit must be 0 (step 10).
 *   <li>ISK: ISO makes it zero-decimal but Stripe takes two decimals that must be {@code .00}
 *       (exponent 2, step 100), in every purpose.
 *   <li>HUF and TWD: charged with two decimals, paid out as zero-decimal (payout step 100).
 * </ul>
 *
 * <p>The reference this SDK was built from does not settle Stripe's special cases completely (UGX
 * in particular carries notes similar to ISK's, unconfirmed), so every entry can be overridden
 * with {@link Builder#exponent(String, int)} and {@link Builder#step(String, Purpose, long)}.
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
  private final Map<Purpose, Map<String, Long>> steps;
  private final Map<Purpose, MinorUnits> policies;

  private StripeCurrencies(Builder b) {
    this.exponents = Map.copyOf(b.exponents);
    Map<Purpose, Map<String, Long>> s = new EnumMap<>(Purpose.class);
    Map<Purpose, MinorUnits> p = new EnumMap<>(Purpose.class);
    for (Purpose purpose : Purpose.values()) {
      Map<String, Long> st = Map.copyOf(b.steps.get(purpose));
      s.put(purpose, st);
      MinorUnits.Builder mu = MinorUnits.builder();
      exponents.forEach((code, exp) -> mu.exponent(code.toUpperCase(Locale.ROOT), exp));
      st.forEach((code, step) -> mu.step(code.toUpperCase(Locale.ROOT), step));
      p.put(purpose, mu.build());
    }
    this.steps = s;
    this.policies = p;
  }

  /**
   * Stripe's table as documented.
   *
   * @return the shared standard table
   */
  public static StripeCurrencies standard() {
    return STANDARD;
  }

  /**
   * A builder starting from {@link #standard()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from this table.
   *
   * @return a new builder holding this table's exponents and steps
   */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.exponents.clear();
    b.exponents.putAll(exponents);
    for (Purpose p : Purpose.values()) {
      b.steps.get(p).clear();
      b.steps.get(p).putAll(steps.get(p));
    }
    return b;
  }

  /**
   * The core minor-unit policy for {@code purpose}.
   *
   * @param purpose what the amounts are for
   * @return the policy with this table's exponents and the purpose's steps
   */
  public MinorUnits policy(Purpose purpose) {
    return policies.get(Objects.requireNonNull(purpose, "purpose"));
  }

  /**
   * The number of minor-unit digits Stripe uses for {@code currency}.
   *
   * @param currency ISO 4217 code, any case
   * @return the exponent, 0 to 4 (2 for {@code usd}, 0 for {@code jpy})
   * @throws IllegalArgumentException if {@code currency} is not a three-letter code
   */
  public int exponent(String currency) {
    return policy(Purpose.INVOICE).exponent(Money.currency(normalize(currency).toUpperCase(Locale.ROOT)));
  }

  /**
   * The amount in Stripe's integer minor units.
   *
   * @param amount the amount; any sign
   * @param purpose what the amount is for (decides the step rule)
   * @return the amount in minor units (USD 10.00 is {@code 1000})
   * @throws MinorUnitsException when the amount has more decimals than Stripe takes for the
   *     currency, breaks a step rule for {@code purpose}, or does not fit in a long
   */
  public long toMinorUnits(Money amount, Purpose purpose) {
    Objects.requireNonNull(amount, "amount");
    return policy(purpose).toMinor(amount);
  }

  /**
   * {@link #toMinorUnits(Money, Purpose)} for a decimal amount and a currency code.
   *
   * @param amount the amount in major units, e.g. {@code 10.00}
   * @param currency ISO 4217 code, any case
   * @param purpose what the amount is for (decides the step rule)
   * @return the amount in minor units
   * @throws MinorUnitsException when the amount does not fit the currency's rules
   */
  public long toMinorUnits(BigDecimal amount, String currency, Purpose purpose) {
    Objects.requireNonNull(amount, "amount");
    return toMinorUnits(Money.of(amount, Money.currency(normalize(currency).toUpperCase(Locale.ROOT))), purpose);
  }

  /**
   * The money that an amount in minor units stands for.
   *
   * @param minorUnits the amount as Stripe reports it ({@code 1000} is USD 10.00)
   * @param currency ISO 4217 code, any case
   * @return the amount with the currency's exponent as its scale
   */
  public Money toMoney(long minorUnits, String currency) {
    return policy(Purpose.INVOICE).toMoney(minorUnits, Money.currency(normalize(currency).toUpperCase(Locale.ROOT)));
  }

  /**
   * Whether the currency's payment amounts must end in zero.
   *
   * @param currency ISO 4217 code, any case
   * @return true when payment amounts must be a multiple of ten minor units
   */
  public boolean paymentAmountsEndInZero(String currency) {
    return step(currency, Purpose.PAYMENT) % 10 == 0;
  }

  /**
   * The step Stripe requires for {@code currency} in {@code purpose}.
   *
   * @param currency ISO 4217 code, any case
   * @param purpose what the amounts are for
   * @return the multiple, in minor units, amounts must be; 1 when there is no rule
   */
  public long step(String currency, Purpose purpose) {
    return steps.get(Objects.requireNonNull(purpose, "purpose")).getOrDefault(normalize(currency), 1L);
  }

  /**
   * The lower-case code Stripe expects in requests.
   *
   * @param currency ISO 4217 code, any case, surrounding blanks ignored
   * @return the code in lower case, e.g. {@code usd}
   * @throws IllegalArgumentException if {@code currency} is not three letters
   */
  public static String normalize(String currency) {
    Objects.requireNonNull(currency, "currency");
    String c = currency.trim().toLowerCase(Locale.ROOT);
    if (c.length() != 3 || !c.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
      throw new IllegalArgumentException("currency must be a three-letter ISO 4217 code, was '" + currency + "'");
    }
    return c;
  }

  @Override
  public String toString() {
    return "StripeCurrencies{exponents=" + exponents + ", steps=" + steps + '}';
  }

  /** Builder of a currency table, starting from Stripe's documented one. */
  public static final class Builder {
    private final Map<String, Integer> exponents = new HashMap<>();
    private final Map<Purpose, Map<String, Long>> steps = new EnumMap<>(Purpose.class);

    private Builder() {
      for (Purpose p : Purpose.values()) {
        steps.put(p, new HashMap<>());
      }
      for (String c :
          new String[] {
            "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv",
            "xaf", "xof", "xpf"
          }) {
        exponents.put(c, 0);
      }
      for (String c : new String[] {"bhd", "jod", "kwd", "omr", "tnd"}) {
        exponents.put(c, 3);
        steps.get(Purpose.PAYMENT).put(c, 10L);
      }
      exponents.put("isk", 2);
      for (Purpose p : Purpose.values()) {
        steps.get(p).put("isk", 100L);
      }
      exponents.put("huf", 2);
      exponents.put("twd", 2);
      steps.get(Purpose.PAYOUT).put("huf", 100L);
      steps.get(Purpose.PAYOUT).put("twd", 100L);
    }

    /**
     * Sets the number of minor-unit digits Stripe uses for {@code currency}.
     *
     * @param currency ISO 4217 code, any case
     * @param exponent the number of digits, 0 to 4
     * @return this builder
     * @throws IllegalArgumentException if the exponent is out of range or the code unknown
     */
    public Builder exponent(String currency, int exponent) {
      if (exponent < 0 || exponent > 4) {
        throw new IllegalArgumentException("exponent must be in [0, 4], was " + exponent);
      }
      String c = normalize(currency);
      Money.currency(c.toUpperCase(Locale.ROOT));
      exponents.put(c, exponent);
      return this;
    }

    /**
     * Requires minor-unit amounts of {@code currency} sent for {@code purpose} to be a multiple of
     * {@code step} (1 removes the rule).
     *
     * @param currency ISO 4217 code, any case
     * @param purpose what the amounts are for
     * @param step the multiple in minor units, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code step} is below 1
     */
    public Builder step(String currency, Purpose purpose, long step) {
      Objects.requireNonNull(purpose, "purpose");
      if (step < 1) {
        throw new IllegalArgumentException("step must be at least 1, was " + step);
      }
      String c = normalize(currency);
      if (step == 1) {
        steps.get(purpose).remove(c);
      } else {
        steps.get(purpose).put(c, step);
      }
      return this;
    }

    /**
     * Builds the table.
     *
     * @return the table; the builder can go on being used
     */
    public StripeCurrencies build() {
      return new StripeCurrencies(this);
    }
  }
}
