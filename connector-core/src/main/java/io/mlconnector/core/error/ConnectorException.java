package io.mlconnector.core.error;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
 * <p>Errors the SDK raises itself, not a remote's answer, extend it too, with {@link #isRemote()}
 * false and the component in {@link #system()}: {@link io.mlconnector.core.state.StateStoreException}
 * (the state store), {@link io.mlconnector.core.codec.CodecException} (a malformed document),
 * {@link io.mlconnector.core.mapping.MappingRefusedException} and {@link
 * io.mlconnector.core.mapping.MappingDeferredException} (a mapper's verdict), {@link
 * io.mlconnector.core.sync.WebhookVerificationException}, {@link
 * io.mlconnector.core.credential.CredentialException}, {@link
 * io.mlconnector.core.http.RateBudget.BudgetExhaustedException}, {@link
 * io.mlconnector.core.odata.ODataPagingException} and the connectors' format errors. A host catches
 * this one type. Argument errors stay the JDK's ({@link IllegalArgumentException} and its
 * subclass {@link io.mlconnector.core.model.CurrencyMismatchException}, {@link
 * ArithmeticException} and its subclass {@link io.mlconnector.core.model.MinorUnitsException}).
 *
 * <p>Every remote error carries the remote {@link #system()}, the {@link #operation()} that failed, the
 * HTTP status (or 0 when there was no HTTP answer), the remote's own error code and message and the
 * remote request id when the remote returned one. None of these ever contains a secret: clients
 * build messages from remote error bodies and request paths, never from credentials or headers.
 */
public class ConnectorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String system;
  private final String operation;
  private final int httpStatus;
  private final @Nullable String remoteCode;
  private final @Nullable String remoteMessage;
  private final @Nullable String requestId;
  private final boolean remote;

  public ConnectorException(ErrorDetails details, @Nullable Throwable cause) {
    super(Objects.requireNonNull(details, "details").describe(), cause);
    this.system = details.system();
    this.operation = details.operation();
    this.httpStatus = details.httpStatus();
    this.remoteCode = details.remoteCode();
    this.remoteMessage = details.remoteMessage();
    this.requestId = details.requestId();
    this.remote = true;
  }

  /**
   * An error the SDK raises itself rather than a remote's answer: {@code component} (for example
   * {@code "state-store"} or {@code "codec"}) stands in {@link #system()}, the message is used as it
   * is, there is no operation, HTTP status or remote detail, and {@link #isRemote()} is false.
   *
   * @param component where the error arose; not blank
   * @param message what went wrong; never a secret
   * @param cause the underlying error, or null
   */
  protected ConnectorException(String component, String message, @Nullable Throwable cause) {
    this(component, message, cause, true);
  }

  /**
   * As {@link #ConnectorException(String, String, Throwable)}; {@code stackTrace} false makes a
   * cheap exception without stack trace or suppressed exceptions, for verdicts thrown often on
   * purpose (a mapper deferring a record).
   */
  protected ConnectorException(
      String component, String message, @Nullable Throwable cause, boolean stackTrace) {
    super(message, cause, stackTrace, stackTrace);
    if (component == null || component.isBlank()) {
      throw new IllegalArgumentException("component must not be blank");
    }
    this.system = component;
    this.operation = null;
    this.httpStatus = 0;
    this.remoteCode = null;
    this.remoteMessage = null;
    this.requestId = null;
    this.remote = false;
  }

  /**
   * True when this error reports a remote system's answer, or that none came (it carries the
   * remote's details); false for an error the SDK raised itself (the state store, a codec, a
   * mapper, a local rate budget).
   */
  public boolean isRemote() {
    return remote;
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
  public @Nullable String remoteCode() {
    return remoteCode;
  }

  /** The remote's own error message, or null. */
  public @Nullable String remoteMessage() {
    return remoteMessage;
  }

  /** The remote request id ({@code Request-Id} header and the like), or null. */
  public @Nullable String requestId() {
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
