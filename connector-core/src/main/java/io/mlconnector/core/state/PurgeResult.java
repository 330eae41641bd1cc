package io.mlconnector.core.state;

/**
 * What a retention purge removed.
 *
 * @param operations DONE operation rows deleted
 * @param auditEntries audit rows deleted
 * @param inboxEvents finished (PROCESSED or IGNORED) inbox events deleted
 */
public record PurgeResult(long operations, long auditEntries, long inboxEvents) {

  /**
   * A result that removed no inbox events.
   *
   * @param operations DONE operation rows deleted
   * @param auditEntries audit rows deleted
   */
  public PurgeResult(long operations, long auditEntries) {
    this(operations, auditEntries, 0);
  }
}
