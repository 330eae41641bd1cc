package io.mlconnector.core.http;

import java.time.Duration;

/**
 * Hooks for transport events, for metrics and tracing. Every method has a no-op default, so an
 * implementation overrides only what it needs. Methods are called on the calling thread and must
 * return quickly. A hook that throws a {@link RuntimeException} does not fail the call: the
 * transport logs the exception's class at WARN and goes on.
 *
 * <p>Events carry no header, query or body values, so a listener never sees a secret.
 */
public interface TransportListener {

  /** A listener that does nothing. */
  TransportListener NONE = new TransportListener() {};

  /** A logical call starts (before the first attempt and any rate-budget wait). */
  default void callStart(CallInfo call) {}

  /**
   * An attempt failed and another one will follow after {@code delay}.
   *
   * @param attempt the number of the attempt that failed, starting at 1
   * @param delay how long the transport waits before the next attempt
   * @param reason why: {@code "HTTP 503"}, {@code "SocketTimeoutException"}, ...
   */
  default void retryScheduled(CallInfo call, int attempt, Duration delay, String reason) {}

  /** A caller waited {@code waited} for a permit of the rate budget of {@code key}. */
  default void rateLimitWait(CredentialKey key, Duration waited) {}

  /**
   * The remote answered 429: the budget of {@code key} pauses for {@code pause} and continues at
   * {@code newPermitsPerSecond}.
   */
  default void rateLimited(CredentialKey key, Duration pause, double newPermitsPerSecond) {}

  /**
   * A session of {@code key} was (re)established.
   *
   * @param proactive true when renewed ahead of expiry, false when the remote reported it expired
   *     or no session existed yet
   */
  default void sessionRefreshed(CredentialKey key, boolean proactive) {}

  /** A logical call ended with an HTTP answer of status {@code status} after {@code attempts}. */
  default void callEnd(CallInfo call, int status, int attempts, Duration elapsed) {}

  /** A logical call ended without a usable HTTP answer (I/O failure, budget exhausted, ...). */
  default void callFailed(CallInfo call, Exception failure, Duration elapsed) {}
}
