package io.mlconnector.core.http;

import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.ConflictException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.error.OutcomeUnknownException;
import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.error.VersionMismatchException;
import io.mlconnector.core.http.internal.NotSentException;
import io.mlconnector.core.http.internal.RetryAfter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Turns a failed HTTP exchange into the {@link ConnectorException} subclass that tells the caller
 * what to do:
 *
 * <table>
 *   <caption>HTTP status to exception</caption>
 *   <tr><th>status</th><th>exception</th></tr>
 *   <tr><td>400, 422 and every other 4xx not listed below</td>
 *       <td>{@link RejectedException} (permanent)</td></tr>
 *   <tr><td>401, 403</td><td>{@link AuthenticationException}</td></tr>
 *   <tr><td>404, 410</td><td>{@link NotFoundException}</td></tr>
 *   <tr><td>409</td><td>{@link ConflictException}</td></tr>
 *   <tr><td>412</td><td>{@link VersionMismatchException}</td></tr>
 *   <tr><td>429</td><td>{@link RateLimitedException} with the {@code Retry-After} wait</td></tr>
 *   <tr><td>408, 5xx</td><td>{@link TransientException}; {@link OutcomeUnknownException} when the
 *       request was not safe to repeat</td></tr>
 *   <tr><td>anything else</td><td>{@link ConnectorException}</td></tr>
 * </table>
 *
 * <p>I/O failures become {@link TransientException}, or {@link OutcomeUnknownException} when the
 * request was not safe to repeat and may have reached the remote. The request id is read from the
 * first of the configured headers present. Messages are built from the status, the remote's code
 * and message and the exception type, never from request headers, query or body.
 */
public final class ErrorMapper {

  /** The request-id headers read by default, in order. */
  public static final List<String> DEFAULT_REQUEST_ID_HEADERS =
      List.of("Request-Id", "X-Request-Id", "X-Correlation-Id");

  private final List<String> requestIdHeaders;
  private final Clock clock;

  private ErrorMapper(List<String> requestIdHeaders, Clock clock) {
    this.requestIdHeaders = requestIdHeaders;
    this.clock = clock;
  }

  /** {@return a mapper reading the default request-id headers, on the system clock} */
  public static ErrorMapper defaults() {
    return create(DEFAULT_REQUEST_ID_HEADERS, Clock.systemUTC());
  }

  /**
   * A mapper reading the given request-id headers in order.
   *
   * @param requestIdHeaders header names, for example {@code Request-Id} (Stripe)
   * @param clock resolves {@code Retry-After} dates
   * @return the mapper
   * @throws IllegalArgumentException when a header name is null or blank
   */
  public static ErrorMapper create(List<String> requestIdHeaders, Clock clock) {
    Objects.requireNonNull(requestIdHeaders, "requestIdHeaders");
    for (String h : requestIdHeaders) {
      if (h == null || h.isBlank()) {
        throw new IllegalArgumentException("requestIdHeaders must not contain a blank name");
      }
    }
    return new ErrorMapper(
        Collections.unmodifiableList(new ArrayList<>(requestIdHeaders)),
        Objects.requireNonNull(clock, "clock"));
  }

  /**
   * A mapper reading the given request-id headers in order, on the system clock.
   *
   * @param requestIdHeaders header names, for example {@code Request-Id} (Stripe)
   * @return the mapper
   * @throws IllegalArgumentException when a header name is null or blank
   */
  public static ErrorMapper create(String... requestIdHeaders) {
    return create(Arrays.asList(Objects.requireNonNull(requestIdHeaders, "requestIdHeaders")),
        Clock.systemUTC());
  }

  /** {@return the request-id headers this mapper reads, in order} */
  public List<String> requestIdHeaders() {
    return requestIdHeaders;
  }

  /**
   * The request id in {@code headers}, or null.
   *
   * @param headers the answer's headers, or null
   * @return the trimmed value of the first non-blank request-id header, or null when there is
   *     none (or {@code headers} is null)
   */
  public @Nullable String requestId(@Nullable Headers headers) {
    if (headers == null) {
      return null;
    }
    for (String name : requestIdHeaders) {
      String value = headers.get(name);
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return null;
  }

  /**
   * The exception for a non-2xx answer.
   *
   * @param system the remote system
   * @param operation the operation that failed
   * @param status the HTTP status
   * @param headers the answer's headers (request id, {@code Retry-After}); may be null
   * @param remote the remote's error code and message as the connector parsed them; may be null
   * @param safeToRepeat whether the request was safe to repeat (decides transient vs
   *     outcome-unknown for 5xx)
   * @return the exception; its subclass says what the caller can do (for example {@link
   *     NotFoundException} for 404, {@link RateLimitedException} for 429), a plain {@link
   *     ConnectorException} for a status no subclass fits
   */
  public ConnectorException fromResponse(
      String system,
      String operation,
      int status,
      Headers headers,
      @Nullable RemoteError remote,
      boolean safeToRepeat) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be an HTTP status (100..599), was " + status);
    }
    RemoteError r = remote == null ? RemoteError.NONE : remote;
    ErrorDetails details =
        ErrorDetails.of(system, operation)
            .withHttpStatus(status)
            .withRemote(r.code(), r.message())
            .withRequestId(requestId(headers));
    if (status == 401 || status == 403) {
      return new AuthenticationException(details);
    }
    if (status == 404 || status == 410) {
      return new NotFoundException(details);
    }
    if (status == 409) {
      return new ConflictException(details);
    }
    if (status == 412) {
      return new VersionMismatchException(details);
    }
    if (status == 429) {
      Duration retryAfter = headers == null ? null : RetryAfter.parse(headers.get("Retry-After"), clock);
      return new RateLimitedException(details, retryAfter == null ? Duration.ZERO : retryAfter);
    }
    if (status == 408 || status >= 500) {
      return safeToRepeat ? new TransientException(details) : new OutcomeUnknownException(details);
    }
    if (status >= 400) {
      return new RejectedException(details);
    }
    return new ConnectorException(details);
  }

  /**
   * The exception for an exchange that ended without an answer.
   *
   * @param safeToRepeat whether the request was safe to repeat
   * @param system the remote system
   * @param operation the operation that failed
   * @param failure the I/O failure
   * @return a {@link TransientException} when the request was safe to repeat or never sent, else an
   *     {@link OutcomeUnknownException}
   */
  public ConnectorException fromIOException(
      String system, String operation, IOException failure, boolean safeToRepeat) {
    Objects.requireNonNull(failure, "failure");
    boolean notSent = isNotSent(failure);
    String what = failure.getClass().getSimpleName();
    String message;
    if (safeToRepeat || notSent) {
      message = "no answer (" + what + ")";
    } else {
      message = "no answer (" + what + "); the request may have been applied and was not repeated";
    }
    ErrorDetails details = ErrorDetails.of(system, operation).withRemote(null, message);
    return safeToRepeat || notSent
        ? new TransientException(details, failure)
        : new OutcomeUnknownException(details, failure);
  }

  /**
   * True for failures that happen before any byte of the request was sent: connect, DNS, and an
   * interruption while the caller waited for a rate permit, a call slot or a retry.
   *
   * @param failure the I/O failure
   * @return true when the request cannot have reached the remote
   */
  public static boolean isNotSent(IOException failure) {
    return failure instanceof NotSentException
        || failure instanceof ConnectException
        || failure instanceof UnknownHostException
        || failure instanceof NoRouteToHostException;
  }

  @Override
  public String toString() {
    return "ErrorMapper{requestIdHeaders=" + requestIdHeaders + '}';
  }
}
