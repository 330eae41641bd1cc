package io.mlconnector.acumatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.mapping.MappingRefusedException;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.SourcePage;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An Acumatica record the ledger cannot read is returned as unreadable (parked), not dropped. */
class UnreadableRecordsTest {
  private final Fixture fx = new Fixture();

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void anInvoiceInACurrencyWithNoIsoCodeIsUnreadableAndTheOthersAreRead() {
    fx.sim.addCustomer("CUS001", "Good", "USD");
    fx.sim.addCustomer("CUS002", "Odd", "ZZZ");
    String good = fx.sim.addReleasedInvoice("CUS001", "Consulting", new BigDecimal("100.00"));
    String odd = fx.sim.addReleasedInvoice("CUS002", "Consulting", new BigDecimal("50.00"));
    AcumaticaLedger ledger = AcumaticaLedger.builder(fx.client()).payments("STRIPE", "10200")
        .accounts("10200", "40000", "40000").build();
    PollSource<Invoice> invoices = ledger.invoices();

    SourcePage<Invoice> page = invoices.read(new PollRequest(null, Duration.ZERO, 100));

    assertThat(page.records()).extracting(Invoice::number).containsExactly(good);
    assertThat(page.unreadable()).singleElement().satisfies(u -> {
      assertThat(u.ref()).isEqualTo(AcumaticaRefs.invoice("acme", "CUS002", "Invoice", odd));
      assertThat(u.reason()).startsWith("acumatica invoices: record Invoice|" + odd
          + " cannot be read as a canonical record: ").contains("ZZZ");
    });
    assertThat(page.next()).isNotNull();
    // read again for a replay: refused with the reason, so the engine parks it again
    assertThatThrownBy(() -> invoices.fetch(AcumaticaRefs.invoice("acme", "CUS002", "Invoice", odd)))
        .isInstanceOf(MappingRefusedException.class).hasMessageContaining("ZZZ");
  }
}
