package io.mlconnector.testkit.http;

/** A simulator's request handler: pure request in, response out; faults are applied around it. */
@FunctionalInterface
public interface SimHandler {
  /**
   * Serves one request.
   *
   * @param request the request, already past the fault injector
   * @return the answer to send
   * @throws Exception any failure; the server answers it with the simulator's 500 body
   */
  SimResponse handle(SimRequest request) throws Exception;
}
