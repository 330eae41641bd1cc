package io.mlconnector.syspro;

import io.mlconnector.contracts.ReceivablesLedgerContract;
import io.mlconnector.core.role.ReceivablesLedger;
import io.mlconnector.testkit.syspro.ArInvoice;
import io.mlconnector.testkit.syspro.Customer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;

/** SYSPRO's receivables ledger passes the role contract against the SYSPRO simulator. */
class SysproLedgerContractTest extends ReceivablesLedgerContract {
  private static final AtomicInteger NEXT = new AtomicInteger(200001);
  private final SimFixture fx = new SimFixture();
  private final SysproClient client = fx.client();

  @Override
  protected ReceivablesLedger.Provider provider() {
    SysproLedger ledger = SysproLedger.of(SysproSync.builder(client).build());
    return SysproLedger.provider(t -> ledger);
  }

  @Override
  protected String tenant() {
    return "acme";
  }

  @Override
  protected String seedOpenInvoice() {
    fx.sim.setCurrentPeriod(YearMonth.now(java.time.ZoneOffset.UTC));
    fx.sim.addCustomer(Customer.of("CUS001", "Café Zürich").withCurrency("USD"));
    String number = String.valueOf(NEXT.getAndIncrement());
    fx.sim.addArInvoice(ArInvoice.of("CUS001", number, LocalDate.now(java.time.ZoneOffset.UTC), new BigDecimal("1150.00")));
    return number;
  }

  @AfterEach
  void close() {
    client.close();
    fx.close();
  }
}
