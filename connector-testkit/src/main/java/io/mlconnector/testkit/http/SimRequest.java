package io.mlconnector.testkit.http;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as a simulator sees it: method, path, decoded query parameters, headers (names
 * lower-cased) and the raw body.
 *
 * @param method the HTTP method, upper case
 * @param path the decoded path, without the query
 * @param rawQuery the raw query string, or null
 * @param headers header values by lower-case name
 * @param body the raw body bytes (empty when none)
 */
public record SimRequest(
    String method,
    String path,
    @Nullable String rawQuery,
    Map<String, List<String>> headers,
    byte[] body) {

  /**
   * The first value of a header.
   *
   * @param name the header name, in any case
   * @return its first value, or null when the request has no such header
   */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * Query parameters decoded as UTF-8, in order; repeated names keep every value.
   *
   * @return values by name; empty when there is no query
   */
  public Map<String, List<String>> query() {
    return decodeForm(rawQuery, StandardCharsets.UTF_8);
  }

  /**
   * The first value of a query parameter.
   *
   * @param name the decoded parameter name (case-sensitive)
   * @return its first decoded value ({@code ""} for {@code ?name}), or null when absent
   */
  public @Nullable String queryParam(String name) {
    List<String> values = query().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * The body as text in the given charset.
   *
   * @param charset how the body is encoded
   * @return the text; empty when there is no body
   */
  public String bodyText(Charset charset) {
    return new String(body, charset);
  }

  /**
   * The body as UTF-8 text.
   *
   * @return the text; empty when there is no body
   */
  public String bodyText() {
    return bodyText(StandardCharsets.UTF_8);
  }

  /**
   * The body decoded as {@code application/x-www-form-urlencoded} (UTF-8).
   *
   * @return values by name in order; empty when there is no body
   */
  public Map<String, List<String>> form() {
    return decodeForm(bodyText(), StandardCharsets.UTF_8);
  }

  /**
   * Decodes {@code a=1&b=2&a=3} into an ordered multimap.
   *
   * @param encoded the encoded pairs; null or empty for none
   * @param charset the charset of the percent-encoded bytes
   * @return values by name in order of first appearance (a name without {@code =} has the value
   *     {@code ""}); empty for null or empty input
   */
  public static Map<String, List<String>> decodeForm(@Nullable String encoded, Charset charset) {
    if (encoded == null || encoded.isEmpty()) {
      return Collections.emptyMap();
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return out;
  }
}
