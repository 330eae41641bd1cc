package io.mlconnector.testkit.sapb1.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One answer of the Service Layer: status, headers (a name may repeat, as {@code Set-Cookie} does
 * after a login) and body.
 *
 * @param status the HTTP status
 * @param headers header name and value pairs, in order
 * @param body the body bytes
 */
public record Answer(int status, List<String[]> headers, byte[] body) {
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class).serializeNulls();

  /** An answer with no headers yet. */
  public static Answer of(int status, @Nullable String contentType, byte[] body) {
    List<String[]> h = new ArrayList<>();
    if (contentType != null) {
      h.add(new String[] {"Content-Type", contentType});
    }
    return new Answer(status, h, body);
  }

  /** A JSON answer in the content type and protocol header of the version. */
  public static Answer json(int status, boolean v2, Map<String, Object> body) {
    Answer a = of(status, v2 ? "application/json;odata.metadata=minimal;charset=utf-8"
        : "application/json;odata=minimalmetadata;charset=utf-8", JSON.toJson(body).getBytes(StandardCharsets.UTF_8));
    return a.with(v2 ? "OData-Version" : "DataServiceVersion", v2 ? "4.0" : "3.0");
  }

  /** A plain-text answer ({@code /$count}). */
  public static Answer text(int status, String text) {
    return of(status, "text/plain;charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  /** An empty answer (204, or 500 with an empty body from the proxy). */
  public static Answer empty(int status) {
    return of(status, null, new byte[0]);
  }

  /** This answer with one more header. */
  public Answer with(String name, String value) {
    List<String[]> h = new ArrayList<>(headers);
    h.add(new String[] {name, value});
    return new Answer(status, h, body);
  }

  /** The first value of a header, or null. */
  public @Nullable String header(String name) {
    for (String[] h : headers) {
      if (h[0].equalsIgnoreCase(name)) {
        return h[1];
      }
    }
    return null;
  }

  /** Serialises {@code value} as JSON, nulls included. */
  public static String toJson(Object value) {
    return JSON.toJson(value);
  }

  /** Parses JSON (objects as maps, numbers as doubles). */
  public static Object parseJson(String text) throws java.io.IOException {
    return JSON.fromJson(text);
  }

  /** The reason phrase of a status, for batch parts. */
  public static String reason(int status) {
    switch (status) {
      case 200:
        return "OK";
      case 201:
        return "Created";
      case 204:
        return "No Content";
      case 400:
        return "Bad Request";
      case 401:
        return "Unauthorized";
      case 404:
        return "Not Found";
      case 405:
        return "Method Not Allowed";
      case 412:
        return "Precondition Failed";
      default:
        return "Status";
    }
  }
}
