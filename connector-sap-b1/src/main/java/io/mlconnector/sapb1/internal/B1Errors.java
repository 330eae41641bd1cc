package io.mlconnector.sapb1.internal;

import io.mlconnector.core.http.ErrorDecoder;
import io.mlconnector.core.http.RemoteError;
import java.util.Map;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Reads both Service Layer error shapes: v1 {@code {"error":{"code":-2028,"message":{"lang":"en-us",
 * "value":"..."}}}} and v2 {@code {"error":{"code":"-2028","message":"..."}}}; the code may be a
 * number or a string and the message an object or a string in either. An HTML or empty body (the
 * Apache proxy in front of the Service Layer) yields a message saying so.
 */
public final class B1Errors implements ErrorDecoder {

  /** The decoder. */
  public static final B1Errors INSTANCE = new B1Errors();

  private B1Errors() {}

  @Override
  public RemoteError decode(Response response, String body) {
    return parse(body);
  }

  /** Parses an error body. */
  public static RemoteError parse(@Nullable String body) {
    if (body == null || body.isBlank()) {
      return new RemoteError(null, "empty answer (from the proxy in front of the Service Layer?)");
    }
    String t = body.trim();
    if (!t.startsWith("{")) {
      String title = t.replaceAll("(?s).*<title>(.*?)</title>.*", "$1");
      return new RemoteError(null, t.startsWith("<") ? "HTML answer from the proxy: " + (title.length() < 120 ? title : "(no title)")
          : "non-JSON answer");
    }
    try {
      Map<String, Object> root = JsonText.object(t, "error answer");
      Object err = root.get("error");
      if (!(err instanceof Map)) {
        return RemoteError.NONE;
      }
      Map<?, ?> e = (Map<?, ?>) err;
      Object code = e.get("code");
      String codeText = null;
      if (code instanceof Double && ((Double) code) == Math.rint((Double) code)) {
        codeText = String.valueOf(((Double) code).longValue());
      } else if (code != null) {
        codeText = code.toString();
      }
      Object message = e.get("message");
      String text;
      if (message instanceof Map) {
        Object value = ((Map<?, ?>) message).get("value");
        text = value == null ? null : value.toString();
      } else {
        text = message == null ? null : message.toString();
      }
      return new RemoteError(codeText, text);
    } catch (RuntimeException ex) {
      return new RemoteError(null, "malformed error answer");
    }
  }
}
