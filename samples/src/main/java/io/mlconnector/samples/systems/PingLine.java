package io.mlconnector.samples.systems;

import java.time.Duration;
import java.util.Objects;

/**
 * One check of a system's {@code ping()}, for the sample's {@code ping} command.
 *
 * @param system the system checked, for example {@code SYSPRO}
 * @param check what was checked
 * @param ok whether it passed
 * @param latency how long it took
 * @param detail what the system answered
 */
public record PingLine(String system, String check, boolean ok, Duration latency, String detail) {
  /** Checks the fields. */
  public PingLine {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(latency, "latency");
    detail = detail == null ? "" : detail;
  }
}
