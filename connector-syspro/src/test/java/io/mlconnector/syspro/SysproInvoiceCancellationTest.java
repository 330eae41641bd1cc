package io.mlconnector.syspro;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.testkit.syspro.ArInvoice;
import io.mlconnector.testkit.syspro.Customer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * An AR invoice cancelled in SYSPRO by a credit note under its number comes back from the invoice
 * source as CANCELLED (a new version); the credit note is not emitted; a paid invoice stays PAID.
 */
class SysproInvoiceCancellationTest {

  private static List<Invoice> drain(PollSource<Invoice> source) {
    List<Invoice> all = new ArrayList<>();
    SourcePage<Invoice> page = source.read(new PollRequest(null, Duration.ZERO, 2));
    while (true) {
      all.addAll(page.records());
      if (!page.hasMore() || page.next() == null) {
        return all;
      }
      page = source.read(new PollRequest(page.next(), Duration.ZERO, 2));
    }
  }

  private static Invoice byId(List<Invoice> all, String id) {
    return all.stream().filter(i -> i.ref().id().equals(id)).findFirst().orElseThrow();
  }

  private static void seed(SimFixture f) {
    f.sim.addCustomer(Customer.of("C001", "Café Zürich").withCurrency("USD"));
    for (int i = 1; i <= 4; i++) {
      f.sim.addArInvoice(
          ArInvoice.of("C001", "10000" + i, LocalDate.of(2024, 1, i), new BigDecimal("100.00")));
    }
    // 100004 is paid: zero balance without a credit note
    f.sim.addArInvoice(
        ArInvoice.of("C001", "100004", LocalDate.of(2024, 1, 4), new BigDecimal("100.00"))
            .withBalance(BigDecimal.ZERO));
  }

  private void cancelsByCreditNote(SimFixture f, UnaryOperator<SysproConfig.Builder> config) {
    seed(f);
    try (SysproClient client = SysproClient.create(f.transport, config.apply(f.config()).build())) {
      PollSource<Invoice> source = SysproSync.builder(client).build().arInvoices();
      List<Invoice> before = drain(source);
      assertThat(before).extracting(Invoice::status)
          .containsExactly(Invoice.Status.OPEN, Invoice.Status.OPEN, Invoice.Status.OPEN,
              Invoice.Status.PAID);

      ArInvoice credit = f.sim.cancelArInvoice("C001", "100002");
      assertThat(credit.documentType()).isEqualTo("C");
      assertThat(credit.value()).isEqualByComparingTo("-100.00");
      assertThat(f.sim.invoiceBalance("C001", "100002")).isZero();

      List<Invoice> after = drain(source);
      assertThat(after).extracting(i -> i.ref().id())
          .containsExactlyInAnyOrder(
              "C001|100001|I", "C001|100002|I", "C001|100003|I", "C001|100004|I");
      Invoice cancelled = byId(after, "C001|100002|I");
      assertThat(cancelled.status()).isEqualTo(Invoice.Status.CANCELLED);
      assertThat(cancelled.version()).isNotEqualTo(before.get(1).version());
      assertThat(cancelled.amountPaid().amount()).isZero();
      assertThat(cancelled.total().amount()).isEqualByComparingTo("100.00");
      assertThat(byId(after, "C001|100004|I").status()).isEqualTo(Invoice.Status.PAID);
      assertThat(byId(after, "C001|100001|I").status()).isEqualTo(Invoice.Status.OPEN);
      assertThat(source.fetch(cancelled.ref()))
          .hasValueSatisfying(i -> assertThat(i.status()).isEqualTo(Invoice.Status.CANCELLED));
    }
  }

  @Test
  void odataSourceReportsTheCancelledInvoice() {
    try (SimFixture f = new SimFixture()) {
      cancelsByCreditNote(f, c -> c);
    }
  }

  @Test
  void comfndScanReportsTheCancelledInvoice() {
    try (SimFixture f = new SimFixture()) {
      cancelsByCreditNote(f, c -> f.configWithoutOData());
    }
  }

  @Test
  void withRuleNoneTheCreditNoteIsADocumentAndTheInvoiceLooksPaid() {
    try (SimFixture f = new SimFixture()) {
      seed(f);
      f.sim.cancelArInvoice("C001", "100001");
      try (SysproClient client = f.client()) {
        List<Invoice> all =
            drain(SysproSync.builder(client).arCancellation(ArCancellationRule.NONE).build()
                .arInvoices());
        assertThat(all).extracting(i -> i.ref().id() + "=" + i.status())
            .contains("C001|100001|I=PAID", "C001|100001|C=PAID");
        assertThat(all).filteredOn(i -> i.documentType() == Invoice.DocumentType.CREDIT_NOTE)
            .hasSize(1);
      }
    }
  }
}
