package io.mlconnector.core.model;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A charge a payment provider took (a Stripe processing fee from a balance transaction), or gave
 * back, usually booked to an expense account as a GL journal.
 *
 * @param ref where the fee lives (for Stripe, the balance transaction it is part of)
 * @param version the version of this state of the fee
 * @param type what the fee is for
 * @param amount the fee: positive is a cost, negative a fee returned; never zero
 * @param date the day the fee was incurred
 * @param source the payment, refund, dispute or payout the fee arose from, or null
 * @param payout the payout the fee was settled in, or null until it is paid out
 * @param description the provider's description, or null
 * @param extensions system-specific extras
 */
public record Fee(
    ExternalRef ref,
    String version,
    Type type,
    Money amount,
    LocalDate date,
    @Nullable ExternalRef source,
    @Nullable ExternalRef payout,
    @Nullable String description,
    Extensions extensions)
    implements CanonicalRecord {

  /** What a fee is for. */
  public enum Type {
    /** The provider's processing fee on a payment. */
    PROCESSING,
    /** A platform's application fee. */
    APPLICATION,
    /** Tax charged on fees. */
    TAX,
    /** A fee for handling a dispute. */
    DISPUTE,
    /** A fee for a payout. */
    PAYOUT,
    /** Anything else. */
    OTHER
  }

  /**
   * Validates the fields.
   *
   * @param ref where the fee lives (for Stripe, the balance transaction it is part of)
   * @param version the version of this state of the fee
   * @param type what the fee is for
   * @param amount the fee: positive is a cost, negative a fee returned; never zero
   * @param date the day the fee was incurred
   * @param source the payment, refund, dispute or payout the fee arose from, or null
   * @param payout the payout the fee was settled in, or null until it is paid out
   * @param description the provider's description, or null
   * @param extensions system-specific extras
   */
  public Fee {
    String what = Checks.identity(ref, version, "Fee");
    Checks.notNull(type, what + " type");
    Checks.notNull(amount, what + " amount");
    if (amount.isZero()) {
      throw new IllegalArgumentException(what + " amount must not be zero");
    }
    Checks.notNull(date, what + " date");
    Checks.optionalText(description, what + " description");
    extensions = Checks.extensions(extensions);
  }

  /** {@return a builder; type defaults to {@code PROCESSING}} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts with this fee's fields} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.ref = ref;
    b.version = version;
    b.type = type;
    b.amount = amount;
    b.date = date;
    b.source = source;
    b.payout = payout;
    b.description = description;
    b.extensions = extensions;
    return b;
  }

  /** Builds a {@link Fee}; {@link #build()} validates. */
  public static final class Builder {
    private ExternalRef ref;
    private String version;
    private Type type = Type.PROCESSING;
    private Money amount;
    private LocalDate date;
    private @Nullable ExternalRef source;
    private @Nullable ExternalRef payout;
    private @Nullable String description;
    private Extensions extensions = Extensions.empty();

    private Builder() {}

    /**
     * Sets where the fee lives.
     *
     * @param ref where the fee lives (for Stripe, the balance transaction it is part of)
     * @return this builder
     */
    public Builder ref(ExternalRef ref) {
      this.ref = ref;
      return this;
    }

    /**
     * Sets the version.
     *
     * @param version the version of this state of the fee
     * @return this builder
     */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /**
     * Sets the fee type.
     *
     * @param type what the fee is for
     * @return this builder
     */
    public Builder type(Type type) {
      this.type = type;
      return this;
    }

    /**
     * Sets the amount.
     *
     * @param amount the fee: positive is a cost, negative a fee returned; never zero
     * @return this builder
     */
    public Builder amount(Money amount) {
      this.amount = amount;
      return this;
    }

    /**
     * Sets the day incurred.
     *
     * @param date the day the fee was incurred
     * @return this builder
     */
    public Builder date(LocalDate date) {
      this.date = date;
      return this;
    }

    /**
     * Sets the record the fee arose from.
     *
     * @param source the payment, refund, dispute or payout the fee arose from, or null
     * @return this builder
     */
    public Builder source(@Nullable ExternalRef source) {
      this.source = source;
      return this;
    }

    /**
     * Sets the payout it was settled in.
     *
     * @param payout the payout the fee was settled in, or null until it is paid out
     * @return this builder
     */
    public Builder payout(@Nullable ExternalRef payout) {
      this.payout = payout;
      return this;
    }

    /**
     * Sets the description.
     *
     * @param description the provider's description, or null
     * @return this builder
     */
    public Builder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    /**
     * Replaces the extensions.
     *
     * @param extensions system-specific extras
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

    /** {@return the validated fee} */
    public Fee build() {
      return new Fee(ref, version, type, amount, date, source, payout, description, extensions);
    }
  }
}
