package io.mlconnector.acumatica;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.odata.ODataFilter;
import io.mlconnector.testkit.acumatica.RecordedRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every request the client sends is valid against the published contract of its version. */
class ContractConformanceTest {

  @ParameterizedTest
  @ValueSource(strings = {"23.200.001", "24.200.001"})
  void everyRequestTheClientSendsIsValidAgainstTheContract(String version) throws Exception {
    ContractValidator validator = new ContractValidator(Contracts.file(version));
    try (Fixture fx = new Fixture()) {
      fx.sim.addCustomer("C001", "Acme", "USD");
      String inv = fx.sim.addReleasedInvoice("C001", "Consulting", new BigDecimal("100.00"));
      fx.sim.clearRecordedRequests();
      AcumaticaClient client = fx.client(fx.config(fx.oauth()).endpointVersion(version).paging(2, 1).build());

      client.ping();
      client.listAll(EntityType.CUSTOMER, client.query()
          .filter(ODataFilter.gt("LastModifiedDateTime", OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(2))))
          .expand("MainContact", "MainContact/Address"));
      client.listAll(EntityType.SALES_INVOICE, client.query()
          .filter(ODataFilter.and(ODataFilter.eq("Status", "Open"), ODataFilter.ge("Amount", new BigDecimal("0.00"))))
          .expand("Details"));
      client.get(EntityType.SALES_INVOICE, List.of("Invoice", inv), "Details");
      client.put(EntityType.CUSTOMER, new AcumaticaCustomer(null, "C002", "Beta", null, "USD", null, null,
          "ap@beta.example", "+1 555", new AcumaticaCustomer.Address("1 Main St", null, "Kirkland", "WA", "98033", "US"),
          null), Put.upsert("MainContact", "MainContact/Address"));
      client.put(EntityType.INVOICE, AcumaticaInvoice.newInvoice(InvoiceEntity.INVOICE, "C002", LocalDate.of(2024, 6, 1),
          "AR invoice", List.of(AcumaticaInvoiceLine.of(null, "Work", BigDecimal.ONE, new BigDecimal("20.00")))),
          Put.insertOnly("Details"));
      AcumaticaPayment p = client.put(EntityType.PAYMENT, new AcumaticaPayment(null, "Payment", null, "C001",
          "STRIPE", "10200", "pi_1", new BigDecimal("100.00"), LocalDate.of(2024, 6, 30), "USD", "Stripe",
          "mlc:x", false, null, null, null, null, List.of(new DocumentToApply("Invoice", inv, new BigDecimal("100.00"))), null),
          Put.upsert("DocumentsToApply"));
      client.release(EntityType.PAYMENT, p);
      AcumaticaJournal j = client.put(EntityType.JOURNAL_TRANSACTION, new AcumaticaJournal(null, "GL", null,
          LocalDate.of(2024, 6, 30), null, "USD", "fees", false, null, null, List.of(
              new AcumaticaJournalLine(null, "60500", null, new BigDecimal("3.20"), BigDecimal.ZERO, "fee", "txn_1"),
              new AcumaticaJournalLine(null, "10200", null, BigDecimal.ZERO, new BigDecimal("3.20"), "fee", "txn_1")), null),
          Put.upsert("Details"));
      client.release(EntityType.JOURNAL_TRANSACTION, j);
      client.delete(EntityType.CUSTOMER, List.of("NOPE"));

      List<String> violations = new ArrayList<>();
      int checked = 0;
      for (RecordedRequest r : fx.sim.recordedRequests()) {
        if (r.version() == null || r.path().contains("/status/")) {
          continue; // sign-in is outside the endpoint contract; status URLs come from Location headers
        }
        checked++;
        violations.addAll(validator.validate(r));
      }
      assertThat(checked).isGreaterThanOrEqualTo(14);
      assertThat(violations).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"23.200.001", "24.200.001"})
  void theValidatorCatchesUnwrappedValuesUnknownFieldsAndUndeclaredParameters(String version) throws Exception {
    ContractValidator validator = new ContractValidator(Contracts.file(version));
    Map<String, List<String>> json = Map.of("content-type", List.of("application/json"));
    String base = "entity/Default/" + version;

    assertThat(validator.validate(new RecordedRequest("PUT", base + "/Customer", null, json,
        "{\"CustomerID\":\"C1\"}"))).singleElement().asString().contains("must be an object");
    assertThat(validator.validate(new RecordedRequest("PUT", base + "/Customer", null, json,
        "{\"CustomerID\":{\"value\":\"C1\"},\"Nonsense\":{\"value\":1}}"))).singleElement().asString()
        .contains("Nonsense is not declared");
    assertThat(validator.validate(new RecordedRequest("GET", base + "/Customer", "$orderby=CustomerID", Map.of(), "")))
        .singleElement().asString().contains("$orderby is not declared");
    assertThat(validator.validate(new RecordedRequest("POST", base + "/Payment/ReleasePayment", null, json,
        "{\"entity\":{\"Type\":{\"value\":\"Payment\"}},\"parameters\":{}}"))).singleElement().asString()
        .contains("parameters is not declared");
  }
}
