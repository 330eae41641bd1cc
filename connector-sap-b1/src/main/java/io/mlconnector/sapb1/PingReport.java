package io.mlconnector.sapb1;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@link SapB1Client#ping()} found: one {@link Check} per step ({@code ping}: the Service
 * Layer answers {@code /ping/}; {@code login}: the credentials open a session and the service
 * document answers; {@code read}: business partners can be read), each with its latency.
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
   * @param name {@code ping}, {@code login} or {@code read}
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
   * @param name {@code ping}, {@code login} or {@code read}
   * @param ok whether it passed
   * @param latency how long it took
   * @param detail what was found or why it failed; never a secret
   */
  public record Check(String name, boolean ok, Duration latency, String detail) {}
}
