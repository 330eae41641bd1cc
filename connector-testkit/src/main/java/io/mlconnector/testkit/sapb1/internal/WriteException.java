package io.mlconnector.testkit.sapb1.internal;

/** A request the Service Layer refuses: HTTP status, SAP code and message. */
public final class WriteException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;

  /** A refusal with a numeric SAP code. */
  public WriteException(int status, int code, String message) {
    this(status, String.valueOf(code), message);
  }

  /** A refusal with a SAP code as text. */
  public WriteException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The SAP error code. */
  public String code() {
    return code;
  }
}
