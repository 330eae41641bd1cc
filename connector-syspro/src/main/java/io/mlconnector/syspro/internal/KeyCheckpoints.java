package io.mlconnector.syspro.internal;

import io.mlconnector.syspro.ODataTable;
import java.util.List;

/** A table row's key held in a checkpoint: the key column values joined with {@code |}. */
final class KeyCheckpoints {

  private KeyCheckpoints() {}

  /** The checkpoint value of a key. */
  static String join(List<String> key) {
    return String.join("|", key);
  }

  /** The key parts of a checkpoint value; refuses one that does not hold every key column. */
  static List<String> split(String joined, ODataTable table) {
    List<String> parts = List.of(joined.split("\\|", -1));
    if (parts.size() != table.keyColumns().size()) {
      throw new IllegalArgumentException(
          "checkpoint '"
              + joined
              + "' does not hold the "
              + table.keyColumns().size()
              + " key parts of "
              + table.sqlName());
    }
    return parts;
  }
}
