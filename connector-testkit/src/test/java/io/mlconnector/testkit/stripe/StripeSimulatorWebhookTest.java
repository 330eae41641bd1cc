package io.mlconnector.testkit.stripe;

import static io.mlconnector.testkit.stripe.StripeTestSupport.await;
import static io.mlconnector.testkit.stripe.StripeTestSupport.client;
import static io.mlconnector.testkit.stripe.StripeTestSupport.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhook deliveries are signed as Stripe signs them and as unreliable as Stripe's. */
class StripeSimulatorWebhookTest {
  private static final String SECRET = "whsec_testSecretOne";
  private final StripeSimulator sim = StripeSimulator.builder().build();
  private final StripeClient stripe = client(sim);
  private final WebhookReceiver receiver;

  StripeSimulatorWebhookTest() throws Exception {
    receiver = new WebhookReceiver();
  }

  @AfterEach
  void close() {
    sim.close();
    receiver.close();
  }

  @Test
  void deliveriesVerifyWithStripeJavaAndTamperingIsRejected() throws Exception {
    sim.webhooks().addEndpoint(receiver.url(), SECRET, Set.of("customer.*"));
    Customer c = customer(stripe, "C-20");
    await(() -> receiver.received.size() == 1, "one customer.created delivery");
    WebhookReceiver.Received r = receiver.received.get(0);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.signature()).matches("t=\\d+,v1=[0-9a-f]{64}");

    Event event = Webhook.constructEvent(r.body(), r.signature(), SECRET);
    assertThat(event.getType()).isEqualTo("customer.created");
    assertThat(event.getApiVersion()).isEqualTo(StripeSimulator.DEFAULT_API_VERSION);
    Customer snapshot = (Customer) event.getDataObjectDeserializer().getObject().orElseThrow();
    assertThat(snapshot.getId()).isEqualTo(c.getId());
    assertThat(event.getRequest().getIdempotencyKey()).as("stripe-java sends a key on every POST").isNotNull();
    assertThat(event.getPendingWebhooks()).isEqualTo(1L);
    await(() -> Long.valueOf(0L).equals(sim.events().get(0).get("pending_webhooks")),
        "pending_webhooks drops once delivered");

    assertThatThrownBy(() -> Webhook.constructEvent(r.body().replace("C-20", "C-21"), r.signature(), SECRET))
        .isInstanceOf(SignatureVerificationException.class);
    assertThatThrownBy(() -> Webhook.constructEvent(r.body(), r.signature(), "whsec_wrong"))
        .isInstanceOf(SignatureVerificationException.class);
  }

  @Test
  void staleTimestampsFailTheToleranceCheck() throws Exception {
    sim.webhooks().addEndpoint(receiver.url(), SECRET);
    sim.webhooks().signatureTimestampOffset(Duration.ofMinutes(-10));
    customer(stripe, "C-22");
    await(() -> receiver.received.size() == 1, "one delivery");
    WebhookReceiver.Received r = receiver.received.get(0);
    assertThatThrownBy(() -> Webhook.constructEvent(r.body(), r.signature(), SECRET))
        .isInstanceOf(SignatureVerificationException.class).hasMessageContaining("tolerance");
    assertThat(Webhook.constructEvent(r.body(), r.signature(), SECRET, 900).getType()).isEqualTo("customer.created");
  }

  @Test
  void rotatedSecretsSignWithBothUntilTheOldOneExpires() throws Exception {
    WebhookEndpoint endpoint = sim.webhooks().addEndpoint(receiver.url(), SECRET);
    sim.webhooks().rotateSecret(endpoint.id(), "whsec_testSecretTwo", true);
    sim.webhooks().includeV0Signature(true);
    customer(stripe, "C-23");
    await(() -> receiver.received.size() == 1, "one delivery");
    WebhookReceiver.Received r = receiver.received.get(0);
    assertThat(r.signature()).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64},v0=[0-9a-f]{64}");
    assertThat(Webhook.constructEvent(r.body(), r.signature(), SECRET).getType()).isEqualTo("customer.created");
    assertThat(Webhook.constructEvent(r.body(), r.signature(), "whsec_testSecretTwo").getType())
        .isEqualTo("customer.created");

    sim.webhooks().expireOldSecrets(endpoint.id());
    customer(stripe, "C-24");
    await(() -> receiver.received.size() == 2, "second delivery");
    WebhookReceiver.Received next = receiver.received.get(1);
    assertThatThrownBy(() -> Webhook.constructEvent(next.body(), next.signature(), SECRET))
        .isInstanceOf(SignatureVerificationException.class);
    assertThat(Webhook.constructEvent(next.body(), next.signature(), "whsec_testSecretTwo")).isNotNull();
    assertThat(endpoint.toString()).doesNotContain("whsec_");
  }

  @Test
  void failedDeliveriesAreRetriedWithBackoffUntilAccepted() throws Exception {
    sim.webhooks().addEndpoint(receiver.url(), SECRET);
    sim.webhooks().retryBackoff(Duration.ofMillis(20)).maxAttempts(4);
    receiver.failFirst.set(2);
    customer(stripe, "C-25");
    await(() -> receiver.received.size() == 3 && sim.webhooks().pending() == 0, "two failures then success");
    List<WebhookDelivery> attempts = sim.webhooks().deliveries();
    assertThat(attempts).extracting(WebhookDelivery::attempt).containsExactly(1, 2, 3);
    assertThat(attempts).extracting(WebhookDelivery::statusCode).containsExactly(500, 500, 200);
    assertThat(receiver.received).extracting(WebhookReceiver.Received::body).containsOnly(receiver.received.get(0).body());

    receiver.failFirst.set(100);
    customer(stripe, "C-26");
    await(() -> sim.webhooks().pending() == 0 && sim.webhooks().deliveries().size() == 7, "bounded retries");
    assertThat(sim.webhooks().deliveries().subList(3, 7)).allSatisfy(d -> assertThat(d.statusCode()).isEqualTo(500));
  }

  @Test
  void deliveriesCanBeDuplicatedDroppedAndReordered() throws Exception {
    sim.webhooks().addEndpoint(receiver.url(), SECRET, Set.of("customer.created"));
    sim.webhooks().duplicateNext(1);
    customer(stripe, "C-27");
    await(() -> receiver.received.size() == 2, "a duplicated delivery");
    assertThat(eventIds()).hasSize(2).containsOnly(eventIds().get(0));

    sim.webhooks().dropNext(1);
    customer(stripe, "C-28");
    await(() -> sim.webhooks().deliveries().stream().anyMatch(WebhookDelivery::dropped), "a dropped delivery");

    receiver.received.clear();
    sim.webhooks().hold();
    customer(stripe, "C-29");
    customer(stripe, "C-30");
    customer(stripe, "C-31");
    assertThat(sim.webhooks().pending()).isEqualTo(3);
    assertThat(receiver.received).isEmpty();
    sim.webhooks().release(WebhookControls.Order.REVERSED);
    await(() -> receiver.received.size() == 3, "three released deliveries");
    List<String> names = receiver.received.stream()
        .map(r -> ((Customer) Webhook.constructEventWithoutVerification(r.body()).getDataObjectDeserializer()
            .getObject().orElseThrow()).getName())
        .collect(Collectors.toList());
    assertThat(names).containsExactly("Customer C-31", "Customer C-30", "Customer C-29");
  }

  @Test
  void aDelayedDeliveryIsPendingUntilItsDelayHasPassed() throws Exception {
    sim.webhooks().addEndpoint(receiver.url(), SECRET, Set.of("customer.created"));
    sim.webhooks().delay(Duration.ofSeconds(2));
    customer(stripe, "C-32");

    // nothing can arrive before the delay; then it arrives, signed as usual
    assertThat(sim.webhooks().pending()).isEqualTo(1);
    assertThat(receiver.received).isEmpty();
    await(() -> receiver.received.size() == 1 && sim.webhooks().pending() == 0, "the delayed delivery");
    WebhookReceiver.Received r = receiver.received.get(0);
    assertThat(Webhook.constructEvent(r.body(), r.signature(), SECRET).getType()).isEqualTo("customer.created");
  }

  private List<String> eventIds() {
    return receiver.received.stream().map(r -> Webhook.constructEventWithoutVerification(r.body()).getId())
        .collect(Collectors.toList());
  }
}
