package io.mlconnector.testkit.syspro;

import java.time.Instant;

/**
 * A live e.net session, for read-back (each one holds a licence seat).
 *
 * @param userId the session id as {@code /Logon} returned it
 * @param operator the operator code
 * @param loggedOnAt when it logged on (simulator clock)
 * @param lastActivity its last call (simulator clock)
 */
public record SessionInfo(
    String userId, String operator, Instant loggedOnAt, Instant lastActivity) {}
