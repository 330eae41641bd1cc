package io.mlconnector.testkit.syspro;

import java.util.Objects;

/**
 * A SYSPRO operator the simulator accepts.
 *
 * @param code the operator code ({@code Operator} on logon; the Basic user name for OData)
 * @param password the e.net operator password ({@code OperatorPassword})
 * @param odataPassword the OData password set in Operator Maintenance (Basic auth)
 * @param concurrentUsers sessions the operator may hold at once (1 for a named operator)
 */
public record Operator(String code, String password, String odataPassword, int concurrentUsers) {

  /**
   * Checks the arguments.
   *
   * @param code the operator code, not blank
   * @param password the e.net operator password (may be empty)
   * @param odataPassword the OData password
   * @param concurrentUsers sessions the operator may hold at once, at least 1
   * @throws IllegalArgumentException if the code is blank or {@code concurrentUsers} is below 1
   */
  public Operator {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(odataPassword, "odataPassword");
    if (code.isBlank()) {
      throw new IllegalArgumentException("code must not be blank");
    }
    if (concurrentUsers < 1) {
      throw new IllegalArgumentException(
          "concurrentUsers must be at least 1, was " + concurrentUsers);
    }
  }

  /**
   * A named operator (one concurrent user) whose OData password equals its e.net password.
   *
   * @param code the operator code, not blank
   * @param password the e.net and OData password
   * @return the operator
   */
  public static Operator of(String code, String password) {
    return new Operator(code, password, password, 1);
  }

  /**
   * This operator with another OData password.
   *
   * @param odataPassword the password Basic auth on OData expects
   * @return a copy; this operator is unchanged
   */
  public Operator withODataPassword(String odataPassword) {
    return new Operator(code, password, odataPassword, concurrentUsers);
  }

  /**
   * This operator as a guest/shared account with that many concurrent users.
   *
   * @param concurrentUsers sessions it may hold at once, at least 1
   * @return a copy; this operator is unchanged
   */
  public Operator withConcurrentUsers(int concurrentUsers) {
    return new Operator(code, password, odataPassword, concurrentUsers);
  }

  /**
   * The code and concurrent users; passwords are never printed.
   *
   * @return {@code Operator[code=..., concurrentUsers=...]}
   */
  @Override
  public String toString() {
    return "Operator[code=" + code + ", concurrentUsers=" + concurrentUsers + "]";
  }
}
