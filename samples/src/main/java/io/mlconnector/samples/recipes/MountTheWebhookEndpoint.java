package io.mlconnector.samples.recipes;

import com.sun.net.httpserver.HttpServer;
import io.mlconnector.core.sync.WebhookIntake;
import io.mlconnector.core.sync.WebhookResponse;
import io.mlconnector.samples.WebhookServer;
import io.mlconnector.integrations.ReceivablesIntegration;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Recipe: receive the collector's webhooks (Stripe's, say) in your own HTTP server. Hand the raw body (exactly as
 * received: the signature covers its bytes) and the headers to the integration's webhook intake,
 * and send back the answer: 200 only once the event is durably in the inbox (verified once, stored
 * for each flow that handles its type, in a group commit with the deliveries arriving with it), so
 * the sender retries anything that was not stored. Processing happens later, on the flows' runs.
 * An async server uses {@link WebhookIntake#handleAsync} instead and holds no thread meanwhile.
 *
 * <p>The same three lines go into a servlet, a Spring controller or a Netty handler.
 */
public final class MountTheWebhookEndpoint {
  private MountTheWebhookEndpoint() {}

  /** Mounts {@code sync}'s webhook intake at {@code /stripe/webhooks/{tenant}} in {@code server}. */
  public static void mount(HttpServer server, ReceivablesIntegration sync) {
    WebhookIntake intake = sync.webhookIntake();
    server.createContext("/stripe/webhooks/", exchange -> {
      try (exchange; InputStream in = exchange.getRequestBody()) {
        String tenant = exchange.getRequestURI().getPath().substring("/stripe/webhooks/".length());
        byte[] body = in.readAllBytes();
        WebhookResponse answer = intake.handle(tenant, exchange.getRequestHeaders(), body);
        if (answer.status() == 401 || answer.status() == 404) {
          answer = WebhookServer.REFUSED; // an unknown tenant looks like a bad signature
        }
        byte[] text = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), text.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(text);
        }
      }
    });
  }

  /** A host server on port 8080 with the endpoint mounted next to the host's own pages. */
  public static HttpServer start(ReceivablesIntegration sync) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(8080), 64);
    mount(server, sync);
    server.start();
    return server;
  }
}
