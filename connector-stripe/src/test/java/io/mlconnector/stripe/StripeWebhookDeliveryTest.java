package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.net.Webhook;
import io.mlconnector.testkit.http.FaultInjector;
import io.mlconnector.testkit.http.SimResponse;
import io.mlconnector.testkit.http.SimServer;
import io.mlconnector.testkit.stripe.StripeSimulator;
import io.mlconnector.testkit.stripe.WebhookDelivery;
import io.mlconnector.testkit.stripe.WebhookEndpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator signs deliveries exactly as Stripe does; the verifier accepts them and refuses forgeries. */
class StripeWebhookDeliveryTest {
  private static final String SECRET = "whsec_simEndpointSecret0001";
  private static final String NEW_SECRET = "whsec_simEndpointSecret0002";

  private final StripeSimulator sim = Sim.start();
  private final StripeConnector stripe = Sim.connector(sim);
  private final List<StripeWebhookEvent> accepted = new CopyOnWriteArrayList<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();
  private final Map<String, Boolean> stripeJavaVerdicts = new ConcurrentHashMap<>();
  private volatile StripeWebhookVerifier verifier = StripeWebhookVerifier.builder().secret(SECRET).build();
  private SimServer receiver;
  private WebhookEndpoint endpoint;

  @BeforeEach
  void receive() {
    receiver =
        SimServer.start(
            request -> {
              String header = request.header(StripeWebhookVerifier.SIGNATURE_HEADER);
              String body = new String(request.body(), StandardCharsets.UTF_8);
              try {
                Webhook.constructEvent(body, header, SECRET);
                stripeJavaVerdicts.put(body, true);
              } catch (Exception e) {
                stripeJavaVerdicts.put(body, false);
              }
              try {
                accepted.add(verifier.verify(request.body(), header));
                return SimResponse.json(200, "{\"received\":true}");
              } catch (StripeSignatureException e) {
                refused.add(e.remoteMessage());
                return SimResponse.json(400, "{\"error\":\"signature\"}");
              }
            },
            new FaultInjector(),
            e -> SimResponse.json(500, "{}"),
            2);
    endpoint = sim.webhooks().addEndpoint(receiver.baseUri().resolve("/stripe/webhooks"), SECRET);
    sim.webhooks().maxAttempts(1);
  }

  @AfterEach
  void stop() {
    sim.close();
    receiver.close();
  }

  private static void awaitAsserted(ThrowingRunnable assertion) {
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).untilAsserted(assertion);
  }

  private StripeInvoice paidInvoice() {
    String customerId = stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:W", "v1", "W"), "op-w").id();
    StripeInvoice invoice =
        stripe.createInvoice(
            new StripeInvoiceRequest("syspro:invoice:W1", "v1", customerId, "usd", 30, null,
                List.of(StripeInvoiceLine.of("Work", io.mlconnector.core.model.Money.of("10.00", "USD"))), Map.of()),
            "op-w1");
    sim.payInvoice(invoice.id());
    return invoice;
  }

  @Test
  void deliveriesSignedByTheSimulatorVerify() throws Exception {
    StripeInvoice invoice = paidInvoice();

    awaitAsserted(() -> assertThat(accepted).anyMatch(e -> e.type().equals(StripeEventTypes.INVOICE_PAID)));
    awaitAsserted(() -> assertThat(sim.webhooks().pending()).isZero());

    assertThat(refused).isEmpty();
    assertThat(stripeJavaVerdicts).isNotEmpty().doesNotContainValue(false);
    StripeWebhookEvent paid = accepted.stream().filter(e -> e.type().equals("invoice.paid")).findFirst().orElseThrow();
    assertThat(paid.objectId()).isEqualTo(invoice.id());
    assertThat(paid.objectType()).isEqualTo("invoice");
    assertThat(paid.handled()).isTrue();
    assertThat(accepted).extracting(StripeWebhookEvent::type)
        .contains("customer.created", "invoice.finalized", "payment_intent.succeeded", "charge.succeeded", "invoice.paid");
    assertThat(accepted.stream().filter(e -> e.type().equals("customer.created")).findFirst().orElseThrow().handled()).isFalse();
  }

  @Test
  void duringASecretRotationBothSignaturesAreSentAndEitherSecretVerifies() throws Exception {
    sim.webhooks().rotateSecret(endpoint.id(), NEW_SECRET, true);
    verifier = StripeWebhookVerifier.builder().secret(NEW_SECRET).build();

    stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:R", "v1", "R"), "op-r");
    awaitAsserted(() -> assertThat(sim.webhooks().deliveries()).hasSize(1));

    WebhookDelivery delivery = sim.webhooks().deliveries().get(0);
    assertThat(delivery.signatureHeader().split("v1=", -1)).hasSize(3);
    assertThat(delivery.succeeded()).isTrue();
    assertThat(accepted).hasSize(1);
  }

  @Test
  void staleTimestampsAreRefused() throws Exception {
    sim.webhooks().signatureTimestampOffset(Duration.ofMinutes(-6));

    stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:S", "v1", "S"), "op-s");
    awaitAsserted(() -> assertThat(sim.webhooks().deliveries()).hasSize(1));

    assertThat(sim.webhooks().deliveries().get(0).statusCode()).isEqualTo(400);
    assertThat(accepted).isEmpty();
    assertThat(refused).singleElement().asString().contains("older than the tolerance");
  }

  @Test
  void aV0EntryIsIgnored() throws Exception {
    sim.webhooks().includeV0Signature(true);

    stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:Z", "v1", "Z"), "op-z");
    awaitAsserted(() -> assertThat(sim.webhooks().deliveries()).hasSize(1));

    assertThat(sim.webhooks().deliveries().get(0).signatureHeader()).contains("v0=");
    assertThat(accepted).hasSize(1);
  }

  @Test
  void aDeliveryForAnotherEndpointsSecretIsRefused() throws Exception {
    verifier = StripeWebhookVerifier.builder().secret("whsec_notThisEndpoint").build();

    stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:X", "v1", "X"), "op-x");
    awaitAsserted(() -> assertThat(sim.webhooks().deliveries()).hasSize(1));

    assertThat(accepted).isEmpty();
    assertThat(refused).singleElement().asString().contains("no v1 signature matches");
  }
}
