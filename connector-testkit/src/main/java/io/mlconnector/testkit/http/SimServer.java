package io.mlconnector.testkit.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP server on a free loopback port that serves one {@link SimHandler} and applies a {@link
 * FaultInjector} around it. Simulators are built on it; they never see sockets.
 */
public final class SimServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SimServer.class);

  private final HttpServer server;
  private final ExecutorService executor;
  private final FaultInjector faults;
  private final SimHandler handler;
  private final Function<@Nullable Exception, SimResponse> serverError;
  private final AtomicLong requests = new AtomicLong();

  private SimServer(
      SimHandler handler,
      FaultInjector faults,
      Function<@Nullable Exception, SimResponse> serverError,
      int threads)
      throws IOException {
    this.handler = handler;
    this.faults = faults;
    this.serverError = serverError;
    // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs and
    // every answer waits ~40 ms; the property is read once, when the first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    this.executor = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "sim-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::serve);
  }

  /**
   * Starts a server on a free loopback port.
   *
   * @param handler serves requests
   * @param faults the fault injector to apply
   * @param serverError renders the simulator's own 5xx body (for SERVER_ERROR faults and handler
   *     exceptions; the exception is null for an injected fault)
   * @param threads worker threads (concurrent requests served)
   * @return the running server; {@link #close()} stops it
   * @throws IllegalStateException if the server cannot bind a port
   */
  public static SimServer start(
      SimHandler handler,
      FaultInjector faults,
      Function<@Nullable Exception, SimResponse> serverError,
      int threads) {
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(faults, "faults");
    Objects.requireNonNull(serverError, "serverError");
    try {
      SimServer s = new SimServer(handler, faults, serverError, threads);
      s.server.start();
      return s;
    } catch (IOException e) {
      throw new IllegalStateException("could not start simulator server: " + e.getMessage(), e);
    }
  }

  /**
   * Where the server listens.
   *
   * @return {@code http://127.0.0.1:port} without a trailing slash
   */
  public URI baseUri() {
    InetSocketAddress a = server.getAddress();
    return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
  }

  /**
   * The port the server listens on.
   *
   * @return the loopback port, chosen free at start
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Requests received so far, faulted ones included.
   *
   * @return the count since start
   */
  public long requestCount() {
    return requests.get();
  }

  private void serve(HttpExchange exchange) {
    requests.incrementAndGet();
    try (exchange) {
      SimRequest request = read(exchange);
      FaultInjector.Decision decision = faults.decide(request);
      if (!decision.delay().isZero()) {
        Thread.sleep(decision.delay().toMillis(), decision.delay().toNanosPart() % 1_000_000);
      }
      switch (decision.fault()) {
        case CONNECTION_DROP:
          return; // closing without headers drops the connection
        case SERVER_ERROR:
          write(exchange, serverError.apply(null));
          return;
        default:
          break;
      }
      SimResponse response;
      try {
        response = handler.handle(request);
      } catch (Exception e) {
        LOG.debug("simulator handler failed on {} {}", request.method(), request.path(), e);
        response = serverError.apply(e);
      }
      if (decision.fault() == Fault.RESPONSE_LOST_AFTER_COMMIT) {
        return; // the state changed; the answer never reaches the client
      }
      write(exchange, response);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.debug("simulator connection failed", e);
    }
  }

  private static SimRequest read(HttpExchange exchange) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    URI uri = exchange.getRequestURI();
    return new SimRequest(
        exchange.getRequestMethod().toUpperCase(Locale.ROOT), uri.getPath(), uri.getRawQuery(), headers, body);
  }

  private static void write(HttpExchange exchange, SimResponse response) throws IOException {
    // a value with line breaks is sent as several headers of that name (Set-Cookie)
    response.headers().forEach((k, v) -> {
      if (v.indexOf('\n') < 0) {
        exchange.getResponseHeaders().set(k, v);
      } else {
        for (String part : v.split("\n")) {
          exchange.getResponseHeaders().add(k, part);
        }
      }
    });
    byte[] body = response.body();
    boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Stops the server at once; requests in flight are cut. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
