package io.mlconnector.acumatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.testkit.acumatica.RecordedRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Payments posted back over several server sessions (OAuth {@code api:concurrent_access}): while a
 * release runs in one session the others go on, and every session stays inside the tenant's one
 * budget of concurrent requests, as the simulator's licence enforces; sessions sign out on close
 * and a session the licence refuses is dropped, not an error.
 */
class ConcurrentSessionsTest {

  @Test
  void releasesRunInSeveralSessionsWithinTheLicencesConcurrentRequests() throws Exception {
    try (Fixture fx = new Fixture(b -> b.maxConcurrentRequests(3).maxApiUsers(5).actions(2, Duration.ofSeconds(5)))) {
      fx.sim.faults().latency(Duration.ofMillis(20));
      AcumaticaClient client = fx.client(fx.config(fx.oauth()).maxConcurrentRequests(3).sessions(4).build());
      Sink<Payment> sink = AcumaticaLedger.builder(client).payments("STRIPE", "10200").build().payments();
      fx.sim.addCustomer("CUS001", "Acme", "USD");
      List<String> invoices = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        invoices.add(fx.sim.addReleasedInvoice("CUS001", "Work " + i, new BigDecimal("100.00")));
      }

      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> posts = new ArrayList<>();
      for (int i = 0; i < invoices.size(); i++) {
        Payment p = payment("pi_" + i, invoices.get(i));
        posts.add(pool.submit(() -> sink.create(p, context(p))));
      }
      for (Future<?> f : posts) {
        f.get();
      }
      pool.shutdown();

      assertThat(fx.sim.records("Payment")).hasSize(16)
          .allSatisfy(r -> assertThat(((Map<?, ?>) r.get("Status")).get("value")).isEqualTo("Closed"));
      for (String inv : invoices) {
        assertThat(fx.sim.balance("SalesInvoice", "Invoice", inv)).isEqualByComparingTo("60.00");
      }
      assertThat(fx.sim.concurrentSessionsOpened()).isEqualTo(4);
      assertThat(fx.sim.peakRunningActions()).isGreaterThan(1).isLessThanOrEqualTo(4);
      assertThat(fx.sim.peakConcurrentRequests()).isLessThanOrEqualTo(3);
      assertThat(fx.sim.declined()).isZero();
      assertThat(token(fx)).contains("api:concurrent_access");
      Set<String> cookies = new HashSet<>();
      for (RecordedRequest r : fx.sim.recordedRequests()) {
        List<String> c = r.headers().get("cookie");
        if (c != null && r.path().contains("/Payment")) {
          cookies.add(c.get(0));
        }
      }
      assertThat(cookies).hasSize(4);
      assertThat(fx.sim.apiUsersInUse()).isEqualTo(4);

      client.close();
      assertThat(fx.sim.apiUsersInUse()).as("every session signed out").isZero();
    }
  }

  @Test
  void aSessionTheLicenceRefusesIsDroppedAndTheOthersGoOn() throws Exception {
    try (Fixture fx = new Fixture(b -> b.maxApiUsers(2))) {
      AcumaticaClient client = fx.client(fx.config(fx.oauth()).sessions(4).build());
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<List<AcumaticaAccount>>> reads = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        reads.add(pool.submit(() -> client.list(EntityType.ACCOUNT, client.query())));
      }
      for (Future<List<AcumaticaAccount>> f : reads) {
        assertThat(f.get()).hasSize(4);
      }
      pool.shutdown();

      assertThat(fx.sim.concurrentSessionsOpened()).isEqualTo(2);
      assertThat(fx.sim.apiUsersInUse()).isEqualTo(2);
      client.close();
      assertThat(fx.sim.apiUsersInUse()).isZero();
    }
  }

  @Test
  void aNewSessionBeyondTheLicenceIsReportedAsApiLoginLimit() {
    try (Fixture fx = new Fixture(b -> b.maxApiUsers(1))) {
      AcumaticaClient holder = fx.client(fx.config(fx.oauth()).credentialId("holder").build());
      holder.list(EntityType.ACCOUNT, holder.query()); // takes the only API user
      AcumaticaClient client = fx.client(fx.config(fx.oauth()).sessions(2).build());

      assertThatThrownBy(() -> client.list(EntityType.ACCOUNT, client.query()))
          .isInstanceOf(ApiLoginLimitException.class).hasMessageContaining("API Login Limit");
    }
  }

  @Test
  void severalSessionsNeedOAuth() {
    try (Fixture fx = new Fixture()) {
      assertThatThrownBy(() -> fx.config(fx.cookie()).sessions(2))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OAuth");
    }
  }

  private static String token(Fixture fx) {
    for (RecordedRequest r : fx.sim.recordedRequests()) {
      if (r.path().equals("identity/connect/token")) {
        return java.net.URLDecoder.decode(r.body(), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  private static Payment payment(String id, String invoice) {
    Money amount = Money.of("40.00", "USD");
    return Payment.builder().ref(ExternalRef.of("stripe", "acme", "payment", id)).version("v1")
        .direction(Payment.Direction.RECEIVED).status(Payment.Status.SUCCEEDED).method(Payment.Method.CARD)
        .amount(amount).date(LocalDate.of(2024, 6, 30)).reference(id)
        .apply(AcumaticaRefs.invoice("acme", "CUS001", "Invoice", invoice), amount).build();
  }

  private static WriteContext context(Payment p) {
    return new WriteContext("acme", "stripe-payments", "op-" + p.ref().id(), p.ref(), "1");
  }
}
