package io.mlconnector.core.state;

/**
 * What a retention purge removed.
 *
 * @param operations DONE operation rows deleted
 * @param auditEntries audit rows deleted
 */
public record PurgeResult(long operations, long auditEntries) {}
