package io.mlconnector.stripe;

import org.jspecify.annotations.Nullable;

/**
 * A postal address as Stripe stores it on a customer. Every field may be null.
 *
 * @param line1 street, PO box or company name
 * @param line2 apartment, suite, unit or building
 * @param city city, district, suburb, town or village
 * @param state state, county, province or region
 * @param postalCode ZIP or postal code
 * @param country two-letter ISO 3166-1 country code
 */
public record StripeAddress(
    @Nullable String line1,
    @Nullable String line2,
    @Nullable String city,
    @Nullable String state,
    @Nullable String postalCode,
    @Nullable String country) {

  /**
   * Checks the country code.
   *
   * @param line1 street, PO box or company name, or null
   * @param line2 apartment, suite, unit or building, or null
   * @param city city, district, suburb, town or village, or null
   * @param state state, county, province or region, or null
   * @param postalCode ZIP or postal code, or null
   * @param country two-letter ISO 3166-1 country code, or null or blank for none
   * @throws IllegalArgumentException if {@code country} is given but not two letters long
   */
  public StripeAddress {
    if (country != null && !country.isBlank() && country.trim().length() != 2) {
      throw new IllegalArgumentException("country must be a two-letter ISO 3166-1 code, was '" + country + "'");
    }
  }
}
