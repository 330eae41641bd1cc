package io.mlconnector.testkit.http;

/** A simulator's request handler: pure request in, response out; faults are applied around it. */
@FunctionalInterface
public interface SimHandler {
  /** Serves one request. Runtime exceptions become the simulator's 500 answer. */
  SimResponse handle(SimRequest request) throws Exception;
}
