package io.mlconnector.stripe;

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
    String line1, String line2, String city, String state, String postalCode, String country) {

  /** Checks the country code. */
  public StripeAddress {
    if (country != null && !country.isBlank() && country.trim().length() != 2) {
      throw new IllegalArgumentException("country must be a two-letter ISO 3166-1 code, was '" + country + "'");
    }
  }
}
