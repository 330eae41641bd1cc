package io.mlconnector.acumatica;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LicenceLimitTest {

  @Test
  void a429IsRetriedWithJitteredBackoff() {
    try (Fixture fx = new Fixture()) {
      AcumaticaClient client = fx.client();
      client.list(EntityType.ACCOUNT, client.query());
      fx.sleeps.clear();
      fx.sim.declineNext(3);

      assertThat(client.list(EntityType.ACCOUNT, client.query())).hasSize(4);

      assertThat(fx.sleeps).hasSizeGreaterThanOrEqualTo(3);
      assertThat(fx.sleeps).allSatisfy(d -> assertThat(d.toMillis()).isBetween(0L, 400L));
    }
  }

  @Test
  void theClientKeepsToTheLicencesConcurrentRequests() throws Exception {
    try (Fixture fx = new Fixture(b -> b.maxConcurrentRequests(2))) {
      fx.sim.faults().latency(Duration.ofMillis(30));
      AcumaticaClient client = fx.client(fx.config(fx.oauth()).maxConcurrentRequests(2).build());
      client.list(EntityType.ACCOUNT, client.query());
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(pool.submit(() -> client.list(EntityType.ACCOUNT, client.query())));
      }
      for (Future<?> f : calls) {
        f.get();
      }
      pool.shutdown();

      assertThat(fx.sim.peakConcurrentRequests()).isLessThanOrEqualTo(2);
      assertThat(fx.sim.declined()).isZero();
    }
  }

  @Test
  void theClientPacesItselfToTheLicencesRequestsPerMinute() {
    try (Fixture fx = new Fixture(b -> b.requestsPerMinute(60).declineOverRate(true))) {
      AcumaticaClient client = fx.client(fx.config(fx.oauth()).requestsPerMinute(60).build());
      client.list(EntityType.ACCOUNT, client.query());
      fx.sleeps.clear();
      for (int i = 0; i < 5; i++) {
        client.list(EntityType.ACCOUNT, client.query());
      }
      long waited = fx.sleeps.stream().mapToLong(Duration::toMillis).sum();
      assertThat(waited).isGreaterThanOrEqualTo(3_000); // one permit a second
    }
  }
}
