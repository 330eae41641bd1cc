package io.mlconnector.syspro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.TransientException;
import io.mlconnector.syspro.bo.ComfndQuery;
import io.mlconnector.testkit.syspro.Customer;
import io.mlconnector.testkit.syspro.SecondLogonPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SysproSessionPoolTest {

  @Test
  void atMostOneCallPerSessionAndNoMoreSessionsThanThePoolSize() throws Exception {
    try (SimFixture f = SimFixture.rejectingWhenBusy(2)) {
      f.sim.addCustomer(Customer.of("C1", "One"));
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try (SysproClient client = f.client(c -> c.sessionPoolSize(2))) {
        f.sim.pauseCalls();
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          calls.add(
              pool.submit(() -> client.find(ComfndQuery.of("ArCustomer", "Customer")).size()));
        }
        assertThat(f.sim.awaitPausedCalls(2, Duration.ofSeconds(10))).isTrue();
        assertThat(f.sim.activeSessions()).hasSize(2);
        assertThat(client.openSessions()).isEqualTo(2);
        f.sim.resumeCalls();
        for (Future<Integer> c : calls) {
          assertThat(c.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(f.sim.logonCount()).isEqualTo(2);
      } finally {
        pool.shutdownNow();
      }
      assertThat(f.sim.seatsInUse()).isZero();
    }
  }

  @Test
  void concurrentFirstCallsLogOnOnceAndTakeTurnsOnTheOneSession() throws Exception {
    try (SimFixture f = SimFixture.rejectingWhenBusy(1)) {
      f.sim.addCustomer(Customer.of("C1", "One"));
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try (SysproClient client = f.client()) {
        f.sim.pauseCalls();
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          calls.add(
              pool.submit(() -> client.find(ComfndQuery.of("ArCustomer", "Customer")).size()));
        }
        assertThat(f.sim.awaitPausedCalls(1, Duration.ofSeconds(10))).isTrue();
        assertThat(f.sim.logonCount()).isEqualTo(1);
        assertThat(client.openSessions()).isEqualTo(1);
        f.sim.resumeCalls();
        for (Future<Integer> c : calls) {
          assertThat(c.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(f.sim.logonCount()).isEqualTo(1);
        assertThat(f.sim.seatsInUse()).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
      assertThat(f.sim.seatsInUse()).isZero();
    }
  }

  @Test
  void aCallFindingNoFreeSessionWithinTheAcquireTimeoutIsTransient() throws Exception {
    try (SimFixture f = SimFixture.rejectingWhenBusy(1)) {
      f.sim.addCustomer(Customer.of("C1", "One"));
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try (SysproClient client = f.client(c -> c.acquireTimeout(Duration.ofMillis(100)))) {
        f.sim.pauseCalls();
        Future<Integer> held =
            pool.submit(() -> client.find(ComfndQuery.of("ArCustomer", "Customer")).size());
        assertThat(f.sim.awaitPausedCalls(1, Duration.ofSeconds(10))).isTrue();
        assertThatThrownBy(() -> client.find(ComfndQuery.of("ArCustomer", "Customer")))
            .isInstanceOf(TransientException.class)
            .hasMessageContaining("no SYSPRO session became free");
        f.sim.resumeCalls();
        assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(f.sim.logonCount()).isEqualTo(1);
      } finally {
        f.sim.resumeCalls();
        pool.shutdownNow();
      }
      assertThat(f.sim.seatsInUse()).isZero();
    }
  }

  @Test
  void sessionsOfThePoolEvictingEachOtherAreHandledAndNoSeatIsLeft() throws Exception {
    try (SimFixture f = new SimFixture(b -> b.secondLogon(SecondLogonPolicy.EVICT_OLDEST))) {
      f.sim.addCustomer(Customer.of("C1", "One"));
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try (SysproClient client = f.client(c -> c.sessionPoolSize(2))) {
        f.sim.pauseCalls();
        Future<Integer> a =
            pool.submit(() -> client.find(ComfndQuery.of("ArCustomer", "Customer")).size());
        assertThat(f.sim.awaitPausedCalls(1, Duration.ofSeconds(10))).isTrue();
        Future<Integer> b =
            pool.submit(() -> client.find(ComfndQuery.of("ArCustomer", "Customer")).size());
        assertThat(f.sim.awaitPausedCalls(2, Duration.ofSeconds(10))).isTrue();
        f.sim.resumeCalls();
        assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(b.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(f.sim.evictedSessionCount()).isGreaterThanOrEqualTo(1);
        for (int i = 0; i < 4; i++) {
          assertThat(client.find(ComfndQuery.of("ArCustomer", "Customer"))).hasSize(1);
        }
        assertThat(f.sim.seatsInUse()).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
      assertThat(f.sim.seatsInUse()).isZero();
    }
  }
}
