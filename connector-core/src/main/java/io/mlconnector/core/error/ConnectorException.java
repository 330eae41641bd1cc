package io.mlconnector.core.error;

import java.util.Objects;

/**
 * Root of every error the SDK throws. Unchecked; the subclass says what a caller can do about it:
 *
 * <ul>
 *   <li>{@link TransientException}: try again later (5xx, connection reset, timeout);
 *   <li>{@link OutcomeUnknownException}: a transient failure of a request that is not safe to
 *       repeat; it may have landed, so check before repeating it;
 *   <li>{@link RateLimitedException}: wait {@link RateLimitedException#retryAfter()} then try again;
 *   <li>{@link AuthenticationException}: credentials are wrong, expired or lack permission;
 *   <li>{@link RejectedException}: the remote refused the data; retrying the same request will not help;
 *   <li>{@link NotFoundException}: the addressed object does not exist;
 *   <li>{@link ConflictException}: the object is in a state that forbids the change (already paid, locked);
 *   <li>{@link VersionMismatchException}: the object changed since it was read (optimistic concurrency).
 * </ul>
 *
 * <p>Every instance carries the remote {@link #system()}, the {@link #operation()} that failed, the
 * HTTP status (or 0 when there was no HTTP answer), the remote's own error code and message and the
 * remote request id when the remote returned one. None of these ever contains a secret: clients
 * build messages from remote error bodies and request paths, never from credentials or headers.
 */
public class ConnectorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String system;
  private final String operation;
  private final int httpStatus;
  private final String remoteCode;
  private final String remoteMessage;
  private final String requestId;

  public ConnectorException(ErrorDetails details, Throwable cause) {
    super(Objects.requireNonNull(details, "details").describe(), cause);
    this.system = details.system();
    this.operation = details.operation();
    this.httpStatus = details.httpStatus();
    this.remoteCode = details.remoteCode();
    this.remoteMessage = details.remoteMessage();
    this.requestId = details.requestId();
  }

  public ConnectorException(ErrorDetails details) {
    this(details, null);
  }

  /** The remote system, for example {@code "stripe"} or {@code "syspro"}. */
  public String system() {
    return system;
  }

  /** The operation that failed, for example {@code "POST /v1/invoices"} or {@code "ARSTPY post"}. */
  public String operation() {
    return operation;
  }

  /** The HTTP status of the remote's answer, or 0 when no HTTP answer was received. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The remote's own error code ({@code resource_missing}, a SYSPRO error number), or null. */
  public String remoteCode() {
    return remoteCode;
  }

  /** The remote's own error message, or null. */
  public String remoteMessage() {
    return remoteMessage;
  }

  /** The remote request id ({@code Request-Id} header and the like), or null. */
  public String requestId() {
    return requestId;
  }

  /** The details this exception was built from, to build a similar one (for example when wrapping). */
  public ErrorDetails details() {
    return new ErrorDetails(system, operation, httpStatus, remoteCode, remoteMessage, requestId);
  }

  /** True when repeating the same request later can succeed. */
  public boolean isRetryable() {
    return false;
  }

  /**
   * True when the failed request may nevertheless have been applied by the remote (the answer was
   * lost), so that repeating it blindly could apply it twice. See {@link OutcomeUnknownException}.
   */
  public boolean mayHaveLanded() {
    return false;
  }
}
