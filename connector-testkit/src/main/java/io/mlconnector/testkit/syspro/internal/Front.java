package io.mlconnector.testkit.syspro.internal;

import io.mlconnector.testkit.http.SimRequest;
import io.mlconnector.testkit.http.SimResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The simulator's front door: routes a request to e.net REST or OData by its path (matched
 * case-insensitively), answers 404 elsewhere, and counts the REST requests the service processed.
 */
public final class Front {
  private final Config config;
  private final Rest rest;
  private final OData odata;
  private final Supplier<String> baseUri;
  private final Map<String, AtomicLong> restRequests = new ConcurrentHashMap<>();

  /** A front for {@code rest} and {@code odata}; {@code baseUri} is the server's, once it runs. */
  public Front(Config config, Rest rest, OData odata, Supplier<String> baseUri) {
    this.config = config;
    this.rest = rest;
    this.odata = odata;
    this.baseUri = baseUri;
  }

  /** Answers one request. */
  public SimResponse handle(SimRequest request) throws InterruptedException {
    String path = request.path();
    String lower = path.toLowerCase(Locale.ROOT);
    String restBase = config.restPath.toLowerCase(Locale.ROOT);
    if (lower.startsWith(restBase + "/")) {
      restRequests
          .computeIfAbsent(
              restKey(request.method(), path.substring(restBase.length() + 1)),
              k -> new AtomicLong())
          .incrementAndGet();
      return rest.handle(request, path.substring(restBase.length()));
    }
    String odataBase = config.odataPath.toLowerCase(Locale.ROOT);
    if (lower.startsWith(odataBase + "/") || lower.equals(odataBase)) {
      return odata.handle(
          request, baseUri.get() + config.odataPath, path.substring(odataBase.length()));
    }
    return SimResponse.text(404, "text/html", "Not Found", StandardCharsets.UTF_8);
  }

  /** The answer to a request the server failed on: HTTP.sys's plain 500. */
  public static SimResponse internalError() {
    return SimResponse.text(
            500,
            "text/html",
            "<html><body>Internal Server Error</body></html>",
            StandardCharsets.UTF_8)
        .withHeader("Server", "Microsoft-HTTPAPI/2.0");
  }

  /** REST requests of {@code method} to {@code relative} (below the REST base) processed so far. */
  public long restRequestCount(String method, String relative) {
    AtomicLong n = restRequests.get(restKey(method, relative));
    return n == null ? 0 : n.get();
  }

  private static String restKey(String method, String path) {
    return method.toUpperCase(Locale.ROOT) + " " + path.toLowerCase(Locale.ROOT);
  }
}
