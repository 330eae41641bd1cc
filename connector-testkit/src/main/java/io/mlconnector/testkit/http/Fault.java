package io.mlconnector.testkit.http;

/** What the fault injector does to one request. */
public enum Fault {
  /** Nothing: the request is served normally. */
  NONE,
  /** The request is not processed; the simulator answers with its own 5xx error body. */
  SERVER_ERROR,
  /** The request is not processed; the connection is closed without an answer. */
  CONNECTION_DROP,
  /**
   * The request IS processed (the remote state changes) and then the connection is closed without
   * an answer: the client cannot know whether its write landed.
   */
  RESPONSE_LOST_AFTER_COMMIT
}
