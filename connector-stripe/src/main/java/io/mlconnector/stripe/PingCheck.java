package io.mlconnector.stripe;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One check of {@link StripeConnector#ping()}.
 *
 * @param name what was checked, e.g. {@code authentication}
 * @param ok whether it passed
 * @param detail what was found (the account id, the mode) or why it failed; never a secret
 * @param latency how long the check's request took ({@link Duration#ZERO} when no request was needed)
 */
public record PingCheck(String name, boolean ok, @Nullable String detail, Duration latency) {
  /**
   * Checks that name and latency are present.
   *
   * @param name what was checked, e.g. {@code authentication}
   * @param ok whether it passed
   * @param detail what was found or why it failed, or null; never a secret
   * @param latency how long the check's request took ({@link Duration#ZERO} when none was needed)
   */
  public PingCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(latency, "latency");
  }
}
