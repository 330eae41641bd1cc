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
    String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {

  /** The first value of a header (case-insensitive name), or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Query parameters decoded as UTF-8, in order; repeated names keep every value. */
  public Map<String, List<String>> query() {
    return decodeForm(rawQuery, StandardCharsets.UTF_8);
  }

  /** The first value of a query parameter, or null. */
  public String queryParam(String name) {
    List<String> values = query().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The body as text in the given charset. */
  public String bodyText(Charset charset) {
    return new String(body, charset);
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return bodyText(StandardCharsets.UTF_8);
  }

  /** The body decoded as {@code application/x-www-form-urlencoded}. */
  public Map<String, List<String>> form() {
    return decodeForm(bodyText(), StandardCharsets.UTF_8);
  }

  /** Decodes {@code a=1&b=2&a=3} into an ordered multimap. */
  public static Map<String, List<String>> decodeForm(String encoded, Charset charset) {
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
