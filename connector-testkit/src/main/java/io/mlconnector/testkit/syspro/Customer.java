package io.mlconnector.testkit.syspro;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A customer of the simulated company (a row of {@code ArCustomer}), for seeding and read-back.
 *
 * @param code the customer code ({@code Customer}), as stored
 * @param name the name
 * @param currency the currency code; blank on seeding means the company's local currency
 * @param branch the AR branch
 * @param termsCode the terms code (a number of days for the simulator's due-date rule)
 * @param email the e-mail address
 * @param creditLimit the credit limit (whole units)
 * @param onHold whether the customer is on hold
 * @param taxId the tax registration number (the simulator's {@code ArCustomer.TaxRegnNum}
 *     column; the real column name for customers is unconfirmed); blank when none
 */
public record Customer(
    String code,
    String name,
    String currency,
    String branch,
    String termsCode,
    String email,
    BigDecimal creditLimit,
    boolean onHold,
    String taxId) {

  /**
   * Checks the arguments; a null text takes blank, a null credit limit zero.
   *
   * @param code the customer code
   * @param name the name
   * @param currency the currency code; null or blank for the local currency
   * @param branch the AR branch; null for blank
   * @param termsCode the terms code; null for blank
   * @param email the e-mail address; null for blank
   * @param creditLimit the credit limit (whole units); null for zero
   * @param onHold whether the customer is on hold
   * @param taxId the tax registration number; null for blank
   */
  public Customer {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    currency = currency == null ? "" : currency;
    branch = branch == null ? "" : branch;
    termsCode = termsCode == null ? "" : termsCode;
    email = email == null ? "" : email;
    creditLimit = creditLimit == null ? BigDecimal.ZERO : creditLimit;
    taxId = taxId == null ? "" : taxId;
  }

  /**
   * A customer without a tax registration number.
   *
   * @param code the customer code
   * @param name the name
   * @param currency the currency code; null or blank for the local currency
   * @param branch the AR branch; null for blank
   * @param termsCode the terms code; null for blank
   * @param email the e-mail address; null for blank
   * @param creditLimit the credit limit (whole units); null for zero
   * @param onHold whether the customer is on hold
   */
  public Customer(
      String code,
      String name,
      String currency,
      String branch,
      String termsCode,
      String email,
      BigDecimal creditLimit,
      boolean onHold) {
    this(code, name, currency, branch, termsCode, email, creditLimit, onHold, "");
  }

  /**
   * A customer in the local currency with 30-day terms, no credit limit, not on hold.
   *
   * @param code the customer code
   * @param name the name
   * @return the customer
   */
  public static Customer of(String code, String name) {
    return new Customer(code, name, "", "", "30", "", BigDecimal.ZERO, false);
  }

  /**
   * This customer with another currency.
   *
   * @param currency the currency code; blank for the local currency
   * @return a copy; this customer is unchanged
   */
  public Customer withCurrency(String currency) {
    return new Customer(code, name, currency, branch, termsCode, email, creditLimit, onHold, taxId);
  }

  /**
   * This customer with another branch.
   *
   * @param branch the AR branch
   * @return a copy; this customer is unchanged
   */
  public Customer withBranch(String branch) {
    return new Customer(code, name, currency, branch, termsCode, email, creditLimit, onHold, taxId);
  }

  /**
   * This customer with other terms.
   *
   * @param termsCode the terms code (a number of days for the simulator's due-date rule)
   * @return a copy; this customer is unchanged
   */
  public Customer withTermsCode(String termsCode) {
    return new Customer(code, name, currency, branch, termsCode, email, creditLimit, onHold, taxId);
  }

  /**
   * This customer with another e-mail address.
   *
   * @param email the address; blank for none
   * @return a copy; this customer is unchanged
   */
  public Customer withEmail(String email) {
    return new Customer(code, name, currency, branch, termsCode, email, creditLimit, onHold, taxId);
  }

  /**
   * This customer with another credit limit.
   *
   * @param creditLimit the limit in whole units
   * @return a copy; this customer is unchanged
   */
  public Customer withCreditLimit(BigDecimal creditLimit) {
    return new Customer(code, name, currency, branch, termsCode, email, creditLimit, onHold, taxId);
  }

  /**
   * This customer on or off hold.
   *
   * @param onHold true for on hold
   * @return a copy; this customer is unchanged
   */
  public Customer withOnHold(boolean onHold) {
    return new Customer(code, name, currency, branch, termsCode, email, creditLimit, onHold, taxId);
  }

  /**
   * This customer with another tax registration number.
   *
   * @param taxId the number; blank for none
   * @return a copy; this customer is unchanged
   */
  public Customer withTaxId(String taxId) {
    return new Customer(code, name, currency, branch, termsCode, email, creditLimit, onHold, taxId);
  }
}
