package io.mlconnector.core.http.internal;

import io.mlconnector.core.http.ErrorMapper;
import io.mlconnector.core.http.RetryClassifier;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.core.http.Sleeper;
import io.mlconnector.core.http.TransportListener;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Repeats failed attempts of requests that are safe to repeat, with full-jitter exponential
 * backoff or the answer's {@code Retry-After}, within the policy's attempt and time bounds.
 */
public final class RetryInterceptor implements Interceptor {

  private final RetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Random random;
  private final TransportListener listener;

  /** An interceptor applying {@code policy}. */
  public RetryInterceptor(
      RetryPolicy policy, Clock clock, Sleeper sleeper, Random random, TransportListener listener) {
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
    this.listener = listener;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallState state = request.tag(CallState.class);
    boolean repeatable = state != null && state.repeatable();
    Instant start = clock.instant();
    int attempt = 0;
    while (true) {
      attempt++;
      if (state != null) {
        state.attempts(attempt);
      }
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        if (Thread.currentThread().isInterrupted() || chain.call().isCanceled()) {
          throw e;
        }
        boolean mayRepeat = repeatable || ErrorMapper.isNotSent(e);
        if (!mayRepeat || attempt >= policy.maxAttempts()) {
          throw e;
        }
        Duration delay = backoff(attempt);
        if (!withinTotalTime(start, delay)) {
          throw e;
        }
        pause(state, attempt, delay, e.getClass().getSimpleName());
        continue;
      }
      if (!repeatable || attempt >= policy.maxAttempts() || response.code() < 400) {
        return response;
      }
      RetryClassifier.Verdict verdict = policy.classifier().classify(response);
      boolean retry =
          verdict == RetryClassifier.Verdict.RETRY
              || (verdict == RetryClassifier.Verdict.DEFAULT
                  && policy.retryStatuses().contains(response.code()));
      if (!retry) {
        return response;
      }
      Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
      Duration delay = retryAfter != null ? retryAfter : backoff(attempt);
      if (!withinTotalTime(start, delay)) {
        return response;
      }
      response.close();
      pause(state, attempt, delay, "HTTP " + response.code());
    }
  }

  /** Full jitter: uniform in [0, min(maxBackoff, initialBackoff * 2^(attempt-1))]. */
  Duration backoff(int attempt) {
    double ceiling =
        Math.min(
            (double) policy.maxBackoff().toNanos(),
            policy.initialBackoff().toNanos() * Math.pow(2, Math.min(attempt - 1, 62)));
    return Duration.ofNanos((long) (random.nextDouble() * ceiling));
  }

  private boolean withinTotalTime(Instant start, Duration delay) {
    Duration elapsed = Duration.between(start, clock.instant());
    return elapsed.plus(delay).compareTo(policy.maxTotalTime()) <= 0;
  }

  private void pause(CallState state, int attempt, Duration delay, String reason)
      throws NotSentException {
    if (state != null) {
      listener.retryScheduled(state.info(), attempt, delay, reason);
    }
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // the next attempt was not sent; earlier ones were retried, so they were safe to repeat or
      // were never sent either
      throw new NotSentException("the next attempt", e);
    }
  }
}
