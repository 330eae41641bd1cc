package io.mlconnector.testkit.acumatica.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/** JSON trees for the simulator: objects are ordered maps, numbers are {@link BigDecimal}. */
public final class Json {
  private Json() {}

  /** Thrown for a body that is not JSON. */
  public static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  /** Parses one JSON value. */
  public static Object parse(String text) {
    try (JsonReader r = JsonReader.of(new Buffer().writeUtf8(text))) {
      r.setLenient(false);
      Object v = value(r);
      if (r.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new Malformed("content after the JSON value");
      }
      return v;
    } catch (IOException | RuntimeException e) {
      if (e instanceof Malformed) {
        throw (Malformed) e;
      }
      throw new Malformed(e.getMessage());
    }
  }

  private static Object value(JsonReader r) throws IOException {
    switch (r.peek()) {
      case BEGIN_OBJECT: {
        Map<String, Object> m = new LinkedHashMap<>();
        r.beginObject();
        while (r.hasNext()) {
          m.put(r.nextName(), value(r));
        }
        r.endObject();
        return m;
      }
      case BEGIN_ARRAY: {
        List<Object> l = new ArrayList<>();
        r.beginArray();
        while (r.hasNext()) {
          l.add(value(r));
        }
        r.endArray();
        return l;
      }
      case NUMBER:
        return new BigDecimal(r.nextString());
      case STRING:
        return r.nextString();
      case BOOLEAN:
        return r.nextBoolean();
      case NULL:
        return r.nextNull();
      default:
        throw new Malformed("unexpected " + r.peek());
    }
  }

  /** Writes a tree. */
  public static String write(Object v) {
    Buffer b = new Buffer();
    try (JsonWriter w = JsonWriter.of(b)) {
      w.setSerializeNulls(true);
      write(w, v);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return b.readUtf8();
  }

  private static void write(JsonWriter w, Object v) throws IOException {
    if (v == null) {
      w.nullValue();
    } else if (v instanceof Map) {
      w.beginObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        w.name(String.valueOf(e.getKey()));
        write(w, e.getValue());
      }
      w.endObject();
    } else if (v instanceof List) {
      w.beginArray();
      for (Object o : (List<?>) v) {
        write(w, o);
      }
      w.endArray();
    } else if (v instanceof BigDecimal) {
      BigDecimal d = (BigDecimal) v;
      w.jsonValue(new Number() {
        private static final long serialVersionUID = 1L;

        @Override public int intValue() { return d.intValue(); }
        @Override public long longValue() { return d.longValue(); }
        @Override public float floatValue() { return d.floatValue(); }
        @Override public double doubleValue() { return d.doubleValue(); }
        @Override public String toString() { return d.toPlainString(); }
      });
    } else if (v instanceof Number) {
      w.value((Number) v);
    } else if (v instanceof Boolean) {
      w.value((Boolean) v);
    } else {
      w.value(v.toString());
    }
  }
}
