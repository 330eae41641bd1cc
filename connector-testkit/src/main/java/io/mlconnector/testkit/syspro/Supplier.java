package io.mlconnector.testkit.syspro;

import java.util.Objects;

/**
 * A supplier of the simulated company (a row of {@code ApSupplier}), for seeding and read-back.
 *
 * @param code the supplier code
 * @param name the supplier name
 * @param currency the currency code; blank on seeding means the local currency
 * @param termsCode the terms code (a number of days for the simulator's due-date rule)
 * @param email the e-mail address
 * @param onHold whether the supplier is on hold (posting to it is a warning)
 */
public record Supplier(
    String code, String name, String currency, String termsCode, String email, boolean onHold) {

  /**
   * Checks the arguments; a null text takes blank.
   *
   * @param code the supplier code
   * @param name the supplier name
   * @param currency the currency code; null or blank for the local currency
   * @param termsCode the terms code; null for blank
   * @param email the e-mail address; null for blank
   * @param onHold whether the supplier is on hold
   */
  public Supplier {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    currency = currency == null ? "" : currency;
    termsCode = termsCode == null ? "" : termsCode;
    email = email == null ? "" : email;
  }

  /**
   * A supplier in the local currency with 30-day terms, not on hold.
   *
   * @param code the supplier code
   * @param name the supplier name
   * @return the supplier
   */
  public static Supplier of(String code, String name) {
    return new Supplier(code, name, "", "30", "", false);
  }

  /**
   * This supplier with another currency.
   *
   * @param currency the currency code; blank for the local currency
   * @return a copy; this supplier is unchanged
   */
  public Supplier withCurrency(String currency) {
    return new Supplier(code, name, currency, termsCode, email, onHold);
  }

  /**
   * This supplier with other terms.
   *
   * @param termsCode the terms code (a number of days for the simulator's due-date rule)
   * @return a copy; this supplier is unchanged
   */
  public Supplier withTermsCode(String termsCode) {
    return new Supplier(code, name, currency, termsCode, email, onHold);
  }

  /**
   * This supplier with another e-mail address.
   *
   * @param email the address; blank for none
   * @return a copy; this supplier is unchanged
   */
  public Supplier withEmail(String email) {
    return new Supplier(code, name, currency, termsCode, email, onHold);
  }

  /**
   * This supplier on or off hold.
   *
   * @param onHold true for on hold (posting to it is a warning)
   * @return a copy; this supplier is unchanged
   */
  public Supplier withOnHold(boolean onHold) {
    return new Supplier(code, name, currency, termsCode, email, onHold);
  }
}
