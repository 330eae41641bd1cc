package io.mlconnector.testkit.syspro;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A GL account (a row of {@code GenMaster}), for seeding and read-back.
 *
 * @param code the ledger code ({@code GlCode}, up to 35 characters)
 * @param description the description
 * @param accountType {@code A} asset, {@code L} liability, {@code C} capital, {@code R} revenue,
 *     {@code E} expense, {@code S} statistical
 * @param balance the current balance (debit positive)
 */
public record GlAccount(String code, String description, String accountType, BigDecimal balance) {

  /**
   * Checks the arguments.
   *
   * @param code the ledger code
   * @param description the description
   * @param accountType the account type letter ({@code A}, {@code L}, {@code C}, {@code R}, {@code
   *     E} or {@code S})
   * @param balance the current balance (debit positive); null for zero
   */
  public GlAccount {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(accountType, "accountType");
    balance = balance == null ? BigDecimal.ZERO : balance;
  }

  /**
   * An account with a zero balance.
   *
   * @param code the ledger code
   * @param description the description
   * @param accountType the account type letter ({@code A}, {@code L}, {@code C}, {@code R}, {@code
   *     E} or {@code S})
   * @return the account
   */
  public static GlAccount of(String code, String description, String accountType) {
    return new GlAccount(code, description, accountType, BigDecimal.ZERO);
  }
}
