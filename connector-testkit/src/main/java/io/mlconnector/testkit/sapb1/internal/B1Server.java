package io.mlconnector.testkit.sapb1.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.mlconnector.testkit.http.Fault;
import io.mlconnector.testkit.http.FaultInjector;
import io.mlconnector.testkit.http.SimRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * The loopback HTTP or HTTPS server of the simulator. Applies the shared {@link FaultInjector},
 * then a load model: once more requests are in flight than the configured capacity, each request
 * waits {@code latencyPerExcess} per request beyond it, so throughput flattens past the knee as a
 * saturated Service Layer's does. Answers may repeat header names (two {@code Set-Cookie}).
 */
public final class B1Server implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(B1Server.class);

  private final HttpServer server;
  private final ExecutorService executor;
  private final FaultInjector faults;
  private final Function<SimRequest, Answer> handler;
  private final SimConfig config;
  private final Function<Fault, Answer> faultAnswer;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();
  private final AtomicLong requests = new AtomicLong();
  private final boolean https;

  /** Starts a server; {@code tls} null for plain HTTP. */
  public B1Server(SimConfig config, FaultInjector faults, Function<SimRequest, Answer> handler,
      Function<Fault, Answer> faultAnswer, @Nullable SSLContext tls) {
    this.config = config;
    this.faults = faults;
    this.handler = handler;
    this.faultAnswer = faultAnswer;
    this.https = tls != null;
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    try {
      InetSocketAddress addr = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
      if (tls != null) {
        HttpsServer s = HttpsServer.create(addr, 256);
        s.setHttpsConfigurator(new HttpsConfigurator(tls));
        this.server = s;
      } else {
        this.server = HttpServer.create(addr, 256);
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not start the SAP B1 simulator: " + e.getMessage(), e);
    }
    this.executor = Executors.newFixedThreadPool(config.threads, r -> {
      Thread t = new Thread(r, "sapb1-sim");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  /** {@code http(s)://127.0.0.1:port}. */
  public URI baseUri() {
    InetSocketAddress a = server.getAddress();
    return URI.create((https ? "https" : "http") + "://" + a.getAddress().getHostAddress() + ":" + a.getPort());
  }

  /** Requests received so far. */
  public long requestCount() {
    return requests.get();
  }

  /** The most requests that were in flight at once. */
  public int peakConcurrency() {
    return peak.get();
  }

  private void serve(HttpExchange exchange) {
    requests.incrementAndGet();
    int now = inFlight.incrementAndGet();
    peak.accumulateAndGet(now, Math::max);
    boolean counted = true;
    try (exchange) {
      SimRequest request = read(exchange);
      FaultInjector.Decision decision = faults.decide(request);
      Duration delay = decision.delay();
      if (config.capacity > 0 && now > config.capacity) {
        delay = delay.plus(config.latencyPerExcess.multipliedBy(now - config.capacity));
      }
      if (!delay.isZero()) {
        Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
      }
      if (decision.fault() == Fault.CONNECTION_DROP) {
        return;
      }
      if (decision.fault() == Fault.SERVER_ERROR) {
        write(exchange, faultAnswer.apply(Fault.SERVER_ERROR));
        return;
      }
      Answer answer;
      try {
        answer = handler.apply(request);
      } catch (RuntimeException e) {
        LOG.debug("simulator handler failed on {} {}", request.method(), request.path(), e);
        answer = ServiceLayer.error(request.path().startsWith("/b1s/v2/"), 500, -1, "Internal error: " + e);
      }
      if (decision.fault() == Fault.RESPONSE_LOST_AFTER_COMMIT) {
        return;
      }
      // processing ends before the answer leaves: a client that has the answer is no longer counted
      inFlight.decrementAndGet();
      counted = false;
      write(exchange, answer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.debug("simulator connection failed", e);
    } finally {
      if (counted) {
        inFlight.decrementAndGet();
      }
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
    return new SimRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), uri.getPath(), uri.getRawQuery(),
        headers, body);
  }

  private static void write(HttpExchange exchange, Answer answer) throws IOException {
    for (String[] h : answer.headers()) {
      exchange.getResponseHeaders().add(h[0], h[1]);
    }
    byte[] body = answer.body();
    boolean noBody = body.length == 0 || answer.status() == 204;
    exchange.sendResponseHeaders(answer.status(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

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
