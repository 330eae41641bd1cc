package io.mlconnector.core.sync.internal;

import io.mlconnector.core.sync.RunReport;

/** Unwinds a run that must stop: lease lost, engine stopping, or a run-wide failure. */
final class StopRun extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final RunReport.Status status;

  StopRun(RunReport.Status status, String reason, Throwable cause) {
    super(reason, cause, false, false);
    this.status = status;
  }
}
