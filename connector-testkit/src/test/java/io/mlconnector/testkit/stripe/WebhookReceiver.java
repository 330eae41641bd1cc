package io.mlconnector.testkit.stripe;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A test endpoint that records webhook POSTs and answers with a scripted status. */
final class WebhookReceiver implements AutoCloseable {
  record Received(String body, String signature, String contentType) {}

  private final HttpServer server;
  final List<Received> received = new CopyOnWriteArrayList<>();
  /** Answer 500 to this many requests first. */
  final AtomicInteger failFirst = new AtomicInteger();

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/hook", exchange -> {
      try (exchange; InputStream in = exchange.getRequestBody()) {
        String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(body, exchange.getRequestHeaders().getFirst("Stripe-Signature"),
            exchange.getRequestHeaders().getFirst("Content-Type")));
        int status = failFirst.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
        exchange.sendResponseHeaders(status, -1);
      }
    });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
