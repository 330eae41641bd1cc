package io.mlconnector.spring.boot;

import java.time.Duration;
import java.util.Objects;

/**
 * One of a client's checks (reachability, authentication, a read), as its {@code ping()} reports it.
 *
 * @param system the system checked, for example {@code syspro}
 * @param name the check's name
 * @param ok whether it passed
 * @param latency how long it took
 * @param detail what went wrong, or a short note; never a secret
 */
public record ConnectorCheck(String system, String name, boolean ok, Duration latency, String detail) {
  /**
   * Checks the parts.
   *
   * @param system the system checked, for example {@code syspro}
   * @param name the check's name
   * @param ok whether it passed
   * @param latency how long it took; null is taken as zero
   * @param detail what went wrong, or a short note; never a secret; null is taken as empty
   */
  public ConnectorCheck {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(name, "name");
    latency = latency == null ? Duration.ZERO : latency;
    detail = detail == null ? "" : detail;
  }
}
