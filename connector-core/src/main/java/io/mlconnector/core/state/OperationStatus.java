package io.mlconnector.core.state;

/** Where a write intent stands. */
public enum OperationStatus {
  /** Recorded before the sink was called; not yet known to have landed. */
  PENDING,
  /** Landed; its mapping and audit entry are saved. */
  DONE,
  /** Failed transiently; a retry-queue item will try again. */
  FAILED,
  /** Failed permanently; parked as a dead letter with its reason until a person replays it. */
  PARKED
}
