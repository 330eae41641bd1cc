package io.mlconnector.core.model;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A dispute (chargeback) or an inquiry a customer's bank raised against a {@link Payment}.
 *
 * @param ref where the dispute lives
 * @param version the version of this state of the dispute
 * @param payment the disputed payment
 * @param party the customer, or null if the source does not say
 * @param invoice the invoice the disputed payment settled, or null
 * @param status the dispute's state
 * @param reason the reason, mapped to the canonical set
 * @param reasonCode the reason as the source words it (kept because the canonical set is coarser),
 *     or null
 * @param amount the disputed amount, positive
 * @param openedOn the day the dispute was opened
 * @param respondBy the deadline for evidence, or null
 * @param extensions system-specific extras
 */
public record Dispute(
    ExternalRef ref,
    String version,
    ExternalRef payment,
    @Nullable ExternalRef party,
    @Nullable ExternalRef invoice,
    Status status,
    Reason reason,
    @Nullable String reasonCode,
    Money amount,
    LocalDate openedOn,
    @Nullable Instant respondBy,
    Extensions extensions)
    implements CanonicalRecord {

  /** The dispute's state. */
  public enum Status {
    /** An inquiry (retrieval request): funds not yet withdrawn; evidence may be asked for. */
    INQUIRY,
    /** Funds withdrawn; evidence is needed. */
    NEEDS_RESPONSE,
    /** Evidence submitted; waiting for the bank's decision. */
    UNDER_REVIEW,
    /** Decided for the merchant; funds returned. */
    WON,
    /** Decided for the customer; funds lost. */
    LOST,
    /** An inquiry closed without becoming a chargeback. */
    CLOSED;

    /** {@return whether the dispute has reached a final state} */
    public boolean isFinal() {
      return this == WON || this == LOST || this == CLOSED;
    }
  }

  /** Why the customer disputed the payment. */
  public enum Reason {
    /** The customer says they did not authorise it. */
    FRAUDULENT,
    /** Charged twice. */
    DUPLICATE,
    /** Goods or services not received. */
    PRODUCT_NOT_RECEIVED,
    /** Goods or services not as described or defective. */
    PRODUCT_UNACCEPTABLE,
    /** A promised credit or refund was not processed. */
    CREDIT_NOT_PROCESSED,
    /** A cancelled subscription kept being charged. */
    SUBSCRIPTION_CANCELED,
    /** The customer does not recognise the charge. */
    UNRECOGNIZED,
    /** A bank-side problem (insufficient funds, account details, bank cannot process). */
    BANK_ERROR,
    /** A general or unspecified reason. */
    GENERAL,
    /** Any other reason; see {@code reasonCode}. */
    OTHER
  }

  /**
   * Validates the fields.
   *
   * @param ref where the dispute lives
   * @param version the version of this state of the dispute
   * @param payment the disputed payment
   * @param party the customer, or null if the source does not say
   * @param invoice the invoice the disputed payment settled, or null
   * @param status the dispute's state
   * @param reason the reason, mapped to the canonical set
   * @param reasonCode the reason as the source words it (kept because the canonical set is
   *     coarser), or null
   * @param amount the disputed amount, positive
   * @param openedOn the day the dispute was opened
   * @param respondBy the deadline for evidence, or null
   * @param extensions system-specific extras
   */
  public Dispute {
    String what = Checks.identity(ref, version, "Dispute");
    Checks.notNull(payment, what + " payment");
    Checks.notNull(status, what + " status");
    Checks.notNull(reason, what + " reason");
    Checks.optionalText(reasonCode, what + " reasonCode");
    Checks.positive(amount, what + " amount");
    Checks.notNull(openedOn, what + " openedOn");
    extensions = Checks.extensions(extensions);
  }

  /** {@return a builder; reason defaults to {@code GENERAL}} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts with this dispute's fields} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.ref = ref;
    b.version = version;
    b.payment = payment;
    b.party = party;
    b.invoice = invoice;
    b.status = status;
    b.reason = reason;
    b.reasonCode = reasonCode;
    b.amount = amount;
    b.openedOn = openedOn;
    b.respondBy = respondBy;
    b.extensions = extensions;
    return b;
  }

  /** Builds a {@link Dispute}; {@link #build()} validates. */
  public static final class Builder {
    private ExternalRef ref;
    private String version;
    private ExternalRef payment;
    private @Nullable ExternalRef party;
    private @Nullable ExternalRef invoice;
    private Status status;
    private Reason reason = Reason.GENERAL;
    private @Nullable String reasonCode;
    private Money amount;
    private LocalDate openedOn;
    private @Nullable Instant respondBy;
    private Extensions extensions = Extensions.empty();

    private Builder() {}

    /**
     * Sets where the dispute lives.
     *
     * @param ref where the dispute lives
     * @return this builder
     */
    public Builder ref(ExternalRef ref) {
      this.ref = ref;
      return this;
    }

    /**
     * Sets the version.
     *
     * @param version the version of this state of the dispute
     * @return this builder
     */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /**
     * Sets the disputed payment.
     *
     * @param payment the disputed payment
     * @return this builder
     */
    public Builder payment(ExternalRef payment) {
      this.payment = payment;
      return this;
    }

    /**
     * Sets the customer.
     *
     * @param party the customer, or null if the source does not say
     * @return this builder
     */
    public Builder party(@Nullable ExternalRef party) {
      this.party = party;
      return this;
    }

    /**
     * Sets the related invoice.
     *
     * @param invoice the invoice the disputed payment settled, or null
     * @return this builder
     */
    public Builder invoice(@Nullable ExternalRef invoice) {
      this.invoice = invoice;
      return this;
    }

    /**
     * Sets the status.
     *
     * @param status the dispute's state
     * @return this builder
     */
    public Builder status(Status status) {
      this.status = status;
      return this;
    }

    /**
     * Sets the canonical reason.
     *
     * @param reason the reason, mapped to the canonical set
     * @return this builder
     */
    public Builder reason(Reason reason) {
      this.reason = reason;
      return this;
    }

    /**
     * Sets the source's own reason code.
     *
     * @param reasonCode the reason as the source words it (kept because the canonical set is
     *     coarser), or null
     * @return this builder
     */
    public Builder reasonCode(@Nullable String reasonCode) {
      this.reasonCode = reasonCode;
      return this;
    }

    /**
     * Sets the disputed amount.
     *
     * @param amount the disputed amount, positive
     * @return this builder
     */
    public Builder amount(Money amount) {
      this.amount = amount;
      return this;
    }

    /**
     * Sets the day the dispute was opened.
     *
     * @param openedOn the day the dispute was opened
     * @return this builder
     */
    public Builder openedOn(LocalDate openedOn) {
      this.openedOn = openedOn;
      return this;
    }

    /**
     * Sets the evidence deadline.
     *
     * @param respondBy the deadline for evidence, or null
     * @return this builder
     */
    public Builder respondBy(@Nullable Instant respondBy) {
      this.respondBy = respondBy;
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

    /** {@return the validated dispute} */
    public Dispute build() {
      return new Dispute(
          ref,
          version,
          payment,
          party,
          invoice,
          status,
          reason,
          reasonCode,
          amount,
          openedOn,
          respondBy,
          extensions);
    }
  }
}
