package io.mlconnector.syspro;

import io.mlconnector.core.credential.Credentials;
import io.mlconnector.core.credential.Secret;
import java.util.Objects;

/**
 * The four values an e.net {@code Logon} takes: operator, operator password, company id and company
 * password, each a {@link Secret}. They are revealed only to build the {@code Logon} request, whose
 * query parameters the transport masks in its logs; they never appear in exceptions, and {@link
 * #toString()} shows none of them. Empty passwords are allowed (SYSPRO accepts an empty company
 * password).
 */
public final class SysproCredentials {

  /** The field names read by {@link #from(Credentials)}. */
  public static final String OPERATOR = "operator";

  /** Field name of the operator password. */
  public static final String OPERATOR_PASSWORD = "operatorPassword";

  /** Field name of the company id. */
  public static final String COMPANY_ID = "companyId";

  /** Field name of the company password (optional: empty when absent). */
  public static final String COMPANY_PASSWORD = "companyPassword";

  private final Secret operator;
  private final Secret operatorPassword;
  private final Secret companyId;
  private final Secret companyPassword;

  private SysproCredentials(
      Secret operator, Secret operatorPassword, Secret companyId, Secret companyPassword) {
    this.operator = operator;
    this.operatorPassword = operatorPassword;
    this.companyId = companyId;
    this.companyPassword = companyPassword;
  }

  /**
   * The logon values.
   *
   * @param operator the e.net operator code
   * @param operatorPassword the operator's password; empty when the operator has none
   * @param companyId the SYSPRO company id
   * @param companyPassword the company's password; empty when the company has none
   * @return the credentials; {@code toString} never shows a value
   * @throws IllegalArgumentException when the operator or company id is blank
   */
  public static SysproCredentials of(
      Secret operator, Secret operatorPassword, Secret companyId, Secret companyPassword) {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(operatorPassword, "operatorPassword");
    Objects.requireNonNull(companyId, "companyId");
    Objects.requireNonNull(companyPassword, "companyPassword");
    if (operator.reveal().isBlank()) {
      throw new IllegalArgumentException("operator must not be blank");
    }
    if (companyId.reveal().isBlank()) {
      throw new IllegalArgumentException("companyId must not be blank");
    }
    return new SysproCredentials(operator, operatorPassword, companyId, companyPassword);
  }

  /**
   * The logon values from plain text (wrapped in {@link Secret}s at once).
   *
   * @param operator the e.net operator code
   * @param operatorPassword the operator's password; empty when the operator has none
   * @param companyId the SYSPRO company id
   * @param companyPassword the company's password; empty when the company has none
   * @return the credentials; {@code toString} never shows a value
   * @throws IllegalArgumentException when the operator or company id is blank
   */
  public static SysproCredentials of(
      String operator, String operatorPassword, String companyId, String companyPassword) {
    if (operator == null || operator.isBlank()) {
      throw new IllegalArgumentException("operator must not be blank");
    }
    if (companyId == null || companyId.isBlank()) {
      throw new IllegalArgumentException("companyId must not be blank");
    }
    return of(
        Secret.of(operator),
        Secret.of(Objects.requireNonNull(operatorPassword, "operatorPassword")),
        Secret.of(companyId),
        Secret.of(Objects.requireNonNull(companyPassword, "companyPassword")));
  }

  /**
   * The logon values from a stored credential with the fields {@value #OPERATOR}, {@value
   * #OPERATOR_PASSWORD}, {@value #COMPANY_ID} and, optionally, {@value #COMPANY_PASSWORD}.
   *
   * @param credentials the stored credential of the tenant's SYSPRO
   * @return the credentials; a missing company password is empty
   * @throws io.mlconnector.core.credential.CredentialException naming a missing field
   */
  public static SysproCredentials from(Credentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    return of(
        credentials.get(OPERATOR),
        credentials.get(OPERATOR_PASSWORD),
        credentials.get(COMPANY_ID),
        credentials.find(COMPANY_PASSWORD).orElse(Secret.of("")));
  }

  Secret operator() {
    return operator;
  }

  Secret operatorPassword() {
    return operatorPassword;
  }

  Secret companyId() {
    return companyId;
  }

  Secret companyPassword() {
    return companyPassword;
  }

  @Override
  public String toString() {
    return "SysproCredentials{***}";
  }
}
