package io.mlconnector.chargebee.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.mlconnector.chargebee.ChargebeePage;
import io.mlconnector.chargebee.ChargebeeResource;
import io.mlconnector.chargebee.ChargebeeResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Chargebee's answers: resources wrapped by name, lists of wrapped resources with {@code next_offset}. */
public final class CbJson {
  private static final JsonAdapter<Object> ADAPTER = new Moshi.Builder().build().adapter(Object.class);

  private CbJson() {}

  /** Parses a JSON object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(String json) throws IOException {
    Object o;
    try {
      o = ADAPTER.fromJson(json);
    } catch (RuntimeException e) {
      throw new IOException("malformed JSON from Chargebee: " + e.getMessage(), e);
    }
    if (!(o instanceof Map)) {
      throw new IOException("Chargebee answered JSON that is not an object");
    }
    return (Map<String, Object>) o;
  }

  /** A single-result answer: every top-level object is a resource named by its key. */
  @SuppressWarnings("unchecked")
  public static ChargebeeResponse single(String json, boolean replayed) throws IOException {
    Map<String, ChargebeeResource> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : object(json).entrySet()) {
      if (e.getValue() instanceof Map<?, ?> m) {
        out.put(e.getKey(), new ChargebeeResource(e.getKey(), (Map<String, ?>) m));
      }
    }
    return new ChargebeeResponse(out, replayed);
  }

  /** A list answer: {@code {"list":[{"<resource>":{...}}],"next_offset":"..."}}. */
  @SuppressWarnings("unchecked")
  public static ChargebeePage page(String json, String resource) throws IOException {
    Map<String, Object> body = object(json);
    Object list = body.get("list");
    if (!(list instanceof List<?> entries)) {
      throw new IOException("Chargebee list answer has no list");
    }
    List<ChargebeeResource> items = new ArrayList<>();
    for (Object entry : entries) {
      Object r = entry instanceof Map<?, ?> m ? m.get(resource) : null;
      if (!(r instanceof Map)) {
        throw new IOException("Chargebee list entry carries no " + resource);
      }
      items.add(new ChargebeeResource(resource, (Map<String, ?>) r));
    }
    Object next = body.get("next_offset");
    return new ChargebeePage(items, next == null ? null : String.valueOf(next));
  }

  /** Writes a map as JSON (for {@code meta_data}). */
  public static String write(Object value) {
    return ADAPTER.toJson(value);
  }
}
