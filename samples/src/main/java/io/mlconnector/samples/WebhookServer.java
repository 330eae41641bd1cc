package io.mlconnector.samples;

import io.mlconnector.core.sync.WebhookEndpoint;
import io.mlconnector.core.sync.WebhookIntake;
import io.mlconnector.core.sync.WebhookResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook intake a deployment runs: an embedded Jetty serving {@code POST
 * /webhooks/{system}/{tenant}}, handing each delivery to the {@link WebhookIntake} registered for
 * {@code system} (verified once, stored once per flow that handles its type, group-committed) and
 * answering 200 only when it is stored durably; no worker thread waits for the commit. A system
 * registered with {@link Builder#endpoints} instead hands each delivery to every endpoint in turn.
 *
 * <pre>{@code
 * try (WebhookServer server = WebhookServer.builder()
 *     .port(8080)
 *     .intake("stripe", sync.webhookIntake())
 *     .start()) {
 *   URI stripeUrl = server.url("stripe", "acme"); // register this with Stripe
 * }
 * }</pre>
 *
 * <p><b>Hostile clients.</b> Jetty reads requests without holding a thread while it waits for
 * bytes, and every request is bounded: its header by {@link Builder#maxHeaderBytes} (431 beyond),
 * its body by {@link Builder#maxBodyBytes} (413 beyond), the time to send the whole header and the
 * time to send the whole body each by {@link Builder#readTimeout} (a client that dribbles bytes is
 * disconnected, or answered 408, when it runs out), and the connections open at once by {@link
 * Builder#maxConnections}. N slow clients therefore cost N connections for at most the read timeout
 * each, never a worker and never the endpoint: signed deliveries keep being answered meanwhile.
 *
 * <p><b>No tenant enumeration.</b> A delivery for a tenant nobody serves is answered exactly as one
 * whose signature does not verify ({@code 401 signature verification failed}); the reason is
 * logged at DEBUG and reported to the engine's listener.
 */
public final class WebhookServer implements AutoCloseable {
  /** The path prefix; {@code {system}/{tenant}} follows it. */
  public static final String PATH = "/webhooks/";

  /** What an unknown tenant and a bad signature are both answered. */
  public static final WebhookResponse REFUSED = new WebhookResponse(401, "signature verification failed");

  private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);

  private final Server server;
  private final ServerConnector connector;
  private final Map<String, List<WebhookEndpoint>> bySystem;
  private final Map<String, WebhookIntake> intakes;
  private final Duration readTimeout;
  private final int maxBodyBytes;
  private final ScheduledExecutorService timers;
  private final Map<Connection, ScheduledFuture<?>> headerDeadlines = new ConcurrentHashMap<>();

  private WebhookServer(Builder b) {
    this.bySystem = Map.copyOf(b.endpoints);
    this.intakes = Map.copyOf(b.intakes);
    this.readTimeout = b.readTimeout;
    this.maxBodyBytes = b.maxBodyBytes;
    this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mlc-webhooks-deadlines");
      t.setDaemon(true);
      return t;
    });
    QueuedThreadPool threads = new QueuedThreadPool(b.maxThreads, Math.min(4, b.maxThreads));
    threads.setName("mlc-webhooks");
    threads.setDaemon(true);
    this.server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(b.maxHeaderBytes);
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setIdleTimeout(readTimeout.toMillis());
    this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(b.host);
    connector.setPort(b.port);
    connector.setIdleTimeout(readTimeout.toMillis());
    connector.setAcceptQueueSize(b.maxConnections);
    connector.addBean(new Connection.Listener() {
      @Override
      public void onOpened(Connection connection) {
        armHeaderDeadline(connection);
      }

      @Override
      public void onClosed(Connection connection) {
        ScheduledFuture<?> f = headerDeadlines.remove(connection);
        if (f != null) {
          f.cancel(false);
        }
      }
    });
    server.addConnector(connector);
    NetworkConnectionLimit limit = new NetworkConnectionLimit(b.maxConnections, connector);
    limit.setEndPointIdleTimeout(readTimeout.toMillis());
    server.addBean(limit);
    server.setHandler(new Intake());
  }

  /** A builder; register at least one system's endpoints. */
  public static Builder builder() {
    return new Builder();
  }

  /** The URL {@code system} should deliver {@code tenant}'s events to. */
  public URI url(String system, String tenant) {
    String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0")
        ? "127.0.0.1" : connector.getHost();
    return URI.create("http://" + host + ":" + port() + PATH + system + "/" + tenant);
  }

  /** The port listened on. */
  public int port() {
    return connector.getLocalPort();
  }

  /** The systems served. */
  public List<String> systems() {
    List<String> out = new ArrayList<>(intakes.keySet());
    out.addAll(bySystem.keySet());
    return List.copyOf(out);
  }

  /**
   * Hands one delivery to every endpoint; the answer is the first refusal, else 200. An unknown
   * tenant and a failed signature are both answered {@link #REFUSED}, so tenant names cannot be
   * probed. Usable from any host server.
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
    return refusedAlike(tenant, answer);
  }

  private static WebhookResponse refusedAlike(String tenant, WebhookResponse answer) {
    if (answer != null && (answer.status() == 401 || answer.status() == 404)) {
      log.debug("webhook delivery for tenant {} refused: {} {}", tenant, answer.status(), answer.body());
      return REFUSED;
    }
    return answer;
  }

  private void armHeaderDeadline(Connection connection) {
    ScheduledFuture<?> f = timers.schedule(() -> {
      if (headerDeadlines.remove(connection) != null) {
        log.debug("webhook client {} sent no complete request within {}; disconnected",
            connection.getEndPoint().getRemoteSocketAddress(), readTimeout);
        connection.getEndPoint().close();
      }
    }, readTimeout.toMillis(), TimeUnit.MILLISECONDS);
    ScheduledFuture<?> previous = headerDeadlines.put(connection, f);
    if (previous != null) {
      previous.cancel(false);
    }
  }

  private void disarmHeaderDeadline(Connection connection) {
    ScheduledFuture<?> f = headerDeadlines.remove(connection);
    if (f != null) {
      f.cancel(false);
    }
  }

  private final class Intake extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      Connection connection = request.getConnectionMetaData().getConnection();
      disarmHeaderDeadline(connection);
      Callback done = Callback.from(() -> {
        callback.succeeded();
        if (connection.getEndPoint().isOpen()) {
          armHeaderDeadline(connection); // the next request on this connection has as long
        }
      }, callback::failed);
      if (!"POST".equals(request.getMethod())) {
        respond(response, done, new WebhookResponse(405, "POST only"));
        return true;
      }
      String[] parts = Request.getPathInContext(request).substring(1).split("/", -1);
      boolean ours = parts.length == 3 && (PATH.equals("/" + parts[0] + "/"));
      WebhookIntake intake = ours ? intakes.get(parts[1]) : null;
      List<WebhookEndpoint> endpoints = ours && intake == null ? bySystem.get(parts[1]) : null;
      if ((intake == null && endpoints == null) || parts[2].isEmpty()) {
        respond(response, done, new WebhookResponse(404, "not found"));
        return true;
      }
      long declared = request.getLength();
      if (declared > maxBodyBytes) {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        respond(response, done, new WebhookResponse(413, "body too large"));
        return true;
      }
      String tenant = parts[2];
      CompletableFuture<byte[]> body = Content.Source.asByteArrayAsync(request, maxBodyBytes);
      if (body.isDone()) {
        // the body came with the header (a webhook's usually does): go on on this worker, no hop
        received(request, response, done, tenant, intake, endpoints, body, null);
        return true;
      }
      body.orTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
          .whenComplete((bytes, failure) -> server.getThreadPool().execute(
              () -> received(request, response, done, tenant, intake, endpoints, body, failure)));
      return true;
    }
  }

  /** Stores or refuses a delivery whose body has arrived (or failed to), then answers it. */
  private void received(Request request, Response response, Callback done, String tenant,
      @Nullable WebhookIntake intake, @Nullable List<WebhookEndpoint> endpoints,
      CompletableFuture<byte[]> body, @Nullable Throwable failed) {
    byte[] bytes = null;
    Throwable failure = failed;
    if (failure == null) {
      try {
        bytes = body.join();
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    if (failure != null || bytes == null) {
      Throwable cause = failure instanceof java.util.concurrent.CompletionException
          ? failure.getCause() : failure;
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      if (cause instanceof TimeoutException) {
        body.cancel(true);
        respond(response, done, new WebhookResponse(408, "body not received in time"));
      } else if (cause instanceof IllegalArgumentException) {
        respond(response, done, new WebhookResponse(413, "body too large"));
      } else {
        done.failed(cause == null ? new IllegalStateException("no body") : cause);
      }
      return;
    }
    if (intake != null) {
      CompletableFuture<WebhookResponse> stored = store(intake, tenant, request, bytes);
      if (stored.isDone()) {
        // answered at once (a refusal, an ignored type): on this worker
        answer(response, done, tenant, stored);
        return;
      }
      // answered on a worker once the group commit is durable, so the committer goes straight on
      // to the next group; no thread waits for the commit
      stored.whenCompleteAsync((r, e) -> answer(response, done, tenant, stored), server.getThreadPool());
      return;
    }
    WebhookResponse answer;
    try {
      answer = dispatch(java.util.Objects.requireNonNull(endpoints, "endpoints"), tenant, headers(request), bytes);
    } catch (RuntimeException e) {
      log.error("webhook delivery failed", e);
      answer = new WebhookResponse(503, "not stored; retry later");
    }
    respond(response, done, answer);
  }

  private static CompletableFuture<WebhookResponse> store(
      WebhookIntake intake, String tenant, Request request, byte[] bytes) {
    try {
      return intake.handleAsync(tenant, headers(request), bytes);
    } catch (RuntimeException e) {
      log.error("webhook delivery failed", e);
      return CompletableFuture.completedFuture(new WebhookResponse(503, "not stored; retry later"));
    }
  }

  private static void answer(Response response, Callback done, String tenant,
      CompletableFuture<WebhookResponse> stored) {
    WebhookResponse r;
    try {
      r = refusedAlike(tenant, stored.join());
    } catch (RuntimeException e) {
      log.error("webhook delivery failed", e);
      r = new WebhookResponse(503, "not stored; retry later");
    }
    respond(response, done, r);
  }

  private static Map<String, List<String>> headers(Request request) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (HttpField f : request.getHeaders()) {
      out.computeIfAbsent(f.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f.getValue());
    }
    return out;
  }

  private static void respond(Response response, Callback callback, WebhookResponse r) {
    response.setStatus(r.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    Content.Sink.write(response, true, r.body(), callback);
  }

  /** Stops the server. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      log.warn("webhook server did not stop cleanly: {}", e.toString());
    } finally {
      timers.shutdownNow();
    }
  }

  /** Builds a {@link WebhookServer}; every setter checks its argument. */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int port = 0;
    private final Map<String, List<WebhookEndpoint>> endpoints = new LinkedHashMap<>();
    private final Map<String, WebhookIntake> intakes = new LinkedHashMap<>();
    private Duration readTimeout = Duration.ofSeconds(10);
    private int maxHeaderBytes = 8 * 1024;
    private int maxBodyBytes = 1 << 20;
    private int maxConnections = 256;
    private int maxThreads = 32;

    private Builder() {}

    /** The address listened on (default {@code 0.0.0.0}). */
    public Builder host(String host) {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("host must not be blank");
      }
      this.host = host;
      return this;
    }

    /** The port (default 0: a free one). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The endpoints deliveries to {@code /webhooks/{system}/...} go to (a system's webhook flows,
     * each keeping the event types it handles). Replaces earlier ones for {@code system}.
     */
    public Builder endpoints(String system, List<WebhookEndpoint> endpoints) {
      if (system == null || !system.matches("[a-z0-9][a-z0-9_-]*")) {
        throw new IllegalArgumentException("system must be lower-case letters, digits, - or _, was " + system);
      }
      List<WebhookEndpoint> copy = List.copyOf(Objects.requireNonNull(endpoints, "endpoints"));
      if (copy.isEmpty()) {
        throw new IllegalArgumentException("endpoints of " + system + " must not be empty");
      }
      this.endpoints.put(system, copy);
      this.intakes.remove(system);
      return this;
    }

    /**
     * The intake deliveries to {@code /webhooks/{system}/...} go to (an engine's webhook flows fed
     * by that system, each delivery verified and stored once per flow that handles its type, in a
     * group commit). Replaces earlier endpoints or intake for {@code system}.
     */
    public Builder intake(String system, WebhookIntake intake) {
      if (system == null || !system.matches("[a-z0-9][a-z0-9_-]*")) {
        throw new IllegalArgumentException("system must be lower-case letters, digits, - or _, was " + system);
      }
      this.intakes.put(system, Objects.requireNonNull(intake, "intake"));
      this.endpoints.remove(system);
      return this;
    }

    /**
     * How long a client may take to send a request's header, and again its body (default 10 s);
     * also the idle time after which a connection is closed.
     */
    public Builder readTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("readTimeout must be positive, was " + timeout);
      }
      this.readTimeout = timeout;
      return this;
    }

    /** The largest request header, in bytes (default 8 KiB); larger ones are answered 431. */
    public Builder maxHeaderBytes(int bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxHeaderBytes must be at least 1024, was " + bytes);
      }
      this.maxHeaderBytes = bytes;
      return this;
    }

    /** The largest body, in bytes (default 1 MiB); larger ones are answered 413. */
    public Builder maxBodyBytes(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be positive, was " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * Connections open at once (default 256). Beyond it new connections wait to be accepted until
     * one closes; slow clients are cut after the read timeout, so waiting senders get through.
     */
    public Builder maxConnections(int connections) {
      if (connections < 1) {
        throw new IllegalArgumentException("maxConnections must be positive, was " + connections);
      }
      this.maxConnections = connections;
      return this;
    }

    /** Worker threads (default 32); they run the endpoints' durable writes, never wait on clients. */
    public Builder maxThreads(int threads) {
      if (threads < 8) {
        throw new IllegalArgumentException("maxThreads must be at least 8, was " + threads);
      }
      this.maxThreads = threads;
      return this;
    }

    /**
     * Starts the server.
     *
     * @throws IllegalStateException when no endpoints are registered or the port cannot be bound
     */
    public WebhookServer start() {
      if (endpoints.isEmpty() && intakes.isEmpty()) {
        throw new IllegalStateException("register the endpoints of at least one system");
      }
      WebhookServer s = new WebhookServer(this);
      try {
        s.server.start();
      } catch (Exception e) {
        s.close();
        throw new IllegalStateException("could not listen on " + host + ":" + port + ": " + e.getMessage(), e);
      }
      return s;
    }
  }
}
