package io.mlconnector.testkit.stripe;

import static io.mlconnector.testkit.stripe.StripeTestSupport.client;
import static io.mlconnector.testkit.stripe.StripeTestSupport.customer;
import static io.mlconnector.testkit.stripe.StripeTestSupport.draftInvoice;
import static io.mlconnector.testkit.stripe.StripeTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import com.stripe.StripeClient;
import com.stripe.model.Invoice;
import com.stripe.param.CreditNoteCreateParams;
import com.stripe.param.RefundCreateParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import okhttp3.Response;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every top-level field of Stripe's published example object ({@code openapi/fixtures3.json}, kept
 * outside the repository under {@code ../shared/contracts/stripe/}) is present in the simulator's
 * answer for that type. Skipped when the contracts folder is absent.
 */
class StripeSimulatorFixtureShapeTest {
  private static final JsonAdapter<Map<String, Object>> JSON = new Moshi.Builder().build()
      .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private static Path fixtures() {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/contracts/stripe/fixtures3.json");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static Map<String, Object> read(StripeSimulator sim, String path) throws Exception {
    try (Response r = get(sim, path)) {
      assertThat(r.code()).as(path).isEqualTo(200);
      return JSON.fromJson(r.body().string());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void responsesCarryEveryFieldOfTheFixtures() throws Exception {
    Path file = fixtures();
    Assumptions.assumeTrue(file != null,
        "shared/contracts/stripe/fixtures3.json not found above " + Paths.get("").toAbsolutePath()
            + ": the contract shape check is skipped");
    Map<String, Map<String, Object>> resources =
        (Map<String, Map<String, Object>>) JSON.fromJson(Files.readString(file)).get("resources");

    try (StripeSimulator sim = StripeSimulator.builder().build()) {
      StripeClient stripe = client(sim);
      String customerId = customer(stripe, "C-60").getId();
      Invoice inv = stripe.v1().invoices().finalizeInvoice(draftInvoice(stripe, customerId, "INV-60").getId());
      String chargeId = sim.payInvoice(inv.getId());
      String refundId = stripe.v1().refunds().create(RefundCreateParams.builder().setCharge(chargeId)
          .setAmount(100L).build()).getId();
      String payoutId = sim.payOut(true).get(0);
      String disputeId = sim.openDispute(chargeId);
      Invoice credited = stripe.v1().invoices().finalizeInvoice(draftInvoice(stripe, customerId, "INV-61").getId());
      String creditNoteId = stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
          .setInvoice(credited.getId())
          .addLine(CreditNoteCreateParams.Line.builder().setType(CreditNoteCreateParams.Line.Type.INVOICE_LINE_ITEM)
              .setInvoiceLineItem(credited.getLines().getData().get(0).getId()).setAmount(500L).build())
          .build()).getId();
      Map<String, Object> creditNoteLines = read(sim, "/v1/credit_notes/" + creditNoteId + "/lines");
      Invoice taxed = draftInvoice(stripe, customerId, "INV-62");
      Map<String, Object> added = JSON.fromJson(StripeTestSupport.post(sim, "/v1/invoices/" + taxed.getId() + "/add_lines", null,
          "lines[0][amount]", "1000", "lines[0][tax_amounts][0][amount]", "200",
          "lines[0][tax_amounts][0][taxable_amount]", "1000",
          "lines[0][tax_amounts][0][tax_rate_data][display_name]", "VAT",
          "lines[0][tax_amounts][0][tax_rate_data][inclusive]", "false",
          "lines[0][tax_amounts][0][tax_rate_data][percentage]", "20").body().string());
      String taxRateId = (String) ((Map<String, Object>) ((List<Map<String, Object>>) added.get("total_taxes")).get(0)
          .get("tax_rate_details")).get("tax_rate");
      Map<String, Object> deletedInvoice;
      try (Response r = StripeTestSupport.HTTP.newCall(new okhttp3.Request.Builder()
          .url(sim.baseUrl() + "/v1/invoices/" + taxed.getId()).delete()
          .header("Authorization", "Bearer " + sim.apiKey()).build()).execute()) {
        deletedInvoice = JSON.fromJson(r.body().string());
      }
      Map<String, Object> charge = read(sim, "/v1/charges/" + chargeId);
      Map<String, Object> invoice = read(sim, "/v1/invoices/" + inv.getId());
      Map<String, Object> lines = read(sim, "/v1/invoices/" + inv.getId() + "/lines");
      Map<String, Object> payments = read(sim, "/v1/invoice_payments?invoice=" + inv.getId());
      Map<String, Object> events = read(sim, "/v1/events?limit=1");

      Map<String, Map<String, Object>> actual = Map.ofEntries(
          Map.entry("customer", read(sim, "/v1/customers/" + customerId)),
          Map.entry("invoice", invoice),
          Map.entry("invoiceitem", ((List<Map<String, Object>>) read(sim, "/v1/invoiceitems?invoice="
              + inv.getId()).get("data")).get(0)),
          Map.entry("line_item", ((List<Map<String, Object>>) lines.get("data")).get(0)),
          Map.entry("invoice_payment", ((List<Map<String, Object>>) payments.get("data")).get(0)),
          Map.entry("payment_intent", read(sim, "/v1/payment_intents/" + charge.get("payment_intent"))),
          Map.entry("charge", charge),
          Map.entry("refund", read(sim, "/v1/refunds/" + refundId)),
          Map.entry("dispute", read(sim, "/v1/disputes/" + disputeId)),
          Map.entry("balance_transaction", read(sim, "/v1/balance_transactions/" + charge.get("balance_transaction"))),
          Map.entry("payout", read(sim, "/v1/payouts/" + payoutId)),
          Map.entry("credit_note", read(sim, "/v1/credit_notes/" + creditNoteId)),
          Map.entry("account", read(sim, "/v1/account")),
          Map.entry("tax_rate", read(sim, "/v1/tax_rates/" + taxRateId)),
          Map.entry("deleted_invoice", deletedInvoice),
          Map.entry("credit_note_line_item", ((List<Map<String, Object>>) creditNoteLines.get("data")).get(0)),
          Map.entry("event", ((List<Map<String, Object>>) events.get("data")).get(0)));

      SoftAssertions soft = new SoftAssertions();
      actual.forEach((type, object) -> {
        Map<String, Object> fixture = resources.get(type);
        assertThat(fixture).as("fixture for " + type).isNotNull();
        soft.assertThat(object.keySet()).as(type + " fields").containsAll(fixture.keySet());
        soft.assertThat(object.get("object")).as(type + " object").isEqualTo(fixture.get("object"));
      });
      // lists: the fixture's embedded list (invoice.lines) names the list fields
      Map<String, Object> listFixture = (Map<String, Object>) resources.get("invoice").get("lines");
      for (Map<String, Object> list : List.of(lines, payments, events, creditNoteLines, read(sim, "/v1/customers"))) {
        soft.assertThat(list.keySet()).as("list fields").containsAll(listFixture.keySet());
        soft.assertThat(list.get("object")).isEqualTo("list");
      }
      soft.assertAll();
    }
  }
}
