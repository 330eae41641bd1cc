package io.mlconnector.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A postal address as most systems hold it: street lines, city, region, postal code and country.
 *
 * <p>Every part is optional, but an address with no part at all is refused: use {@code null} for
 * "no address".
 *
 * @param lines street lines in order (SYSPRO has up to five, Stripe two); no null or blank entries
 * @param city the city, or null
 * @param region the state, province or county, or null
 * @param postalCode the postal code, or null
 * @param country the ISO 3166-1 alpha-2 country code in upper case ({@code ZA}, {@code US}), or
 *     null; mappers translate free-text country names
 */
public record Address(
    List<String> lines, @Nullable String city, @Nullable String region, @Nullable String postalCode, @Nullable String country) {

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  /**
   * Validates and copies the lines.
   *
   * @param lines street lines in order (SYSPRO has up to five, Stripe two); no null or blank
   *     entries
   * @param city the city, or null
   * @param region the state, province or county, or null
   * @param postalCode the postal code, or null
   * @param country the ISO 3166-1 alpha-2 country code in upper case ({@code ZA}, {@code US}), or
   *     null; mappers translate free-text country names
   */
  public Address {
    lines = Checks.list(lines, "Address.lines");
    for (int i = 0; i < lines.size(); i++) {
      Checks.text(lines.get(i), "Address.lines[" + i + "]");
    }
    Checks.optionalText(city, "Address.city");
    Checks.optionalText(region, "Address.region");
    Checks.optionalText(postalCode, "Address.postalCode");
    if (country != null && !COUNTRY.matcher(country).matches()) {
      throw new IllegalArgumentException(
          "Address.country must be an ISO 3166-1 alpha-2 code such as US but was '"
              + country
              + "'");
    }
    if (lines.isEmpty()
        && city == null
        && region == null
        && postalCode == null
        && country == null) {
      throw new IllegalArgumentException("Address must have at least one part (use null for none)");
    }
  }

  /** {@return a builder, for addresses assembled part by part} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Address}. */
  public static final class Builder {
    private final List<String> lines = new ArrayList<>();
    private @Nullable String city;
    private @Nullable String region;
    private @Nullable String postalCode;
    private @Nullable String country;

    private Builder() {}

    /**
     * Appends a street line.
     *
     * @param line the street line, in order after the ones before
     * @return this builder
     */
    public Builder line(String line) {
      lines.add(line);
      return this;
    }

    /**
     * Sets the city.
     *
     * @param city the city, or null
     * @return this builder
     */
    public Builder city(@Nullable String city) {
      this.city = city;
      return this;
    }

    /**
     * Sets the state, province or county.
     *
     * @param region the state, province or county, or null
     * @return this builder
     */
    public Builder region(@Nullable String region) {
      this.region = region;
      return this;
    }

    /**
     * Sets the postal code.
     *
     * @param postalCode the postal code, or null
     * @return this builder
     */
    public Builder postalCode(@Nullable String postalCode) {
      this.postalCode = postalCode;
      return this;
    }

    /**
     * Sets the ISO 3166-1 alpha-2 country code.
     *
     * @param country the ISO 3166-1 alpha-2 country code in upper case ({@code ZA}, {@code US}), or
     *     null; mappers translate free-text country names
     * @return this builder
     */
    public Builder country(@Nullable String country) {
      this.country = country;
      return this;
    }

    /** {@return the validated address} */
    public Address build() {
      return new Address(lines, city, region, postalCode, country);
    }
  }
}
