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

  /** Checks the arguments. */
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

  /** A customer without a tax registration number. */
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

  /** A customer in the local currency with 30-day terms. */
  public static Customer of(String code, String name) {
    return new Customer(code, name, "", "", "30", "", BigDecimal.ZERO, false);
  }

  /** This customer with another currency. */
  public Customer withCurrency(String currency) {
    return new Customer(code, name, currency, branch, termsCode, email, creditLimit, onHold, taxId);
  }

  /** This customer with another branch. */
  public Customer withBranch(String branch) {
    return new Customer(code, name, currency, branch, termsCode, email, creditLimit, onHold, taxId);
  }

  /** This customer with other terms. */
  public Customer withTermsCode(String termsCode) {
    return new Customer(code, name, currency, branch, termsCode, email, creditLimit, onHold, taxId);
  }

  /** This customer with another e-mail address. */
  public Customer withEmail(String email) {
    return new Customer(code, name, currency, branch, termsCode, email, creditLimit, onHold, taxId);
  }

  /** This customer with another credit limit. */
  public Customer withCreditLimit(BigDecimal creditLimit) {
    return new Customer(code, name, currency, branch, termsCode, email, creditLimit, onHold, taxId);
  }

  /** This customer on or off hold. */
  public Customer withOnHold(boolean onHold) {
    return new Customer(code, name, currency, branch, termsCode, email, creditLimit, onHold, taxId);
  }

  /** This customer with another tax registration number. */
  public Customer withTaxId(String taxId) {
    return new Customer(code, name, currency, branch, termsCode, email, creditLimit, onHold, taxId);
  }
}
