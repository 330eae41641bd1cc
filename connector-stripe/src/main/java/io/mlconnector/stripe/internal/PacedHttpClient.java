package io.mlconnector.stripe.internal;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.net.HttpClient;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import com.stripe.net.StripeResponseStream;
import io.mlconnector.core.http.RateBudget;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stripe-java {@link HttpClient} every connector instance uses: each attempt first takes a
 * permit from the key's core {@link RateBudget}, and a 429 is retried here (stripe-java itself
 * retries a 429 only when Stripe says {@code Stripe-Should-Retry: true}). A 429 is safe to repeat:
 * Stripe's limiter refuses the request before it executes, and a POST keeps its idempotency key
 * because the {@link StripeRequest} is reused as is.
 *
 * <p>On a 429 the budget is told to slow down and pause for an exponential back-off with jitter
 * (Stripe sends no {@code Retry-After}); the pause holds back every caller of the same key, and
 * the retry waits for it through the budget. {@code Stripe-Should-Retry: false} is honoured: the
 * 429 goes straight back to stripe-java, which raises it. stripe-java's own retry loop
 * (connection failures, 409, 5xx) wraps this one.
 */
public final class PacedHttpClient extends HttpClient {
  private static final Logger log = LoggerFactory.getLogger(PacedHttpClient.class);

  private final HttpClient delegate;
  private final RateBudget budget;
  private final int maxRateLimitRetries;
  private final Duration backoff;
  private final Duration backoffMax;

  /**
   * A client sending through {@code delegate}, paced by {@code budget}, retrying a 429 up to
   * {@code maxRateLimitRetries} times with a back-off from {@code backoff} doubling up to {@code backoffMax}.
   */
  public PacedHttpClient(
      HttpClient delegate, RateBudget budget, int maxRateLimitRetries, Duration backoff, Duration backoffMax) {
    this.delegate = delegate;
    this.budget = budget;
    this.maxRateLimitRetries = maxRateLimitRetries;
    this.backoff = backoff;
    this.backoffMax = backoffMax;
  }

  @Override
  public StripeResponse request(StripeRequest request) throws StripeException {
    for (int attempt = 0; ; attempt++) {
      acquire();
      StripeResponse response = delegate.request(request);
      if (response.code() != 429) {
        budget.onSuccess();
        return response;
      }
      String shouldRetry = response.headers().firstValue("Stripe-Should-Retry").orElse(null);
      String reason = response.headers().firstValue("Stripe-Rate-Limited-Reason").orElse("unspecified");
      Duration pause = delay(attempt);
      budget.onRateLimited(pause);
      if ("false".equalsIgnoreCase(shouldRetry) || attempt >= maxRateLimitRetries) {
        log.warn(
            "stripe {} {} rate-limited ({}); giving up after {} retries (Stripe-Should-Retry: {}, request {})",
            request.method(),
            request.url().getPath(),
            reason,
            attempt,
            shouldRetry,
            response.requestId());
        return response;
      }
      log.debug(
          "stripe {} {} rate-limited ({}); retry {} after a pause of {} ms",
          request.method(),
          request.url().getPath(),
          reason,
          attempt + 1,
          pause.toMillis());
    }
  }

  @Override
  public StripeResponseStream requestStream(StripeRequest request) throws StripeException {
    acquire();
    return delegate.requestStream(request);
  }

  private Duration delay(int attempt) {
    long cap = Math.min(backoffMax.toMillis(), backoff.toMillis() << Math.min(attempt, 20));
    long half = cap / 2;
    // "equal jitter": never shorter than half the cap, so a storm always slows down
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(cap - half + 1));
  }

  private void acquire() throws ApiConnectionException {
    try {
      budget.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiConnectionException("interrupted while waiting for the Stripe request budget", e);
    }
  }
}
