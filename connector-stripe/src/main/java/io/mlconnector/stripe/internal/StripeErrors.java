package io.mlconnector.stripe.internal;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.StripeError;
import io.mlconnector.core.error.ConflictException;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.error.TransientException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Turns stripe-java's checked exceptions into the SDK's error tree. The message is built from
 * Stripe's error body (code, message, param) and the request id, scrubbed of anything key-like;
 * the stripe-java exception is kept as the cause only when its own message is clean.
 */
public final class StripeErrors {
  public static final String SYSTEM = "stripe";

  private StripeErrors() {}

  /** The SDK exception for {@code e} raised by {@code operation} (e.g. {@code POST /v1/invoices}). */
  public static ConnectorException map(String operation, StripeException e) {
    return map(operation, e, null);
  }

  /**
   * As {@link #map(String, StripeException)}, for a client that called {@code apiBase}: stripe-java
   * names its global default ({@code https://api.stripe.com}) in a connection failure whatever
   * host the client called, so that failure is reported with {@code apiBase} and the I/O cause.
   */
  public static ConnectorException map(String operation, StripeException e, @Nullable String apiBase) {
    if (e instanceof ApiConnectionException && apiBase != null && e.getStripeError() == null) {
      Throwable io = e.getCause();
      String why = io == null ? rawMessage(e) : io.getClass().getSimpleName() + ": " + io.getMessage();
      ErrorDetails details =
          ErrorDetails.of(SYSTEM, operation)
              .withRemote(null, Redaction.scrub("cannot reach Stripe at " + apiBase + " (" + why + ")"));
      return new TransientException(details, io != null && !Redaction.containsSecret(io.getMessage()) ? io : null);
    }
    StripeError err = e.getStripeError();
    int status = e.getStatusCode() == null ? 0 : e.getStatusCode();
    String code = e.getCode() != null ? e.getCode() : err == null ? null : err.getType();
    String message;
    if (err != null && err.getMessage() != null) {
      message = err.getMessage();
      if (err.getParam() != null) {
        message = message + " (param " + err.getParam() + ")";
      }
    } else {
      message = rawMessage(e);
      String param =
          e instanceof InvalidRequestException
              ? ((InvalidRequestException) e).getParam()
              : e instanceof CardException ? ((CardException) e).getParam() : null;
      if (param != null) {
        message = message + " (param " + param + ")";
      }
    }
    ErrorDetails details =
        ErrorDetails.of(SYSTEM, operation)
            .withHttpStatus(status)
            .withRemote(Redaction.scrub(code), Redaction.scrub(message))
            .withRequestId(e.getRequestId());
    Throwable cause = Redaction.containsSecret(e.getMessage()) ? null : e;

    if (e instanceof IdempotencyException) {
      return new ConflictException(details, cause);
    }
    if (e instanceof AuthenticationException || e instanceof PermissionException) {
      return new io.mlconnector.core.error.AuthenticationException(details, cause);
    }
    if (e instanceof RateLimitException) {
      if ("lock_timeout".equals(e.getCode())) {
        return new TransientException(details, cause);
      }
      return new RateLimitedException(details, Duration.ZERO, cause);
    }
    if (e instanceof ApiConnectionException) {
      return new TransientException(details, cause);
    }
    if (e instanceof CardException) {
      return new RejectedException(details, cause);
    }
    if (e instanceof InvalidRequestException) {
      if (status == 404 || "resource_missing".equals(e.getCode())) {
        return new NotFoundException(details, cause);
      }
      return new RejectedException(details, cause);
    }
    if (status == 409 || status >= 500) {
      return new TransientException(details, cause);
    }
    if (status == 429) {
      return new RateLimitedException(details, Duration.ZERO, cause);
    }
    if (status >= 400) {
      return new RejectedException(details, cause);
    }
    return new ConnectorException(details, cause);
  }

  private static String rawMessage(StripeException e) {
    String m = e.getMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    // stripe-java appends "; code: ..." and "; request-id: ..."; both are carried separately.
    int cut = m.length();
    for (String suffix : new String[] {"; code:", "; request-id:"}) {
      int at = m.indexOf(suffix);
      if (at >= 0 && at < cut) {
        cut = at;
      }
    }
    return m.substring(0, cut);
  }
}
