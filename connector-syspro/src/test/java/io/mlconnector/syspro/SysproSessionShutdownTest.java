package io.mlconnector.syspro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mlconnector.core.error.OutcomeUnknownException;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.syspro.bo.ComfndQuery;
import io.mlconnector.syspro.bo.PostingOptions;
import io.mlconnector.testkit.http.Fault;
import io.mlconnector.testkit.syspro.Customer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No licence seat is left behind: after failures in the middle of calls, and with calls in flight.
 */
class SysproSessionShutdownTest {

  private static final String PAYMENT =
      "<PostArPayment><Item><Payment><Customer>CUS001</Customer><PaymentValue>10.00</PaymentValue>"
          + "<Reference>ch_seat</Reference><InvoiceToPay><Invoice>100234</Invoice>"
          + "<GrossPaymentValue>10.00</GrossPaymentValue></InvoiceToPay>"
          + "</Payment></Item></PostArPayment>";

  @Test
  void failuresInTheMiddleOfCallsLeaveNoSeatAfterClose() {
    try (SimFixture f = new SimFixture()) {
      f.seedLedgers();
      String params = PostingOptions.defaults().toXml("PostArPayment");
      try (SysproClient client = f.client()) {
        // a business error answered with ERROR text
        assertThatThrownBy(() -> client.find(ComfndQuery.of("NoSuchTable", "Customer")))
            .isInstanceOf(RejectedException.class);
        assertThat(client.post("ARSTPY", params, PAYMENT).isValid()).isTrue();
        // a posting whose answer never comes (server error, then the response lost)
        f.sim.faults().failNext(1, Fault.SERVER_ERROR);
        assertThatThrownBy(() -> client.post("ARSTPY", params, PAYMENT))
            .isInstanceOf(OutcomeUnknownException.class);
        f.sim.faults().failNext(1, Fault.CONNECTION_DROP);
        assertThatThrownBy(() -> client.post("ARSTPY", params, PAYMENT))
            .isInstanceOf(OutcomeUnknownException.class);
        f.sim.faults().failNext(1, Fault.RESPONSE_LOST_AFTER_COMMIT);
        assertThatThrownBy(() -> client.post("ARSTPY", params, PAYMENT))
            .isInstanceOf(OutcomeUnknownException.class);
        assertThat(f.sim.arPaymentsWithReference("ch_seat")).hasSize(2);
        assertThat(f.sim.seatsInUse()).isEqualTo(1);
        // the session still works after all of that
        assertThat(client.find(ComfndQuery.of("ArCustomer", "Customer"))).hasSize(1);
      }
      assertThat(f.sim.seatsInUse()).isZero();
      assertThat(f.sim.activeSessions()).isEmpty();
    }
  }

  @Test
  void aLogonWhoseAnswerIsLostLeavesNoSeatBehind() {
    try (SimFixture f = new SimFixture()) {
      f.sim.addCustomer(Customer.of("C1", "One"));
      try (SysproClient client = f.client()) {
        // the simulator opens a session but its id never reaches the client
        f.sim.faults().failNext(1, Fault.RESPONSE_LOST_AFTER_COMMIT);
        // the transport repeats the logon (a GET), which evicts the session it never saw
        assertThat(client.find(ComfndQuery.of("ArCustomer", "Customer"))).hasSize(1);
        assertThat(f.sim.faults().injectedCount()).isEqualTo(1);
        assertThat(f.sim.evictedSessionCount()).isEqualTo(1);
        assertThat(f.sim.logonCount()).isEqualTo(2);
        assertThat(f.sim.seatsInUse()).isEqualTo(1);
      }
      assertThat(f.sim.seatsInUse()).isZero();
    }
  }

  @Test
  void aLogoffHitByADroppedConnectionIsRepeatedAtClose() {
    try (SimFixture f = new SimFixture()) {
      SysproClient client = f.client();
      client.logonProfile();
      assertThat(f.sim.seatsInUse()).isEqualTo(1);
      f.sim.faults().failNext(1, Fault.CONNECTION_DROP);
      client.close();
      assertThat(f.sim.faults().injectedCount()).isEqualTo(1);
      assertThat(f.sim.seatsInUse()).isZero();
    }
  }

  @Test
  void closeWaitsForCallsInFlightThenLogsEverySessionOff() throws Exception {
    try (SimFixture f = SimFixture.rejectingWhenBusy(2)) {
      f.sim.addCustomer(Customer.of("C1", "One"));
      ExecutorService callers = Executors.newFixedThreadPool(2);
      SysproClient client = f.client(c -> c.sessionPoolSize(2));
      try {
        f.sim.pauseCalls();
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          calls.add(
              callers.submit(() -> client.find(ComfndQuery.of("ArCustomer", "Customer")).size()));
        }
        assertThat(f.sim.awaitPausedCalls(2, Duration.ofSeconds(10))).isTrue();
        assertThat(f.sim.seatsInUse()).isEqualTo(2);

        Thread closer = new Thread(client::close, "syspro-closer");
        closer.start();
        awaitWaiting(closer);
        assertThat(closer.isAlive()).isTrue();
        assertThat(f.sim.seatsInUse()).isEqualTo(2);

        f.sim.resumeCalls();
        for (Future<Integer> c : calls) {
          assertThat(c.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        closer.join(10_000);
        assertThat(closer.isAlive()).isFalse();
        assertThat(f.sim.seatsInUse()).isZero();
        assertThat(f.sim.logonCount()).isEqualTo(2);
        assertThatThrownBy(() -> client.find(ComfndQuery.of("ArCustomer", "Customer")))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("closed");
      } finally {
        f.sim.resumeCalls();
        callers.shutdownNow();
        client.close();
      }
    }
  }

  /** Polls (bounded) until {@code t} waits: close() is blocked on the calls in flight. */
  private static void awaitWaiting(Thread t) {
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
        .untilAsserted(() -> assertThat(t.getState()).isEqualTo(Thread.State.TIMED_WAITING));
  }
}
