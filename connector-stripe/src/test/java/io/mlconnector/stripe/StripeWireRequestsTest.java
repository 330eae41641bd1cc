package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.Money;
import io.mlconnector.testkit.http.FaultInjector;
import io.mlconnector.testkit.http.SimRequest;
import io.mlconnector.testkit.http.SimResponse;
import io.mlconnector.testkit.http.SimServer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The requests behind the two paths the Stripe simulator does not model (credit notes and {@code
 * add_lines} with tax amounts), checked on the wire against a recording server.
 */
class StripeWireRequestsTest {
  private final List<SimRequest> requests = new CopyOnWriteArrayList<>();
  private SimServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String invoice(String id, String status, long total) {
    return "{\"id\":\"" + id + "\",\"object\":\"invoice\",\"status\":\"" + status + "\",\"customer\":\"cus_1\",\"currency\":\"usd\","
        + "\"total\":" + total + ",\"amount_due\":" + total + ",\"amount_paid\":0,\"created\":1790000000,"
        + (status.equals("draft") ? "" : "\"number\":\"ABC-0001\",\"hosted_invoice_url\":\"https://invoice.example/i/1\",")
        + "\"metadata\":{\"mlc_source_ref\":\"syspro:invoice:CN\",\"mlc_source_version\":\"v1\"}}";
  }

  private StripeConnector connectTo(java.util.function.Function<SimRequest, String> answers, StripeConfig.Builder extra) {
    server =
        SimServer.start(
            r -> {
              requests.add(r);
              return SimResponse.json(200, answers.apply(r)).withHeader("Request-Id", "req_wire");
            },
            new FaultInjector(),
            e -> SimResponse.json(500, "{}"),
            2);
    return StripeConnector.create(
        extra.tenant("acme").apiKey("sk_test_wire").apiBase(server.baseUri().toString()).requestsPerSecond(1000).build());
  }

  private SimRequest only(String method, String path) {
    return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).reduce((a, b) -> {
      throw new AssertionError("more than one " + method + " " + path);
    }).orElseThrow(() -> new AssertionError("no " + method + " " + path));
  }

  @Test
  void aDecreaseOfAnOpenInvoiceIsACreditNoteForTheDifference() {
    StripeConnector stripe =
        connectTo(
            r -> r.path().equals("/v1/credit_notes")
                ? "{\"id\":\"cn_1\",\"object\":\"credit_note\",\"invoice\":\"in_open\",\"amount\":2000}"
                : invoice("in_open", "open", 10000),
            StripeConfig.builder().openInvoicePolicy(OpenInvoicePolicy.CREDIT_NOTE_FOR_DECREASE));

    InvoiceChange change =
        stripe.changeInvoice(
            "in_open",
            new StripeInvoiceRequest("syspro:invoice:CN", "v2", "cus_1", "usd", 30, "Price corrected",
                List.of(StripeInvoiceLine.of("Work", Money.of("80.00", "USD"))), Map.of()),
            "op-cn");

    assertThat(change.outcome()).isEqualTo(InvoiceChange.Outcome.CREDITED);
    assertThat(change.creditNoteId()).isEqualTo("cn_1");
    SimRequest note = only("POST", "/v1/credit_notes");
    assertThat(note.header("Idempotency-Key")).isEqualTo("op-cn/credit-note");
    Map<String, List<String>> form = note.form();
    assertThat(form).containsEntry("invoice", List.of("in_open"))
        .containsEntry("lines[0][type]", List.of("custom_line_item"))
        .containsEntry("lines[0][unit_amount]", List.of("2000"))
        .containsEntry("lines[0][quantity]", List.of("1"))
        .containsEntry("memo", List.of("Price corrected"))
        .containsEntry("metadata[mlc_source_ref]", List.of("syspro:invoice:CN"));
    SimRequest stamp = only("POST", "/v1/invoices/in_open");
    assertThat(stamp.form()).containsEntry("metadata[mlc_source_version]", List.of("v2")).containsEntry("metadata[mlc_operation]", List.of("op-cn"));
    assertThat(requests).noneMatch(r -> r.path().endsWith("/void"));
  }

  @Test
  void anIncreaseFallsBackToVoidAndReissue() {
    StripeConnector stripe =
        connectTo(
            r -> r.path().endsWith("/void") ? invoice("in_open", "void", 10000)
                : r.method().equals("POST") && r.path().equals("/v1/invoices") ? invoice("in_new", "draft", 0)
                : r.path().equals("/v1/invoiceitems") ? "{\"id\":\"ii_1\",\"object\":\"invoiceitem\"}"
                : r.path().startsWith("/v1/invoices/in_new") ? invoice("in_new", "open", 12000)
                : invoice("in_open", "open", 10000),
            StripeConfig.builder().openInvoicePolicy(OpenInvoicePolicy.CREDIT_NOTE_FOR_DECREASE));

    InvoiceChange change =
        stripe.changeInvoice(
            "in_open",
            new StripeInvoiceRequest("syspro:invoice:CN", "v2", "cus_1", "usd", 30, null,
                List.of(StripeInvoiceLine.of("Work", Money.of("120.00", "USD"))), Map.of()),
            "op-up");

    assertThat(change.outcome()).isEqualTo(InvoiceChange.Outcome.REISSUED);
    assertThat(only("POST", "/v1/invoices/in_open/void").header("Idempotency-Key")).isEqualTo("op-up/void");
    assertThat(only("POST", "/v1/invoices").form()).containsEntry("metadata[mlc_replaces]", List.of("in_open"));
    assertThat(requests).noneMatch(r -> r.path().equals("/v1/credit_notes"));
  }

  @Test
  void taxAsTaxAmountsAddsTheLinesInOneCallWithTheirTax() {
    StripeConnector stripe =
        connectTo(
            r -> r.method().equals("POST") && r.path().equals("/v1/invoices") ? invoice("in_tax", "draft", 0) : invoice("in_tax", "open", 11500),
            StripeConfig.builder().taxMode(TaxMode.AS_TAX_AMOUNTS));

    StripeInvoice inv =
        stripe.createInvoice(
            new StripeInvoiceRequest("syspro:invoice:CN", "v1", "cus_1", "usd", 30, null,
                List.of(StripeInvoiceLine.of("Work", Money.of("100.00", "USD")).withTax(Money.of("15.00", "USD"), "VAT 15%", new BigDecimal("15"))),
                Map.of()),
            "op-tax");

    assertThat(inv.status()).isEqualTo("open");
    SimRequest lines = only("POST", "/v1/invoices/in_tax/add_lines");
    assertThat(lines.header("Idempotency-Key")).isEqualTo("op-tax/lines");
    assertThat(lines.form())
        .containsEntry("lines[0][amount]", List.of("10000"))
        .containsEntry("lines[0][description]", List.of("Work"))
        .containsEntry("lines[0][tax_amounts][0][amount]", List.of("1500"))
        .containsEntry("lines[0][tax_amounts][0][taxable_amount]", List.of("10000"))
        .containsEntry("lines[0][tax_amounts][0][tax_rate_data][display_name]", List.of("VAT 15%"))
        .containsEntry("lines[0][tax_amounts][0][tax_rate_data][percentage]", List.of("15"))
        .containsEntry("lines[0][tax_amounts][0][tax_rate_data][inclusive]", List.of("false"));
    assertThat(requests).noneMatch(r -> r.path().equals("/v1/invoiceitems"));
    assertThat(only("POST", "/v1/invoices").form())
        .containsEntry("collection_method", List.of("send_invoice"))
        .containsEntry("days_until_due", List.of("30"))
        .containsEntry("auto_advance", List.of("false"))
        .containsEntry("pending_invoice_items_behavior", List.of("exclude"));
    assertThat(only("POST", "/v1/invoices").header("Stripe-Version")).isEqualTo(StripeConnector.apiVersion());
    assertThat(only("POST", "/v1/invoices").header("Authorization")).isEqualTo("Bearer sk_test_wire");
  }
}
