package io.mlconnector.syspro;

import java.util.Objects;

/**
 * The four values an e.net {@code Logon} takes: operator, operator password, company id and company
 * password. All four are treated as secrets: they are sent only as {@code Logon} query parameters
 * (which the transport masks in its logs), never logged, and {@link #toString()} shows none of them.
 * Empty passwords are allowed (SYSPRO accepts an empty company password).
 */
public final class SysproCredentials {

  private final String operator;
  private final String operatorPassword;
  private final String companyId;
  private final String companyPassword;

  private SysproCredentials(
      String operator, String operatorPassword, String companyId, String companyPassword) {
    this.operator = operator;
    this.operatorPassword = operatorPassword;
    this.companyId = companyId;
    this.companyPassword = companyPassword;
  }

  /**
   * The logon values.
   *
   * @param operator the SYSPRO operator code, not blank
   * @param operatorPassword the operator's password, may be empty
   * @param companyId the company id, not blank
   * @param companyPassword the company password, may be empty
   */
  public static SysproCredentials of(
      String operator, String operatorPassword, String companyId, String companyPassword) {
    if (operator == null || operator.isBlank()) {
      throw new IllegalArgumentException("operator must not be blank");
    }
    if (companyId == null || companyId.isBlank()) {
      throw new IllegalArgumentException("companyId must not be blank");
    }
    return new SysproCredentials(
        operator,
        Objects.requireNonNull(operatorPassword, "operatorPassword"),
        companyId,
        Objects.requireNonNull(companyPassword, "companyPassword"));
  }

  String operator() {
    return operator;
  }

  String operatorPassword() {
    return operatorPassword;
  }

  String companyId() {
    return companyId;
  }

  String companyPassword() {
    return companyPassword;
  }

  @Override
  public String toString() {
    return "SysproCredentials{***}";
  }
}
