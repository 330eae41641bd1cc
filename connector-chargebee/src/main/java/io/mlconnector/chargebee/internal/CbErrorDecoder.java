package io.mlconnector.chargebee.internal;

import io.mlconnector.core.http.ErrorDecoder;
import io.mlconnector.core.http.RemoteError;
import java.util.Map;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Chargebee's error JSON: {@code api_error_code} (else the legacy {@code error_code}) and {@code
 * message} (else {@code error_msg}), with {@code param} appended to the message when present.
 * Unknown fields are ignored; a body that is not JSON gives no remote error.
 */
public final class CbErrorDecoder implements ErrorDecoder {
  /** The decoder. */
  public static final CbErrorDecoder INSTANCE = new CbErrorDecoder();

  private CbErrorDecoder() {}

  @Override
  public RemoteError decode(Response response, @Nullable String body) {
    if (body == null || body.isBlank()) {
      return RemoteError.NONE;
    }
    Map<String, Object> json;
    try {
      json = CbJson.object(body);
    } catch (java.io.IOException e) {
      return RemoteError.NONE;
    }
    String code = text(json.get("api_error_code"));
    if (code == null) {
      code = text(json.get("error_code"));
    }
    String message = text(json.get("message"));
    if (message == null) {
      message = text(json.get("error_msg"));
    }
    String param = text(json.get("param"));
    if (param != null) {
      message = (message == null ? "" : message + " ") + "(param " + param + ")";
    }
    return new RemoteError(code, message);
  }

  private static @Nullable String text(@Nullable Object o) {
    return o == null ? null : String.valueOf(o);
  }
}
