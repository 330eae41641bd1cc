package io.mlconnector.core.error;

import org.jspecify.annotations.Nullable;

/**
 * What is known about a failed remote call. Build one with {@link #of(String, String)} and the
 * {@code with*} methods; every field but system and operation may be absent.
 *
 * @param system the remote system, for example {@code "stripe"}
 * @param operation the operation, for example {@code "POST /v1/invoices"}
 * @param httpStatus the HTTP status, 0 when there was no HTTP answer
 * @param remoteCode the remote's error code, or null
 * @param remoteMessage the remote's error message, or null; never a secret
 * @param requestId the remote request id, or null
 */
public record ErrorDetails(
    String system,
    String operation,
    int httpStatus,
    @Nullable String remoteCode,
    @Nullable String remoteMessage,
    @Nullable String requestId) {

  /**
   * Checks the fields.
   *
   * @param system the remote system, for example {@code "stripe"}; not blank
   * @param operation the operation, for example {@code "POST /v1/invoices"}; not blank
   * @param httpStatus the HTTP status, 0 when there was no HTTP answer
   * @param remoteCode the remote's error code, or null
   * @param remoteMessage the remote's error message, or null; never a secret
   * @param requestId the remote request id, or null
   * @throws IllegalArgumentException if {@code system} or {@code operation} is null or blank
   */
  public ErrorDetails {
    if (system == null || system.isBlank()) {
      throw new IllegalArgumentException("system must not be blank");
    }
    if (operation == null || operation.isBlank()) {
      throw new IllegalArgumentException("operation must not be blank");
    }
  }

  /**
   * Details with only the system and operation known.
   *
   * @param system the remote system, for example {@code "stripe"}; not blank
   * @param operation the operation, for example {@code "POST /v1/invoices"}; not blank
   * @return details with HTTP status 0 and no remote code, message or request id
   * @throws IllegalArgumentException if either argument is null or blank
   */
  public static ErrorDetails of(String system, String operation) {
    return new ErrorDetails(system, operation, 0, null, null, null);
  }

  /**
   * A copy with the HTTP status of the answer.
   *
   * @param status the HTTP status, 0 when there was no HTTP answer
   * @return a copy with this status and every other field unchanged
   */
  public ErrorDetails withHttpStatus(int status) {
    return new ErrorDetails(system, operation, status, remoteCode, remoteMessage, requestId);
  }

  /**
   * A copy with the remote's error code and message.
   *
   * @param code the remote's error code, or null
   * @param message the remote's error message, or null; never a secret
   * @return a copy with this code and message and every other field unchanged
   */
  public ErrorDetails withRemote(@Nullable String code, @Nullable String message) {
    return new ErrorDetails(system, operation, httpStatus, code, message, requestId);
  }

  /**
   * A copy with the remote's request id, for support tickets.
   *
   * @param id the remote request id, or null when unknown
   * @return a copy with this request id and every other field unchanged
   */
  public ErrorDetails withRequestId(@Nullable String id) {
    return new ErrorDetails(system, operation, httpStatus, remoteCode, remoteMessage, id);
  }

  /** The exception message: one line naming every known field. */
  String describe() {
    StringBuilder sb = new StringBuilder().append(system).append(' ').append(operation).append(" failed");
    if (httpStatus > 0) {
      sb.append(": HTTP ").append(httpStatus);
    }
    if (remoteCode != null) {
      sb.append(httpStatus > 0 ? ", " : ": ").append("code ").append(remoteCode);
    }
    if (remoteMessage != null) {
      sb.append(httpStatus > 0 || remoteCode != null ? ", " : ": ").append(remoteMessage);
    }
    if (requestId != null) {
      sb.append(" (request ").append(requestId).append(')');
    }
    return sb.toString();
  }
}
