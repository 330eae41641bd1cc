package io.mlconnector.core.model;

import java.util.Currency;

/** Refs and currencies the model tests share. */
final class Fixtures {

  static final Currency USD = Currency.getInstance("USD");
  static final Currency ZAR = Currency.getInstance("ZAR");

  private Fixtures() {}

  static ExternalRef syspro(String type, String id) {
    return ExternalRef.of("syspro", "acme", type, id);
  }

  static ExternalRef stripe(String type, String id) {
    return ExternalRef.of("stripe", "acme", type, id);
  }

  static Money usd(String amount) {
    return Money.of(amount, USD);
  }
}
