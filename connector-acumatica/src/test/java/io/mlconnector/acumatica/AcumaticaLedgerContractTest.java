package io.mlconnector.acumatica;

import io.mlconnector.contracts.ReceivablesLedgerContract;
import io.mlconnector.core.role.ReceivablesLedger;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;

/** Acumatica's receivables ledger passes the role contract against the Acumatica simulator. */
class AcumaticaLedgerContractTest extends ReceivablesLedgerContract {
  private final Fixture fx = new Fixture();
  private final AcumaticaClient client = fx.client();

  @Override
  protected ReceivablesLedger.Provider provider() {
    AcumaticaLedger ledger = AcumaticaLedger.builder(client).payments("STRIPE", "10200")
        .accounts("10200", "40000", "40000").build();
    return AcumaticaLedger.provider(t -> ledger);
  }

  @Override
  protected String tenant() {
    return "acme";
  }

  @Override
  protected String seedOpenInvoice() {
    fx.sim.addCustomer("CUS001", "Café Zürich", "USD");
    return fx.sim.addReleasedInvoice("CUS001", "Consulting", new BigDecimal("1150.00"));
  }

  @AfterEach
  void close() {
    fx.close();
  }
}
