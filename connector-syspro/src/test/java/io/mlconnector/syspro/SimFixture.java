package io.mlconnector.syspro;

import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.testkit.syspro.ArInvoice;
import io.mlconnector.testkit.syspro.BusyPolicy;
import io.mlconnector.testkit.syspro.Customer;
import io.mlconnector.testkit.syspro.GlAccount;
import io.mlconnector.testkit.syspro.Operator;
import io.mlconnector.testkit.syspro.Supplier;
import io.mlconnector.testkit.syspro.SysproSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.UnaryOperator;

/** Starts a simulator and builds clients against it (test helper). */
final class SimFixture implements AutoCloseable {

  static final String OPERATOR = "INTEG";
  static final String PASSWORD = "S3cret-Operator-Pw";
  static final String ODATA_PASSWORD = "OData-Pw-Secret";

  final SysproSimulator sim;
  final HttpTransport transport;

  SimFixture(UnaryOperator<SysproSimulator.Builder> sim) {
    this.sim =
        sim.apply(
                SysproSimulator.builder()
                    .operator(Operator.of(OPERATOR, PASSWORD).withODataPassword(ODATA_PASSWORD)))
            .start();
    this.transport = HttpTransport.builder().sleeper(d -> {}).build();
  }

  SimFixture() {
    this(b -> b);
  }

  /**
   * A simulator that rejects a call when all sessions are busy ({@link BusyPolicy#REJECT}), whose
   * operator may hold {@code concurrentUsers} sessions at once.
   */
  static SimFixture rejectingWhenBusy(int concurrentUsers) {
    return new SimFixture(
        b ->
            b.busyPolicy(BusyPolicy.REJECT)
                .operator(
                    Operator.of(OPERATOR, PASSWORD)
                        .withODataPassword(ODATA_PASSWORD)
                        .withConcurrentUsers(concurrentUsers)));
  }

  /**
   * Seeds the ledgers the sink and business-object tests post to: period 2024-01, customer {@code
   * CUS001} (Café Zürich, USD) with invoice {@code 100234} of 1150.00, supplier {@code SUP001} and
   * GL accounts {@code 00-5100} (expense) and {@code 00-2300} (liability).
   */
  void seedLedgers() {
    sim.setCurrentPeriod(YearMonth.of(2024, 1));
    sim.addCustomer(Customer.of("CUS001", "Café Zürich").withCurrency("USD"));
    sim.addArInvoice(
        ArInvoice.of("CUS001", "100234", LocalDate.of(2024, 1, 5), new BigDecimal("1150.00")));
    sim.addSupplier(Supplier.of("SUP001", "Paper Mill"));
    sim.addGlAccount(GlAccount.of("00-5100", "Office supplies", "E"));
    sim.addGlAccount(GlAccount.of("00-2300", "Accruals", "L"));
  }

  /**
   * A succeeded USD card payment received from customer {@code CUS001} on 2024-01-17, for {@code
   * amount}, of which {@code applied} goes to {@code invoice}.
   */
  static Payment.Builder cardPayment(
      ExternalRef charge, String amount, ExternalRef invoice, String applied) {
    return Payment.builder()
        .ref(charge)
        .version("1")
        .direction(Payment.Direction.RECEIVED)
        .party(SysproRefs.customer(charge.tenant(), "CUS001"))
        .status(Payment.Status.SUCCEEDED)
        .method(Payment.Method.CARD)
        .amount(Money.of(amount, "USD"))
        .date(LocalDate.of(2024, 1, 17))
        .apply(invoice, Money.of(applied, "USD"));
  }

  SysproConfig.Builder config() {
    return configWithoutOData().odata(sim.odataServiceUri().toString(), OPERATOR, ODATA_PASSWORD);
  }

  SysproConfig.Builder configWithoutOData() {
    return SysproConfig.builder("acme", "acme/syspro")
        .restBaseUrl(sim.restBaseUri().toString())
        .credentials(SysproCredentials.of(OPERATOR, PASSWORD, sim.companyId(), ""))
        .acquireTimeout(Duration.ofSeconds(10))
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).build());
  }

  SysproClient client() {
    return SysproClient.create(transport, config().build());
  }

  SysproClient client(UnaryOperator<SysproConfig.Builder> custom) {
    return SysproClient.create(transport, custom.apply(config()).build());
  }

  @Override
  public void close() {
    transport.close();
    sim.close();
  }
}
