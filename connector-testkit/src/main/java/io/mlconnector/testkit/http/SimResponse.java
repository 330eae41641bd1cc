package io.mlconnector.testkit.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A simulator's answer: status, headers and body bytes.
 *
 * @param status the HTTP status
 * @param headers response headers
 * @param body the body bytes
 */
public record SimResponse(int status, Map<String, String> headers, byte[] body) {

  /**
   * Copies the headers.
   *
   * @param status the HTTP status
   * @param headers response headers (copied; no null names or values)
   * @param body the body bytes
   */
  public SimResponse {
    headers = Map.copyOf(headers);
  }

  /**
   * A response with a text body in the given charset and content type.
   *
   * @param status the HTTP status
   * @param contentType the media type without parameters, for example {@code text/xml}; the
   *     charset is appended
   * @param body the text
   * @param charset encodes the text and is named in {@code Content-Type}
   * @return the response
   */
  public static SimResponse text(int status, String contentType, String body, Charset charset) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType + "; charset=" + charset.name());
    return new SimResponse(status, headers, body.getBytes(charset));
  }

  /**
   * A JSON response in UTF-8.
   *
   * @param status the HTTP status
   * @param json the JSON text
   * @return the response
   */
  public static SimResponse json(int status, String json) {
    return text(status, "application/json", json, StandardCharsets.UTF_8);
  }

  /**
   * This response with one more header.
   *
   * @param name the header name; replaces a header of exactly that name
   * @param value the header value
   * @return a new response; this one is unchanged
   */
  public SimResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new SimResponse(status, copy, body);
  }
}
