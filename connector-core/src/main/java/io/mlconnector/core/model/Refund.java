package io.mlconnector.core.model;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Money returned to a customer against an earlier {@link Payment} (a Stripe refund, an ERP AR
 * refund or adjustment).
 *
 * @param ref where the refund lives
 * @param version the version of this state of the refund
 * @param payment the payment refunded, or null if the source does not link one
 * @param party the customer refunded, or null if the source does not say
 * @param invoice the invoice the refund relates to, or null
 * @param status the refund's state
 * @param amount the amount returned, positive
 * @param date the refund date
 * @param reason why, as the source words it, or null
 * @param reference the refund's reference in its own system, or null
 * @param extensions system-specific extras
 */
public record Refund(
    ExternalRef ref,
    String version,
    @Nullable ExternalRef payment,
    @Nullable ExternalRef party,
    @Nullable ExternalRef invoice,
    Status status,
    Money amount,
    LocalDate date,
    @Nullable String reason,
    @Nullable String reference,
    Extensions extensions)
    implements CanonicalRecord {

  /** The refund's state. */
  public enum Status {
    /** Requested, not yet settled. */
    PENDING,
    /** The money went back. */
    SUCCEEDED,
    /** The refund failed; no money moved. */
    FAILED,
    /** Cancelled before it settled. */
    CANCELLED
  }

  /**
   * Validates the fields.
   *
   * @param ref where the refund lives
   * @param version the version of this state of the refund
   * @param payment the payment refunded, or null if the source does not link one
   * @param party the customer refunded, or null if the source does not say
   * @param invoice the invoice the refund relates to, or null
   * @param status the refund's state
   * @param amount the amount returned, positive
   * @param date the refund date
   * @param reason why, as the source words it, or null
   * @param reference the refund's reference in its own system, or null
   * @param extensions system-specific extras
   */
  public Refund {
    String what = Checks.identity(ref, version, "Refund");
    Checks.notNull(status, what + " status");
    Checks.positive(amount, what + " amount");
    Checks.notNull(date, what + " date");
    Checks.optionalText(reason, what + " reason");
    Checks.optionalText(reference, what + " reference");
    extensions = Checks.extensions(extensions);
  }

  /** {@return a builder; status defaults to {@code SUCCEEDED}} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts with this refund's fields} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.ref = ref;
    b.version = version;
    b.payment = payment;
    b.party = party;
    b.invoice = invoice;
    b.status = status;
    b.amount = amount;
    b.date = date;
    b.reason = reason;
    b.reference = reference;
    b.extensions = extensions;
    return b;
  }

  /** Builds a {@link Refund}; {@link #build()} validates. */
  public static final class Builder {
    private ExternalRef ref;
    private String version;
    private @Nullable ExternalRef payment;
    private @Nullable ExternalRef party;
    private @Nullable ExternalRef invoice;
    private Status status = Status.SUCCEEDED;
    private Money amount;
    private LocalDate date;
    private @Nullable String reason;
    private @Nullable String reference;
    private Extensions extensions = Extensions.empty();

    private Builder() {}

    /**
     * Sets where the refund lives.
     *
     * @param ref where the refund lives
     * @return this builder
     */
    public Builder ref(ExternalRef ref) {
      this.ref = ref;
      return this;
    }

    /**
     * Sets the version.
     *
     * @param version the version of this state of the refund
     * @return this builder
     */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /**
     * Sets the payment refunded.
     *
     * @param payment the payment refunded, or null if the source does not link one
     * @return this builder
     */
    public Builder payment(@Nullable ExternalRef payment) {
      this.payment = payment;
      return this;
    }

    /**
     * Sets the customer.
     *
     * @param party the customer refunded, or null if the source does not say
     * @return this builder
     */
    public Builder party(@Nullable ExternalRef party) {
      this.party = party;
      return this;
    }

    /**
     * Sets the related invoice.
     *
     * @param invoice the invoice the refund relates to, or null
     * @return this builder
     */
    public Builder invoice(@Nullable ExternalRef invoice) {
      this.invoice = invoice;
      return this;
    }

    /**
     * Sets the status.
     *
     * @param status the refund's state
     * @return this builder
     */
    public Builder status(Status status) {
      this.status = status;
      return this;
    }

    /**
     * Sets the amount.
     *
     * @param amount the amount returned, positive
     * @return this builder
     */
    public Builder amount(Money amount) {
      this.amount = amount;
      return this;
    }

    /**
     * Sets the refund date.
     *
     * @param date the refund date
     * @return this builder
     */
    public Builder date(LocalDate date) {
      this.date = date;
      return this;
    }

    /**
     * Sets the reason.
     *
     * @param reason why, as the source words it, or null
     * @return this builder
     */
    public Builder reason(@Nullable String reason) {
      this.reason = reason;
      return this;
    }

    /**
     * Sets the reference.
     *
     * @param reference the refund's reference in its own system, or null
     * @return this builder
     */
    public Builder reference(@Nullable String reference) {
      this.reference = reference;
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

    /** {@return the validated refund} */
    public Refund build() {
      return new Refund(
          ref,
          version,
          payment,
          party,
          invoice,
          status,
          amount,
          date,
          reason,
          reference,
          extensions);
    }
  }
}
