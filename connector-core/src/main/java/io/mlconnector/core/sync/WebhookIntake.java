package io.mlconnector.core.sync;

import io.mlconnector.core.sync.internal.EngineCore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Receives every webhook delivery one sending system (Stripe, say) makes to a tenant's single URL,
 * for all the engine's webhook flows that system feeds. Each delivery is verified once, with the
 * tenant's verifier (the flows of one URL share its signing secret), and stored as one inbox row
 * for each flow whose source handles the event's type ({@link WebhookSource#eventTypes}): an event
 * no flow handles is answered 200 {@code ignored} and not stored. Deliveries that arrive together
 * share one durable commit (a group commit) and each is answered 200 only after it; a duplicate is
 * answered 200 too, a refused request gets its 4xx and a reason, a store failure 503. Nothing that
 * can wait (fetching the object, mapping, writing) happens before the answer: the flows' runs
 * process the inbox. Get one from {@link SyncEngine#webhookIntake}.
 *
 * <pre>{@code
 * WebhookIntake stripe = engine.webhookIntake("stripe");
 * // in the host's async HTTP handler for POST /webhooks/stripe/{tenant}:
 * stripe.handleAsync(tenant, headers, body).thenAccept(r -> reply(r.status(), r.body()));
 * }</pre>
 */
public final class WebhookIntake {
  private final EngineCore core;
  private final String system;
  private final List<Flow<?, ?>> flows;
  private final Predicate<String> knownTenant;

  WebhookIntake(EngineCore core, String system, List<Flow<?, ?>> flows, Predicate<String> knownTenant) {
    this.core = core;
    this.system = system;
    this.flows = List.copyOf(flows);
    this.knownTenant = knownTenant;
  }

  /** {@return the sending system whose deliveries this intake receives} */
  public String system() {
    return system;
  }

  /**
   * Handles one request without holding the caller's thread while the commit is on its way to
   * disk: the future completes with the answer to send once the event is durable (or refused).
   *
   * @param tenant the tenant the request was addressed to (from the URL path, say)
   * @param headers the request headers, any case
   * @param rawBody the body exactly as received
   * @return the answer, once the event is durable or refused
   */
  public CompletableFuture<WebhookResponse> handleAsync(
      String tenant, Map<String, List<String>> headers, byte[] rawBody) {
    Objects.requireNonNull(headers, "headers");
    if (tenant == null || tenant.isBlank() || !knownTenant.test(tenant)) {
      return CompletableFuture.completedFuture(new WebhookResponse(404, "unknown tenant"));
    }
    if (rawBody == null || rawBody.length == 0) {
      for (Flow<?, ?> f : flows) {
        core.receiveRejected(tenant, f, 400, "empty body");
      }
      return CompletableFuture.completedFuture(new WebhookResponse(400, "empty body"));
    }
    return core.intake(tenant, system, flows, headers, rawBody);
  }

  /**
   * As {@link #handleAsync}, waiting on the calling thread for the answer.
   *
   * @param tenant the tenant the request was addressed to
   * @param headers the request headers, any case
   * @param rawBody the body exactly as received
   * @return the answer to send
   */
  public WebhookResponse handle(String tenant, Map<String, List<String>> headers, byte[] rawBody) {
    return handleAsync(tenant, headers, rawBody).join();
  }
}
