package io.mlconnector.testkit.syspro;

/**
 * What happens to a second call made on a session while the first is still being processed. SYSPRO
 * serialises work per session; whether an overlapping call waits or fails is unconfirmed, so both
 * are available.
 */
public enum BusyPolicy {
  /** The second call waits until the first has finished, then runs. */
  SERIALISE,
  /**
   * The second call is answered at once with {@code ERROR: } and {@link
   * SysproMessage#SESSION_BUSY}.
   */
  REJECT
}
