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

  /** Checks the arguments. */
  public Supplier {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    currency = currency == null ? "" : currency;
    termsCode = termsCode == null ? "" : termsCode;
    email = email == null ? "" : email;
  }

  /** A supplier in the local currency with 30-day terms. */
  public static Supplier of(String code, String name) {
    return new Supplier(code, name, "", "30", "", false);
  }

  /** This supplier with another currency. */
  public Supplier withCurrency(String currency) {
    return new Supplier(code, name, currency, termsCode, email, onHold);
  }

  /** This supplier with other terms. */
  public Supplier withTermsCode(String termsCode) {
    return new Supplier(code, name, currency, termsCode, email, onHold);
  }

  /** This supplier with another e-mail address. */
  public Supplier withEmail(String email) {
    return new Supplier(code, name, currency, termsCode, email, onHold);
  }

  /** This supplier on or off hold. */
  public Supplier withOnHold(boolean onHold) {
    return new Supplier(code, name, currency, termsCode, email, onHold);
  }
}
