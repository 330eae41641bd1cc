package io.mlconnector.testkit.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * The port a client uses for one HTTP simulator: requests under {@code /_sandbox/} go to the
 * sandbox's control surface, everything else is forwarded byte for byte to the simulator's own
 * loopback port, one connection per request (so an injected dropped connection reaches the client
 * as a dropped connection, and no client library retries it on the sandbox's behalf). Absolute
 * links the simulator writes with its own port are rewritten to the address the client used.
 */
final class HttpFront implements AutoCloseable {
  private static final Set<String> HOP_BY_HOP = Set.of(
      "host", "connection", "content-length", "transfer-encoding", "keep-alive", "expect", "upgrade",
      "proxy-connection", "te", "trailer");
  private static final int TIMEOUT_MILLIS = 10 * 60 * 1000;

  private final HttpServer server;
  private final ExecutorService executor;
  private final int upstreamPort;
  private final BiFunction<HttpExchange, String, Control.Answer> control;

  /**
   * @param control answers {@code /_sandbox/<rest>} (the exchange and the rest of the path)
   */
  HttpFront(String host, int port, int upstreamPort, BiFunction<HttpExchange, String, Control.Answer> control)
      throws IOException {
    this.upstreamPort = upstreamPort;
    this.control = control;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 128);
    this.executor = Executors.newFixedThreadPool(16, r -> {
      Thread t = new Thread(r, "sandbox-front-" + port);
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      if (path.equals("/_sandbox") || path.startsWith("/_sandbox/")) {
        Control.write(exchange, control.apply(exchange, path.substring("/_sandbox".length()).replaceFirst("^/", "")));
        return;
      }
      forward(exchange);
    } catch (IOException e) {
      // the client went away; nothing to answer
    }
  }

  private void forward(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    String target = exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
    StringBuilder head = new StringBuilder();
    head.append(exchange.getRequestMethod()).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1:").append(upstreamPort).append("\r\n");
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n"));
      }
    });
    if (body.length > 0 || !List.of("GET", "HEAD", "DELETE", "OPTIONS").contains(exchange.getRequestMethod())) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");

    byte[] raw;
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      raw = socket.getInputStream().readAllBytes();
    } catch (IOException e) {
      raw = new byte[0];
    }
    Response response = Response.parse(raw);
    if (response == null) {
      return; // the simulator dropped the connection: so does the front (closing without an answer)
    }
    String host = exchange.getRequestHeaders().getFirst("Host");
    String publicBase = "http://" + (host != null ? host : "127.0.0.1:" + port());
    String privateBase = "http://127.0.0.1:" + upstreamPort;
    byte[] out = response.body;
    String type = response.header("content-type");
    if (out.length > 0 && type != null && (type.contains("json") || type.contains("xml") || type.startsWith("text"))) {
      out = new String(out, StandardCharsets.UTF_8).replace(privateBase, publicBase).getBytes(StandardCharsets.UTF_8);
    }
    for (String[] h : response.headers) {
      if (!HOP_BY_HOP.contains(h[0].toLowerCase(Locale.ROOT)) && !h[0].equalsIgnoreCase("date")) {
        exchange.getResponseHeaders().add(h[0], h[1].replace(privateBase, publicBase));
      }
    }
    boolean noBody = out.length == 0 || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(response.status, noBody ? -1 : out.length);
    if (!noBody) {
      try (OutputStream o = exchange.getResponseBody()) {
        o.write(out);
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

  /** An HTTP/1.1 answer read to the end of the connection. */
  static final class Response {
    final int status;
    final List<String[]> headers;
    final byte[] body;

    private Response(int status, List<String[]> headers, byte[] body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    @Nullable String header(String name) {
      for (String[] h : headers) {
        if (h[0].equalsIgnoreCase(name)) {
          return h[1];
        }
      }
      return null;
    }

    /** The answer in {@code raw}, or null if there is none (the connection closed before a status line). */
    static @Nullable Response parse(byte[] raw) {
      int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      if (end < 0) {
        return null;
      }
      String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
      String[] statusLine = lines[0].split(" ", 3);
      if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
        return null;
      }
      int status = Integer.parseInt(statusLine[1]);
      List<String[]> headers = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
        }
      }
      byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
      Response r = new Response(status, headers, body);
      String encoding = r.header("transfer-encoding");
      if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
        return new Response(status, headers, dechunk(body));
      }
      String length = r.header("content-length");
      if (length != null) {
        int n = Integer.parseInt(length.trim());
        if (n < body.length) {
          return new Response(status, headers, java.util.Arrays.copyOf(body, n));
        }
      }
      return r;
    }

    private static byte[] dechunk(byte[] body) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int pos = 0;
      while (pos < body.length) {
        int lineEnd = indexOf(java.util.Arrays.copyOfRange(body, pos, body.length), new byte[] {'\r', '\n'});
        if (lineEnd < 0) {
          break;
        }
        String size = new String(body, pos, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim();
        int n = Integer.parseInt(size, 16);
        pos += lineEnd + 2;
        if (n == 0) {
          break;
        }
        out.write(body, pos, Math.min(n, body.length - pos));
        pos += n + 2;
      }
      return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
      outer:
      for (int i = 0; i + pattern.length <= data.length; i++) {
        for (int j = 0; j < pattern.length; j++) {
          if (data[i + j] != pattern[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
