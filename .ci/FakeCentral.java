import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for the Central Publisher Portal's API on a loopback port, for the release check:
 * says no component is published yet, keeps the uploaded bundle in a file, reports it validated.
 * Run as {@code java .ci/FakeCentral.java <port-file> <upload-file>}; prints nothing, stops when killed.
 */
public final class FakeCentral {
  public static void main(String[] args) throws IOException {
    Path portFile = Path.of(args[0]);
    Path upload = Path.of(args[1]);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", exchange -> {
      try (exchange) {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
          body = in.readAllBytes();
        }
        if (path.endsWith("/published")) {
          answer(exchange, 200, "application/json", "{\"published\":false}");
        } else if (path.endsWith("/upload")) {
          Files.write(upload, body);
          answer(exchange, 201, "text/plain", "ci-deployment");
        } else if (path.endsWith("/status")) {
          answer(exchange, 200, "application/json", "{\"deploymentId\":\"ci-deployment\",\"deploymentName\":\"ci\","
              + "\"deploymentState\":\"VALIDATED\",\"purls\":[]}");
        } else {
          answer(exchange, 404, "text/plain", "no such endpoint: " + path);
        }
      }
    });
    server.start();
    Files.writeString(portFile, String.valueOf(server.getAddress().getPort()));
  }

  private static void answer(HttpExchange exchange, int status, String type, String text) throws IOException {
    byte[] out = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, out.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(out);
    }
  }
}
