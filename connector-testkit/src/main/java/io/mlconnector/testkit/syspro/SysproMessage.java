package io.mlconnector.testkit.syspro;

/**
 * The texts of e.net exceptions ({@code HTTP 200}, body {@code ERROR: <text>}) whose exact wording
 * matters to a client. Only {@link #INVALID_OPERATOR_PASSWORD} is confirmed from recorded traffic;
 * the others are unconfirmed and can be overridden with {@link
 * SysproSimulator.Builder#message(SysproMessage, String)}. Texts are {@link String#format}
 * patterns; their arguments are listed per constant.
 */
public enum SysproMessage {
  /** Logon with a wrong operator password (confirmed). No arguments. */
  INVALID_OPERATOR_PASSWORD("Invalid operator password"),
  /** Logon with an unknown operator. Argument: the operator code. */
  UNKNOWN_OPERATOR("Operator '%s' not found"),
  /** Logon to an unknown company. Argument: the company id. */
  UNKNOWN_COMPANY("Company '%s' not found"),
  /** Logon with a wrong company password. No arguments. */
  INVALID_COMPANY_PASSWORD("Invalid company password"),
  /** Any call with an unknown, expired, evicted or logged-off session id. No arguments. */
  INVALID_SESSION("The supplied UserID is invalid."),
  /** Logon when every licence seat is taken. Argument: the seat count. */
  LICENCE_EXHAUSTED("No e.net licence available - all %d licences are in use"),
  /**
   * Logon by an operator already at its concurrent-user limit, under {@link
   * SecondLogonPolicy#REJECT}. Argument: the operator code.
   */
  OPERATOR_IN_USE("Operator '%s' is already logged in"),
  /** A call on a session that is busy, under {@link BusyPolicy#REJECT}. No arguments. */
  SESSION_BUSY("The UserID is currently processing another request");

  private final String defaultText;

  SysproMessage(String defaultText) {
    this.defaultText = defaultText;
  }

  /**
   * The simulator's default text.
   *
   * @return a {@link String#format} pattern taking the arguments listed on the constant
   */
  public String defaultText() {
    return defaultText;
  }
}
