package io.mlconnector.core.state.internal;

import io.mlconnector.core.model.ExternalRef;
import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the state stores; every message names the argument. */
public final class Checks {
  private Checks() {}

  /** Returns {@code value}, or throws when it is null or blank. */
  public static String text(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /** Returns {@code value}, or throws when it is null. */
  public static <T> T notNull(T value, String name) {
    return Objects.requireNonNull(value, name);
  }

  /** Returns {@code ref}, or throws when it is null or belongs to another tenant. */
  public static ExternalRef ref(ExternalRef ref, String name, String tenant) {
    Objects.requireNonNull(ref, name);
    if (tenant != null && !ref.tenant().equals(tenant)) {
      throw new IllegalArgumentException(
          name + " belongs to tenant " + ref.tenant() + ", not " + tenant);
    }
    return ref;
  }

  /** Returns {@code value}, or throws when it is not positive. */
  public static int positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }

  /** Returns {@code value}, or throws when it is null, zero or negative. */
  public static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }

  /** Throws when {@code actual} is not the {@code expected} tenant. */
  public static void sameTenant(String expected, String actual, String name) {
    if (!expected.equals(actual)) {
      throw new IllegalArgumentException(
          name + " belongs to tenant " + actual + ", not " + expected);
    }
  }
}
