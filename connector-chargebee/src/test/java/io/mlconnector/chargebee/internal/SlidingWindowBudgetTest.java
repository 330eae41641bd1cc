package io.mlconnector.chargebee.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.http.CredentialKey;
import io.mlconnector.core.http.RateBudget;
import io.mlconnector.core.http.RateBudgetConfig;
import io.mlconnector.core.http.TransportListener;
import io.mlconnector.testkit.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The sliding-window budget on a manual clock: the sleeper moves the clock instead of waiting. */
class SlidingWindowBudgetTest {
  static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  final SimClock clock = SimClock.at(T0);
  final List<Duration> sleeps = new ArrayList<>();
  final CredentialKey key = new CredentialKey("chargebee", "acme/chargebee");

  SlidingWindowBudget budget(int limit, Duration window, Duration maxWait) {
    RateBudgetConfig config = RateBudgetConfig.builder(limit / 60.0).maxWait(maxWait)
        .defaultPause(Duration.ofSeconds(5)).build();
    return new SlidingWindowBudget(key, limit, window, config, clock, d -> {
      sleeps.add(d);
      clock.advance(d);
    }, TransportListener.NONE);
  }

  /** Grant times (seconds from T0) of {@code n} permits taken one after another. */
  List<Double> grants(SlidingWindowBudget b, int n) throws InterruptedException {
    List<Double> at = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      b.acquire();
      at.add(Duration.between(T0, clock.instant()).toNanos() / 1e9);
    }
    return at;
  }

  @Test
  void a_fresh_window_grants_the_whole_allowance_at_once_then_one_per_freed_slot() throws Exception {
    SlidingWindowBudget b = budget(150, Duration.ofSeconds(61), Duration.ofMinutes(3));
    List<Double> at = grants(b, 450);
    assertThat(at.subList(0, 150)).containsOnly(0.0);
    assertThat(sleeps).hasSize(2); // one wait per later window
    assertThat(at.subList(150, 300)).containsOnly(61.0);
    assertThat(at.subList(300, 450)).containsOnly(122.0);
  }

  @Test
  void no_window_of_the_configured_length_ever_holds_more_than_the_limit() throws Exception {
    // Requests arrive at an uneven pace: sometimes idle, sometimes all at once.
    SlidingWindowBudget b = budget(10, Duration.ofSeconds(61), Duration.ofMinutes(3));
    List<Double> at = new ArrayList<>();
    java.util.Random r = new java.util.Random(7);
    for (int i = 0; i < 500; i++) {
      if (r.nextInt(4) == 0) {
        clock.advance(Duration.ofMillis(r.nextInt(20_000)));
      }
      b.acquire();
      at.add(Duration.between(T0, clock.instant()).toNanos() / 1e9);
    }
    for (int i = 0; i + 10 < at.size(); i++) {
      assertThat(at.get(i + 10) - at.get(i)).as("permits %d and %d", i, i + 10).isGreaterThanOrEqualTo(61.0 - 1e-6); // doubles of whole millis
    }
    // and it is not slower than the window allows: at the end of each idle gap the full allowance is back
    assertThat(b.inWindow()).isLessThanOrEqualTo(10);
  }

  @Test
  void steady_demand_reaches_the_limit_per_window() throws Exception {
    SlidingWindowBudget b = budget(1000, Duration.ofSeconds(61), Duration.ofMinutes(3));
    List<Double> at = grants(b, 10_008);
    // request k goes at floor(k / 1000) x 61 s: the last at 610 s, against 600 s for a client that
    // knew the server's clock exactly (98.4%)
    assertThat(at.get(10_007)).isEqualTo(610.0);
    assertThat(at.get(999)).isEqualTo(0.0);
    assertThat(at.get(1000)).isEqualTo(61.0);
  }

  @Test
  void a_429_pauses_every_caller_for_retry_after_or_the_default() throws Exception {
    SlidingWindowBudget b = budget(150, Duration.ofSeconds(61), Duration.ofMinutes(3));
    grants(b, 3);
    b.onRateLimited(Duration.ofSeconds(12));
    assertThat(grants(b, 1)).containsExactly(12.0);
    b.onRateLimited(null);
    assertThat(grants(b, 1)).containsExactly(17.0);
    // the pause does not narrow the window: the rest of the allowance follows at once
    assertThat(grants(b, 145)).containsOnly(17.0);
    assertThat(grants(b, 1)).containsExactly(61.0);
  }

  @Test
  void a_429_while_a_caller_sleeps_holds_it_back_too() throws Exception {
    // limit 1: the second caller reserves 61 s and sleeps; a 429 arriving meanwhile moves it on
    RateBudgetConfig config = RateBudgetConfig.builder(1 / 60.0).maxWait(Duration.ofMinutes(5)).build();
    SlidingWindowBudget[] ref = new SlidingWindowBudget[1];
    boolean[] once = {true};
    ref[0] = new SlidingWindowBudget(key, 1, Duration.ofSeconds(61), config, clock, d -> {
      clock.advance(d);
      if (once[0]) {
        once[0] = false;
        ref[0].onRateLimited(Duration.ofSeconds(30)); // arrives at 61 s: paused to 91 s
      }
    }, TransportListener.NONE);
    ref[0].acquire();
    Duration waited = ref[0].acquire();
    assertThat(Duration.between(T0, clock.instant())).isEqualTo(Duration.ofSeconds(91));
    assertThat(waited).isEqualTo(Duration.ofSeconds(91));
  }

  @Test
  void a_wait_beyond_the_maximum_fails_without_taking_a_permit() throws Exception {
    SlidingWindowBudget b = budget(2, Duration.ofSeconds(61), Duration.ofSeconds(30));
    grants(b, 2);
    assertThatThrownBy(b::acquire).isInstanceOf(RateBudget.BudgetExhaustedException.class)
        .hasMessageContaining("PT1M1S");
    clock.advance(Duration.ofSeconds(40));
    assertThat(grants(b, 1)).containsExactly(61.0); // the refused call took nothing
  }

  @Test
  void concurrent_callers_share_one_window() throws Exception {
    // real threads, virtual time: each sleeper call only moves the clock
    SlidingWindowBudget b = budget(20, Duration.ofSeconds(61), Duration.ofHours(1));
    int threads = 8;
    int each = 25;
    List<Double> at = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      new Thread(() -> {
        try {
          for (int i = 0; i < each; i++) {
            b.acquire();
            at.add(Duration.between(T0, clock.instant()).toNanos() / 1e9);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          done.countDown();
        }
      }).start();
    }
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(at).hasSize(threads * each);
    // 200 permits at 20 per 61 s: the last cannot come before 9 x 61 s of virtual time
    assertThat(Duration.between(T0, clock.instant()).getSeconds()).isGreaterThanOrEqualTo(9 * 61);
  }

  @Test
  void rejects_a_nonsense_limit_or_window() {
    RateBudgetConfig c = RateBudgetConfig.builder(1).build();
    assertThatThrownBy(() -> new SlidingWindowBudget(key, 0, Duration.ofSeconds(60), c, clock, d -> {},
        TransportListener.NONE)).hasMessageContaining("limit must be positive");
    assertThatThrownBy(() -> new SlidingWindowBudget(key, 1, Duration.ZERO, c, clock, d -> {},
        TransportListener.NONE)).hasMessageContaining("window must be positive");
  }
}
