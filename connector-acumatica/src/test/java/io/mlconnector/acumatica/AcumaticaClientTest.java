package io.mlconnector.acumatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.VersionMismatchException;
import io.mlconnector.core.odata.ODataFilter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AcumaticaClientTest {
  private final Fixture fx = new Fixture();

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void readsCustomersWithTheirContactWhenExpanded() {
    fx.sim.addCustomer("c001", "Café Zürich", "EUR", "ap@cafe.example");
    AcumaticaClient client = fx.client();

    List<AcumaticaCustomer> plain = client.list(EntityType.CUSTOMER, client.query());
    List<AcumaticaCustomer> expanded =
        client.list(EntityType.CUSTOMER, client.query().expand("MainContact", "MainContact/Address"));

    assertThat(plain).singleElement().satisfies(c -> {
      assertThat(c.customerId()).isEqualTo("C001");
      assertThat(c.name()).isEqualTo("Café Zürich");
      assertThat(c.email()).isNull();
      assertThat(c.lastModified()).isNotNull();
    });
    assertThat(expanded.get(0).email()).isEqualTo("ap@cafe.example");
  }

  @Test
  void filtersOnLastModifiedWithAnOffsetAwareLiteral() throws Exception {
    fx.sim.addCustomer("OLD", "Old", "USD");
    Thread.sleep(20);
    OffsetDateTime mark = OffsetDateTime.now(ZoneOffset.ofHours(3));
    Thread.sleep(20);
    fx.sim.addCustomer("NEW", "New", "USD");
    AcumaticaClient client = fx.client();

    List<AcumaticaCustomer> changed = client.listAll(EntityType.CUSTOMER,
        client.query().filter(ODataFilter.gt("LastModifiedDateTime", mark)));

    assertThat(changed).extracting(AcumaticaCustomer::customerId).containsExactly("NEW");
  }

  @Test
  void pagesWithOverlapAndReturnsEachRecordOnce() {
    for (int i = 0; i < 23; i++) {
      fx.sim.addCustomer(String.format("C%03d", i), "Customer " + i, "USD");
    }
    AcumaticaClient client = fx.client(fx.config(fx.oauth()).paging(5, 1).build());

    List<AcumaticaCustomer> all = client.listAll(EntityType.CUSTOMER, client.query());

    assertThat(all).hasSize(23);
    assertThat(all).extracting(AcumaticaCustomer::customerId).doesNotHaveDuplicates();
    long pages = fx.sim.recordedRequests().stream()
        .filter(r -> r.method().equals("GET") && "/Customer".equals(r.entityPath())).count();
    assertThat(pages).isEqualTo(6); // 5 + 4 + 4 + 4 + 4 + 2 new rows
  }

  @Test
  void createsAPaymentAppliedToAnInvoiceAndReleasesIt() {
    fx.sim.addCustomer("C001", "Acme", "USD");
    String inv = fx.sim.addReleasedInvoice("C001", "Consulting", new BigDecimal("1150.00"));
    AcumaticaClient client = fx.client();

    AcumaticaPayment created = client.put(EntityType.PAYMENT, new AcumaticaPayment(null, "Payment", null,
        "C001", "STRIPE", null, "pi_123", new BigDecimal("1150.00"), LocalDate.of(2024, 6, 30), null,
        "Stripe pi_123", "mlc:abc", false, null, null, null, null,
        List.of(new DocumentToApply("Invoice", inv, new BigDecimal("1150.00"))), null), Put.upsert("DocumentsToApply"));
    client.release(EntityType.PAYMENT, created);

    assertThat(created.referenceNbr()).isNotBlank();
    assertThat(created.documentsToApply()).singleElement()
        .satisfies(d -> assertThat(d.amountPaid()).isEqualByComparingTo("1150.00"));
    assertThat(fx.sim.status("Payment", "Payment", created.referenceNbr())).isEqualTo("Closed");
    assertThat(fx.sim.balance("SalesInvoice", "Invoice", inv)).isEqualByComparingTo("0");
    assertThat(fx.sim.status("SalesInvoice", "Invoice", inv)).isEqualTo("Closed");
    long polls = fx.sim.recordedRequests().stream().filter(r -> r.path().contains("/status/")).count();
    assertThat(polls).isEqualTo(2); // 202, then 204
  }

  @Test
  void a422NamesEachFailingFieldAndLine() {
    fx.sim.addCustomer("C001", "Acme", "USD");
    AcumaticaClient client = fx.client();
    AcumaticaPayment bad = new AcumaticaPayment(null, "Payment", null, "NOPE", "STRIPE", null, null,
        new BigDecimal("10.00"), LocalDate.of(2024, 6, 30), null, null, null, false, null, null, null, null,
        List.of(), null);

    assertThatThrownBy(() -> client.put(EntityType.PAYMENT, bad, Put.upsert()))
        .isInstanceOfSatisfying(AcumaticaValidationException.class, e -> {
          assertThat(e.fieldErrors()).extracting(AcumaticaValidationException.FieldError::path).contains("CustomerID");
          assertThat(e.getMessage()).contains("CustomerID: 'Customer' cannot be found in the system.");
          assertThat(e.httpStatus()).isEqualTo(422);
        });

    AcumaticaPayment badLine = new AcumaticaPayment(null, "Payment", null, "C001", "STRIPE", null, null,
        new BigDecimal("10.00"), LocalDate.of(2024, 6, 30), null, null, null, false, null, null, null, null,
        List.of(new DocumentToApply("Invoice", "INV999999", new BigDecimal("10.00"))), null);
    assertThatThrownBy(() -> client.put(EntityType.PAYMENT, badLine, Put.upsert()))
        .isInstanceOf(AcumaticaValidationException.class)
        .hasMessageContaining("DocumentsToApply[1].ReferenceNbr: 'Reference Nbr.' cannot be found in the system.");
  }

  @Test
  void aVersionTheInstanceDoesNotServeNamesTheServedVersions() {
    AcumaticaClient client = fx.client(fx.config(fx.oauth()).endpointVersion("25.100.001").build());

    assertThatThrownBy(() -> client.list(EntityType.CUSTOMER, client.query()))
        .isInstanceOf(VersionMismatchException.class)
        .hasMessageContaining("22.200.001").hasMessageContaining("23.200.001").hasMessageContaining("24.200.001");
  }

  @Test
  void getByKeysIsEmptyForAMissingRecordAndKeysWithSlashesAreRefused() {
    AcumaticaClient client = fx.client();
    assertThat(client.get(EntityType.CUSTOMER, List.of("NOPE"))).isEmpty();
    assertThatThrownBy(() -> client.get(EntityType.CUSTOMER, List.of("A/B")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
  }

  @Test
  void journalReleaseFailingOutOfBalanceIsRejectedWithTheReason() {
    AcumaticaClient client = fx.client();
    AcumaticaJournal j = client.put(EntityType.JOURNAL_TRANSACTION, new AcumaticaJournal(null, "GL", null,
        LocalDate.of(2024, 6, 30), null, "USD", "test", false, null, null, List.of(
            new AcumaticaJournalLine(null, "10100", null, new BigDecimal("10.00"), BigDecimal.ZERO, "a", null),
            new AcumaticaJournalLine(null, "10200", null, BigDecimal.ZERO, new BigDecimal("9.00"), "b", null)), null),
        Put.upsert("Details"));

    assertThatThrownBy(() -> client.release(EntityType.JOURNAL_TRANSACTION, j))
        .hasMessageContaining("out of balance");
    assertThat(fx.sim.status("JournalTransaction", "GL", j.batchNbr())).isEqualTo("Balanced");
  }

  @Test
  void pingReportsEachCheckWithItsLatency() {
    PingReport report = fx.client().ping();
    assertThat(report.ok()).isTrue();
    assertThat(report.checks()).extracting(PingReport.Check::name).containsExactly("version", "sign-in",
        "read Customer", "read SalesInvoice", "read Payment", "read JournalTransaction", "read Account");
    assertThat(report.checks()).allSatisfy(c -> assertThat(c.latency().isNegative()).isFalse());
  }

  @Test
  void deletingAMissingRecordIsNotAnError() {
    AcumaticaClient client = fx.client();
    client.delete(EntityType.CUSTOMER, List.of("GONE"));
    assertThat(fx.sim.recordedRequests()).anyMatch(r -> r.method().equals("DELETE") && r.path().endsWith("/Customer/GONE"));
  }
}
