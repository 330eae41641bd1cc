package io.mlconnector.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Money received from a customer (a Stripe charge or payment intent, an ERP AR receipt) or paid to
 * a vendor (an AP payment reported by Stampli), with the invoices it settles.
 *
 * <p>The applications may settle less than the whole amount (the rest is {@link #unapplied()}) but
 * never more. All amounts are in the payment's currency; a payment applied to an invoice in another
 * currency is converted by the mapper, which knows the rate.
 *
 * @param ref where the payment lives
 * @param version the version of this state of the payment
 * @param direction received or sent
 * @param party the customer (received) or vendor (sent), or null if the source does not say
 * @param status the payment's state
 * @param method how it was paid
 * @param amount the gross amount, positive (fees are separate {@link Fee} records)
 * @param date the payment date
 * @param reference the payment's reference in its own system (the Stripe charge id, a cheque
 *     number, a bank trace), or null
 * @param applications the invoices it settles; may be empty (unapplied cash)
 * @param memo a free-text note, or null
 * @param extensions system-specific extras
 */
public record Payment(
    ExternalRef ref,
    String version,
    Direction direction,
    @Nullable ExternalRef party,
    Status status,
    Method method,
    Money amount,
    LocalDate date,
    @Nullable String reference,
    List<PaymentApplication> applications,
    @Nullable String memo,
    Extensions extensions)
    implements CanonicalRecord {

  /** Whether the money came in or went out. */
  public enum Direction {
    /** Received from a customer. */
    RECEIVED,
    /** Paid to a vendor. */
    SENT
  }

  /** The payment's state. */
  public enum Status {
    /** Initiated but not yet settled (for example a bank debit in flight). */
    PENDING,
    /** Settled. */
    SUCCEEDED,
    /** Failed; no money moved. */
    FAILED,
    /** Cancelled or voided after the fact. */
    CANCELLED
  }

  /** How the payment was made. */
  public enum Method {
    /** Credit or debit card. */
    CARD,
    /** Bank debit (ACH debit, SEPA direct debit, BACS ...). */
    BANK_DEBIT,
    /** Bank transfer or credit (ACH credit, EFT, wire). */
    BANK_TRANSFER,
    /** Cheque. */
    CHECK,
    /** Cash. */
    CASH,
    /** A digital wallet or other payment-provider method. */
    WALLET,
    /** A single-use virtual card. */
    VIRTUAL_CARD,
    /** Anything else; the detail belongs in the extensions. */
    OTHER
  }

  /**
   * Validates the fields and the applications, and copies the list.
   *
   * @param ref where the payment lives
   * @param version the version of this state of the payment
   * @param direction received or sent
   * @param party the customer (received) or vendor (sent), or null if the source does not say
   * @param status the payment's state
   * @param method how it was paid
   * @param amount the gross amount, positive (fees are separate {@link Fee} records)
   * @param date the payment date
   * @param reference the payment's reference in its own system (the Stripe charge id, a cheque
   *     number, a bank trace), or null
   * @param applications the invoices it settles; may be empty (unapplied cash)
   * @param memo a free-text note, or null
   * @param extensions system-specific extras
   */
  public Payment {
    String what = Checks.identity(ref, version, "Payment");
    Checks.notNull(direction, what + " direction");
    Checks.notNull(status, what + " status");
    Checks.notNull(method, what + " method");
    Checks.positive(amount, what + " amount");
    Checks.notNull(date, what + " date");
    Checks.optionalText(reference, what + " reference");
    Checks.optionalText(memo, what + " memo");
    applications = Checks.list(applications, what + " applications");
    Money applied = Money.zero(amount.currency());
    for (int i = 0; i < applications.size(); i++) {
      PaymentApplication a = applications.get(i);
      Checks.inCurrency(a.amount(), amount.currency(), what + " applications[" + i + "] amount");
      applied = applied.plus(a.amount());
    }
    if (applied.isGreaterThan(amount)) {
      throw new IllegalArgumentException(
          what + " applies " + applied + " to invoices, more than its amount " + amount);
    }
    extensions = Checks.extensions(extensions);
  }

  /** {@return the sum applied to invoices} */
  public Money applied() {
    Money applied = Money.zero(amount.currency());
    for (PaymentApplication a : applications) {
      applied = applied.plus(a.amount());
    }
    return applied;
  }

  /** {@return what is left after the applications: {@code amount - applied()}} */
  public Money unapplied() {
    return amount.minus(applied());
  }

  /** {@return a builder; direction defaults to {@code RECEIVED}, status to {@code SUCCEEDED}} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts with this payment's fields} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.ref = ref;
    b.version = version;
    b.direction = direction;
    b.party = party;
    b.status = status;
    b.method = method;
    b.amount = amount;
    b.date = date;
    b.reference = reference;
    b.applications.addAll(applications);
    b.memo = memo;
    b.extensions = extensions;
    return b;
  }

  /** Builds a {@link Payment}; {@link #build()} validates. */
  public static final class Builder {
    private ExternalRef ref;
    private String version;
    private Direction direction = Direction.RECEIVED;
    private @Nullable ExternalRef party;
    private Status status = Status.SUCCEEDED;
    private Method method;
    private Money amount;
    private LocalDate date;
    private @Nullable String reference;
    private final List<PaymentApplication> applications = new ArrayList<>();
    private @Nullable String memo;
    private Extensions extensions = Extensions.empty();

    private Builder() {}

    /**
     * Sets where the payment lives.
     *
     * @param ref where the payment lives
     * @return this builder
     */
    public Builder ref(ExternalRef ref) {
      this.ref = ref;
      return this;
    }

    /**
     * Sets the version.
     *
     * @param version the version of this state of the payment
     * @return this builder
     */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /**
     * Sets the direction.
     *
     * @param direction received or sent
     * @return this builder
     */
    public Builder direction(Direction direction) {
      this.direction = direction;
      return this;
    }

    /**
     * Sets the customer or vendor.
     *
     * @param party the customer (received) or vendor (sent), or null if the source does not say
     * @return this builder
     */
    public Builder party(@Nullable ExternalRef party) {
      this.party = party;
      return this;
    }

    /**
     * Sets the status.
     *
     * @param status the payment's state
     * @return this builder
     */
    public Builder status(Status status) {
      this.status = status;
      return this;
    }

    /**
     * Sets the payment method.
     *
     * @param method how it was paid
     * @return this builder
     */
    public Builder method(Method method) {
      this.method = method;
      return this;
    }

    /**
     * Sets the gross amount.
     *
     * @param amount the gross amount, positive (fees are separate {@link Fee} records)
     * @return this builder
     */
    public Builder amount(Money amount) {
      this.amount = amount;
      return this;
    }

    /**
     * Sets the payment date.
     *
     * @param date the payment date
     * @return this builder
     */
    public Builder date(LocalDate date) {
      this.date = date;
      return this;
    }

    /**
     * Sets the reference in the payment's own system.
     *
     * @param reference the payment's reference in its own system (the Stripe charge id, a cheque
     *     number, a bank trace), or null
     * @return this builder
     */
    public Builder reference(@Nullable String reference) {
      this.reference = reference;
      return this;
    }

    /**
     * Replaces the applications with {@code applications} (empty: unapplied cash).
     *
     * @param applications the invoices it settles; may be empty (unapplied cash)
     * @return this builder
     */
    public Builder applications(List<PaymentApplication> applications) {
      Checks.notNull(applications, "applications");
      this.applications.clear();
      for (PaymentApplication a : applications) {
        addApplication(a);
      }
      return this;
    }

    /**
     * Appends an application.
     *
     * @param application the application; not null
     * @return this builder
     */
    public Builder addApplication(PaymentApplication application) {
      applications.add(Checks.notNull(application, "application"));
      return this;
    }

    /**
     * Appends {@code amount} applied to {@code invoice}.
     *
     * @param invoice the ref of the invoice paid
     * @param amount the part of the payment applied to it
     * @return this builder
     */
    public Builder apply(ExternalRef invoice, Money amount) {
      return addApplication(PaymentApplication.of(invoice, amount));
    }

    /**
     * Sets the memo.
     *
     * @param memo a free-text note, or null
     * @return this builder
     */
    public Builder memo(@Nullable String memo) {
      this.memo = memo;
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

    /** {@return the validated payment} */
    public Payment build() {
      return new Payment(
          ref,
          version,
          direction,
          party,
          status,
          method,
          amount,
          date,
          reference,
          applications,
          memo,
          extensions);
    }
  }
}
