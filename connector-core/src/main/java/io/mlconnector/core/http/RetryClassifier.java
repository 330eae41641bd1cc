package io.mlconnector.core.http;

import java.util.Locale;
import java.util.Objects;
import okhttp3.Response;

/**
 * A system-specific opinion on whether an HTTP answer may be retried, consulted before the
 * {@link RetryPolicy}'s status list. It never makes an unsafe request repeatable: a request that is
 * not safe to repeat is never retried, whatever the classifier says.
 */
@FunctionalInterface
public interface RetryClassifier {

  /** What the classifier decided. */
  enum Verdict {
    /** Retry this answer even if its status is not in the policy's list. */
    RETRY,
    /** Never retry this answer, even if its status is in the policy's list. */
    DO_NOT_RETRY,
    /** No opinion: the policy's status list decides. */
    DEFAULT
  }

  /** A classifier without opinion. */
  RetryClassifier DEFAULT = response -> Verdict.DEFAULT;

  /**
   * Classifies an answer. Must not consume the body (use {@link Response#peekBody(long)}).
   *
   * @return the verdict, never null
   * @param response the remote's answer, body unconsumed
   */
  Verdict classify(Response response);

  /**
   * A classifier driven by a boolean response header: {@code true} forces a retry, {@code false}
   * forbids it, absent or anything else leaves it to the policy. Stripe sends such a header
   * ({@code Stripe-Should-Retry}).
   *
   * @param headerName the header to read
   * @return the classifier
   * @throws IllegalArgumentException when {@code headerName} is null or blank
   */
  static RetryClassifier headerFlag(String headerName) {
    if (headerName == null || headerName.isBlank()) {
      throw new IllegalArgumentException("headerName must not be blank");
    }
    return response -> {
      String value = response.header(headerName);
      if (value == null) {
        return Verdict.DEFAULT;
      }
      switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "true":
          return Verdict.RETRY;
        case "false":
          return Verdict.DO_NOT_RETRY;
        default:
          return Verdict.DEFAULT;
      }
    };
  }

  /**
   * This classifier, then {@code next} when this one has no opinion.
   *
   * @param next the classifier asked when this one returns {@link Verdict#DEFAULT}
   * @return the combined classifier
   */
  default RetryClassifier orElse(RetryClassifier next) {
    Objects.requireNonNull(next, "next");
    return response -> {
      Verdict verdict = classify(response);
      return verdict == Verdict.DEFAULT ? next.classify(response) : verdict;
    };
  }
}
