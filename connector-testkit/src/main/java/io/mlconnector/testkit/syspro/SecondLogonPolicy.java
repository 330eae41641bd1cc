package io.mlconnector.testkit.syspro;

/**
 * What a logon does when the operator already holds as many sessions as it has concurrent users
 * (one by default). Integrators report that on SYSPRO 8 a second logon kills the first (observed,
 * not confirmed by SYSPRO), so that is the default.
 */
public enum SecondLogonPolicy {
  /** The operator's least recently active session is ended; calls on it then fail as invalid. */
  EVICT_OLDEST,
  /** The new logon is refused with {@link SysproMessage#OPERATOR_IN_USE}. */
  REJECT
}
