package io.mlconnector.core.sync;

import io.mlconnector.core.sync.internal.EngineCore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Receives one webhook flow's requests: hand it every request from the host's HTTP server and send
 * back the answer. It verifies the request with the tenant's {@link WebhookVerifier}, stores the
 * event in the inbox and answers 200 only after that durable write (a duplicate is answered 200
 * too); a refused request gets its 4xx and a reason, and nothing is stored. Events are processed
 * asynchronously by the flow's runs. Get one from {@link SyncEngine#webhookEndpoint}.
 */
public final class WebhookEndpoint {
  private final EngineCore core;
  private final Flow<?, ?> flow;
  private final Predicate<String> knownTenant;

  WebhookEndpoint(EngineCore core, Flow<?, ?> flow, Predicate<String> knownTenant) {
    this.core = core;
    this.flow = flow;
    this.knownTenant = knownTenant;
  }

  /** {@return the flow this endpoint feeds} */
  public String flow() {
    return flow.name();
  }

  /**
   * Handles one request.
   *
   * @param tenant the tenant the request was addressed to (from the URL path, say)
   * @param headers the request headers, any case
   * @param rawBody the body exactly as received
   * @return the answer to send
   */
  public WebhookResponse handle(String tenant, Map<String, List<String>> headers, byte[] rawBody) {
    Objects.requireNonNull(headers, "headers");
    if (tenant == null || tenant.isBlank() || !knownTenant.test(tenant)) {
      return new WebhookResponse(404, "unknown tenant");
    }
    if (rawBody == null || rawBody.length == 0) {
      core.receiveRejected(tenant, flow, 400, "empty body");
      return new WebhookResponse(400, "empty body");
    }
    return core.receive(tenant, flow, headers, rawBody);
  }
}
