package io.mlconnector.stripe;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Stripe customer an ERP customer should become. The {@code sourceRef} is stamped in metadata
 * ({@link StripeMetadata#SOURCE_REF}) so the customer can be found again.
 *
 * @param sourceRef the ERP record's key, e.g. {@code syspro:customer:C100}; at most 500 characters
 * @param sourceVersion the ERP record's version, or null
 * @param name the customer's full or business name
 * @param email the billing e-mail address the invoices go to, or null
 * @param phone phone number, or null
 * @param address billing address, or null
 * @param preferredLocale the customer's preferred language, e.g. {@code en}, or null
 * @param metadata extra metadata to store; keys must not start with {@code mlc_}
 */
public record StripeCustomerRequest(
    String sourceRef,
    @Nullable String sourceVersion,
    String name,
    @Nullable String email,
    @Nullable String phone,
    @Nullable StripeAddress address,
    @Nullable String preferredLocale,
    Map<String, String> metadata) {

  /**
   * Checks the fields (naming the first one that is wrong) and copies the metadata.
   *
   * @param sourceRef the ERP record's key; at most 500 characters
   * @param sourceVersion the ERP record's version, or null
   * @param name the customer's full or business name; not blank
   * @param email the billing e-mail address, or null or blank for none
   * @param phone phone number, or null
   * @param address billing address, or null
   * @param preferredLocale the preferred language, e.g. {@code en}, or null
   * @param metadata extra metadata; keys must not start with {@code mlc_}
   * @throws IllegalArgumentException naming the first field that is wrong
   */
  public StripeCustomerRequest {
    Validation.requireStamp(sourceRef, "sourceRef");
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (email != null && !email.isBlank() && email.indexOf('@') < 1) {
      throw new IllegalArgumentException("email is not an e-mail address: '" + email + "'");
    }
    metadata = Validation.userMetadata(metadata);
  }

  /**
   * A request with only the reference and the name set.
   *
   * @param sourceRef the ERP record's key
   * @param sourceVersion the ERP record's version, or null
   * @param name the customer's full or business name
   * @return the request, without contact details, address or metadata
   */
  public static StripeCustomerRequest of(String sourceRef, @Nullable String sourceVersion, String name) {
    return new StripeCustomerRequest(sourceRef, sourceVersion, name, null, null, null, null, Map.of());
  }

  /**
   * This request with another e-mail address.
   *
   * @param newEmail the billing e-mail address, or null for none
   * @return a copy with the address replaced
   */
  public StripeCustomerRequest withEmail(@Nullable String newEmail) {
    return new StripeCustomerRequest(sourceRef, sourceVersion, name, newEmail, phone, address, preferredLocale, metadata);
  }

  /**
   * This request with another address.
   *
   * @param newAddress the billing address, or null for none
   * @return a copy with the address replaced
   */
  public StripeCustomerRequest withAddress(@Nullable StripeAddress newAddress) {
    return new StripeCustomerRequest(sourceRef, sourceVersion, name, email, phone, newAddress, preferredLocale, metadata);
  }
}
