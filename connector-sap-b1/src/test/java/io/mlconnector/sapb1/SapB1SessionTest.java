package io.mlconnector.sapb1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.TransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SapB1SessionTest {

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void oneLoginServesManyCallsAndCloseLogsOut(boolean v2) {
    try (SimFixture f = new SimFixture()) {
      f.sim.addCustomer("C1", "Acme", "USD");
      SapB1Client client = f.client(v2);
      for (int i = 0; i < 5; i++) {
        assertThat(client.businessPartner("C1")).isPresent();
      }
      assertThat(f.sim.logins()).isEqualTo(1);
      assertThat(f.sim.liveSessions()).isEqualTo(1);
      client.close();
      assertThat(f.sim.liveSessions()).isZero();
      assertThat(f.sim.logouts()).isEqualTo(1);
    }
  }

  @Test
  void expiredSessionLogsInOnceMoreAndRepeatsTheCall() {
    try (SimFixture f = new SimFixture()) {
      f.sim.addCustomer("C1", "Acme", "USD");
      try (SapB1Client client = f.client(false)) {
        assertThat(client.businessPartner("C1")).isPresent();
        f.sim.advance(Duration.ofMinutes(31)); // the client's own clock does not move: only the 401 tells it
        assertThat(client.businessPartner("C1")).isPresent();
        assertThat(f.sim.logins()).isEqualTo(2);
        f.sim.failNextWithSessionTimeout(1);
        assertThat(client.businessPartner("C1").orElseThrow().cardName()).isEqualTo("Acme");
        assertThat(f.sim.logins()).isEqualTo(3);
      }
    }
  }

  @Test
  void sessionNearItsIdleTimeoutIsReplacedBeforeUseAndTheOldSeatFreed() {
    try (SimFixture f = new SimFixture(b -> b.maxSessionsPerUser(1), true)) {
      f.sim.addCustomer("C1", "Acme", "USD");
      try (SapB1Client client = f.client(true)) {
        client.businessPartner("C1");
        f.sim.advance(Duration.ofMinutes(20));
        client.businessPartner("C1"); // still fresh: reused, idle timer restarted
        assertThat(f.sim.logins()).isEqualTo(1);
        f.sim.advance(Duration.ofMinutes(29)); // within the 2-minute renewal skew of the 30-minute timeout
        client.businessPartner("C1");
        assertThat(f.sim.logins()).isEqualTo(2);
        assertThat(f.sim.logouts()).isEqualTo(1); // the old one was logged out before the new login (one seat)
        assertThat(f.sim.liveSessions()).isEqualTo(1);
      }
    }
  }

  @Test
  void concurrentFirstCallsShareOneLogin() throws Exception {
    try (SimFixture f = new SimFixture(b -> b.maxSessionsPerUser(1))) {
      f.sim.addCustomer("C1", "Acme", "USD");
      f.sim.faults().latency(Duration.ofMillis(20));
      try (SapB1Client client = f.client(false)) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          results.add(pool.submit(() -> {
            start.await();
            return client.businessPartner("C1").isPresent();
          }));
        }
        start.countDown();
        for (Future<Boolean> r : results) {
          assertThat(r.get(30, TimeUnit.SECONDS)).isTrue();
        }
        pool.shutdown();
        assertThat(f.sim.logins()).isEqualTo(1);
      }
    }
  }

  @Test
  void concurrentCallsStayWithinTheConfiguredLimit() throws Exception {
    try (SimFixture f = new SimFixture()) {
      f.sim.addCustomer("C1", "Acme", "USD");
      f.sim.faults().latency(Duration.ofMillis(30));
      try (SapB1Client client = SapB1Client.create(f.transport, f.config(false).maxConcurrentRequests(3).build())) {
        client.businessPartner("C1");
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
          fs.add(pool.submit(() -> client.businessPartner("C1")));
        }
        for (Future<?> x : fs) {
          x.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(f.sim.peakConcurrency()).isLessThanOrEqualTo(3);
      }
    }
  }

  @Test
  void refusedLoginIsAnAuthenticationErrorWithSapsTextAndNoPassword() {
    try (SimFixture f = new SimFixture()) {
      SapB1Config bad = SapB1Config.builder("acme", "acme/bad", f.sim.serviceRoot(false).toString(),
          SapB1Credentials.of(f.sim.companyDb(), SimFixture.USER, Secret.of("wrong-password-123"))).build();
      try (SapB1Client client = SapB1Client.create(f.transport, bad)) {
        assertThatThrownBy(() -> client.businessPartner("C1"))
            .isInstanceOf(AuthenticationException.class)
            .hasMessageContaining("Login failed")
            .hasMessageContaining("100000027")
            .hasMessageNotContaining("wrong-password-123");
      }
    }
  }

  @Test
  void seatExhaustionIsTransientNotBadCredentials() {
    try (SimFixture f = new SimFixture(b -> b.maxSessionsPerUser(1), true)) {
      f.sim.addCustomer("C1", "Acme", "USD");
      try (SapB1Client first = f.client(false);
          SapB1Client second = SapB1Client.create(f.transport, f.config(false, "acme/other").build())) {
        first.businessPartner("C1");
        assertThatThrownBy(() -> second.businessPartner("C1"))
            .isInstanceOf(TransientException.class)
            .hasMessageContaining("no licence seat free");
        first.close();
        f.sim.advance(Duration.ofSeconds(30)); // the client's wait before it sends Login again (seatRetry)
        assertThat(second.businessPartner("C1")).isPresent();
      }
    }
  }

  @Test
  void pingReportsEachStep() {
    try (SimFixture f = new SimFixture()) {
      f.sim.addCustomer("C1", "Acme", "USD");
      try (SapB1Client client = f.client(true)) {
        PingReport report = client.ping();
        assertThat(report.ok()).isTrue();
        assertThat(report.checks()).extracting(PingReport.Check::name).containsExactly("ping", "login", "read");
        assertThat(report.check("read").detail()).contains("1 business partner");
      }
    }
  }
}
