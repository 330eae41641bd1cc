package io.mlconnector.core.model;

import java.util.Currency;
import org.jspecify.annotations.Nullable;

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
    @Nullable String email,
    @Nullable String phone,
    @Nullable Address billingAddress,
    @Nullable Address shippingAddress,
    @Nullable Currency currency,
    @Nullable String taxId,
    @Nullable String paymentTerms,
    boolean active,
    Extensions extensions)
    implements CanonicalRecord {

  /**
   * Validates the fields; {@code extensions} may be null for none.
   *
   * @param ref where the customer lives
   * @param version the version of this state of the customer
   * @param name the display or legal name
   * @param email the billing e-mail address, or null
   * @param phone the telephone number as the source holds it, or null
   * @param billingAddress the billing address, or null
   * @param shippingAddress the shipping address, or null
   * @param currency the customer's currency (the one its invoices are in), or null if the system
   *     does not fix one
   * @param taxId the tax or VAT registration number, or null
   * @param paymentTerms the payment terms code as the source holds it, or null
   * @param active whether the customer may be invoiced (false for on-hold or inactive customers)
   * @param extensions system-specific extras
   */
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

  /** {@return a builder; {@code active} defaults to true} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts with this customer's fields} */
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
    private @Nullable String email;
    private @Nullable String phone;
    private @Nullable Address billingAddress;
    private @Nullable Address shippingAddress;
    private @Nullable Currency currency;
    private @Nullable String taxId;
    private @Nullable String paymentTerms;
    private boolean active = true;
    private Extensions extensions = Extensions.empty();

    private Builder() {}

    /**
     * Sets where the customer lives.
     *
     * @param ref where the customer lives
     * @return this builder
     */
    public Builder ref(ExternalRef ref) {
      this.ref = ref;
      return this;
    }

    /**
     * Sets the version.
     *
     * @param version the version of this state of the customer
     * @return this builder
     */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /**
     * Sets the name.
     *
     * @param name the display or legal name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets the billing e-mail address.
     *
     * @param email the billing e-mail address, or null
     * @return this builder
     */
    public Builder email(@Nullable String email) {
      this.email = email;
      return this;
    }

    /**
     * Sets the telephone number.
     *
     * @param phone the telephone number as the source holds it, or null
     * @return this builder
     */
    public Builder phone(@Nullable String phone) {
      this.phone = phone;
      return this;
    }

    /**
     * Sets the billing address.
     *
     * @param billingAddress the billing address, or null
     * @return this builder
     */
    public Builder billingAddress(@Nullable Address billingAddress) {
      this.billingAddress = billingAddress;
      return this;
    }

    /**
     * Sets the shipping address.
     *
     * @param shippingAddress the shipping address, or null
     * @return this builder
     */
    public Builder shippingAddress(@Nullable Address shippingAddress) {
      this.shippingAddress = shippingAddress;
      return this;
    }

    /**
     * Sets the customer's currency.
     *
     * @param currency the customer's currency (the one its invoices are in), or null if the system
     *     does not fix one
     * @return this builder
     */
    public Builder currency(@Nullable Currency currency) {
      this.currency = currency;
      return this;
    }

    /**
     * Sets the customer's currency by ISO 4217 code.
     *
     * @param currencyCode the ISO 4217 currency code, for example {@code USD}
     * @return this builder
     */
    public Builder currency(String currencyCode) {
      this.currency = Money.currency(currencyCode);
      return this;
    }

    /**
     * Sets the tax registration number.
     *
     * @param taxId the tax or VAT registration number, or null
     * @return this builder
     */
    public Builder taxId(@Nullable String taxId) {
      this.taxId = taxId;
      return this;
    }

    /**
     * Sets the payment terms code.
     *
     * @param paymentTerms the payment terms code as the source holds it, or null
     * @return this builder
     */
    public Builder paymentTerms(@Nullable String paymentTerms) {
      this.paymentTerms = paymentTerms;
      return this;
    }

    /**
     * Sets whether the customer is active.
     *
     * @param active whether the customer may be invoiced (false for on-hold or inactive customers)
     * @return this builder
     */
    public Builder active(boolean active) {
      this.active = active;
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

    /** {@return the validated customer} */
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
