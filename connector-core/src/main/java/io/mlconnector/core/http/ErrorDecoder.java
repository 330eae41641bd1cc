package io.mlconnector.core.http;

import okhttp3.Response;

/**
 * Reads the remote's error code and message from a non-2xx answer. Each connector supplies one
 * for its system's error body (Stripe's {@code error.code}, SAP's {@code error.message.value}).
 */
@FunctionalInterface
public interface ErrorDecoder {

  /** Decodes nothing: errors carry only the HTTP status and request id. */
  ErrorDecoder NONE = (response, body) -> RemoteError.NONE;

  /**
   * Parses the error.
   *
   * @param response the answer (its body has already been read into {@code body})
   * @param body the body text, possibly truncated, or empty
   * @return the remote error, {@link RemoteError#NONE} when nothing could be read; never null
   */
  RemoteError decode(Response response, String body);
}
