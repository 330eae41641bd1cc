package io.mlconnector.core.model;

import java.util.Currency;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One line of a {@link JournalEntry}: a debit or a credit to a GL account, optionally charged to a
 * cost centre.
 *
 * <p>Exactly one of {@code debit} and {@code credit} is non-zero, and neither is negative: a line
 * moves money one way. Use the {@link #debit(ExternalRef, Money)} and {@link #credit(ExternalRef,
 * Money)} factories.
 *
 * @param account the GL account (the {@link GlAccount}'s ref)
 * @param debit the debit amount; zero on a credit line
 * @param credit the credit amount; zero on a debit line
 * @param costCenter the cost centre (the {@link CostCenter}'s ref), or null
 * @param description the line narration, or null
 * @param dimensions further analysis dimensions by name (project, location, subaccount ...); may be
 *     empty
 * @param extensions system-specific extras
 */
public record JournalLine(
    ExternalRef account,
    Money debit,
    Money credit,
    @Nullable ExternalRef costCenter,
    @Nullable String description,
    Map<String, String> dimensions,
    Extensions extensions) {

  /**
   * Validates the fields; a null debit or credit is zero in the other's currency.
   *
   * @param account the GL account (the {@link GlAccount}'s ref)
   * @param debit the debit amount; zero on a credit line
   * @param credit the credit amount; zero on a debit line
   * @param costCenter the cost centre (the {@link CostCenter}'s ref), or null
   * @param description the line narration, or null
   * @param dimensions further analysis dimensions by name (project, location, subaccount ...); may
   *     be empty
   * @param extensions system-specific extras
   */
  public JournalLine {
    Checks.notNull(account, "JournalLine.account");
    String what = "JournalLine for account " + account.id();
    if (debit == null && credit == null) {
      throw new NullPointerException(what + " needs a debit or a credit");
    }
    debit = debit == null ? Money.zero(credit.currency()) : debit;
    credit = credit == null ? Money.zero(debit.currency()) : credit;
    Checks.nonNegative(debit, what + " debit");
    Checks.nonNegative(credit, what + " credit");
    Checks.inCurrency(credit, debit.currency(), what + " credit");
    if (debit.isZero() == credit.isZero()) {
      throw new IllegalArgumentException(
          what
              + " must have exactly one of debit and credit non-zero but has debit "
              + debit
              + " and credit "
              + credit);
    }
    Checks.optionalText(description, what + " description");
    dimensions = Checks.stringMap(dimensions, what + " dimensions");
    extensions = Checks.extensions(extensions);
  }

  /**
   * A debit of {@code amount} (positive) to {@code account}.
   *
   * @param account the GL account debited
   * @param amount the amount, positive
   * @return the line
   */
  public static JournalLine debit(ExternalRef account, Money amount) {
    return new JournalLine(account, amount, null, null, null, null, null);
  }

  /**
   * A credit of {@code amount} (positive) to {@code account}.
   *
   * @param account the GL account credited
   * @param amount the amount, positive
   * @return the line
   */
  public static JournalLine credit(ExternalRef account, Money amount) {
    return new JournalLine(account, null, amount, null, null, null, null);
  }

  /**
   * This line charged to {@code costCenter}.
   *
   * @param costCenter the cost centre's ref
   * @return a new line
   */
  public JournalLine withCostCenter(ExternalRef costCenter) {
    return new JournalLine(account, debit, credit, costCenter, description, dimensions, extensions);
  }

  /**
   * This line with the narration {@code description}.
   *
   * @param description the narration
   * @return a new line
   */
  public JournalLine withDescription(String description) {
    return new JournalLine(account, debit, credit, costCenter, description, dimensions, extensions);
  }

  /**
   * This line with the analysis dimensions {@code dimensions}.
   *
   * @param dimensions dimension name to value; replaces the line's dimensions
   * @return a new line
   */
  public JournalLine withDimensions(Map<String, String> dimensions) {
    return new JournalLine(account, debit, credit, costCenter, description, dimensions, extensions);
  }

  /**
   * This line with {@code key} set to {@code value} in its extensions.
   *
   * @param <T> the type of the key's values
   * @param key the extension key
   * @param value its value
   * @return a new line
   */
  public <T> JournalLine withExtension(Extensions.Key<T> key, T value) {
    return new JournalLine(
        account, debit, credit, costCenter, description, dimensions, extensions.with(key, value));
  }

  /** {@return the line's currency} */
  public Currency currency() {
    return debit.currency();
  }

  /** {@return whether this is a debit line} */
  public boolean isDebit() {
    return debit.isPositive();
  }

  /** {@return the signed amount: the debit, or the credit negated} */
  public Money signedAmount() {
    return debit.minus(credit);
  }
}
