package io.mlconnector.syspro;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.PaymentApplication;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.sync.ChangeDetection;
import io.mlconnector.core.sync.Checkpoint;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.RetryQueuePolicy;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import io.mlconnector.testkit.SimClock;
import io.mlconnector.testkit.http.Fault;
import io.mlconnector.testkit.syspro.ArInvoice;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The SYSPRO sources and sinks driven by the real sync engine. */
class SysproEngineFlowTest {

  private static final String T = "acme";

  /** The instant the tests' clocks start at. */
  static final Instant T0 = Instant.parse("2024-01-15T09:00:00Z");

  /** A target that remembers customers by source ref. */
  static final class MemoryCustomers implements Sink<Customer> {
    final Map<ExternalRef, Customer> written = new ConcurrentHashMap<>();

    @Override
    public String system() {
      return "memory";
    }

    @Override
    public WriteResult create(Customer c, WriteContext ctx) {
      written.put(ctx.source(), c);
      return WriteResult.of(ExternalRef.of("memory", T, "customer", ctx.source().id()));
    }

    @Override
    public WriteResult update(ExternalRef target, Customer c, WriteContext ctx) {
      written.put(ctx.source(), c);
      return WriteResult.of(target);
    }

    @Override
    public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext ctx) {
      return written.containsKey(source)
          ? Optional.of(WriteResult.of(ExternalRef.of("memory", T, "customer", source.id())))
          : Optional.empty();
    }
  }

  @Test
  void customersFlowOutIncrementallyByRowVersion() {
    SimClock clock = SimClock.at(T0);
    try (SimFixture f = new SimFixture()) {
      f.sim.addCustomer(io.mlconnector.testkit.syspro.Customer.of("C1", "One"));
      f.sim.addCustomer(io.mlconnector.testkit.syspro.Customer.of("C2", "Two"));
      MemoryCustomers target = new MemoryCustomers();
      try (SysproClient client = f.client();
          SyncEngine engine =
              SyncEngine.builder()
                  .store(new InMemoryStateStore(clock))
                  .clock(clock)
                  .addFlow(
                      Flow.poll(
                              "customers",
                              Customer.class,
                              t -> SysproSync.builder(client).build().customers(),
                              Customer.class,
                              t -> target)
                          .mapper((c, ctx) -> c)
                          .pageSize(1)
                          .build())
                  .tenants(List.of(T))
                  .build()) {
        RunReport first = engine.runOnce(T, "customers");
        assertThat(first.written()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(1));
        assertThat(engine.runOnce(T, "customers").written()).isZero();
        f.sim.addCustomer(io.mlconnector.testkit.syspro.Customer.of("C1", "One renamed"));
        clock.advance(Duration.ofMinutes(1));
        assertThat(engine.runOnce(T, "customers").written()).isEqualTo(1);
        assertThat(target.written.get(SysproRefs.customer(T, "C1")).name())
            .isEqualTo("One renamed");
      }
      assertThat(f.sim.seatsInUse()).isZero();
    }
  }

  /** A fixed list of Stripe-side payments, in order. */
  static final class StripePayments implements PollSource<Payment> {
    final List<Payment> payments;

    StripePayments(List<Payment> payments) {
      this.payments = payments;
    }

    @Override
    public ChangeDetection changeDetection() {
      return ChangeDetection.MONOTONIC_KEY;
    }

    @Override
    public SourcePage<Payment> read(PollRequest request) {
      List<Payment> after =
          payments.stream()
              .filter(
                  p ->
                      request.after() == null
                          || p.ref().id().compareTo(request.after().value()) > 0)
              .limit(request.pageSize())
              .toList();
      if (after.isEmpty()) {
        return SourcePage.empty();
      }
      return new SourcePage<>(
          after, Checkpoint.of(after.get(after.size() - 1).ref().id(), ""), false);
    }

    @Override
    public Optional<Payment> fetch(ExternalRef ref) {
      return payments.stream().filter(p -> p.ref().equals(ref)).findFirst();
    }
  }

  @Test
  void aPaymentWhoseAnswerIsLostPostsExactlyOnce() {
    SimClock clock = SimClock.at(T0);
    try (SimFixture f = new SimFixture()) {
      f.sim.setCurrentPeriod(YearMonth.of(2024, 1));
      f.sim.addCustomer(
          io.mlconnector.testkit.syspro.Customer.of("CUS001", "Café").withCurrency("USD"));
      f.sim.addArInvoice(
          ArInvoice.of("CUS001", "100234", LocalDate.of(2024, 1, 5), new BigDecimal("1150.00")));
      ExternalRef stripeInvoice = ExternalRef.of("stripe", T, "invoice", "in_1");
      Payment stripe =
          Payment.builder()
              .ref(ExternalRef.of("stripe", T, "charge", "ch_3LostAnswer01"))
              .version("1")
              .direction(Payment.Direction.RECEIVED)
              .party(ExternalRef.of("stripe", T, "customer", "cus_1"))
              .status(Payment.Status.SUCCEEDED)
              .method(Payment.Method.CARD)
              .amount(Money.of("1150.00", "USD"))
              .date(LocalDate.of(2024, 1, 17))
              .reference("ch_3LostAnswer01")
              .apply(stripeInvoice, Money.of("1150.00", "USD"))
              .build();
      try (SysproClient client = f.client();
          SyncEngine engine =
              SyncEngine.builder()
                  .store(new InMemoryStateStore(clock))
                  .clock(clock)
                  .pendingGracePeriod(Duration.ZERO)
                  .addFlow(
                      Flow.poll(
                              "payments",
                              Payment.class,
                              t -> new StripePayments(List.of(stripe)),
                              Payment.class,
                              t -> SysproSync.builder(client).build().payments())
                          .mapper(
                              (p, ctx) ->
                                  new Payment(
                                      p.ref(),
                                      p.version(),
                                      p.direction(),
                                      SysproRefs.customer(T, "CUS001"),
                                      p.status(),
                                      p.method(),
                                      p.amount(),
                                      p.date(),
                                      p.reference(),
                                      List.of(
                                          PaymentApplication.of(
                                              SysproRefs.arInvoice(T, "CUS001", "100234", "I"),
                                              p.amount())),
                                      p.memo(),
                                      p.extensions()))
                          .retryPolicy(new RetryQueuePolicy(Duration.ZERO, Duration.ZERO, 5))
                          .build())
                  .tenants(List.of(T))
                  .build()) {
        client.logonProfile();
        f.sim.faults().failNext(1, Fault.RESPONSE_LOST_AFTER_COMMIT);
        RunReport lost = engine.runOnce(T, "payments");
        assertThat(f.sim.faults().injectedCount()).isEqualTo(1);
        assertThat(lost.written()).isZero();
        assertThat(f.sim.arPaymentsWithReference("ch_3LostAnswer01")).hasSize(1);
        for (int i = 0; i < 3; i++) {
          clock.advance(Duration.ofMinutes(5));
          engine.runOnce(T, "payments");
        }
        assertThat(f.sim.arPaymentsWithReference("ch_3LostAnswer01")).hasSize(1);
        assertThat(f.sim.invoiceBalance("CUS001", "100234")).isEqualByComparingTo("0.00");
      }
    }
  }
}
