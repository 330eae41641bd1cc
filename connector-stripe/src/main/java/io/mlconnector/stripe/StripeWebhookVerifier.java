package io.mlconnector.stripe;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import io.mlconnector.core.sync.WebhookEvent;
import io.mlconnector.core.sync.WebhookVerificationException;
import io.mlconnector.core.sync.WebhookVerifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies Stripe webhook deliveries before anything is stored.
 *
 * <p>The {@code Stripe-Signature} header carries one {@code t=<unix seconds>} and one or more
 * {@code v1=<hex>} items (other schemes such as {@code v0} are ignored, which also guards against a
 * downgrade). The signed payload is {@code "<t>.<raw body>"}, signed with HMAC-SHA256 keyed by the
 * endpoint secret. A delivery is accepted when any {@code v1} matches any configured secret (during
 * a secret rotation Stripe signs with both the old and the new secret) and {@code t} is not older
 * than the tolerance (default 300 s, as stripe-java). As in stripe-java the tolerance is one-sided: a
 * timestamp ahead of the clock is accepted. Signatures are compared in constant time.
 *
 * <pre>{@code
 * StripeWebhookVerifier verifier = StripeWebhookVerifier.builder()
 *     .secret(currentSecret)
 *     .previousSecret(oldSecret)   // only while rotating
 *     .build();
 * StripeWebhookEvent event = verifier.verify(rawBody, request.header("Stripe-Signature"));
 * }</pre>
 *
 * <p>It is also the engine's {@link WebhookVerifier} for Stripe flows: {@link #verify(Map, byte[])}
 * answers 401 for a signature failure and 400 for a body that is not an event.
 *
 * <p>Instances are immutable and thread-safe. Secrets never appear in {@link #toString()} or in
 * exception messages.
 */
public final class StripeWebhookVerifier implements WebhookVerifier {
  /** Default tolerance, Stripe's and stripe-java's. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);
  /** The header Stripe signs deliveries in. */
  public static final String SIGNATURE_HEADER = "Stripe-Signature";

  private static final Logger log = LoggerFactory.getLogger(StripeWebhookVerifier.class);

  private final List<byte[]> secrets;
  private final Duration tolerance;
  private final Clock clock;
  /**
   * One keyed {@code Mac} per secret for each thread that verifies: {@code Mac.getInstance} and
   * {@code init} per delivery cost more than the HMAC of a small body, and a {@code Mac} is not
   * thread-safe ({@code doFinal} resets it for the next use with the same key).
   */
  private final ThreadLocal<Mac[]> macs = ThreadLocal.withInitial(this::newMacs);

  private StripeWebhookVerifier(Builder b) {
    List<byte[]> s = new ArrayList<>();
    s.add(b.secret.getBytes(StandardCharsets.UTF_8));
    if (b.previousSecret != null) {
      s.add(b.previousSecret.getBytes(StandardCharsets.UTF_8));
    }
    this.secrets = List.copyOf(s);
    this.tolerance = b.tolerance;
    this.clock = b.clock;
  }

  /**
   * A new builder.
   *
   * @return a builder with the default tolerance and the system UTC clock; the secret is required
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The timestamp tolerance.
   *
   * @return how old a delivery's timestamp may be; {@link Duration#ZERO} when the check is off
   */
  public Duration tolerance() {
    return tolerance;
  }

  /**
   * Verifies a delivery given as the raw body text.
   *
   * @param payload the raw body, as received (encoded as UTF-8 for the signature)
   * @param signatureHeader the {@code Stripe-Signature} header value, or null when absent
   * @return the verified event
   * @throws StripeSignatureException when the signature is missing, malformed, does not match or is
   *     too old
   * @throws IllegalArgumentException when the body verifies but is not a Stripe event
   * @see #verify(byte[], String)
   */
  public StripeWebhookEvent verify(String payload, @Nullable String signatureHeader) {
    Objects.requireNonNull(payload, "payload");
    return verify(payload.getBytes(StandardCharsets.UTF_8), signatureHeader);
  }

  /**
   * Verifies a delivery and reads its envelope. Pass the body bytes exactly as received: a
   * re-serialised body does not verify.
   *
   * @param body the raw request body
   * @param signatureHeader the {@code Stripe-Signature} header value (null when absent)
   * @return the verified event; {@link StripeWebhookEvent#handled()} is false for types the
   *     connector does not act on (they are logged, not refused)
   * @throws StripeSignatureException when the signature is missing, malformed, does not match or is too old
   * @throws IllegalArgumentException when the body verifies but is not a Stripe event
   */
  public StripeWebhookEvent verify(byte[] body, @Nullable String signatureHeader) {
    Objects.requireNonNull(body, "body");
    checkSignature(body, signatureHeader);
    String payload = new String(body, StandardCharsets.UTF_8);
    StripeWebhookEvent event = parse(payload);
    if (!event.handled()) {
      log.info("stripe event {} of type {} is not handled by the connector; stored and ignored", event.id(), event.type());
    }
    return event;
  }

  /**
   * The engine's entry point: verifies the delivery and returns its id, type and raw body.
   *
   * @throws WebhookVerificationException 401 when the signature is missing, wrong or too old; 400
   *     when the body is not a Stripe event
   */
  @Override
  public WebhookEvent verify(Map<String, List<String>> headers, byte[] rawBody) {
    Objects.requireNonNull(headers, "headers");
    String header = null;
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null
          && e.getKey().toLowerCase(Locale.ROOT).equals("stripe-signature")
          && e.getValue() != null
          && !e.getValue().isEmpty()) {
        header = e.getValue().get(0);
      }
    }
    Objects.requireNonNull(rawBody, "body");
    try {
      checkSignature(rawBody, header);
      String payload = new String(rawBody, StandardCharsets.UTF_8);
      String[] idAndType = envelope(payload);
      if (!StripeEventTypes.isHandled(idAndType[1])) {
        log.info("stripe event {} of type {} is not handled by the connector; stored and ignored", idAndType[0], idAndType[1]);
      }
      return new WebhookEvent(idAndType[0], idAndType[1], payload);
    } catch (StripeSignatureException e) {
      throw new WebhookVerificationException(401, e.remoteMessage());
    } catch (IllegalArgumentException e) {
      throw new WebhookVerificationException(400, e.getMessage());
    }
  }

  private void checkSignature(byte[] body, @Nullable String header) {
    if (header == null || header.isBlank()) {
      throw new StripeSignatureException("no Stripe-Signature header");
    }
    long timestamp = -1;
    List<byte[]> v1 = new ArrayList<>();
    for (String item : header.split(",")) {
      int eq = item.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = item.substring(0, eq).trim();
      String value = item.substring(eq + 1).trim();
      if (key.equals("t")) {
        try {
          timestamp = Long.parseLong(value);
        } catch (NumberFormatException e) {
          throw new StripeSignatureException("Stripe-Signature timestamp is not a number");
        }
      } else if (key.equals("v1")) {
        v1.add(value.getBytes(StandardCharsets.US_ASCII));
      }
    }
    if (timestamp <= 0) {
      throw new StripeSignatureException("Stripe-Signature has no timestamp (t=)");
    }
    if (v1.isEmpty()) {
      throw new StripeSignatureException("Stripe-Signature has no v1 signature");
    }
    byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
    boolean matched = false;
    for (Mac mac : macs.get()) {
      byte[] expected = hmacHex(mac, prefix, body);
      for (byte[] candidate : v1) {
        // evaluate every pair: no early exit that would reveal which secret matched
        matched |= MessageDigest.isEqual(expected, candidate);
      }
    }
    if (!matched) {
      throw new StripeSignatureException("no v1 signature matches the payload for any configured secret");
    }
    if (!tolerance.isZero()) {
      long now = clock.instant().getEpochSecond();
      if (timestamp < now - tolerance.getSeconds()) {
        throw new StripeSignatureException(
            "timestamp " + timestamp + " is older than the tolerance of " + tolerance.getSeconds() + " s");
      }
    }
  }

  private Mac[] newMacs() {
    Mac[] m = new Mac[secrets.size()];
    for (int i = 0; i < m.length; i++) {
      try {
        m[i] = Mac.getInstance("HmacSHA256");
        m[i].init(new SecretKeySpec(secrets.get(i), "HmacSHA256"));
      } catch (NoSuchAlgorithmException | InvalidKeyException e) {
        throw new IllegalStateException("HmacSHA256 is not available", e);
      }
    }
    return m;
  }

  private static byte[] hmacHex(Mac mac, byte[] prefix, byte[] body) {
    mac.update(prefix);
    mac.update(body);
    return HexFormat.of().formatHex(mac.doFinal()).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Reads only what the engine needs before it answers: the envelope's {@code id} and {@code type},
   * and {@code object} to check it is an event, skipping every other value without building a tree
   * (the body is still read to its end, so a body that is not JSON is refused as before). Same
   * rules as {@link #parse(String)}: lenient as Gson's parser, a later duplicate key wins.
   *
   * @return the id and the type
   */
  static String[] envelope(String payload) {
    String object = null;
    String id = null;
    String type = null;
    try (JsonReader r = new JsonReader(new StringReader(payload))) {
      r.setLenient(true);
      if (r.peek() != JsonToken.BEGIN_OBJECT) {
        throw new IllegalArgumentException("webhook body is not a JSON object");
      }
      r.beginObject();
      while (r.hasNext()) {
        String name = r.nextName();
        switch (name) {
          case "object" -> object = primitive(r);
          case "id" -> id = primitive(r);
          case "type" -> type = primitive(r);
          default -> r.skipValue();
        }
      }
      r.endObject();
      if (r.peek() != JsonToken.END_DOCUMENT) {
        throw new IllegalArgumentException("webhook body is not valid JSON");
      }
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      throw new IllegalArgumentException("webhook body is not valid JSON", e);
    }
    if (!"event".equals(object)) {
      throw new IllegalArgumentException("webhook body is not a Stripe event (object is '" + object + "')");
    }
    if (id == null || type == null) {
      throw new IllegalArgumentException("webhook event has no " + (id == null ? "id" : "type"));
    }
    return new String[] {id, type};
  }

  private static @Nullable String primitive(JsonReader r) throws IOException {
    return switch (r.peek()) {
      case STRING, NUMBER -> r.nextString();
      case BOOLEAN -> Boolean.toString(r.nextBoolean());
      default -> {
        r.skipValue();
        yield null;
      }
    };
  }

  static StripeWebhookEvent parse(String payload) {
    JsonObject root;
    try {
      JsonElement el = JsonParser.parseString(payload);
      if (!el.isJsonObject()) {
        throw new IllegalArgumentException("webhook body is not a JSON object");
      }
      root = el.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("webhook body is not valid JSON", e);
    }
    String object = string(root, "object");
    if (!"event".equals(object)) {
      throw new IllegalArgumentException("webhook body is not a Stripe event (object is '" + object + "')");
    }
    String id = string(root, "id");
    String type = string(root, "type");
    if (id == null || type == null) {
      throw new IllegalArgumentException("webhook event has no " + (id == null ? "id" : "type"));
    }
    Instant created = root.has("created") && root.get("created").isJsonPrimitive()
        ? Instant.ofEpochSecond(root.get("created").getAsLong())
        : null;
    boolean livemode = root.has("livemode") && root.get("livemode").isJsonPrimitive() && root.get("livemode").getAsBoolean();
    String objectType = null;
    String objectId = null;
    if (root.has("data") && root.get("data").isJsonObject()) {
      JsonObject data = root.getAsJsonObject("data");
      if (data.has("object") && data.get("object").isJsonObject()) {
        JsonObject obj = data.getAsJsonObject("object");
        objectType = string(obj, "object");
        objectId = string(obj, "id");
      }
    }
    return new StripeWebhookEvent(
        id, type, created, livemode, string(root, "api_version"), objectType, objectId, StripeEventTypes.isHandled(type), payload);
  }

  private static @Nullable String string(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
  }

  @Override
  public String toString() {
    return "StripeWebhookVerifier{secrets=" + secrets.size() + " (redacted), tolerance=" + tolerance + '}';
  }

  /** Builder of a {@link StripeWebhookVerifier}. */
  public static final class Builder {
    private @Nullable String secret;
    private @Nullable String previousSecret;
    private Duration tolerance = DEFAULT_TOLERANCE;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Required: the endpoint's signing secret.
     *
     * @param secret the secret ({@code whsec_...}); not blank
     * @return this builder
     * @throws IllegalArgumentException if {@code secret} is blank
     */
    public Builder secret(String secret) {
      this.secret = requireSecret(secret, "secret");
      return this;
    }

    /**
     * Required (or {@link #secret(String)}): the signing secret as a core {@code Secret}.
     *
     * @param secret the endpoint's signing secret
     * @return this builder
     * @throws IllegalArgumentException if the secret is blank
     */
    public Builder secret(io.mlconnector.core.credential.Secret secret) {
      Objects.requireNonNull(secret, "secret");
      return secret(secret.reveal());
    }

    /**
     * The previous signing secret as a core {@code Secret}.
     *
     * @param previousSecret the secret, or null for none
     * @return this builder
     */
    public Builder previousSecret(io.mlconnector.core.credential.@Nullable Secret previousSecret) {
      return previousSecret(previousSecret == null ? null : previousSecret.reveal());
    }

    /**
     * The previous signing secret, accepted as well while a rotation is under way.
     *
     * @param previousSecret the secret ({@code whsec_...}), or null for none; not blank
     * @return this builder
     * @throws IllegalArgumentException if {@code previousSecret} is blank
     */
    public Builder previousSecret(@Nullable String previousSecret) {
      this.previousSecret = previousSecret == null ? null : requireSecret(previousSecret, "previousSecret");
      return this;
    }

    /**
     * How old a delivery's timestamp may be.
     *
     * @param tolerance the largest age; default 300 s; {@link Duration#ZERO} turns the check off
     * @return this builder
     * @throws IllegalArgumentException if {@code tolerance} is negative
     */
    public Builder tolerance(Duration tolerance) {
      Objects.requireNonNull(tolerance, "tolerance");
      if (tolerance.isNegative()) {
        throw new IllegalArgumentException("tolerance must not be negative, was " + tolerance);
      }
      this.tolerance = tolerance;
      return this;
    }

    /**
     * The clock the tolerance is measured against.
     *
     * @param clock the clock; default the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Validates and builds.
     *
     * @return the verifier
     * @throws IllegalStateException if no secret was set
     */
    public StripeWebhookVerifier build() {
      if (secret == null) {
        throw new IllegalStateException("secret is required");
      }
      return new StripeWebhookVerifier(this);
    }

    private static String requireSecret(String s, String name) {
      Objects.requireNonNull(s, name);
      if (s.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return s;
    }
  }
}
