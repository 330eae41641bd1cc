package io.mlconnector.core.model;

import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * A vendor (supplier): the party an accounts-payable invoice comes from (a SYSPRO supplier, a
 * Stampli vendor). Kept aligned in both directions between an ERP and an AP system.
 *
 * @param ref where the vendor lives
 * @param version the version of this state of the vendor
 * @param name the display or legal name
 * @param email the e-mail address, or null
 * @param phone the telephone number as the source holds it, or null
 * @param address the vendor's address, or null
 * @param remitToAddress where payments go, if not {@code address}; or null
 * @param currency the vendor's currency, or null if the system does not fix one
 * @param taxId the tax or VAT registration number, or null
 * @param paymentTerms the payment terms code as the source holds it, or null
 * @param defaultGlAccount the GL account the vendor's invoices are expensed to by default, or null
 * @param active whether the vendor may be used (false for inactive or on-hold vendors)
 * @param extensions system-specific extras
 */
public record Vendor(
    ExternalRef ref,
    String version,
    String name,
    @Nullable String email,
    @Nullable String phone,
    @Nullable Address address,
    @Nullable Address remitToAddress,
    @Nullable Currency currency,
    @Nullable String taxId,
    @Nullable String paymentTerms,
    @Nullable ExternalRef defaultGlAccount,
    boolean active,
    Extensions extensions)
    implements CanonicalRecord {

  /**
   * Validates the fields; {@code extensions} may be null for none.
   *
   * @param ref where the vendor lives
   * @param version the version of this state of the vendor
   * @param name the display or legal name
   * @param email the e-mail address, or null
   * @param phone the telephone number as the source holds it, or null
   * @param address the vendor's address, or null
   * @param remitToAddress where payments go, if not {@code address}; or null
   * @param currency the vendor's currency, or null if the system does not fix one
   * @param taxId the tax or VAT registration number, or null
   * @param paymentTerms the payment terms code as the source holds it, or null
   * @param defaultGlAccount the GL account the vendor's invoices are expensed to by default, or
   *     null
   * @param active whether the vendor may be used (false for inactive or on-hold vendors)
   * @param extensions system-specific extras
   */
  public Vendor {
    Checks.notNull(ref, "Vendor.ref");
    Checks.text(version, "Vendor.version");
    Checks.text(name, "Vendor.name");
    Checks.optionalText(email, "Vendor.email");
    if (email != null
        && (!email.contains("@") || email.chars().anyMatch(Character::isWhitespace))) {
      throw new IllegalArgumentException(
          "Vendor.email must be an e-mail address but was '" + email + "'");
    }
    Checks.optionalText(phone, "Vendor.phone");
    Checks.optionalText(taxId, "Vendor.taxId");
    Checks.optionalText(paymentTerms, "Vendor.paymentTerms");
    extensions = Checks.extensions(extensions);
  }

  /** {@return a builder; {@code active} defaults to true} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder that starts with this vendor's fields} */
  public Builder toBuilder() {
    return new Builder()
        .ref(ref)
        .version(version)
        .name(name)
        .email(email)
        .phone(phone)
        .address(address)
        .remitToAddress(remitToAddress)
        .currency(currency)
        .taxId(taxId)
        .paymentTerms(paymentTerms)
        .defaultGlAccount(defaultGlAccount)
        .active(active)
        .extensions(extensions);
  }

  /** Builds a {@link Vendor}; {@link #build()} validates. */
  public static final class Builder {
    private ExternalRef ref;
    private String version;
    private String name;
    private @Nullable String email;
    private @Nullable String phone;
    private @Nullable Address address;
    private @Nullable Address remitToAddress;
    private @Nullable Currency currency;
    private @Nullable String taxId;
    private @Nullable String paymentTerms;
    private @Nullable ExternalRef defaultGlAccount;
    private boolean active = true;
    private Extensions extensions = Extensions.empty();

    private Builder() {}

    /**
     * Sets where the vendor lives.
     *
     * @param ref where the vendor lives
     * @return this builder
     */
    public Builder ref(ExternalRef ref) {
      this.ref = ref;
      return this;
    }

    /**
     * Sets the version.
     *
     * @param version the version of this state of the vendor
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
     * Sets the e-mail address.
     *
     * @param email the e-mail address, or null
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
     * Sets the address.
     *
     * @param address the vendor's address, or null
     * @return this builder
     */
    public Builder address(@Nullable Address address) {
      this.address = address;
      return this;
    }

    /**
     * Sets the remit-to address.
     *
     * @param remitToAddress where payments go, if not {@code address}; or null
     * @return this builder
     */
    public Builder remitToAddress(@Nullable Address remitToAddress) {
      this.remitToAddress = remitToAddress;
      return this;
    }

    /**
     * Sets the vendor's currency.
     *
     * @param currency the vendor's currency, or null if the system does not fix one
     * @return this builder
     */
    public Builder currency(@Nullable Currency currency) {
      this.currency = currency;
      return this;
    }

    /**
     * Sets the vendor's currency by ISO 4217 code.
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
     * Sets the default GL account.
     *
     * @param defaultGlAccount the GL account the vendor's invoices are expensed to by default, or
     *     null
     * @return this builder
     */
    public Builder defaultGlAccount(@Nullable ExternalRef defaultGlAccount) {
      this.defaultGlAccount = defaultGlAccount;
      return this;
    }

    /**
     * Sets whether the vendor is active.
     *
     * @param active whether the vendor may be used (false for inactive or on-hold vendors)
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

    /** {@return the validated vendor} */
    public Vendor build() {
      return new Vendor(
          ref,
          version,
          name,
          email,
          phone,
          address,
          remitToAddress,
          currency,
          taxId,
          paymentTerms,
          defaultGlAccount,
          active,
          extensions);
    }
  }
}
