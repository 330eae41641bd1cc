package io.mlconnector.core.model;

import java.util.Currency;

/**
 * A customer: the party an accounts-receivable invoice is billed to (a SYSPRO customer, an SAP
 * Business One business partner of type customer, an Acumatica customer, a Stripe or Chargebee
 * customer).
 *
 * @param ref where the customer lives
 * @param version the version of this state of the customer
 * @param name the display or legal name
 * @param email the billing e-mail address, or null
 * @param phone the telephone number as the source holds it, or null
 * @param billingAddress the billing address, or null
 * @param shippingAddress the shipping address, or null
 * @param currency the customer's currency (the one its invoices are in), or null if the system does
 *     not fix one
 * @param taxId the tax or VAT registration number, or null
 * @param paymentTerms the payment terms code as the source holds it, or null
 * @param active whether the customer may be invoiced (false for on-hold or inactive customers)
 * @param extensions system-specific extras
 */
public record Customer(
    ExternalRef ref,
    String version,
    String name,
    String email,
    String phone,
    Address billingAddress,
    Address shippingAddress,
    Currency currency,
    String taxId,
    String paymentTerms,
    boolean active,
    Extensions extensions)
    implements CanonicalRecord {

  /** Validates the fields; {@code extensions} may be null for none. */
  public Customer {
    Checks.notNull(ref, "Customer.ref");
    Checks.text(version, "Customer.version");
    Checks.text(name, "Customer.name");
    Checks.optionalText(email, "Customer.email");
    if (email != null
        && (!email.contains("@") || email.chars().anyMatch(Character::isWhitespace))) {
      throw new IllegalArgumentException(
          "Customer.email must be an e-mail address but was '" + email + "'");
    }
    Checks.optionalText(phone, "Customer.phone");
    Checks.optionalText(taxId, "Customer.taxId");
    Checks.optionalText(paymentTerms, "Customer.paymentTerms");
    extensions = Checks.extensions(extensions);
  }

  /** A builder; {@code active} defaults to true. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts with this customer's fields. */
  public Builder toBuilder() {
    return new Builder()
        .ref(ref)
        .version(version)
        .name(name)
        .email(email)
        .phone(phone)
        .billingAddress(billingAddress)
        .shippingAddress(shippingAddress)
        .currency(currency)
        .taxId(taxId)
        .paymentTerms(paymentTerms)
        .active(active)
        .extensions(extensions);
  }

  /** Builds a {@link Customer}; {@link #build()} validates. */
  public static final class Builder {
    private ExternalRef ref;
    private String version;
    private String name;
    private String email;
    private String phone;
    private Address billingAddress;
    private Address shippingAddress;
    private Currency currency;
    private String taxId;
    private String paymentTerms;
    private boolean active = true;
    private Extensions extensions = Extensions.empty();

    private Builder() {}

    /** Sets where the customer lives. */
    public Builder ref(ExternalRef ref) {
      this.ref = ref;
      return this;
    }

    /** Sets the version. */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /** Sets the name. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Sets the billing e-mail address. */
    public Builder email(String email) {
      this.email = email;
      return this;
    }

    /** Sets the telephone number. */
    public Builder phone(String phone) {
      this.phone = phone;
      return this;
    }

    /** Sets the billing address. */
    public Builder billingAddress(Address billingAddress) {
      this.billingAddress = billingAddress;
      return this;
    }

    /** Sets the shipping address. */
    public Builder shippingAddress(Address shippingAddress) {
      this.shippingAddress = shippingAddress;
      return this;
    }

    /** Sets the customer's currency. */
    public Builder currency(Currency currency) {
      this.currency = currency;
      return this;
    }

    /** Sets the customer's currency by ISO 4217 code. */
    public Builder currency(String currencyCode) {
      this.currency = Money.currency(currencyCode);
      return this;
    }

    /** Sets the tax registration number. */
    public Builder taxId(String taxId) {
      this.taxId = taxId;
      return this;
    }

    /** Sets the payment terms code. */
    public Builder paymentTerms(String paymentTerms) {
      this.paymentTerms = paymentTerms;
      return this;
    }

    /** Sets whether the customer is active. */
    public Builder active(boolean active) {
      this.active = active;
      return this;
    }

    /** Replaces the extensions. */
    public Builder extensions(Extensions extensions) {
      this.extensions = extensions;
      return this;
    }

    /** Adds one extension. */
    public <T> Builder extension(Extensions.Key<T> key, T value) {
      this.extensions = Checks.extensions(extensions).with(key, value);
      return this;
    }

    /** The validated customer. */
    public Customer build() {
      return new Customer(
          ref,
          version,
          name,
          email,
          phone,
          billingAddress,
          shippingAddress,
          currency,
          taxId,
          paymentTerms,
          active,
          extensions);
    }
  }
}
