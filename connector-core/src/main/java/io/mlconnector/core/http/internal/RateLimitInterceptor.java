package io.mlconnector.core.http.internal;

import io.mlconnector.core.http.RateBudget;
import java.io.IOException;
import java.time.Clock;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Takes one permit of the credential's budget per attempt and reports 429 answers to it. */
public final class RateLimitInterceptor implements Interceptor {

  private final RateBudget budget;
  private final Clock clock;

  /** An interceptor drawing on {@code budget}. */
  public RateLimitInterceptor(RateBudget budget, Clock clock) {
    this.budget = budget;
    this.clock = clock;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    try {
      budget.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotSentException("a rate budget permit", e);
    }
    Response response = chain.proceed(chain.request());
    if (response.code() == 429) {
      budget.onRateLimited(RetryAfter.parse(response.header("Retry-After"), clock));
    } else if (response.code() < 500) {
      budget.onSuccess();
    }
    return response;
  }
}
