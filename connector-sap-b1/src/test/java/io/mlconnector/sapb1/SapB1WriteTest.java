package io.mlconnector.sapb1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.error.OutcomeUnknownException;
import io.mlconnector.core.error.RejectedException;
import io.mlconnector.core.error.VersionMismatchException;
import io.mlconnector.testkit.http.Fault;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SapB1WriteTest {

  private static Map<String, Object> invoice(String cardCode, double qty, double price) {
    return Map.of("CardCode", cardCode, "DocDate", "2026-03-02",
        "DocumentLines", List.of(Map.of("ItemCode", "A1", "Quantity", qty, "Price", price)));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void createsReadsAndPaysAnInvoice(boolean v2) {
    try (SimFixture f = new SimFixture(b -> b.vatRate("S1", 10))) {
      f.sim.addCustomer("C1", "Acme", "USD");
      try (SapB1Client client = f.client(v2)) {
        Map<String, Object> body = Map.of("CardCode", "C1", "NumAtCard", "PO-9", "DocumentLines",
            List.of(Map.of("ItemCode", "A1", "Quantity", 2, "Price", 50, "VatGroup", "S1")));
        Document inv = Document.of(client.create("Invoices", body));
        assertThat(inv.docTotal()).isEqualByComparingTo("110.0");
        assertThat(inv.vatSum()).isEqualByComparingTo("10.0");
        assertThat(inv.entity().etag()).matches("W/\"[0-9A-F]{40}\"");
        Document read = client.invoice(inv.docEntry()).orElseThrow();
        assertThat(read.numAtCard()).isEqualTo("PO-9");
        assertThat(read.lines()).singleElement().satisfies(l -> assertThat(l.lineTotal()).isEqualByComparingTo("100"));
        assertThat(read.docDate()).isEqualTo(LocalDate.of(2026, 3, 2));

        IncomingPayment p = client.postIncomingPayment(new IncomingPayment.Draft("C1", "USD", "USD")
            .transfer(new BigDecimal("60.00"), "1020", LocalDate.of(2026, 3, 3), "WIRE-1")
            .apply(inv.docEntry(), new BigDecimal("60.00"))
            .field("Remarks", "mlc:stripe:payment:pi_1"));
        assertThat(p.invoices()).singleElement().satisfies(a -> assertThat(a.sumApplied()).isEqualByComparingTo("60"));
        Document partly = client.invoice(inv.docEntry()).orElseThrow();
        assertThat(partly.paidToDate()).isEqualByComparingTo("60");
        assertThat(partly.status()).isEqualTo("bost_Open");

        assertThatThrownBy(() -> client.postIncomingPayment(new IncomingPayment.Draft("C1", "USD", "USD")
            .transfer(new BigDecimal("60.00"), "1020", LocalDate.of(2026, 3, 3), null)
            .apply(inv.docEntry(), new BigDecimal("60.00"))))
            .isInstanceOf(RejectedException.class)
            .hasMessageContaining("-5002")
            .hasMessageContaining("exceeds its open balance");

        client.postIncomingPayment(new IncomingPayment.Draft("C1", "USD", "USD")
            .transfer(new BigDecimal("50.00"), "1020", LocalDate.of(2026, 3, 3), null)
            .apply(inv.docEntry(), new BigDecimal("50.00")));
        assertThat(client.invoice(inv.docEntry()).orElseThrow().status()).isEqualTo("bost_Close");
      }
    }
  }

  @Test
  void foreignCurrencyInvoicesArePaidInTheirCurrency() {
    try (SimFixture f = new SimFixture()) {
      f.sim.addCustomer("C1", "Acme", "EUR");
      try (SapB1Client client = f.client(true)) {
        Document inv = Document.of(client.create("Invoices", invoice("C1", 1, 100)));
        assertThat(inv.currency()).isEqualTo("EUR");
        assertThat(inv.total("USD")).isEqualByComparingTo("100");
        assertThat(inv.docTotal()).isEqualByComparingTo("110"); // local currency at 1.1
        client.postIncomingPayment(new IncomingPayment.Draft("C1", "EUR", "USD")
            .transfer(new BigDecimal("100"), "1020", LocalDate.of(2026, 3, 3), null)
            .apply(inv.docEntry(), new BigDecimal("100")));
        Document paid = client.invoice(inv.docEntry()).orElseThrow();
        assertThat(paid.paid("USD")).isEqualByComparingTo("100");
        assertThat(paid.status()).isEqualTo("bost_Close");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void errorsOfBothShapesMapOntoTheErrorTree(boolean v2) {
    try (SimFixture f = new SimFixture()) {
      try (SapB1Client client = f.client(v2)) {
        assertThat(client.invoice(999)).isEmpty();
        assertThatThrownBy(() -> client.update("Invoices", 999L, Map.of("Comments", "x"), null, false))
            .isInstanceOf(NotFoundException.class).hasMessageContaining("-2028");
        assertThatThrownBy(() -> client.create("Invoices", invoice("NOPE", 1, 1)))
            .isInstanceOf(RejectedException.class)
            .hasMessageContaining("-10")
            .hasMessageContaining("Invalid BP code");
        assertThatThrownBy(() -> client.create("BusinessPartners", Map.of("CardCode", "X", "Bogus", 1)))
            .isInstanceOf(RejectedException.class)
            .hasMessageContaining("Property 'Bogus' of 'BusinessPartner' is invalid");
      }
    }
  }

  @Test
  void staleEtagIsAVersionMismatchAndUserFieldsRoundTrip() {
    try (SimFixture f = new SimFixture()) {
      f.sim.addCustomer("C1", "Acme", "USD");
      try (SapB1Client client = f.client(true)) {
        BusinessPartner bp = client.businessPartner("C1").orElseThrow();
        String etag = bp.entity().etag();
        client.update("BusinessPartners", "C1", Map.of("EmailAddress", "a@example.com", "U_Segment", "gold"), etag, false);
        assertThatThrownBy(() -> client.update("BusinessPartners", "C1", Map.of("Phone1", "1"), etag, false))
            .isInstanceOf(VersionMismatchException.class).hasMessageContaining("-2039");
        BusinessPartner now = client.businessPartner("C1").orElseThrow();
        assertThat(now.email()).isEqualTo("a@example.com");
        assertThat(now.entity().string("U_Segment")).isEqualTo("gold");
        client.update("BusinessPartners", "C1", Map.of("Phone1", "1"), now.entity().etag(), false);
      }
    }
  }

  @Test
  void patchMergesLinesUnlessCollectionsAreReplaced() {
    try (SimFixture f = new SimFixture()) {
      f.sim.addCustomer("C1", "Acme", "USD");
      try (SapB1Client client = f.client(false)) {
        long entry = Document.of(client.create("Invoices", Map.of("CardCode", "C1", "DocumentLines", List.of(
            Map.of("ItemCode", "A", "Quantity", 1, "Price", 10), Map.of("ItemCode", "B", "Quantity", 1, "Price", 20)))))
            .docEntry();
        client.update("Invoices", entry, Map.of("DocumentLines", List.of(Map.of("LineNum", 1, "Price", 30))), null, false);
        assertThat(client.invoice(entry).orElseThrow().docTotal()).isEqualByComparingTo("40");
        client.update("Invoices", entry, Map.of("DocumentLines", List.of(Map.of("ItemCode", "C", "Quantity", 1, "Price", 5))),
            null, true);
        assertThat(client.invoice(entry).orElseThrow().lines()).hasSize(1);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aChangeSetIsAtomic(boolean v2) {
    try (SimFixture f = new SimFixture()) {
      f.sim.addCustomer("C1", "Acme", "USD");
      try (SapB1Client client = f.client(v2)) {
        long inv = Document.of(client.create("Invoices", invoice("C1", 1, 100))).docEntry();
        IncomingPayment p = client.postIncomingPayment(new IncomingPayment.Draft("C1", "USD", "USD")
            .transfer(new BigDecimal("100"), "1020", LocalDate.of(2026, 3, 3), null).apply(inv, new BigDecimal("100")));
        // cancel and re-post 70: both land
        B1BatchResult ok = client.batch(B1Batch.builder().changeset(cs -> cs
            .action("IncomingPayments", p.docEntry(), "Cancel")
            .post("IncomingPayments", new IncomingPayment.Draft("C1", "USD", "USD")
                .transfer(new BigDecimal("70"), "1020", LocalDate.of(2026, 3, 4), null).apply(inv, new BigDecimal("70"))
                .toBody())).get("Invoices(" + inv + ")").build());
        assertThat(ok.responses()).extracting(B1BatchResult.Response::status).containsExactly(204, 201, 200);
        assertThat(ok.responses().get(1).contentId()).isEqualTo("2");
        assertThat(Document.of(ok.responses().get(2).entity()).paidToDate()).isEqualByComparingTo("70");
        long replacement = IncomingPayment.of(ok.responses().get(1).entity()).docEntry();
        // cancel, then a re-post that is refused: the cancel is rolled back
        assertThatThrownBy(() -> client.batch(B1Batch.builder().changeset(cs -> cs
            .action("IncomingPayments", replacement, "Cancel")
            .post("IncomingPayments", Map.of("CardCode", "NOPE", "TransferSum", 1, "TransferAccount", "1020"))).build()))
            .isInstanceOf(RejectedException.class).hasMessageContaining("Invalid BP code");
        assertThat(client.incomingPayment(replacement).orElseThrow().cancelled()).isFalse();
        assertThat(client.invoice(inv).orElseThrow().paidToDate()).isEqualByComparingTo("70");
      }
    }
  }

  @Test
  void proxyErrorsAreRetriedForReadsButNeverForCreates() {
    try (SimFixture f = new SimFixture()) {
      f.sim.addCustomer("C1", "Acme", "USD");
      try (SapB1Client client = f.client(false)) {
        client.businessPartner("C1");
        f.sim.faults().failNext(2, Fault.SERVER_ERROR);
        assertThat(client.businessPartner("C1")).isPresent();
        f.sim.faults().failNext(1, Fault.RESPONSE_LOST_AFTER_COMMIT);
        assertThatThrownBy(() -> client.create("Invoices", invoice("C1", 1, 5)))
            .isInstanceOf(OutcomeUnknownException.class);
        assertThat(f.sim.all("Invoices")).hasSize(1); // it landed once; the transport did not repeat it
        f.sim.faults().failNext(1, Fault.SERVER_ERROR);
        assertThatThrownBy(() -> client.create("Invoices", invoice("C1", 1, 5)))
            .isInstanceOf(OutcomeUnknownException.class)
            .hasMessageContaining("Proxy Error");
      }
    }
  }
}
