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

  /**
   * A logical call starts (before the first attempt and any rate-budget wait).
   *
   * @param call the call: credential, tenant, operation and method (never a secret)
   */
  default void callStart(CallInfo call) {}

  /**
   * An attempt failed and another one will follow after {@code delay}.
   *
   * @param attempt the number of the attempt that failed, starting at 1
   * @param delay how long the transport waits before the next attempt
   * @param reason why: {@code "HTTP 503"}, {@code "SocketTimeoutException"}, ...
   * @param call the call: credential, tenant, operation and method (never a secret)
   */
  default void retryScheduled(CallInfo call, int attempt, Duration delay, String reason) {}

  /**
   * A caller waited {@code waited} for a permit of the rate budget of {@code key}.
   *
   * @param key the credential whose budget it is
   * @param waited how long the caller waited
   */
  default void rateLimitWait(CredentialKey key, Duration waited) {}

  /**
   * The remote answered 429: the budget of {@code key} pauses for {@code pause} and continues at
   * {@code newPermitsPerSecond}.
   *
   * @param key the credential whose budget it is
   * @param pause how long the whole budget pauses
   * @param newPermitsPerSecond the reduced rate after the pause
   */
  default void rateLimited(CredentialKey key, Duration pause, double newPermitsPerSecond) {}

  /**
   * A session of {@code key} was (re)established.
   *
   * @param proactive true when renewed ahead of expiry, false when the remote reported it expired
   *     or no session existed yet
   * @param key the credential whose session it is
   */
  default void sessionRefreshed(CredentialKey key, boolean proactive) {}

  /**
   * A logical call ended with an HTTP answer of status {@code status} after {@code attempts}.
   *
   * @param call the call: credential, tenant, operation and method (never a secret)
   * @param status the HTTP status of the last answer
   * @param attempts how many attempts were made, at least 1
   * @param elapsed the time from the call's start, waits included
   */
  default void callEnd(CallInfo call, int status, int attempts, Duration elapsed) {}

  /**
   * A logical call ended without a usable HTTP answer (I/O failure, budget exhausted, ...).
   *
   * @param call the call: credential, tenant, operation and method (never a secret)
   * @param failure what ended it
   * @param elapsed the time from the call's start, waits included
   */
  default void callFailed(CallInfo call, Exception failure, Duration elapsed) {}
}
