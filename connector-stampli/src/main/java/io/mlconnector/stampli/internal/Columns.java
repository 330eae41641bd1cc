package io.mlconnector.stampli.internal;

import io.mlconnector.stampli.StampliTemplate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resolves a file's column (or element) names to canonical fields through the template's aliases. */
public final class Columns {
  private final Map<String, String> fieldByName = new HashMap<>();
  private final Map<String, List<String>> aliases;

  /** Columns for {@code aliases} (field to names, in preference order). */
  public Columns(Map<String, List<String>> aliases) {
    this.aliases = aliases;
    // later fields never steal a name an earlier field listed first
    for (Map.Entry<String, List<String>> e : aliases.entrySet()) {
      for (String name : e.getValue()) {
        fieldByName.putIfAbsent(StampliTemplate.normalizeName(name), e.getKey());
      }
    }
  }

  /** The field a name stands for, or null. */
  public String field(String name) {
    return fieldByName.get(StampliTemplate.normalizeName(name));
  }

  /**
   * The index of each field in a header row: for each field, the first of its aliases present.
   *
   * @throws IllegalArgumentException when two columns map to one field
   */
  public Map<String, Integer> resolve(List<String> header) {
    Map<String, Integer> byNorm = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String n = StampliTemplate.normalizeName(header.get(i));
      if (!n.isEmpty() && byNorm.putIfAbsent(n, i) != null) {
        throw new IllegalArgumentException("column '" + header.get(i) + "' appears twice in the header");
      }
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : aliases.entrySet()) {
      for (String name : e.getValue()) {
        Integer idx = byNorm.get(StampliTemplate.normalizeName(name));
        if (idx != null && !out.containsValue(idx)) {
          out.put(e.getKey(), idx);
          break;
        }
      }
    }
    return out;
  }

  /** The aliases of a field, for error messages. */
  public List<String> aliasesOf(String field) {
    return aliases.getOrDefault(field, List.of());
  }
}
