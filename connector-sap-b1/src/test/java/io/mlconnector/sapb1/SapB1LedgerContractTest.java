package io.mlconnector.sapb1;

import io.mlconnector.contracts.ReceivablesLedgerContract;
import io.mlconnector.core.role.ReceivablesLedger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** SAP B1's receivables ledger passes the role contract against the Service Layer simulator, on v2. */
class SapB1LedgerContractTest extends ReceivablesLedgerContract {
  private final SimFixture fx = new SimFixture(b -> b.vatRate("S1", 8.25));
  private final SapB1Client client = fx.client(true);

  @Override
  protected ReceivablesLedger.Provider provider() {
    return SapB1Ledger.provider(t -> client);
  }

  @Override
  protected String tenant() {
    return "acme";
  }

  @Override
  protected String seedOpenInvoice() {
    if (fx.sim.businessPartner("C20000") == null) {
      fx.sim.addCustomer("C20000", "Café Zürich", "USD");
    }
    Map<String, Object> inv = fx.sim.addInvoice(Map.of("CardCode", "C20000", "DocumentLines",
        List.of(Map.of("ItemCode", "A00001", "Quantity", 3, "Price", 383.33, "VatGroup", "S1"))));
    return String.valueOf(((Number) inv.get("DocNum")).longValue());
  }

  @AfterEach
  void close() {
    client.close();
    fx.close();
  }
}
