package io.mlconnector.testkit.acumatica;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request the simulator received on {@code /entity/...} or {@code /identity/...}, kept so tests
 * can check it (for example against the endpoint's published OpenAPI document).
 *
 * @param method the HTTP method
 * @param path the decoded path after the site, for example {@code entity/Default/24.200.001/Payment}
 * @param rawQuery the raw query string, or null
 * @param headers the headers by lower-case name
 * @param body the body text
 */
public record RecordedRequest(
    String method,
    String path,
    @Nullable String rawQuery,
    Map<String, List<String>> headers,
    String body) {

  /**
   * The endpoint version of an entity request.
   *
   * @return for example {@code 24.200.001}, or null for an identity or {@code entity/auth} request
   */
  public @Nullable String version() {
    String[] p = path.split("/");
    return p.length > 2 && p[0].equals("entity") && !p[1].equals("auth") ? p[2] : null;
  }

  /**
   * The part after {@code entity/<endpoint>/<version>}.
   *
   * @return for example {@code /Payment/Payment/000123}, starting with {@code /} ({@code /} alone
   *     for the version root), or null when {@link #version()} is null
   */
  public @Nullable String entityPath() {
    String v = version();
    if (v == null) {
      return null;
    }
    int i = path.indexOf(v) + v.length();
    return i >= path.length() ? "/" : path.substring(i);
  }
}
