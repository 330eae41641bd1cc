package io.mlconnector.syspro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.OutcomeUnknownException;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.syspro.bo.ComfndQuery;
import io.mlconnector.testkit.http.Fault;
import io.mlconnector.testkit.syspro.ArInvoice;
import io.mlconnector.testkit.syspro.Customer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The simulator's shared fault injection against reads (repeated) and postings (never repeated).
 */
class SysproFaultsTest {

  private static final String T = "acme";

  @Test
  void aDroppedQueryIsRepeatedAndAnswered() {
    try (SimFixture f = new SimFixture();
        SysproClient client = f.client()) {
      f.sim.addCustomer(Customer.of("C1", "One"));
      client.logonProfile();
      f.sim.faults().failNext(1, Fault.CONNECTION_DROP);
      assertThat(client.find(ComfndQuery.of("ArCustomer", "Customer"))).hasSize(1);
      assertThat(f.sim.faults().injectedCount()).isEqualTo(1);
    }
  }

  @Test
  void aPostingThatFailsIsNotRepeatedAndIsLookedUpByItsStamp() {
    try (SimFixture f = new SimFixture()) {
      f.sim.setCurrentPeriod(YearMonth.of(2024, 1));
      f.sim.addCustomer(Customer.of("CUS001", "Café").withCurrency("USD"));
      f.sim.addArInvoice(
          ArInvoice.of("CUS001", "100234", LocalDate.of(2024, 1, 5), new BigDecimal("1150.00")));
      try (SysproClient client = f.client()) {
        Sink<Payment> sink = SysproSync.builder(client).build().payments();
        ExternalRef charge = ExternalRef.of("stripe", T, "charge", "ch_3ServerError1");
        Payment p =
            SimFixture.cardPayment(
                    charge, "100.00", SysproRefs.arInvoice(T, "CUS001", "100234", "I"), "100.00")
                .build();
        WriteContext ctx = new WriteContext(T, "f", "op", charge, "1");
        client.logonProfile();

        f.sim.faults().failNext(1, Fault.SERVER_ERROR);
        assertThatThrownBy(() -> sink.create(p, ctx))
            .isInstanceOf(OutcomeUnknownException.class)
            .satisfies(e -> assertThat(((OutcomeUnknownException) e).mayHaveLanded()).isTrue());
        assertThat(sink.findByStamp(charge, ctx)).isEmpty();
        assertThat(f.sim.invoiceBalance("CUS001", "100234")).isEqualByComparingTo("1150.00");

        f.sim.faults().failNext(1, Fault.RESPONSE_LOST_AFTER_COMMIT);
        assertThatThrownBy(() -> sink.create(p, ctx)).isInstanceOf(OutcomeUnknownException.class);
        assertThat(sink.findByStamp(charge, ctx)).isPresent();
        assertThat(f.sim.invoiceBalance("CUS001", "100234")).isEqualByComparingTo("1050.00");
      }
    }
  }

  @Test
  void concurrentReadsThroughAPoolSurviveRandomDropsAndLeaveNoSeat() throws Exception {
    try (SimFixture f = SimFixture.rejectingWhenBusy(3)) {
      for (int i = 0; i < 20; i++) {
        f.sim.addCustomer(Customer.of(String.format("C%03d", i), "Customer " + i));
      }
      ExecutorService callers = Executors.newFixedThreadPool(6);
      try (SysproClient client =
          f.client(
              c ->
                  c.sessionPoolSize(3)
                      .retryPolicy(
                          RetryPolicy.builder()
                              .maxAttempts(6)
                              .initialBackoff(Duration.ofMillis(1))
                              .maxBackoff(Duration.ofMillis(2))
                              .build()))) {
        client.logonProfile();
        f.sim.faults().seed(7).random(0.1, Fault.CONNECTION_DROP, r -> r.path().contains("Query"));
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
          calls.add(
              callers.submit(() -> client.find(ComfndQuery.of("ArCustomer", "Customer")).size()));
        }
        for (Future<Integer> c : calls) {
          assertThat(c.get(30, TimeUnit.SECONDS)).isEqualTo(20);
        }
        assertThat(f.sim.faults().injectedCount()).isPositive();
        assertThat(f.sim.activeSessions().size()).isLessThanOrEqualTo(3);
      } finally {
        callers.shutdownNow();
      }
      assertThat(f.sim.seatsInUse()).isZero();
    }
  }
}
