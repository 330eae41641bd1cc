package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.ConflictException;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.model.Money;
import io.mlconnector.testkit.http.Fault;
import io.mlconnector.testkit.stripe.StripeSimulator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StripeInvoicesTest {
  private final StripeSimulator sim = Sim.start();
  private final StripeConnector stripe = Sim.connector(sim);
  // no stripe-java retries: an injected 5xx surfaces at once
  private final StripeConnector noRetries = StripeConnector.create(Sim.config(sim).maxNetworkRetries(0).build());
  private String customerId;

  @BeforeEach
  void customer() {
    customerId =
        stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:C1", "v1", "Acme").withEmail("ap@acme.test"), "op-cust").id();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private StripeInvoiceRequest request(String ref, String version, StripeInvoiceLine... lines) {
    return new StripeInvoiceRequest(ref, version, customerId, "usd", 30, "ERP invoice " + ref, List.of(lines), Map.of("po", "PO-77"));
  }

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  private List<Map<String, Object>> itemsFromSim(String invoiceId) {
    java.util.ArrayList<Map<String, Object>> items = new java.util.ArrayList<>();
    sim.count("invoiceitem", o -> {
      if (invoiceId.equals(o.get("invoice"))) {
        items.add(o);
        return true;
      }
      return false;
    });
    return items;
  }

  @Test
  void issuesAnInvoiceForCollectionAndKeepsItsNumberAndHostedUrl() {
    StripeInvoice invoice =
        stripe.createInvoice(
            request(
                "syspro:invoice:100234",
                "v1",
                StripeInvoiceLine.of("Widgets", new BigDecimal("3"), usd("12.50"), usd("37.50")),
                StripeInvoiceLine.of("Freight", usd("10.00")).withTax(usd("1.50"), "VAT 15%", new BigDecimal("15"))),
            "op-inv-1");

    assertThat(invoice.status()).isEqualTo("open");
    assertThat(invoice.number()).isNotBlank();
    assertThat(invoice.hostedInvoiceUrl()).startsWith("https://");
    assertThat(invoice.total()).isEqualTo(3750 + 1000 + 150);
    assertThat(invoice.amountDue()).isEqualTo(4900);
    assertThat(invoice.sourceRef()).isEqualTo("syspro:invoice:100234");

    Map<String, Object> stored = sim.object(invoice.id());
    assertThat(stored)
        .containsEntry("collection_method", "send_invoice")
        .containsEntry("currency", "usd")
        .containsEntry("customer", customerId)
        .containsEntry("description", "ERP invoice syspro:invoice:100234");
    assertThat((Long) stored.get("due_date")).isEqualTo((Long) stored.get("created") + 30 * 86_400L);
    assertThat(Sim.map(stored.get("metadata")))
        .containsEntry(StripeMetadata.SOURCE_REF, "syspro:invoice:100234")
        .containsEntry(StripeMetadata.SOURCE_VERSION, "v1")
        .containsEntry("po", "PO-77");
    assertThat(sim.events()).extracting(e -> e.get("type")).contains("invoice.finalized", "invoice.sent");

    List<Map<String, Object>> items = itemsFromSim(invoice.id());
    assertThat(items).hasSize(3);
    Map<String, Object> widgets = items.stream().filter(i -> "Widgets".equals(i.get("description"))).findFirst().orElseThrow();
    assertThat(widgets).containsEntry("quantity", 3L).containsEntry("amount", 3750L);
    assertThat(items).extracting(i -> i.get("description")).contains("VAT 15% on Freight");
    assertThat(items).extracting(i -> Sim.map(i.get("metadata")).get(StripeMetadata.LINE)).containsExactlyInAnyOrder("0", "1", "tax:1");
  }

  @Test
  void aFractionalQuantityIsSentAsOneAmountWithTheQuantityInTheDescription() {
    StripeInvoice invoice =
        stripe.createInvoice(
            request("syspro:invoice:F1", "v1", StripeInvoiceLine.of("Cable (m)", new BigDecimal("2.5"), usd("4.00"), usd("10.00"))),
            "op-f1");

    Map<String, Object> item = itemsFromSim(invoice.id()).get(0);
    assertThat(item).containsEntry("amount", 1000L).containsEntry("quantity", 1L);
    assertThat((String) item.get("description")).isEqualTo("Cable (m) (2.5 x 4.00)");
  }

  @Test
  void zeroDecimalCurrenciesAreSentAsIs() {
    StripeInvoice invoice =
        stripe.createInvoice(
            new StripeInvoiceRequest("syspro:invoice:J1", "v1", customerId, "JPY", 14, null,
                List.of(StripeInvoiceLine.of("Service", Money.of("5000", "JPY"))), Map.of()),
            "op-j1");

    assertThat(invoice.total()).isEqualTo(5000);
    assertThat(invoice.currency()).isEqualTo("jpy");
  }

  @Test
  void anAmountStripeCannotTakeIsRefusedBeforeAnyRequest() {
    long before = sim.requestCount();

    assertThatThrownBy(() -> stripe.createInvoice(request("syspro:invoice:X", "v1", StripeInvoiceLine.of("Odd", usd("10.005"))), "op-x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lines[0].amount")
        .hasMessageContaining("USD 10.005");
    assertThatThrownBy(
            () ->
                stripe.createInvoice(
                    new StripeInvoiceRequest("syspro:invoice:K", "v1", customerId, "kwd", 30, null,
                        List.of(StripeInvoiceLine.of("Oil", Money.of("5.124", "KWD"))), Map.of()),
                    "op-k"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invoice total")
        .hasMessageContaining("multiple of 10");
    assertThat(sim.requestCount()).isEqualTo(before);
  }

  @Test
  void anOpenInvoiceChangedInTheErpIsVoidedAndReissued() {
    StripeInvoice first = stripe.createInvoice(request("syspro:invoice:200", "v1", StripeInvoiceLine.of("Work", usd("100.00"))), "op-200-v1");

    InvoiceChange change =
        stripe.changeInvoice(first.id(), request("syspro:invoice:200", "v2", StripeInvoiceLine.of("Work", usd("120.00"))), "op-200-v2");

    assertThat(change.outcome()).isEqualTo(InvoiceChange.Outcome.REISSUED);
    assertThat(change.replacedInvoiceId()).isEqualTo(first.id());
    assertThat(change.invoice().id()).isNotEqualTo(first.id());
    assertThat(change.invoice().status()).isEqualTo("open");
    assertThat(change.invoice().total()).isEqualTo(12000);
    assertThat(stripe.retrieveInvoice(first.id()).status()).isEqualTo("void");
    assertThat(Sim.map(sim.object(change.invoice().id()).get("metadata"))).containsEntry(StripeMetadata.REPLACES, first.id());
    assertThat(stripe.findInvoiceBySourceRef("syspro:invoice:200", customerId)).map(StripeInvoice::id).contains(change.invoice().id());
  }

  @Test
  void theSameVersionAgainChangesNothing() {
    StripeInvoiceRequest r = request("syspro:invoice:201", "v1", StripeInvoiceLine.of("Work", usd("100.00")));
    StripeInvoice first = stripe.createInvoice(r, "op-201");

    InvoiceChange change = stripe.changeInvoice(first.id(), r, "op-201-again");

    assertThat(change.outcome()).isEqualTo(InvoiceChange.Outcome.UNCHANGED);
    assertThat(change.invoice().id()).isEqualTo(first.id());
  }

  @Test
  void aPaidInvoiceCannotBeChangedOrCancelledAndIsLeftToAPerson() {
    StripeInvoice first = stripe.createInvoice(request("syspro:invoice:300", "v1", StripeInvoiceLine.of("Work", usd("50.00"))), "op-300");
    sim.payInvoice(first.id());

    assertThatThrownBy(
            () -> stripe.changeInvoice(first.id(), request("syspro:invoice:300", "v2", StripeInvoiceLine.of("Work", usd("40.00"))), "op-300-v2"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("is paid");
    assertThatThrownBy(() -> stripe.cancelInvoice(first.id(), "op-300-cancel"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("is paid");
    assertThat(stripe.retrieveInvoice(first.id()).status()).isEqualTo("paid");
  }

  @Test
  void aDraftLeftByAFailedFinalizeGetsItsLinesReplacedAndIsThenIssued() {
    sim.faults().random(1.0, Fault.SERVER_ERROR, r -> r.path().endsWith("/finalize") || r.path().endsWith("/send"));
    StripeInvoiceRequest v1 = request("syspro:invoice:400", "v1", StripeInvoiceLine.of("A", usd("10.00")), StripeInvoiceLine.of("B", usd("5.00")));
    assertThatThrownBy(() -> noRetries.createInvoice(v1, "op-400")).isInstanceOf(TransientException.class);
    sim.faults().reset();
    StripeInvoice draft = stripe.findInvoiceBySourceRef("syspro:invoice:400", null).orElseThrow();
    assertThat(draft.status()).isEqualTo("draft");

    InvoiceChange change =
        stripe.changeInvoice(draft.id(), request("syspro:invoice:400", "v2", StripeInvoiceLine.of("A", usd("12.00"))), "op-400-v2");

    assertThat(change.outcome()).isEqualTo(InvoiceChange.Outcome.UPDATED_DRAFT);
    assertThat(change.invoice().id()).isEqualTo(draft.id());
    assertThat(change.invoice().status()).isEqualTo("open");
    assertThat(change.invoice().total()).isEqualTo(1200);
    assertThat(itemsFromSim(draft.id())).extracting(i -> i.get("description")).containsExactly("A");
  }

  @Test
  void anErpCancellationVoidsAnOpenInvoiceAndDeletesADraft() {
    StripeInvoice open = stripe.createInvoice(request("syspro:invoice:500", "v1", StripeInvoiceLine.of("Work", usd("10.00"))), "op-500");

    assertThat(stripe.cancelInvoice(open.id(), "op-500-cancel").status()).isEqualTo("void");
    assertThat(stripe.cancelInvoice(open.id(), "op-500-cancel-again").status()).isEqualTo("void");

    sim.faults().random(1.0, Fault.SERVER_ERROR, r -> r.path().endsWith("/finalize") || r.path().endsWith("/send"));
    assertThatThrownBy(() -> noRetries.createInvoice(request("syspro:invoice:501", "v1", StripeInvoiceLine.of("W", usd("1.00"))), "op-501"))
        .isInstanceOf(TransientException.class);
    sim.faults().reset();
    StripeInvoice draft = stripe.findInvoiceBySourceRef("syspro:invoice:501", customerId).orElseThrow();

    assertThat(stripe.cancelInvoice(draft.id(), "op-501-cancel").status()).isEqualTo("deleted");
    assertThat(sim.object(draft.id())).isNull();
  }
}
