package io.mlconnector.core.http;

import java.io.IOException;
import okhttp3.Response;

/**
 * Turns a successful (2xx) answer into a value. The response is closed by the caller of the
 * handler after it returns.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface ResponseHandler<T> {

  /**
   * Reads the answer.
   *
   * @param response the remote's 2xx answer; the client closes it afterwards
   * @return the value read from it
   * @throws IOException when reading the body fails; the transport maps it to a connector error
   */
  T handle(Response response) throws IOException;
}
