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

  /** The remote system, or the component for an error the SDK raised itself. */
  private final String system;
  /** The operation that failed; null for an error the SDK raised itself. */
  private final String operation;
  /** The HTTP status of the answer; 0 when none was received. */
  private final int httpStatus;
  /** The remote's error code, or null. */
  private final @Nullable String remoteCode;
  /** The remote's error message, or null. */
  private final @Nullable String remoteMessage;
  /** The remote request id, or null. */
  private final @Nullable String requestId;
  /** Whether the error reports a remote's answer rather than the SDK's own. */
  private final boolean remote;

  /**
   * An error reporting a remote's answer, or that none came; the message names every known field
   * of {@code details}, and {@link #isRemote()} is true.
   *
   * @param details what is known about the failed call; not null
   * @param cause the underlying error (an I/O failure, an unreadable body), or null
   */
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
   *
   * @param component where the error arose; not blank
   * @param message what went wrong; never a secret
   * @param cause the underlying error, or null
   * @param stackTrace false for an exception without stack trace or suppressed exceptions
   * @throws IllegalArgumentException if {@code component} is null or blank
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
   *
   * @return whether this error reports a remote's answer
   */
  public boolean isRemote() {
    return remote;
  }

  /**
   * An error reporting a remote's answer, without an underlying error.
   *
   * @param details what is known about the failed call; not null
   */
  public ConnectorException(ErrorDetails details) {
    this(details, null);
  }

  /**
   * The remote system, or the component for an error the SDK raised itself.
   *
   * @return the system, for example {@code "stripe"} or {@code "syspro"}; never blank
   */
  public String system() {
    return system;
  }

  /**
   * The operation that failed.
   *
   * @return the operation, for example {@code "POST /v1/invoices"} or {@code "ARSTPY post"}; null
   *     for an error the SDK raised itself
   */
  public String operation() {
    return operation;
  }

  /**
   * The HTTP status of the remote's answer.
   *
   * @return the status, or 0 when no HTTP answer was received
   */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * The remote's own error code.
   *
   * @return the code ({@code resource_missing}, a SYSPRO error number), or null when the remote
   *     gave none
   */
  public @Nullable String remoteCode() {
    return remoteCode;
  }

  /**
   * The remote's own error message.
   *
   * @return the message, or null when the remote gave none
   */
  public @Nullable String remoteMessage() {
    return remoteMessage;
  }

  /**
   * The remote request id, for support tickets.
   *
   * @return the id ({@code Request-Id} header and the like), or null when the remote sent none
   */
  public @Nullable String requestId() {
    return requestId;
  }

  /**
   * The details this exception was built from, to build a similar one (for example when wrapping).
   *
   * @return a new {@link ErrorDetails} with this exception's fields
   */
  public ErrorDetails details() {
    return new ErrorDetails(system, operation, httpStatus, remoteCode, remoteMessage, requestId);
  }

  /**
   * Whether repeating the same request later can succeed.
   *
   * @return true when a later retry can succeed; false here, true for {@link TransientException}
   */
  public boolean isRetryable() {
    return false;
  }

  /**
   * True when the failed request may nevertheless have been applied by the remote (the answer was
   * lost), so that repeating it blindly could apply it twice. See {@link OutcomeUnknownException}.
   *
   * @return whether the failed request may have been applied
   */
  public boolean mayHaveLanded() {
    return false;
  }
}
