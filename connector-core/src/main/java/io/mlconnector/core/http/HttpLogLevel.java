package io.mlconnector.core.http;

/**
 * How much of each HTTP exchange the transport logs. Everything is logged at DEBUG on the logger
 * {@code io.mlconnector.core.http.wire}, after redaction (see {@link Redactor}); nothing is ever
 * logged at INFO or above.
 */
public enum HttpLogLevel {
  /** Nothing. */
  NONE,
  /** Request line, status, duration. */
  BASIC,
  /** {@link #BASIC} plus headers, sensitive values masked. */
  HEADERS,
  /** {@link #HEADERS} plus textual bodies up to 64 KiB, sensitive fields masked. */
  BODY
}
