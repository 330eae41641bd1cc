package io.mlconnector.testkit.chargebee.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON for generic maps and lists. Chargebee leaves absent attributes out, so nulls are skipped. */
public final class Json {
  private static final JsonAdapter<Object> ADAPTER = new Moshi.Builder().build().adapter(Object.class);

  private Json() {}

  /** Writes maps, lists, strings, numbers and booleans as JSON (null entries left out). */
  public static String write(Object value) {
    return ADAPTER.toJson(value);
  }

  /** Parses JSON into maps and lists (numbers become doubles). */
  public static Object read(String json) {
    try {
      return ADAPTER.fromJson(json);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getMessage(), e);
    }
  }

  /** A deep copy of a tree of maps and lists. */
  @SuppressWarnings("unchecked")
  public static <T> T copy(T value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put((String) k, copy(v)));
      return (T) out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(copy(o));
      }
      return (T) out;
    }
    return value;
  }
}
