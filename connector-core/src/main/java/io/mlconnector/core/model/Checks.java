package io.mlconnector.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by the model's compact constructors; messages name the field. */
final class Checks {

  private Checks() {}

  static <T> T notNull(T value, String field) {
    if (value == null) {
      throw new NullPointerException(field + " must not be null");
    }
    return value;
  }

  /**
   * Checks a record's {@code ref} and {@code version}; returns how messages about its other fields
   * name it ({@code "Refund re_1"}).
   */
  static String identity(ExternalRef ref, String version, String type) {
    notNull(ref, type + ".ref");
    String what = type + " " + ref.id();
    text(version, what + " version");
    return what;
  }

  static String text(String value, String field) {
    notNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }

  /** Null stays null (the field is optional); a blank string is refused. */
  static @Nullable String optionalText(@Nullable String value, String field) {
    if (value != null && value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank when given (use null)");
    }
    return value;
  }

  static <T> List<T> list(List<T> value, String field) {
    if (value == null) {
      return List.of();
    }
    List<T> copy = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      T element = value.get(i);
      if (element == null) {
        throw new NullPointerException(field + "[" + i + "] must not be null");
      }
      copy.add(element);
    }
    return Collections.unmodifiableList(copy);
  }

  /** An unmodifiable, insertion-ordered copy with no null or blank keys and no null values. */
  static Map<String, String> stringMap(Map<String, String> value, String field) {
    if (value == null) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : value.entrySet()) {
      if (e.getKey() == null || e.getKey().isBlank()) {
        throw new IllegalArgumentException(field + " must not have a null or blank key");
      }
      if (e.getValue() == null) {
        throw new NullPointerException(field + "['" + e.getKey() + "'] must not be null");
      }
      copy.put(e.getKey(), e.getValue());
    }
    return Collections.unmodifiableMap(copy);
  }

  static Extensions extensions(Extensions value) {
    return value == null ? Extensions.empty() : value;
  }

  static Money positive(Money value, String field) {
    notNull(value, field);
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(field + " must be positive but was " + value);
    }
    return value;
  }

  static Money nonNegative(Money value, String field) {
    notNull(value, field);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(field + " must not be negative but was " + value);
    }
    return value;
  }

  static Money inCurrency(Money value, Currency currency, String field) {
    if (value != null && !value.currency().equals(currency)) {
      throw new CurrencyMismatchException(
          field
              + " is in "
              + value.currency().getCurrencyCode()
              + " but the record's currency is "
              + currency.getCurrencyCode()
              + " ("
              + value
              + ")");
    }
    return value;
  }
}
