package io.mlconnector.core.model;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A transfer of settled funds from a payment provider to the merchant's bank account (a Stripe
 * payout), booked in the ERP as a bank deposit out of the clearing account.
 *
 * @param ref where the payout lives
 * @param version the version of this state of the payout
 * @param status the payout's state
 * @param amount the amount transferred, positive
 * @param createdOn the day the payout was created
 * @param arrivalDate the day the funds are (or are expected to be) in the bank
 * @param destination the bank account in the provider's terms (an id or a masked number), or null
 * @param description the provider's description or statement descriptor, or null
 * @param extensions system-specific extras
 */
public record Payout(
    ExternalRef ref,
    String version,
    Status status,
    Money amount,
    LocalDate createdOn,
    LocalDate arrivalDate,
    @Nullable String destination,
    @Nullable String description,
    Extensions extensions)
    implements CanonicalRecord {

  /** The payout's state. */
  public enum Status {
    /** Created, not yet sent to the bank. */
    PENDING,
    /** Sent to the bank. */
    IN_TRANSIT,
    /** Arrived. */
    PAID,
    /** The bank refused it; the funds went back to the provider balance. */
    FAILED,
    /** Cancelled before it was sent. */
    CANCELLED
  }

  /**
   * Validates the fields.
   *
   * @param ref where the payout lives
   * @param version the version of this state of the payout
   * @param status the payout's state
   * @param amount the amount transferred, positive
   * @param createdOn the day the payout was created
   * @param arrivalDate the day the funds are (or are expected to be) in the bank
   * @param destination the bank account in the provider's terms (an id or a masked number), or null
   * @param description the provider's description or statement descriptor, or null
   * @param extensions system-specific extras
   */
  public Payout {
    String what = Checks.identity(ref, version, "Payout");
    Checks.notNull(status, what + " status");
    Checks.positive(amount, what + " amount");
    Checks.notNull(createdOn, what + " createdOn");
    Checks.notNull(arrivalDate, what + " arrivalDate");
    if (arrivalDate.isBefore(createdOn)) {
      throw new IllegalArgumentException(
          what + " arrivalDate " + arrivalDate + " is before its createdOn " + createdOn);
    }
    Checks.optionalText(destination, what + " destination");
    Checks.optionalText(description, what + " description");
    extensions = Checks.extensions(extensions);
  }

  /** {@return a builder; status defaults to {@code PAID}} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts with this payout's fields} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.ref = ref;
    b.version = version;
    b.status = status;
    b.amount = amount;
    b.createdOn = createdOn;
    b.arrivalDate = arrivalDate;
    b.destination = destination;
    b.description = description;
    b.extensions = extensions;
    return b;
  }

  /** Builds a {@link Payout}; {@link #build()} validates. */
  public static final class Builder {
    private ExternalRef ref;
    private String version;
    private Status status = Status.PAID;
    private Money amount;
    private LocalDate createdOn;
    private LocalDate arrivalDate;
    private @Nullable String destination;
    private @Nullable String description;
    private Extensions extensions = Extensions.empty();

    private Builder() {}

    /**
     * Sets where the payout lives.
     *
     * @param ref where the payout lives
     * @return this builder
     */
    public Builder ref(ExternalRef ref) {
      this.ref = ref;
      return this;
    }

    /**
     * Sets the version.
     *
     * @param version the version of this state of the payout
     * @return this builder
     */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /**
     * Sets the status.
     *
     * @param status the payout's state
     * @return this builder
     */
    public Builder status(Status status) {
      this.status = status;
      return this;
    }

    /**
     * Sets the amount.
     *
     * @param amount the amount transferred, positive
     * @return this builder
     */
    public Builder amount(Money amount) {
      this.amount = amount;
      return this;
    }

    /**
     * Sets the creation day.
     *
     * @param createdOn the day the payout was created
     * @return this builder
     */
    public Builder createdOn(LocalDate createdOn) {
      this.createdOn = createdOn;
      return this;
    }

    /**
     * Sets the arrival day.
     *
     * @param arrivalDate the day the funds are (or are expected to be) in the bank
     * @return this builder
     */
    public Builder arrivalDate(LocalDate arrivalDate) {
      this.arrivalDate = arrivalDate;
      return this;
    }

    /**
     * Sets the destination bank account.
     *
     * @param destination the bank account in the provider's terms (an id or a masked number), or
     *     null
     * @return this builder
     */
    public Builder destination(@Nullable String destination) {
      this.destination = destination;
      return this;
    }

    /**
     * Sets the description.
     *
     * @param description the provider's description or statement descriptor, or null
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

    /** {@return the validated payout} */
    public Payout build() {
      return new Payout(
          ref,
          version,
          status,
          amount,
          createdOn,
          arrivalDate,
          destination,
          description,
          extensions);
    }
  }
}
