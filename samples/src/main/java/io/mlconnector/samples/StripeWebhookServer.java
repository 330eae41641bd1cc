package io.mlconnector.samples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mlconnector.core.sync.WebhookEndpoint;
import io.mlconnector.core.sync.WebhookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts the integration's webhook endpoints in the JDK's HTTP server at {@code POST
 * /webhooks/{system}/{tenant}} (the collector's system, for example {@code stripe}): every delivery is handed to each webhook flow's {@link
 * WebhookEndpoint} (each keeps the event types it handles) and answered 200 only when every one
 * stored it durably; a refused signature gets the endpoint's 4xx, a store failure 503 (Stripe then
 * retries). Hosts with their own server do the same in their handler (see the recipes).
 */
public final class StripeWebhookServer implements AutoCloseable {
  /** The path prefix; the system, a slash and the tenant follow it. */
  public static final String PATH = "/webhooks/";
  private static final Logger log = LoggerFactory.getLogger(StripeWebhookServer.class);
  private static final int MAX_BODY = 1 << 20;

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<WebhookEndpoint> endpoints;
  private final String prefix;

  private StripeWebhookServer(HttpServer server, ExecutorService executor, String system, List<WebhookEndpoint> endpoints) {
    this.server = server;
    this.executor = executor;
    this.endpoints = endpoints;
    this.prefix = PATH + system + "/";
  }

  /**
   * Starts a server on {@code host:port} (port 0: a free one) handing deliveries to {@code
   * endpoints}.
   */
  public static StripeWebhookServer start(String host, int port, List<WebhookEndpoint> endpoints) {
    return start(host, port, "stripe", endpoints);
  }

  /**
   * Starts a server on {@code host:port} (port 0: a free one) handing deliveries at {@code
   * /webhooks/<system>/<tenant>} to {@code endpoints}.
   */
  public static StripeWebhookServer start(String host, int port, String system, List<WebhookEndpoint> endpoints) {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(system, "system");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
    }
    List<WebhookEndpoint> copy = List.copyOf(Objects.requireNonNull(endpoints, "endpoints"));
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("endpoints must not be empty");
    }
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
      ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "mlc-webhooks");
        t.setDaemon(true);
        return t;
      });
      StripeWebhookServer s = new StripeWebhookServer(server, executor, system, copy);
      server.createContext(s.prefix, s::handle);
      server.setExecutor(executor);
      server.start();
      return s;
    } catch (IOException e) {
      throw new IllegalStateException("could not listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /** The URL the collector should deliver {@code tenant}'s events to. */
  public URI url(String tenant) {
    InetSocketAddress a = server.getAddress();
    return URI.create("http://" + a.getHostString() + ":" + a.getPort() + prefix + tenant);
  }

  /** The port listened on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Hands one delivery to every endpoint; the answer is the first refusal, else 200. Usable from
   * any host server.
   */
  public static WebhookResponse dispatch(
      List<WebhookEndpoint> endpoints, String tenant, Map<String, List<String>> headers, byte[] body) {
    WebhookResponse answer = null;
    for (WebhookEndpoint e : endpoints) {
      WebhookResponse r = e.handle(tenant, headers, body);
      if (!r.accepted() && (answer == null || answer.accepted())) {
        answer = r;
      } else if (answer == null) {
        answer = r;
      }
    }
    return answer;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      if (!"POST".equals(exchange.getRequestMethod())) {
        respond(exchange, new WebhookResponse(405, "POST only"));
        return;
      }
      String tenant = exchange.getRequestURI().getPath().substring(prefix.length());
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
      if (body.length > MAX_BODY) {
        respond(exchange, new WebhookResponse(413, "body too large"));
        return;
      }
      WebhookResponse r = dispatch(endpoints, tenant, exchange.getRequestHeaders(), body);
      respond(exchange, r);
    } catch (RuntimeException e) {
      log.error("webhook delivery failed", e);
      respond(exchange, new WebhookResponse(503, "not stored; retry later"));
    } finally {
      exchange.close();
    }
  }

  private static void respond(HttpExchange exchange, WebhookResponse r) throws IOException {
    byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(r.status(), out.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(out);
    }
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
