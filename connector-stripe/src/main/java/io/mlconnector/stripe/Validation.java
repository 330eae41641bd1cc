package io.mlconnector.stripe;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by the request types. */
final class Validation {
  private Validation() {}

  static void requireStamp(String value, String name) {
    if (value == null) {
      throw new NullPointerException(name);
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    if (value.length() > StripeMetadata.MAX_VALUE_LENGTH) {
      throw new IllegalArgumentException(
          name + " is " + value.length() + " characters; Stripe metadata values hold at most " + StripeMetadata.MAX_VALUE_LENGTH);
    }
  }

  static Map<String, String> userMetadata(@Nullable Map<String, String> metadata) {
    if (metadata == null || metadata.isEmpty()) {
      return Map.of();
    }
    if (metadata.size() > 40) {
      throw new IllegalArgumentException("metadata has " + metadata.size() + " keys; at most 40 are left after the connector's own");
    }
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      String k = e.getKey();
      String v = e.getValue();
      if (k == null || k.isBlank() || k.length() > 40 || k.indexOf('[') >= 0 || k.indexOf(']') >= 0) {
        throw new IllegalArgumentException("metadata key '" + k + "' must be 1 to 40 characters without brackets");
      }
      if (k.startsWith("mlc_")) {
        throw new IllegalArgumentException("metadata key '" + k + "' uses the connector's reserved prefix mlc_");
      }
      if (v == null || v.length() > StripeMetadata.MAX_VALUE_LENGTH) {
        throw new IllegalArgumentException("metadata value of '" + k + "' must be non-null and at most 500 characters");
      }
      copy.put(k, v);
    }
    return Map.copyOf(copy);
  }

  static String requireIdempotencyKey(String key) {
    if (key == null) {
      throw new NullPointerException("idempotencyKey");
    }
    String k = key.trim();
    if (k.isEmpty()) {
      throw new IllegalArgumentException("idempotencyKey must not be blank");
    }
    if (k.length() > 200) {
      throw new IllegalArgumentException(
          "idempotencyKey is " + k.length() + " characters; at most 200 (Stripe allows 255, the connector appends step suffixes)");
    }
    return k;
  }

  static String requireId(String id, String prefix, String name) {
    if (id == null) {
      throw new NullPointerException(name);
    }
    if (!id.startsWith(prefix) || id.length() <= prefix.length()) {
      throw new IllegalArgumentException(name + " must be a Stripe id starting with '" + prefix + "', was '" + id + "'");
    }
    return id;
  }
}
