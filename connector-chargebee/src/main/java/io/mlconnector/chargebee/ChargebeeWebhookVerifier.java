package io.mlconnector.chargebee;

import io.mlconnector.chargebee.internal.CbJson;
import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.sync.WebhookEvent;
import io.mlconnector.core.sync.WebhookVerificationException;
import io.mlconnector.core.sync.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Accepts a Chargebee webhook delivery only with the endpoint's HTTP Basic credentials. Chargebee
 * signs nothing, so the credentials are the only check at the door: the expected {@code
 * Authorization} value is compared in constant time, and a body that passes is still only a hint
 * (an event id). The collector's sources fetch the event by id from the API before acting, so a
 * forged body naming a real event id gains nothing. A tenant without webhook credentials refuses
 * every delivery (401). Reasons never echo the credentials.
 */
public final class ChargebeeWebhookVerifier implements WebhookVerifier {
  private final byte @Nullable [] expected;

  /**
   * A verifier for the credentials' webhook username and password (none: refuse all).
   *
   * @param credentials the tenant's credentials; without a webhook username every delivery is
   *     refused
   */
  public ChargebeeWebhookVerifier(ChargebeeCredentials credentials) {
    if (credentials.webhookUsername() == null) {
      this.expected = null;
    } else {
      Secret password = credentials.webhookPassword();
      this.expected = ("Basic " + Base64.getEncoder().encodeToString(
          (credentials.webhookUsername() + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8)))
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  @Override
  public WebhookEvent verify(Map<String, List<String>> headers, byte[] rawBody) {
    if (expected == null) {
      throw new WebhookVerificationException(401, "webhook credentials are not configured for this tenant");
    }
    String given = null;
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals("authorization") && !e.getValue().isEmpty()) {
        given = e.getValue().get(0);
      }
    }
    byte[] actual = given == null ? new byte[0] : given.trim().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, actual)) {
      throw new WebhookVerificationException(401, "missing or wrong Basic credentials");
    }
    Map<String, Object> body;
    try {
      body = CbJson.object(new String(rawBody, StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new WebhookVerificationException(400, "body is not a JSON object");
    }
    Object id = body.get("id");
    Object type = body.get("event_type");
    if (!(id instanceof String sid) || sid.isBlank() || !(type instanceof String st) || st.isBlank()) {
      throw new WebhookVerificationException(400, "body is not a Chargebee event (id and event_type expected)");
    }
    return new WebhookEvent(sid, st, new String(rawBody, StandardCharsets.UTF_8));
  }
}
