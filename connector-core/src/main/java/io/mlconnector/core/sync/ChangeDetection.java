package io.mlconnector.core.sync;

/** How a {@link PollSource} finds what changed since the last checkpoint. */
public enum ChangeDetection {
  /**
   * Records carry a modified timestamp. Reads resume at the checkpoint minus the flow's overlap
   * (clock skew, late commits), ordered by (timestamp, tie-breaker); re-read records are skipped by
   * operation key.
   */
  MODIFIED_TIMESTAMP,
  /** Records carry a monotonic key or row version; reads resume strictly after the checkpoint. */
  MONOTONIC_KEY,
  /**
   * No usable marker: every run scans everything, and a record is written only when its version
   * (a content hash, see {@link RecordIdentity#contentHashed}) changed. The checkpoint is the scan
   * position and restarts at the beginning after the last page.
   */
  FULL_SCAN
}
