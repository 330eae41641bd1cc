package io.mlconnector.core.error;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The remote answered "too many requests". Wait {@link #retryAfter()} before the next call. */
public class RateLimitedException extends TransientException {
  private static final long serialVersionUID = 1L;

  /** How long the remote asked the caller to wait; {@link Duration#ZERO} when it did not say. */
  private final Duration retryAfter;

  /**
   * A "too many requests" answer.
   *
   * @param details what is known about the failed call
   * @param retryAfter how long the remote asked the caller to wait; {@link Duration#ZERO} when it
   *     did not say; not null
   * @param cause the underlying error, or null
   */
  public RateLimitedException(ErrorDetails details, Duration retryAfter, @Nullable Throwable cause) {
    super(details, cause);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /**
   * A "too many requests" answer without an underlying error.
   *
   * @param details what is known about the failed call
   * @param retryAfter how long the remote asked the caller to wait; {@link Duration#ZERO} when it
   *     did not say; not null
   */
  public RateLimitedException(ErrorDetails details, Duration retryAfter) {
    this(details, retryAfter, null);
  }

  /**
   * How long the remote asked the caller to wait.
   *
   * @return the wait the remote asked for; {@link Duration#ZERO} when it did not say
   */
  public Duration retryAfter() {
    return retryAfter;
  }
}
