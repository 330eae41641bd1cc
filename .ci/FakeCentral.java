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
          Files.write(upload, zipIn(body));
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

  /** The zip inside a multipart upload: from the first local header to the end of the central directory. */
  static byte[] zipIn(byte[] body) {
    int start = indexOf(body, new byte[] {'P', 'K', 3, 4}, 0);
    int end = lastIndexOf(body, new byte[] {'P', 'K', 5, 6});
    if (start < 0 || end < 0 || end + 22 > body.length) {
      return body;
    }
    int commentLength = (body[end + 20] & 0xff) | (body[end + 21] & 0xff) << 8;
    return java.util.Arrays.copyOfRange(body, start, Math.min(body.length, end + 22 + commentLength));
  }

  private static int indexOf(byte[] data, byte[] what, int from) {
    outer:
    for (int i = from; i <= data.length - what.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (data[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static int lastIndexOf(byte[] data, byte[] what) {
    int last = -1;
    for (int i = indexOf(data, what, 0); i >= 0; i = indexOf(data, what, i + 1)) {
      last = i;
    }
    return last;
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
