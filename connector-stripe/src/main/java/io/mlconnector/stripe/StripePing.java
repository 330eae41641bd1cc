package io.mlconnector.stripe;

import java.util.List;

/**
 * The outcome of {@link StripeConnector#ping()}: each check with its latency.
 *
 * @param checks the checks in the order they ran
 */
public record StripePing(List<PingCheck> checks) {
  /** Copies the checks. */
  public StripePing {
    checks = List.copyOf(checks);
  }

  /** True when every check passed. */
  public boolean ok() {
    return checks.stream().allMatch(PingCheck::ok);
  }

  /** The check named {@code name}, or null. */
  public PingCheck check(String name) {
    return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }
}
