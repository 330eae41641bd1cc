package io.mlconnector.syspro;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@link SysproClient#ping()} found: one {@link Check} per step (logon, logon profile, OData
 * read), each with its latency, so a new customer sees at once whether credentials and permissions
 * fit.
 *
 * @param checks the checks in the order they ran
 */
public record PingReport(List<Check> checks) {

  /**
   * Copies the list.
   *
   * @param checks the checks in the order they ran
   */
  public PingReport {
    checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
  }

  /**
   * Whether every check passed.
   *
   * @return true when no check failed
   */
  public boolean ok() {
    return checks.stream().allMatch(Check::ok);
  }

  /**
   * The check called {@code name}.
   *
   * @param name {@code logon}, {@code profile} or {@code odata}
   * @return the check
   * @throws IllegalArgumentException when the report has no such check
   */
  public Check check(String name) {
    return checks.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no check called " + name));
  }

  /**
   * One step.
   *
   * @param name {@code logon}, {@code profile} or {@code odata}
   * @param ok whether it passed
   * @param latency how long it took
   * @param detail what was found (version, company, row count) or why it failed; never a secret
   */
  public record Check(String name, boolean ok, Duration latency, String detail) {}
}
