package io.mlconnector.testkit.stripe.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** {@code data.previous_attributes} of an update event: the old values of the changed fields. */
final class Diff {
  private Diff() {}

  static Map<String, Object> previous(Map<String, Object> before, Map<String, Object> after) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : before.entrySet()) {
      if (!Objects.equals(e.getValue(), after.get(e.getKey()))) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }
}
