package io.mlconnector.core.sync;

/** What a flow does with a record whose mapper needs a record that is not synced yet. */
public enum DependencyPolicy {
  /** Put the record in the retry queue and try again after the backoff. */
  DEFER,
  /**
   * Fetch the dependency through the engine's flow for its type (same tenant), sync it now, then
   * map the record again; defer when no flow handles the dependency or it cannot be synced.
   */
  SYNC_ON_DEMAND
}
