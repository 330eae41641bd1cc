package io.mlconnector.testkit.stripe.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Stripe error answer raised inside the simulator: HTTP status plus the fields of Stripe's
 * {@code {"error": {...}}} body. {@code stored} says whether an idempotent request that ended in
 * this error keeps it (Stripe keeps results once the endpoint began executing, not parameter
 * validation failures).
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String type;
  final @Nullable String code;
  final @Nullable String param;
  final boolean stored;

  ApiError(int status, String type, @Nullable String code, @Nullable String param, String message, boolean stored) {
    super(message);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param;
    this.stored = stored;
  }

  /** 400 invalid_request_error for a bad parameter (not stored under an idempotency key). */
  static ApiError invalid(@Nullable String code, String param, String message) {
    return new ApiError(400, "invalid_request_error", code, param, message, false);
  }

  /** 400 parameter_missing. */
  static ApiError missing(String param) {
    return invalid("parameter_missing", param, "Missing required param: " + param + ".");
  }

  /** 400 parameter_unknown. */
  static ApiError unknown(String param) {
    return invalid("parameter_unknown", param, "Received unknown parameter: " + param);
  }

  /** 404 resource_missing for an object addressed by the URL. */
  static ApiError notFound(String kind, String id) {
    return new ApiError(
        404, "invalid_request_error", "resource_missing", "id", "No such " + kind + ": '" + id + "'", false);
  }

  /** 400 resource_missing for an object named by a parameter. */
  static ApiError noSuch(String kind, String id, String param) {
    return invalid("resource_missing", param, "No such " + kind + ": '" + id + "'");
  }

  /** 400 for an operation the object's state forbids (stored under an idempotency key). */
  static ApiError state(@Nullable String code, String message) {
    return new ApiError(400, "invalid_request_error", code, null, message, true);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The error type. */
  public String type() {
    return type;
  }

  /** The error code, or null. */
  public @Nullable String code() {
    return code;
  }

  /** Whether the result is kept under an idempotency key. */
  public boolean stored() {
    return stored;
  }

  /** Stripe's error body for this error. */
  public Map<String, Object> body(@Nullable String requestId) {
    return body(type, code, param, getMessage(), requestId);
  }

  /** Stripe's error body. */
  public static Map<String, Object> body(
      String type, @Nullable String code, @Nullable String param, String message, @Nullable String requestId) {
    Map<String, Object> error = new LinkedHashMap<>();
    if (code != null) {
      error.put("code", code);
      error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
    }
    error.put("message", message);
    if (param != null) {
      error.put("param", param);
    }
    if (requestId != null) {
      error.put("request_log_url", "https://dashboard.stripe.com/test/logs/" + requestId);
    }
    error.put("type", type);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("error", error);
    return root;
  }
}
