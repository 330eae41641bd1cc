package io.mlconnector.chargebee;

import java.util.Locale;

/**
 * Chargebee's plans and their API limits (requests in any 60 seconds, per site), as Chargebee's
 * knowledge base gives them: Starter 150, Performance 1,000, Enterprise 3,500; test sites 150.
 */
public enum ChargebeePlan {
  /** Live site on Starter: 150 requests per minute. */
  STARTER(150),
  /** Live site on Performance: 1,000 requests per minute. */
  PERFORMANCE(1000),
  /** Live site on Enterprise: 3,500 requests per minute (custom contracts may allow more). */
  ENTERPRISE(3500),
  /** A test site ({@code <site>-test}): 150 requests per minute. */
  TEST_SITE(150);

  private final int requestsPerMinute;

  ChargebeePlan(int requestsPerMinute) {
    this.requestsPerMinute = requestsPerMinute;
  }

  /**
   * The documented limit in requests per minute.
   *
   * @return requests in any 60 seconds, per site
   */
  public int requestsPerMinute() {
    return requestsPerMinute;
  }

  /**
   * The plan named {@code name}, case- and separator-insensitive ({@code "starter"}, {@code
   * "Test site"}, {@code "TEST_SITE"}).
   *
   * @throws IllegalArgumentException naming the accepted names when none matches
   * @param name the plan's name in any case, with spaces, hyphens or underscores
   * @return the plan
   */
  public static ChargebeePlan of(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("plan must not be blank");
    }
    String n = name.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (ChargebeePlan p : values()) {
      if (p.name().equals(n)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown Chargebee plan '" + name
        + "'; use starter, performance, enterprise or test_site, or give requests per minute as a number");
  }
}
