package io.mlconnector.core.error;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The remote answered "too many requests". Wait {@link #retryAfter()} before the next call. */
public class RateLimitedException extends TransientException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public RateLimitedException(ErrorDetails details, Duration retryAfter, @Nullable Throwable cause) {
    super(details, cause);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  public RateLimitedException(ErrorDetails details, Duration retryAfter) {
    this(details, retryAfter, null);
  }

  /** How long the remote asked the caller to wait; {@link Duration#ZERO} when it did not say. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
