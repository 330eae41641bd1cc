package io.mlconnector.core.odata;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.mlconnector.core.codec.JsonFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * One page of a collection as the server answered it: its items, the server's next link (null on
 * the last page or when the server pages only by {@code $skip}) and the total count when asked
 * for and given.
 *
 * @param items the page's items, never null
 * @param nextLink {@code odata.nextLink} / {@code @odata.nextLink} as sent (absolute or
 *     relative), or null
 * @param totalCount {@code odata.count} / {@code @odata.count}, or null
 * @param <T> the item type
 */
public record ODataPage<T>(List<T> items, @Nullable String nextLink, @Nullable Long totalCount) {

  /**
   * Copies {@code items}; a blank next link counts as none.
   *
   * @param items the page's items; copied
   * @param nextLink the next link as sent, or null (blank counts as null)
   * @param totalCount the total count the remote reported, or null
   */
  public ODataPage {
    items = List.copyOf(Objects.requireNonNull(items, "items"));
    if (nextLink != null && nextLink.isBlank()) {
      nextLink = null;
    }
  }

  /**
   * A page without a next link.
   *
   * @param items the page's items; copied
   * @param <T> the item type
   * @return a page without next link or total count
   */
  public static <T> ODataPage<T> of(List<T> items) {
    return new ODataPage<>(items, null, null);
  }

  /**
   * A page with a next link (null for none).
   *
   * @param items the page's items; copied
   * @param nextLink the next link as sent, or null
   * @param <T> the item type
   * @return a page without total count
   */
  public static <T> ODataPage<T> of(List<T> items, @Nullable String nextLink) {
    return new ODataPage<>(items, nextLink, null);
  }

  /**
   * Reads a collection response: an object with {@code value} (the items), {@code
   * odata.nextLink} (V3) or {@code @odata.nextLink} (V4) and {@code odata.count} (V3, a number or
   * a string) or {@code @odata.count} (V4); or a bare JSON array (Acumatica's contract API). Other
   * members ({@code odata.metadata}, {@code @odata.context}) are skipped.
   *
   * @param body the response body
   * @param itemAdapter reads one item
   * @param <T> the item type
   * @return the page; its next link and total count are null when the body has none
   * @throws JsonFormatException when the body is not such a response or an item does not fit
   */
  public static <T> ODataPage<T> fromJson(String body, JsonAdapter<T> itemAdapter) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(itemAdapter, "itemAdapter");
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(body));
    try {
      List<T> items = null;
      String next = null;
      Long count = null;
      if (reader.peek() == JsonReader.Token.BEGIN_ARRAY) {
        items = readItems(reader, itemAdapter);
      } else {
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          switch (name) {
            case "value":
              items = readItems(reader, itemAdapter);
              break;
            case "odata.nextLink":
            case "@odata.nextLink":
              next = reader.peek() == JsonReader.Token.NULL ? reader.nextNull() : reader.nextString();
              break;
            case "odata.count":
            case "@odata.count":
              count = reader.peek() == JsonReader.Token.NULL ? reader.<Long>nextNull() : Long.valueOf(reader.nextString().trim());
              break;
            default:
              reader.skipValue();
          }
        }
        reader.endObject();
      }
      if (items == null) {
        throw new JsonFormatException("OData collection response has no \"value\" array", null);
      }
      return new ODataPage<>(items, next, count);
    } catch (JsonDataException | NumberFormatException e) {
      throw new JsonFormatException("OData collection response does not fit: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new JsonFormatException("Malformed JSON in OData collection response: " + e.getMessage(), e);
    }
  }

  private static <T> List<T> readItems(JsonReader reader, JsonAdapter<T> adapter) throws IOException {
    List<T> items = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      items.add(adapter.fromJson(reader));
    }
    reader.endArray();
    return items;
  }
}
