package io.mlconnector.testkit.stripe;

import static io.mlconnector.testkit.stripe.StripeTestSupport.await;
import static io.mlconnector.testkit.stripe.StripeTestSupport.client;
import static io.mlconnector.testkit.stripe.StripeTestSupport.customer;
import static io.mlconnector.testkit.stripe.StripeTestSupport.draftInvoice;
import static io.mlconnector.testkit.stripe.StripeTestSupport.get;
import static io.mlconnector.testkit.stripe.StripeTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import com.stripe.StripeClient;
import com.stripe.model.Invoice;
import java.util.Map;
import java.util.Set;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fields and behaviours Stripe has that the simulator lacked. */
class StripeSimulatorFidelityTest {
  private static final JsonAdapter<Map<String, Object>> JSON = new Moshi.Builder().build()
      .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private final StripeSimulator sim = StripeSimulator.builder().build();
  private final StripeClient stripe = client(sim);

  @AfterEach
  void close() {
    sim.close();
  }

  private Map<String, Object> read(String path) throws Exception {
    try (Response r = get(sim, path)) {
      assertThat(r.code()).as(path).isEqualTo(200);
      return JSON.fromJson(r.body().string());
    }
  }

  @Test
  void withoutEndpointsWebhooksDeliveredAtIsSetAtCreation() throws Exception {
    String customerId = customer(stripe, "C-80").getId();
    Invoice inv = draftInvoice(stripe, customerId, "INV-80");
    assertThat(inv.getWebhooksDeliveredAt()).isNotNull().isEqualTo(inv.getCreated());
  }

  @Test
  void withAnEndpointWebhooksDeliveredAtIsSetWhenDeliverySucceeds() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      sim.webhooks().addEndpoint(receiver.url(), "whsec_fidelity", Set.of("invoice.*"));
      sim.webhooks().hold();
      String customerId = customer(stripe, "C-81").getId();
      Invoice inv = draftInvoice(stripe, customerId, "INV-81");
      assertThat(inv.getWebhooksDeliveredAt()).as("not delivered yet").isNull();
      sim.webhooks().release(WebhookControls.Order.AS_EMITTED);
      await(() -> sim.webhooks().pending() == 0, "deliveries done");
      Invoice after = stripe.v1().invoices().retrieve(inv.getId());
      assertThat(after.getWebhooksDeliveredAt()).isNotNull().isGreaterThanOrEqualTo(inv.getCreated());
    }
  }

  @Test
  void anEndpointThatKeepsFailingLeavesWebhooksDeliveredAtNull() throws Exception {
    sim.webhooks().addEndpoint(java.net.URI.create("http://127.0.0.1:9/none"), "whsec_fidelity",
        Set.of("invoice.created"));
    sim.webhooks().maxAttempts(1);
    String customerId = customer(stripe, "C-82").getId();
    Invoice inv = draftInvoice(stripe, customerId, "INV-82");
    await(() -> sim.webhooks().pending() == 0, "delivery attempted");
    assertThat(stripe.v1().invoices().retrieve(inv.getId()).getWebhooksDeliveredAt()).isNull();
  }

  @Test
  void eventsOfTheAccountItselfCarryNoAccountField() throws Exception {
    customer(stripe, "C-83");
    Map<String, Object> events = read("/v1/events");
    @SuppressWarnings("unchecked")
    Map<String, Object> event = ((java.util.List<Map<String, Object>>) events.get("data")).get(0);
    assertThat(event).containsKey("id").doesNotContainKey("account");
    assertThat(sim.events().get(0)).doesNotContainKey("account");
  }

  @Test
  void aServerErrorAfterExecutionBeganIsStoredAndReplayedForItsKey() throws Exception {
    sim.failNextAfterExecution(1);
    try (Response first = post(sim, "/v1/customers", "op-500", "name", "Once", "metadata[erp_ref]", "C-84")) {
      assertThat(first.code()).isEqualTo(500);
      assertThat(first.body().string()).contains("api_error");
    }
    assertThat(sim.countWithMetadata("customer", "erp_ref", "C-84")).as("execution began and landed").isEqualTo(1);
    try (Response again = post(sim, "/v1/customers", "op-500", "name", "Once", "metadata[erp_ref]", "C-84")) {
      assertThat(again.code()).isEqualTo(500);
      assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }
    assertThat(sim.countWithMetadata("customer", "erp_ref", "C-84")).isEqualTo(1);
    try (Response fresh = post(sim, "/v1/customers", "op-501", "name", "Twice", "metadata[erp_ref]", "C-85")) {
      assertThat(fresh.code()).isEqualTo(200);
    }
  }

  @Test
  void aServerErrorBeforeExecutionIsNotStored() throws Exception {
    sim.failNextWith(1, 500, null, null);
    try (Response first = post(sim, "/v1/customers", "op-502", "name", "Later", "metadata[erp_ref]", "C-86")) {
      assertThat(first.code()).isEqualTo(500);
    }
    try (Response again = post(sim, "/v1/customers", "op-502", "name", "Later", "metadata[erp_ref]", "C-86")) {
      assertThat(again.code()).isEqualTo(200);
      assertThat(again.header("Idempotent-Replayed")).isNull();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void chargeCardDetailsAndDisputeEvidenceCarryEveryFieldStripeSends() throws Exception {
    String customerId = customer(stripe, "C-87").getId();
    Invoice inv = stripe.v1().invoices().finalizeInvoice(draftInvoice(stripe, customerId, "INV-87").getId());
    String chargeId = sim.payInvoice(inv.getId());
    String disputeId = sim.openDispute(chargeId);

    Map<String, Object> card = (Map<String, Object>) ((Map<String, Object>) read("/v1/charges/" + chargeId)
        .get("payment_method_details")).get("card");
    assertThat(card).containsKeys("amount_authorized", "authorization_code", "brand", "checks", "country",
        "exp_month", "exp_year", "extended_authorization", "fingerprint", "funding",
        "incremental_authorization", "installments", "last4", "mandate", "multicapture", "network",
        "network_token", "network_transaction_id", "overcapture", "regulated_status", "three_d_secure",
        "wallet");
    assertThat((Map<String, Object>) card.get("checks")).containsKeys("address_line1_check",
        "address_postal_code_check", "cvc_check");
    assertThat((String) card.get("fingerprint")).matches("[A-Za-z0-9]{16}");

    Map<String, Object> dispute = read("/v1/disputes/" + disputeId);
    assertThat((Map<String, Object>) dispute.get("evidence")).containsKey("enhanced_evidence");
    assertThat((Map<String, Object>) dispute.get("evidence_details")).containsKey("enhanced_eligibility");
  }
}
