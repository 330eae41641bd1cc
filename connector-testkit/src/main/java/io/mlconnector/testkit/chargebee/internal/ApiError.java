package io.mlconnector.testkit.chargebee.internal;

import io.mlconnector.testkit.http.SimResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Chargebee error answer: {@code message}, {@code type} (when Chargebee gives one), {@code
 * api_error_code}, {@code param} for parameter errors, and the legacy {@code error_code}, {@code
 * error_msg} and {@code http_status_code} fields real answers still carry.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status. */
  public final int status;
  /** {@code payment}, {@code invalid_request}, {@code operation_failed}, or null. */
  public final String type;
  /** The {@code api_error_code}. */
  public final String code;
  /** The parameter at fault, or null. */
  public final @Nullable String param;

  /** An error with every field. */
  public ApiError(int status, String type, String code, String message, @Nullable String param) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param;
  }

  /** 400 {@code param_wrong_value} naming {@code param}. */
  public static ApiError badParam(String param, String message) {
    return new ApiError(400, "invalid_request", "param_wrong_value", message, param);
  }

  /** 404 {@code resource_not_found}. */
  public static ApiError notFound(String what, String id) {
    return new ApiError(404, "invalid_request", "resource_not_found", what + " not found for " + id, null);
  }

  /** 409 {@code invalid_state_for_request}. */
  public static ApiError invalidState(String message) {
    return new ApiError(409, "invalid_request", "invalid_state_for_request", message, null);
  }

  /** The JSON answer. */
  public SimResponse response() {
    return render(status, type, code, getMessage(), param);
  }

  /** Renders an error answer. */
  public static SimResponse render(
      int status, @Nullable String type, String code, String message, @Nullable String param) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", message);
    if (type != null) {
      body.put("type", type);
    }
    body.put("api_error_code", code);
    if (param != null) {
      body.put("param", param);
    }
    body.put("error_code", code);
    body.put("error_msg", message);
    body.put("http_status_code", (long) status);
    return SimResponse.json(status, Json.write(body));
  }
}
