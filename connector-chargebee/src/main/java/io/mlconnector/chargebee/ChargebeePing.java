package io.mlconnector.chargebee;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@link ChargebeeClient#ping()} found: one {@link Check} per step (site reachable, API key
 * valid, a read, the event list, the plan limit), each with its latency.
 *
 * @param checks the checks, in the order run
 */
public record ChargebeePing(List<Check> checks) {
  /**
   * Copies the list.
   *
   * @param checks the checks, in the order run
   */
  public ChargebeePing {
    checks = List.copyOf(checks);
  }

  /**
   * Whether every check passed.
   *
   * @return true when every check passed (also when none ran)
   */
  public boolean ok() {
    return checks.stream().allMatch(Check::ok);
  }

  /**
   * The check named {@code name}, if it ran.
   *
   * @param name {@code site}, {@code auth}, {@code read}, {@code events} or {@code plan}
   * @return the check, or empty when the run stopped before it
   */
  public Optional<Check> check(String name) {
    return checks.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /**
   * One check.
   *
   * @param name {@code site}, {@code auth}, {@code read}, {@code events} or {@code plan}
   * @param ok whether it passed
   * @param latency how long it took
   * @param detail what was found or what failed (never a secret)
   */
  public record Check(String name, boolean ok, Duration latency, String detail) {}
}
