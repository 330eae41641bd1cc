package io.mlconnector.stampli.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One flat row of a file: canonical field to raw text (an XML invoice becomes one row per line with
 * its header fields repeated, like a CSV export).
 *
 * @param line the 1-based line in the file where the row starts
 * @param values the raw values by canonical field; absent fields are missing
 */
public record Row(long line, Map<String, String> values) {
  /** The trimmed value, or null when absent or blank. */
  public @Nullable String get(String field) {
    String v = values.get(field);
    if (v == null) {
      return null;
    }
    v = v.strip();
    return v.isEmpty() ? null : v;
  }
}
