package io.mlconnector.stripe.internal;

/** Paces requests of one (system, credential): a permit before each request, feedback after it. */
public interface RateGate {

  /** Blocks until a request may be sent. */
  void acquire() throws InterruptedException;

  /** The remote answered 429: slow down. */
  void onRateLimited();

  /** The remote answered without a 429. */
  void onSuccess();
}
