package io.mlconnector.testkit.syspro;

/** The shape of the opaque session id ({@code UserId}) that {@code /Logon} returns. */
public enum SessionIdStyle {
  /** 34 upper-case hex characters followed by two spaces, as recorded on SYSPRO 7. */
  SYSPRO_7,
  /** A longer id (68 hex characters, no padding), like the wider ids reported on SYSPRO 8. */
  SYSPRO_8
}
