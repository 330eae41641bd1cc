package io.mlconnector.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.mlconnector.testkit.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Eight concurrent callers of one credential, spread over two clients, together stay within the
 * credential's budget. Time is frozen: every permit is reserved at the same instant, so the wait
 * each caller is handed is exactly the offset of its permit, and the permits granted by any
 * moment t can be counted from those waits.
 */
class RateBudgetConcurrencyTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final int THREADS = 8;
  private static final int CALLS_PER_THREAD = 5;
  private static final double RATE = 5;
  private static final int BURST = 2;

  private final SimClock clock = SimClock.at(Instant.parse("2026-11-21T06:00:00Z"));
  private final RecordingSleeper sleeper = RecordingSleeper.frozen();
  private final HttpTransport transport =
      HttpTransport.builder().clock(clock).sleeper(sleeper).build();
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void tearDown() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(5, TimeUnit.SECONDS);
    transport.close();
  }

  private TenantClient client(String tenant, String credentialId) {
    return transport.newClient(
        TenantConfig.builder("stripe", tenant, credentialId)
            .baseUrl(wm.baseUrl())
            .rateBudget(RateBudgetConfig.builder(RATE).burst(BURST).build())
            .build());
  }

  @Test
  void eightCallersShareOneBudgetAndNeverExceedIt() throws Exception {
    wm.stubFor(get("/v1/balance").willReturn(ok("{}")));
    TenantClient first = client("acme", "acme/live");
    TenantClient second = client("acme-eu", "acme/live");
    assertThat(first.rateBudget()).get().isSameAs(second.rateBudget().get());

    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      TenantClient client = t % 2 == 0 ? first : second;
      results.add(
          pool.submit(
              () -> {
                start.await();
                int okCount = 0;
                for (int i = 0; i < CALLS_PER_THREAD; i++) {
                  Request request = new Request.Builder().url(client.url("v1/balance")).build();
                  okCount += client.execute(request, r -> r.code() == 200 ? 1 : 0);
                }
                return okCount;
              }));
    }
    start.countDown();
    int succeeded = 0;
    for (Future<Integer> f : results) {
      succeeded += f.get(30, TimeUnit.SECONDS);
    }

    int total = THREADS * CALLS_PER_THREAD;
    assertThat(succeeded).isEqualTo(total);
    Journal.verify(wm, total, getRequestedFor(urlEqualTo("/v1/balance")));

    // The burst is free; every further permit is granted 1/RATE after the previous one.
    List<Duration> expected = new ArrayList<>();
    for (int i = 1; i <= total - BURST; i++) {
      expected.add(Duration.ofNanos((long) (i * 1_000_000_000L / RATE)));
    }
    assertThat(sleeper.sleeps()).containsExactlyInAnyOrderElementsOf(expected);
    // hence at most BURST + RATE * t permits by any time t
    List<Duration> grants = new ArrayList<>(sleeper.sleeps());
    for (int i = 0; i < BURST; i++) {
      grants.add(Duration.ZERO);
    }
    grants.sort(null);
    for (int i = 0; i < grants.size(); i++) {
      double seconds = grants.get(i).toNanos() / 1e9;
      assertThat(i + 1).isLessThanOrEqualTo(BURST + (int) Math.floor(RATE * seconds + 1e-9));
    }
  }

  @Test
  void anotherCredentialHasItsOwnBudget() throws Exception {
    wm.stubFor(get("/v1/balance").willReturn(ok("{}")));
    TenantClient busy = client("acme", "acme/live");
    TenantClient other = client("globex", "globex/live");
    for (int i = 0; i < BURST; i++) {
      busy.execute(new Request.Builder().url(busy.url("v1/balance")).build()).close();
    }

    other.execute(new Request.Builder().url(other.url("v1/balance")).build()).close();
    assertThat(sleeper.sleeps()).as("the other credential's burst is untouched").isEmpty();

    busy.execute(new Request.Builder().url(busy.url("v1/balance")).build()).close();
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(200));
  }
}
