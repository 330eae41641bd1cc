package io.mlconnector.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A balanced general-ledger journal: Stripe fees, refunds and payouts booked in Acumatica, or AP
 * distributions posted to SYSPRO with GENTJL.
 *
 * <p>Only balanced entries exist: the debits must equal the credits, all in the entry's currency,
 * or the constructor refuses the entry and says by how much it is out.
 *
 * @param ref where the journal lives (or will be identified by, before the ERP assigns a number)
 * @param version the version of this state of the journal
 * @param postingDate the accounting date
 * @param currency the journal currency
 * @param description the journal narration, or null
 * @param reference a document reference (the payout id, the invoice number), or null
 * @param source the record this journal books (a fee, a refund, a payout), or null
 * @param lines the lines, at least two
 * @param extensions system-specific extras (for example a journal type or source code)
 */
public record JournalEntry(
    ExternalRef ref,
    String version,
    LocalDate postingDate,
    Currency currency,
    @Nullable String description,
    @Nullable String reference,
    @Nullable ExternalRef source,
    List<JournalLine> lines,
    Extensions extensions)
    implements CanonicalRecord {

  /**
   * Validates the fields, checks the balance and copies the lines.
   *
   * @param ref where the journal lives (or will be identified by, before the ERP assigns a number)
   * @param version the version of this state of the journal
   * @param postingDate the accounting date
   * @param currency the journal currency
   * @param description the journal narration, or null
   * @param reference a document reference (the payout id, the invoice number), or null
   * @param source the record this journal books (a fee, a refund, a payout), or null
   * @param lines the lines, at least two
   * @param extensions system-specific extras (for example a journal type or source code)
   */
  public JournalEntry {
    String what = Checks.identity(ref, version, "JournalEntry");
    Checks.notNull(postingDate, what + " postingDate");
    Checks.notNull(currency, what + " currency");
    Checks.optionalText(description, what + " description");
    Checks.optionalText(reference, what + " reference");
    lines = Checks.list(lines, what + " lines");
    if (lines.size() < 2) {
      throw new IllegalArgumentException(
          what + " needs at least two lines but has " + lines.size());
    }
    Money debits = Money.zero(currency);
    Money credits = Money.zero(currency);
    for (int i = 0; i < lines.size(); i++) {
      JournalLine line = lines.get(i);
      Checks.inCurrency(line.debit(), currency, what + " lines[" + i + "]");
      debits = debits.plus(line.debit());
      credits = credits.plus(line.credit());
    }
    if (!debits.equals(credits)) {
      throw new IllegalArgumentException(
          what
              + " is unbalanced: debits "
              + debits
              + ", credits "
              + credits
              + " (difference "
              + debits.minus(credits)
              + ")");
    }
    extensions = Checks.extensions(extensions);
  }

  /** {@return the sum of the debits, which equals the sum of the credits} */
  public Money total() {
    Money debits = Money.zero(currency);
    for (JournalLine line : lines) {
      debits = debits.plus(line.debit());
    }
    return debits;
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts with this entry's fields} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.ref = ref;
    b.version = version;
    b.postingDate = postingDate;
    b.currency = currency;
    b.description = description;
    b.reference = reference;
    b.source = source;
    b.lines.addAll(lines);
    b.extensions = extensions;
    return b;
  }

  /** Builds a {@link JournalEntry}; {@link #build()} validates and checks the balance. */
  public static final class Builder {
    private ExternalRef ref;
    private String version;
    private LocalDate postingDate;
    private Currency currency;
    private @Nullable String description;
    private @Nullable String reference;
    private @Nullable ExternalRef source;
    private final List<JournalLine> lines = new ArrayList<>();
    private Extensions extensions = Extensions.empty();

    private Builder() {}

    /**
     * Sets where the journal lives.
     *
     * @param ref where the journal lives (or will be identified by, before the ERP assigns a
     *     number)
     * @return this builder
     */
    public Builder ref(ExternalRef ref) {
      this.ref = ref;
      return this;
    }

    /**
     * Sets the version.
     *
     * @param version the version of this state of the journal
     * @return this builder
     */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /**
     * Sets the accounting date.
     *
     * @param postingDate the accounting date
     * @return this builder
     */
    public Builder postingDate(LocalDate postingDate) {
      this.postingDate = postingDate;
      return this;
    }

    /**
     * Sets the currency.
     *
     * @param currency the journal currency
     * @return this builder
     */
    public Builder currency(Currency currency) {
      this.currency = currency;
      return this;
    }

    /**
     * Sets the currency by ISO 4217 code.
     *
     * @param currencyCode the ISO 4217 currency code, for example {@code USD}
     * @return this builder
     */
    public Builder currency(String currencyCode) {
      this.currency = Money.currency(currencyCode);
      return this;
    }

    /**
     * Sets the narration.
     *
     * @param description the journal narration, or null
     * @return this builder
     */
    public Builder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    /**
     * Sets the document reference.
     *
     * @param reference a document reference (the payout id, the invoice number), or null
     * @return this builder
     */
    public Builder reference(@Nullable String reference) {
      this.reference = reference;
      return this;
    }

    /**
     * Sets the record this journal books.
     *
     * @param source the record this journal books (a fee, a refund, a payout), or null
     * @return this builder
     */
    public Builder source(@Nullable ExternalRef source) {
      this.source = source;
      return this;
    }

    /**
     * Appends a line.
     *
     * @param line the next line; not null
     * @return this builder
     */
    public Builder addLine(JournalLine line) {
      lines.add(Checks.notNull(line, "line"));
      return this;
    }

    /**
     * Appends a debit of {@code amount} to {@code account}.
     *
     * @param account the GL account debited
     * @param amount the amount, positive
     * @return this builder
     */
    public Builder debit(ExternalRef account, Money amount) {
      return addLine(JournalLine.debit(account, amount));
    }

    /**
     * Appends a credit of {@code amount} to {@code account}.
     *
     * @param account the GL account credited
     * @param amount the amount, positive
     * @return this builder
     */
    public Builder credit(ExternalRef account, Money amount) {
      return addLine(JournalLine.credit(account, amount));
    }

    /**
     * Replaces the extensions.
     *
     * @param extensions system-specific extras (for example a journal type or source code)
     * @return this builder
     */
    public Builder extensions(Extensions extensions) {
      this.extensions = extensions;
      return this;
    }

    /**
     * Adds one extension.
     *
     * @param <T> the type of the extension's values
     * @param key the extension's key
     * @param value its value
     * @return this builder
     */
    public <T> Builder extension(Extensions.Key<T> key, T value) {
      this.extensions = Checks.extensions(extensions).with(key, value);
      return this;
    }

    /**
     * The validated journal entry; the currency defaults to that of the first line.
     *
     * @return the journal entry
     * @throws IllegalArgumentException if it does not balance
     */
    public JournalEntry build() {
      Currency c = currency != null || lines.isEmpty() ? currency : lines.get(0).currency();
      return new JournalEntry(
          ref, version, postingDate, c, description, reference, source, lines, extensions);
    }
  }
}
