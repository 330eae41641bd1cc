package io.mlconnector.syspro;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One page of a COMBRW browse read into values: each row's cells ({@code <Customer><Value>SPO002
 * </Value><DataType>AlphaNumeric</DataType></Customer>}) as column name to trimmed value, and the
 * {@code NextPrevKey} block that asks for the next page ({@code StartAtKey}).
 *
 * @param rows the rows, each a column name to value map in document order
 * @param nextKey the key to start the next page at, or empty
 * @param hasNext whether SYSPRO says a next page exists ({@code Fwd})
 * @param previousKey the key of the previous page, or empty
 * @param hasPrevious whether a previous page exists ({@code Back})
 * @param document the whole output
 */
public record BrowsePage(
    List<Map<String, String>> rows,
    String nextKey,
    boolean hasNext,
    String previousKey,
    boolean hasPrevious,
    SysproElement document) {

  /**
   * Copies the rows.
   *
   * @param rows the rows, each a column name to value map in document order
   * @param nextKey the key to start the next page at, or empty
   * @param hasNext whether SYSPRO says a next page exists ({@code Fwd})
   * @param previousKey the key of the previous page, or empty
   * @param hasPrevious whether a previous page exists ({@code Back})
   * @param document the whole output
   */
  public BrowsePage {
    rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
  }

  /**
   * Reads a COMBRW output document.
   *
   * @param browse the root element of the COMBRW output
   * @return the page; no rows when the browse found none
   */
  public static BrowsePage of(SysproElement browse) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (SysproElement row : browse.children("Row")) {
      Map<String, String> cells = new LinkedHashMap<>();
      for (SysproElement cell : row.children()) {
        cells.put(cell.name(), cell.child("Value").map(SysproElement::text).orElse(cell.text()));
      }
      rows.add(cells);
    }
    SysproElement keys = browse.child("NextPrevKey").orElse(null);
    if (keys == null) {
      return new BrowsePage(rows, "", false, "", false, browse);
    }
    return new BrowsePage(
        rows,
        keys.textOr("NextKey", ""),
        "true".equalsIgnoreCase(keys.textOr("Fwd", "false")),
        keys.textOr("PrevKey", ""),
        "true".equalsIgnoreCase(keys.textOr("Back", "false")),
        browse);
  }
}
