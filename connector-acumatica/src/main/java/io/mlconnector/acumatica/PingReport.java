package io.mlconnector.acumatica;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@link AcumaticaClient#ping} found: the endpoint version, the sign-in and one read per
 * entity, each with its latency.
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
   * @return true when every check passed
   */
  public boolean ok() {
    return checks.stream().allMatch(Check::ok);
  }

  /**
   * The check called {@code name}.
   *
   * @param name {@code version}, {@code sign-in}, or {@code read <Entity>}
   * @return the check
   * @throws IllegalArgumentException if no check of that name ran
   */
  public Check check(String name) {
    return checks.stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no check called " + name));
  }

  /**
   * One step.
   *
   * @param name {@code version}, {@code sign-in}, or {@code read <Entity>}
   * @param ok whether it passed
   * @param latency how long it took
   * @param detail what was found or why it failed; never a secret
   */
  public record Check(String name, boolean ok, Duration latency, String detail) {}
}
