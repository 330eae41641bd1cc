package io.mlconnector.core.credential;

import java.util.Objects;

/**
 * Whose credentials: one tenant's access to one remote system.
 *
 * @param tenant the tenant, not blank, at most 200 characters
 * @param system the remote system ({@code stripe}, {@code syspro} ...), not blank, at most 200
 *     characters
 */
public record CredentialId(String tenant, String system) {

  /**
   * Validates both parts.
   *
   * @param tenant the tenant, not blank, at most 200 characters
   * @param system the remote system ({@code stripe}, {@code syspro} ...), not blank, at most 200
   *     characters
   * @throws IllegalArgumentException when either part is blank or longer than 200 characters
   */
  public CredentialId {
    check(tenant, "tenant");
    check(system, "system");
  }

  /**
   * Shorthand for the constructor.
   *
   * @param tenant the tenant, not blank, at most 200 characters
   * @param system the remote system ({@code stripe}, {@code syspro} ...), not blank, at most 200
   *     characters
   * @return the id
   * @throws IllegalArgumentException when either part is blank or longer than 200 characters
   */
  public static CredentialId of(String tenant, String system) {
    return new CredentialId(tenant, system);
  }

  private static void check(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    if (value.length() > 200) {
      throw new IllegalArgumentException(name + " must be at most 200 characters, was " + value.length());
    }
  }

  /** {@code tenant/system}. */
  @Override
  public String toString() {
    return tenant + '/' + system;
  }
}
