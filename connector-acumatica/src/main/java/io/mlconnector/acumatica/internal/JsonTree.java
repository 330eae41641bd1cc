package io.mlconnector.acumatica.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.mlconnector.core.codec.JsonFormatException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * Reads and writes JSON trees (maps, lists, strings, booleans, {@link BigDecimal} numbers) with
 * numbers kept as their literal text: amounts never pass through a {@code double}.
 */
public final class JsonTree {
  private JsonTree() {}

  /** Parses {@code json}; numbers become {@link BigDecimal}. */
  public static Object parse(String json) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
      Object value = read(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonFormatException("trailing content after the JSON value", null);
      }
      return value;
    } catch (IOException | RuntimeException e) {
      if (e instanceof JsonFormatException) {
        throw (JsonFormatException) e;
      }
      throw new JsonFormatException("malformed JSON: " + e.getMessage(), e);
    }
  }

  /** Parses a JSON object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String json) {
    Object v = parse(json);
    if (!(v instanceof Map)) {
      throw new JsonFormatException("expected a JSON object", null);
    }
    return (Map<String, Object>) v;
  }

  /** Parses a JSON array of objects. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> parseArray(String json) {
    Object v = parse(json);
    if (!(v instanceof List)) {
      throw new JsonFormatException("expected a JSON array", null);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : (List<?>) v) {
      if (!(o instanceof Map)) {
        throw new JsonFormatException("expected an array of objects", null);
      }
      out.add((Map<String, Object>) o);
    }
    return out;
  }

  private static Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          map.put(reader.nextName(), read(reader));
        }
        reader.endObject();
        return map;
      case BEGIN_ARRAY:
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(read(reader));
        }
        reader.endArray();
        return list;
      case STRING:
        return reader.nextString();
      case NUMBER:
        return new BigDecimal(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new JsonFormatException("unexpected token " + reader.peek(), null);
    }
  }

  /** Writes a tree as compact JSON. */
  public static String write(Object value) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      write(writer, value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return buffer.readUtf8();
  }

  private static void write(JsonWriter w, Object v) throws IOException {
    if (v == null) {
      w.nullValue();
    } else if (v instanceof Map) {
      w.beginObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        w.name(e.getKey().toString());
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
      w.jsonValue(new PlainNumber((BigDecimal) v));
    } else if (v instanceof Number) {
      w.value((Number) v);
    } else if (v instanceof Boolean) {
      w.value((Boolean) v);
    } else {
      w.value(v.toString());
    }
  }

  /** A number whose text is the plain decimal form ({@code 1000.00}, never {@code 1E+3}). */
  private static final class PlainNumber extends Number {
    private static final long serialVersionUID = 1L;
    private final BigDecimal value;

    PlainNumber(BigDecimal value) {
      this.value = value;
    }

    @Override
    public int intValue() {
      return value.intValue();
    }

    @Override
    public long longValue() {
      return value.longValue();
    }

    @Override
    public float floatValue() {
      return value.floatValue();
    }

    @Override
    public double doubleValue() {
      return value.doubleValue();
    }

    @Override
    public String toString() {
      return value.toPlainString();
    }
  }
}
