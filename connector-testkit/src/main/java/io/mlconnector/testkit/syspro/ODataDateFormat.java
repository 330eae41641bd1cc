package io.mlconnector.testkit.syspro;

/**
 * The EDM type the OData face gives SQL date columns (unconfirmed for SYSPRO; {@code
 * Edm.DateTimeOffset} is the common choice of .NET OData stacks).
 */
public enum ODataDateFormat {
  /** {@code Edm.DateTimeOffset}: {@code 2024-01-15T00:00:00Z}. */
  DATE_TIME_OFFSET,
  /** {@code Edm.Date}: {@code 2024-01-15}. */
  DATE
}
