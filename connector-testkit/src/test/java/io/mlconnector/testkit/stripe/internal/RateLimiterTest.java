package io.mlconnector.testkit.stripe.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong nanos = new AtomicLong();
  private final RateLimiter limiter = new RateLimiter(3, nanos::get);

  @Test
  void allowsTheRatePerKeyOverASlidingSecond() {
    assertThat(limiter.tryAcquire("sk_test_a")).isTrue();
    nanos.addAndGet(300_000_000L);
    assertThat(limiter.tryAcquire("sk_test_a")).isTrue();
    assertThat(limiter.tryAcquire("sk_test_a")).isTrue();
    assertThat(limiter.tryAcquire("sk_test_a")).as("fourth within one second").isFalse();
    assertThat(limiter.tryAcquire("sk_test_b")).as("another key has its own budget").isTrue();
    nanos.addAndGet(700_000_000L);
    assertThat(limiter.tryAcquire("sk_test_a")).as("the first request left the window").isTrue();
    assertThat(limiter.tryAcquire("sk_test_a")).isFalse();
  }

  @Test
  void stormsRefuseTheNextRequestsWhateverTheRate() {
    limiter.perSecond(0);
    limiter.storm(2);
    assertThat(limiter.tryAcquire("k")).isFalse();
    assertThat(limiter.tryAcquire("k")).isFalse();
    assertThat(limiter.tryAcquire("k")).isTrue();
  }
}
