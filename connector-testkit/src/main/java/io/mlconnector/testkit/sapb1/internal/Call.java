package io.mlconnector.testkit.sapb1.internal;

import io.mlconnector.testkit.http.SimRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request to the service, top-level or a part of a {@code $batch}.
 *
 * @param method the HTTP method
 * @param v2 whether it came to {@code /b1s/v2}
 * @param resource the path after the service root ({@code Invoices(1)/Cancel})
 * @param rawQuery the raw query, or null
 * @param headers header values by lower-case name
 * @param body the body text
 * @param inBatch whether the request is a part of a batch
 */
public record Call(
    String method, boolean v2, String resource, @Nullable String rawQuery, Map<String, String> headers, String body,
    boolean inBatch) {

  /** The call for a top-level request. */
  public static Call of(SimRequest r, boolean v2, String resource) {
    Map<String, String> h = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : r.headers().entrySet()) {
      h.put(e.getKey().toLowerCase(Locale.ROOT), String.join(", ", e.getValue()));
    }
    return new Call(r.method(), v2, resource, r.rawQuery(), h, new String(r.body(), StandardCharsets.UTF_8), false);
  }

  /** A header value (case-insensitive), or null. */
  public @Nullable String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The query parameters, decoded. */
  public Map<String, List<String>> query() {
    return SimRequest.decodeForm(rawQuery, StandardCharsets.UTF_8);
  }

  /** The first value of a query parameter, or null. */
  public @Nullable String param(String name) {
    List<String> v = query().get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** The B1SESSION cookie value, or null. */
  public @Nullable String sessionCookie() {
    String cookie = header("cookie");
    if (cookie == null) {
      return null;
    }
    for (String part : cookie.split("[;,]")) {
      String p = part.trim();
      if (p.startsWith("B1SESSION=")) {
        return p.substring("B1SESSION=".length());
      }
    }
    return null;
  }
}
