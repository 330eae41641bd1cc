package io.mlconnector.stripe;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link StripeConnector#ping()}: each check with its latency.
 *
 * @param checks the checks in the order they ran
 */
public record StripePing(List<PingCheck> checks) {
  /**
   * Copies the checks.
   *
   * @param checks the checks in the order they ran
   */
  public StripePing {
    checks = List.copyOf(checks);
  }

  /**
   * Whether every check passed.
   *
   * @return true when every check passed (also when there were none)
   */
  public boolean ok() {
    return checks.stream().allMatch(PingCheck::ok);
  }

  /**
   * The check named {@code name}.
   *
   * @param name the check's name, e.g. {@code authentication}
   * @return the first check of that name, or null when none ran
   */
  public @Nullable PingCheck check(String name) {
    return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }
}
