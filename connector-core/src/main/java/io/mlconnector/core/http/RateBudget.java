package io.mlconnector.core.http;

import io.mlconnector.core.error.ConnectorException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The request budget of one credential, shared by every caller that uses it (get it from a {@link
 * RateBudgetRegistry}). Callers take one permit per HTTP attempt; callers that must wait are served
 * in arrival order. Thread-safe.
 */
public interface RateBudget {

  /** {@return the credential this budget belongs to} */
  CredentialKey key();

  /** {@return the settings} */
  RateBudgetConfig config();

  /**
   * Takes one permit, waiting up to {@link RateBudgetConfig#maxWait()} for it.
   *
   * @return how long the caller waited (zero when a permit was free)
   * @throws InterruptedException when interrupted while waiting
   * @throws BudgetExhaustedException when the wait would exceed the maximum; no permit is taken
   */
  Duration acquire() throws InterruptedException;

  /**
   * Reports a 429: slows the rate down and pauses the whole budget.
   *
   * @param retryAfter the remote's {@code Retry-After}, or null when it gave none
   */
  void onRateLimited(@Nullable Duration retryAfter);

  /** Reports an answer that was not a 429, which lets the rate recover over time. */
  void onSuccess();

  /**
   * {@return the current (adaptive) rate in permits per second; never above the configured ceiling}
   */
  double currentPermitsPerSecond();

  /** Thrown by {@link #acquire()} when no permit can be had within the maximum wait. */
  final class BudgetExhaustedException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    /** How long the caller would have had to wait for the next permit. */
    private final Duration wouldWait;

    /**
     * A budget of {@code key} would make the caller wait {@code wouldWait}.
     *
     * @param key the credential whose budget is exhausted
     * @param wouldWait how long until the next permit
     * @param maxWait the longest wait the budget allows
     */
    public BudgetExhaustedException(CredentialKey key, Duration wouldWait, Duration maxWait) {
      super("rate-budget", "rate budget of " + key + " exhausted: the next permit is " + wouldWait
          + " away, more than the maximum wait of " + maxWait, null);
      this.wouldWait = wouldWait;
    }

    /** {@return how long the caller would have had to wait} */
    public Duration wouldWait() {
      return wouldWait;
    }
  }
}
