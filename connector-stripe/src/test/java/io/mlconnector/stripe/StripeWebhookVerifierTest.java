package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.net.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StripeWebhookVerifierTest {
  private static final String SECRET = "whsec_current0123456789abcdef";
  private static final String OLD_SECRET = "whsec_previous9876543210fedcba";
  private static final long NOW = 1_790_000_000L;
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

  private static final String BODY =
      "{\"id\":\"evt_1Q2w3E\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\",\"created\":1789999990,"
          + "\"livemode\":false,\"pending_webhooks\":1,\"type\":\"invoice.paid\","
          + "\"data\":{\"object\":{\"id\":\"in_1AbC\",\"object\":\"invoice\",\"status\":\"paid\",\"amount_paid\":1000}},"
          + "\"request\":{\"id\":null,\"idempotency_key\":null}}";

  private final StripeWebhookVerifier verifier =
      StripeWebhookVerifier.builder().secret(SECRET).clock(CLOCK).build();

  private static String sign(String body, String secret, long t) throws Exception {
    return Webhook.Signature.generateSignatureHeader(body, secret, t);
  }

  @Test
  void acceptsABodySignedAsStripeSignsIt() throws Exception {
    StripeWebhookEvent event = verifier.verify(BODY, sign(BODY, SECRET, NOW - 10));

    assertThat(event.id()).isEqualTo("evt_1Q2w3E");
    assertThat(event.type()).isEqualTo(StripeEventTypes.INVOICE_PAID);
    assertThat(event.handled()).isTrue();
    assertThat(event.objectType()).isEqualTo("invoice");
    assertThat(event.objectId()).isEqualTo("in_1AbC");
    assertThat(event.apiVersion()).isEqualTo("2026-07-29.dahlia");
    assertThat(event.created()).isEqualTo(Instant.ofEpochSecond(1789999990L));
    assertThat(event.payload()).isEqualTo(BODY);
    assertThat(event.toStripeEvent().getId()).isEqualTo("evt_1Q2w3E");
  }

  @Test
  void agreesWithStripeJavasOwnCheck() throws Exception {
    String header = sign(BODY, SECRET, NOW);
    assertThat(Webhook.Signature.verifyHeader(BODY, header, SECRET, 300, CLOCK)).isTrue();
    assertThat(verifier.verify(BODY.getBytes(StandardCharsets.UTF_8), header).id()).isEqualTo("evt_1Q2w3E");
  }

  @Test
  void refusesATamperedBody() throws Exception {
    String header = sign(BODY, SECRET, NOW);
    String tampered = BODY.replace("\"amount_paid\":1000", "\"amount_paid\":9000");

    assertThatThrownBy(() -> verifier.verify(tampered, header))
        .isInstanceOf(StripeSignatureException.class)
        .hasMessageContaining("no v1 signature matches");
  }

  @Test
  void refusesAReserialisedBody() throws Exception {
    String header = sign(BODY, SECRET, NOW);
    assertThatThrownBy(() -> verifier.verify(BODY.replace(",", ", "), header)).isInstanceOf(StripeSignatureException.class);
  }

  @Test
  void refusesATimestampOlderThanTheTolerance() throws Exception {
    String header = sign(BODY, SECRET, NOW - 301);

    assertThatThrownBy(() -> verifier.verify(BODY, header))
        .isInstanceOf(StripeSignatureException.class)
        .hasMessageContaining("older than the tolerance of 300 s");
  }

  @Test
  void toleranceIsConfigurable() throws Exception {
    String header = sign(BODY, SECRET, NOW - 301);
    StripeWebhookVerifier lenient =
        StripeWebhookVerifier.builder().secret(SECRET).tolerance(Duration.ofMinutes(10)).clock(CLOCK).build();
    assertThat(lenient.verify(BODY, header).id()).isEqualTo("evt_1Q2w3E");

    StripeWebhookVerifier strict =
        StripeWebhookVerifier.builder().secret(SECRET).tolerance(Duration.ofSeconds(5)).clock(CLOCK).build();
    assertThatThrownBy(() -> strict.verify(BODY, sign(BODY, SECRET, NOW - 6))).isInstanceOf(StripeSignatureException.class);
  }

  @Test
  void aTimestampAheadOfTheClockIsAcceptedAsStripeJavaDoes() throws Exception {
    assertThat(verifier.verify(BODY, sign(BODY, SECRET, NOW + 120)).id()).isEqualTo("evt_1Q2w3E");
  }

  @Test
  void refusesTheWrongSecret() throws Exception {
    String header = sign(BODY, "whsec_someoneelse", NOW);

    assertThatThrownBy(() -> verifier.verify(BODY, header)).isInstanceOf(StripeSignatureException.class);
  }

  @Test
  void duringRotationEitherSecretIsAccepted() throws Exception {
    StripeWebhookVerifier rotating =
        StripeWebhookVerifier.builder().secret(SECRET).previousSecret(OLD_SECRET).clock(CLOCK).build();

    // Stripe signs with both secrets during a roll: two v1 entries
    String both = "t=" + NOW + ",v1=" + hmac(OLD_SECRET, NOW) + ",v1=" + hmac(SECRET, NOW);
    assertThat(rotating.verify(BODY, both).id()).isEqualTo("evt_1Q2w3E");
    assertThat(verifier.verify(BODY, both).id()).isEqualTo("evt_1Q2w3E");

    // a delivery signed only with the old secret passes only while it is configured
    String oldOnly = sign(BODY, OLD_SECRET, NOW);
    assertThat(rotating.verify(BODY, oldOnly).id()).isEqualTo("evt_1Q2w3E");
    assertThatThrownBy(() -> verifier.verify(BODY, oldOnly)).isInstanceOf(StripeSignatureException.class);
  }

  @Test
  void onlyV1CountsSoAV0SignatureCannotDowngrade() throws Exception {
    String v0Only = "t=" + NOW + ",v0=" + hmac(SECRET, NOW);
    assertThatThrownBy(() -> verifier.verify(BODY, v0Only))
        .isInstanceOf(StripeSignatureException.class)
        .hasMessageContaining("no v1 signature");

    String withV0 = sign(BODY, SECRET, NOW) + ",v0=deadbeef";
    assertThat(verifier.verify(BODY, withV0).id()).isEqualTo("evt_1Q2w3E");
  }

  @Test
  void refusesMissingAndMalformedHeaders() {
    assertThatThrownBy(() -> verifier.verify(BODY, null)).isInstanceOf(StripeSignatureException.class).hasMessageContaining("no Stripe-Signature");
    assertThatThrownBy(() -> verifier.verify(BODY, "garbage")).isInstanceOf(StripeSignatureException.class).hasMessageContaining("no timestamp");
    assertThatThrownBy(() -> verifier.verify(BODY, "t=abc,v1=00")).isInstanceOf(StripeSignatureException.class).hasMessageContaining("not a number");
    assertThatThrownBy(() -> verifier.verify(BODY, "t=0,v1=00")).isInstanceOf(StripeSignatureException.class).hasMessageContaining("no timestamp");
  }

  @Test
  void unknownEventTypesVerifyButAreMarkedNotHandled() throws Exception {
    String body = BODY.replace("invoice.paid", "customer.tax_id.created");
    StripeWebhookEvent event = verifier.verify(body, sign(body, SECRET, NOW));
    assertThat(event.handled()).isFalse();
    assertThat(event.type()).isEqualTo("customer.tax_id.created");
  }

  @Test
  void aVerifiedBodyThatIsNotAnEventIsRefusedClearly() throws Exception {
    String notJson = "{\"id\": evt_";
    assertThatThrownBy(() -> verifier.verify(notJson, sign(notJson, SECRET, NOW)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON");
    String notObject = "hello";
    assertThatThrownBy(() -> verifier.verify(notObject, sign(notObject, SECRET, NOW)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a JSON object");
    String notEvent = "{\"object\":\"invoice\",\"id\":\"in_1\"}";
    assertThatThrownBy(() -> verifier.verify(notEvent, sign(notEvent, SECRET, NOW)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a Stripe event");
  }

  @Test
  void secretsNeverShowInToStringOrErrors() throws Exception {
    StripeWebhookVerifier rotating = StripeWebhookVerifier.builder().secret(SECRET).previousSecret(OLD_SECRET).clock(CLOCK).build();
    assertThat(rotating.toString()).doesNotContain(SECRET).doesNotContain(OLD_SECRET).doesNotContain("whsec_");
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> rotating.verify(BODY, sign(BODY, "whsec_x", NOW)));
    assertThat(t.getMessage()).doesNotContain("whsec_").doesNotContain(hmac(SECRET, NOW));
  }

  @Test
  void builderChecksItsArguments() {
    assertThatThrownBy(() -> StripeWebhookVerifier.builder().build()).hasMessageContaining("secret is required");
    assertThatThrownBy(() -> StripeWebhookVerifier.builder().secret(" ")).hasMessageContaining("secret must not be blank");
    assertThatThrownBy(() -> StripeWebhookVerifier.builder().tolerance(Duration.ofSeconds(-1))).hasMessageContaining("tolerance");
  }

  @Test
  void asTheEnginesVerifierItReadsTheHeaderCaseInsensitivelyAndAnswers401Or400() throws Exception {
    io.mlconnector.core.sync.WebhookVerifier spi = verifier;
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

    io.mlconnector.core.sync.WebhookEvent event =
        spi.verify(java.util.Map.of("stripe-signature", java.util.List.of(sign(BODY, SECRET, NOW))), body);
    assertThat(event.eventId()).isEqualTo("evt_1Q2w3E");
    assertThat(event.type()).isEqualTo("invoice.paid");
    assertThat(event.payload()).isEqualTo(BODY);

    assertThatThrownBy(() -> spi.verify(java.util.Map.of("Stripe-Signature", java.util.List.of(sign(BODY, "whsec_x", NOW))), body))
        .isInstanceOf(io.mlconnector.core.sync.WebhookVerificationException.class)
        .satisfies(e -> assertThat(((io.mlconnector.core.sync.WebhookVerificationException) e).status()).isEqualTo(401));
    assertThatThrownBy(() -> spi.verify(java.util.Map.of(), body))
        .isInstanceOf(io.mlconnector.core.sync.WebhookVerificationException.class)
        .hasMessageContaining("no Stripe-Signature");
    byte[] notEvent = "{\"object\":\"invoice\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () -> spi.verify(java.util.Map.of("Stripe-Signature", java.util.List.of(sign("{\"object\":\"invoice\"}", SECRET, NOW))), notEvent))
        .satisfies(e -> assertThat(((io.mlconnector.core.sync.WebhookVerificationException) e).status()).isEqualTo(400));
  }

  @Test
  void asTheEnginesVerifierItRefusesWhatTheFullParseRefusesAndReadsIdAndTypeAsIt() throws Exception {
    io.mlconnector.core.sync.WebhookVerifier spi = verifier;
    for (String body : java.util.List.of("{\"id\": evt_", "hello", "[1]", "", "{\"object\":\"invoice\",\"id\":\"in_1\"}",
        "{\"object\":\"event\",\"type\":\"invoice.paid\"}", "{\"object\":\"event\",\"id\":\"evt_1\"}",
        "{\"object\":\"event\",\"id\":\"evt_1\",\"type\":\"invoice.paid\"} trailing")) {
      assertThatThrownBy(() -> spi.verify(java.util.Map.of("Stripe-Signature", java.util.List.of(sign(body, SECRET, NOW))),
              body.getBytes(StandardCharsets.UTF_8)))
          .as(body)
          .isInstanceOf(io.mlconnector.core.sync.WebhookVerificationException.class)
          .satisfies(e -> assertThat(((io.mlconnector.core.sync.WebhookVerificationException) e).status()).isEqualTo(400));
    }
    // nested objects carry ids and types of their own; only the envelope's count, a later duplicate wins as in Gson
    String nested = "{\"data\":{\"object\":{\"id\":\"pi_1\",\"object\":\"payment_intent\",\"type\":\"x\"}},"
        + "\"id\":\"evt_0\",\"object\":\"event\",\"id\":\"evt_2\",\"type\":\"payment_intent.succeeded\",\"n\":[1,{\"id\":3}]}";
    io.mlconnector.core.sync.WebhookEvent event = spi.verify(
        java.util.Map.of("Stripe-Signature", java.util.List.of(sign(nested, SECRET, NOW))), nested.getBytes(StandardCharsets.UTF_8));
    StripeWebhookEvent full = verifier.verify(nested, sign(nested, SECRET, NOW));
    assertThat(event.eventId()).isEqualTo(full.id()).isEqualTo("evt_2");
    assertThat(event.type()).isEqualTo(full.type()).isEqualTo("payment_intent.succeeded");
  }

  @Test
  void keyedMacsAreReusedSafelyAcrossThreadsAndSecrets() throws Exception {
    StripeWebhookVerifier rotating = StripeWebhookVerifier.builder().secret(SECRET).previousSecret(OLD_SECRET).clock(CLOCK).build();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String body = BODY.replace("evt_1Q2w3E", "evt_" + i);
        String secret = i % 3 == 0 ? OLD_SECRET : i % 3 == 1 ? SECRET : "whsec_other";
        String header = sign(body, secret, NOW);
        boolean shouldPass = i % 3 != 2;
        results.add(pool.submit(() -> {
          try {
            return rotating.verify(body, header).id().equals("evt_" + body.substring(body.indexOf("evt_") + 4, body.indexOf('"', body.indexOf("evt_"))))
                == shouldPass;
          } catch (StripeSignatureException e) {
            return !shouldPass;
          }
        }));
      }
      for (java.util.concurrent.Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String hmac(String secret, long t) throws Exception {
    return Webhook.Util.computeHmacSha256(secret, t + "." + BODY);
  }
}
