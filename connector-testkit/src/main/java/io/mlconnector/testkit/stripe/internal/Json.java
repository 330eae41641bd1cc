package io.mlconnector.testkit.stripe.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON for generic maps and lists (Moshi), with nulls written out as Stripe does. */
public final class Json {
  private static final JsonAdapter<Object> ADAPTER =
      new Moshi.Builder().build().adapter(Object.class).serializeNulls();

  private Json() {}

  /** Writes maps, lists, strings, numbers, booleans and nulls as JSON. */
  public static String write(Object value) {
    return ADAPTER.toJson(value);
  }

  /** Pretty JSON, as Stripe formats webhook bodies. */
  public static String writePretty(Object value) {
    return ADAPTER.indent("  ").toJson(value);
  }

  /** Parses JSON into maps and lists (numbers become doubles). */
  public static Object read(String json) {
    try {
      return ADAPTER.fromJson(json);
    } catch (IOException e) {
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
