package io.mlconnector.stripe;

import com.stripe.model.Event;
import com.stripe.net.ApiResource;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A verified Stripe event: the envelope fields the engine needs to store it (id, type) and to act
 * on it (the object's type and id, to be re-fetched: deliveries are unordered, so the snapshot in
 * the body may be stale), plus the raw body exactly as received.
 *
 * @param id the event id ({@code evt_...}), the inbox dedupe key
 * @param type the event type, e.g. {@code invoice.paid}
 * @param created when Stripe created the event, or null when the body does not say
 * @param livemode whether it is a live-mode event
 * @param apiVersion the API version the body is rendered in, or null
 * @param objectType the {@code object} of {@code data.object}, e.g. {@code invoice}, or null when
 *     the body has none
 * @param objectId the id of {@code data.object}, or null when the body has none
 * @param handled whether the connector acts on this type ({@link StripeEventTypes#isHandled})
 * @param payload the raw body as received
 */
public record StripeWebhookEvent(
    String id,
    String type,
    @Nullable Instant created,
    boolean livemode,
    @Nullable String apiVersion,
    @Nullable String objectType,
    @Nullable String objectId,
    boolean handled,
    String payload) {

  /**
   * Checks that id, type and payload are present.
   *
   * @param id the event id ({@code evt_...})
   * @param type the event type, e.g. {@code invoice.paid}
   * @param created when Stripe created the event, or null
   * @param livemode whether it is a live-mode event
   * @param apiVersion the API version the body is rendered in, or null
   * @param objectType the {@code object} of {@code data.object}, or null
   * @param objectId the id of {@code data.object}, or null
   * @param handled whether the connector acts on this type
   * @param payload the raw body as received
   */
  public StripeWebhookEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
  }

  /** The body parsed by stripe-java into its {@link Event} model (package-private: stripe-java stays out of the API). */
  Event toStripeEvent() {
    return ApiResource.GSON.fromJson(payload, Event.class);
  }

  @Override
  public String toString() {
    return "StripeWebhookEvent{" + id + ", " + type + ", " + objectType + " " + objectId + (handled ? "" : ", ignored") + '}';
  }
}
