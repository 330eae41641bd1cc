package io.mlconnector.chargebee;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A customer to create or update in Chargebee, as the customer sink takes it.
 *
 * @param customerId the Chargebee customer id (by default the ERP customer code, so the ERP code is
 *     visible in Chargebee and find-by-stamp is a retrieve by id)
 * @param company the company name
 * @param email the billing e-mail, or null
 * @param phone the phone, or null
 * @param address the billing address, or null
 * @param vatNumber the tax number ({@code vat_number}), or null
 * @param currency the preferred currency code (upper case), or null
 * @param netTermDays the payment terms in days ({@code net_term_days}), or null
 */
public record ChargebeeCustomerRequest(
    String customerId,
    String company,
    @Nullable String email,
    @Nullable String phone,
    @Nullable Address address,
    @Nullable String vatNumber,
    @Nullable String currency,
    @Nullable Integer netTermDays) {

  /**
   * Checks the id and the name.
   *
   * @param customerId the Chargebee customer id
   * @param company the company name
   * @param email the billing e-mail, or null
   * @param phone the phone, or null
   * @param address the billing address, or null
   * @param vatNumber the tax number, or null
   * @param currency the preferred currency code (upper case), or null
   * @param netTermDays the payment terms in days, not negative, or null
   * @throws IllegalArgumentException if {@code netTermDays} is negative
   */
  public ChargebeeCustomerRequest {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(company, "company");
    if (netTermDays != null && netTermDays < 0) {
      throw new IllegalArgumentException("netTermDays must not be negative, was " + netTermDays);
    }
  }

  /**
   * A billing address in Chargebee's fields.
   *
   * @param line1 first street line, or null
   * @param line2 second street line, or null
   * @param line3 the remaining street lines joined, or null
   * @param city the city, or null
   * @param state the state or province name, or null
   * @param zip the postal code, or null
   * @param country the ISO country code, or null
   */
  public record Address(@Nullable String line1, @Nullable String line2, @Nullable String line3,
      @Nullable String city, @Nullable String state, @Nullable String zip, @Nullable String country) {}
}
