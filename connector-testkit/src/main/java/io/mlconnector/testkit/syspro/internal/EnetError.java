package io.mlconnector.testkit.syspro.internal;

/** An e.net exception: the call is answered with HTTP 200 and a body {@code ERROR: <message>}. */
final class EnetError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EnetError(String message) {
    super(message, null, false, false);
  }

  /** The body SYSPRO sends. */
  public String body() {
    return "ERROR: " + getMessage();
  }
}
