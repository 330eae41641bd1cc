package io.mlconnector.stripe.internal;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Removes anything that looks like a Stripe secret from text bound for logs or exceptions. */
public final class Redaction {
  private static final Pattern SECRET =
      Pattern.compile("\\b(?:sk|rk)_(?:test|live)_[A-Za-z0-9*]+|\\bwhsec_[A-Za-z0-9+/=]+");

  private Redaction() {}

  /** {@code text} with every key-like token replaced by {@code <redacted>}; null stays null. */
  public static @Nullable String scrub(@Nullable String text) {
    if (text == null) {
      return null;
    }
    return SECRET.matcher(text).replaceAll("<redacted>");
  }

  /** True when {@code text} holds something key-like. */
  public static boolean containsSecret(@Nullable String text) {
    return text != null && SECRET.matcher(text).find();
  }
}
