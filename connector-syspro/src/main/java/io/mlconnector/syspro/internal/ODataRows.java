package io.mlconnector.syspro.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.mlconnector.core.http.ErrorDecoder;
import io.mlconnector.core.http.RemoteError;
import io.mlconnector.syspro.ODataRow;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import okio.Buffer;

/** JSON reading for the OData face: rows keep number literals as text; error bodies decoded. */
public final class ODataRows {

  private ODataRows() {}

  /** Reads one entity into a row, numbers as their literal text. */
  public static final JsonAdapter<ODataRow> ADAPTER =
      new JsonAdapter<>() {
        @Override
        public ODataRow fromJson(JsonReader reader) throws IOException {
          Map<String, String> values = new LinkedHashMap<>();
          reader.beginObject();
          while (reader.hasNext()) {
            String name = reader.nextName();
            switch (reader.peek()) {
              case NULL:
                reader.nextNull();
                break;
              case BOOLEAN:
                values.put(name, Boolean.toString(reader.nextBoolean()));
                break;
              case NUMBER:
              case STRING:
                values.put(name, reader.nextString());
                break;
              default:
                reader.skipValue();
            }
          }
          reader.endObject();
          return new ODataRow(values);
        }

        @Override
        public void toJson(JsonWriter writer, ODataRow value) {
          throw new UnsupportedOperationException("rows are read only");
        }
      };

  /** Reads {@code {"error":{"code":..,"message":..}}}. */
  public static final ErrorDecoder ERRORS =
      (response, body) -> {
        if (body == null || body.isBlank()) {
          return RemoteError.NONE;
        }
        try (JsonReader r = JsonReader.of(new Buffer().writeUtf8(body))) {
          String code = null;
          String message = null;
          r.beginObject();
          while (r.hasNext()) {
            if (r.nextName().equals("error") && r.peek() == JsonReader.Token.BEGIN_OBJECT) {
              r.beginObject();
              while (r.hasNext()) {
                String n = r.nextName();
                if (n.equals("code") && r.peek() == JsonReader.Token.STRING) {
                  code = r.nextString();
                } else if (n.equals("message") && r.peek() == JsonReader.Token.STRING) {
                  message = r.nextString();
                } else {
                  r.skipValue();
                }
              }
              r.endObject();
            } else {
              r.skipValue();
            }
          }
          return new RemoteError(code, message);
        } catch (IOException | RuntimeException e) {
          return RemoteError.NONE;
        }
      };
}
