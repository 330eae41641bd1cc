package io.mlconnector.testkit.chargebee.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Chargebee's form encoding decoded: {@code name=v}, nested objects {@code obj[attr]=v}, lists of
 * scalars {@code list[0]=v} and lists of objects with the attribute first and the index last,
 * {@code list[attr][0]=v} (indices may be sparse: entries are ordered by index). Also the filters
 * of list requests, {@code field[op]=v}.
 */
public final class Params {
  private final Map<String, String> scalars = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> objects = new LinkedHashMap<>();
  private final Map<String, TreeMap<Integer, String>> scalarLists = new LinkedHashMap<>();
  private final Map<String, TreeMap<Integer, Map<String, String>>> objectLists = new LinkedHashMap<>();

  private Params() {}

  /** Decodes a form (or query) multimap; a malformed name is a 400 naming it. */
  public static Params parse(Map<String, List<String>> form) {
    Params p = new Params();
    for (Map.Entry<String, List<String>> e : form.entrySet()) {
      String key = e.getKey();
      String value = e.getValue().isEmpty() ? "" : e.getValue().get(e.getValue().size() - 1);
      int b = key.indexOf('[');
      if (b < 0) {
        p.scalars.put(key, value);
        continue;
      }
      String name = key.substring(0, b);
      List<String> parts = new ArrayList<>();
      int i = b;
      while (i < key.length()) {
        if (key.charAt(i) != '[') {
          throw ApiError.badParam(key, "malformed parameter name " + key);
        }
        int close = key.indexOf(']', i);
        if (close < 0) {
          throw ApiError.badParam(key, "malformed parameter name " + key);
        }
        parts.add(key.substring(i + 1, close));
        i = close + 1;
      }
      if (name.isEmpty() || parts.size() > 2) {
        throw ApiError.badParam(key, "malformed parameter name " + key);
      }
      if (parts.size() == 1) {
        Integer idx = index(parts.get(0));
        if (idx != null) {
          p.scalarLists.computeIfAbsent(name, k -> new TreeMap<>()).put(idx, value);
        } else {
          p.objects.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(parts.get(0), value);
        }
      } else {
        Integer idx = index(parts.get(1));
        if (idx == null) {
          throw ApiError.badParam(key, "list parameters put the index last: " + key);
        }
        p.objectLists.computeIfAbsent(name, k -> new TreeMap<>())
            .computeIfAbsent(idx, k -> new LinkedHashMap<>()).put(parts.get(0), value);
      }
    }
    return p;
  }

  private static @Nullable Integer index(String s) {
    if (s.isEmpty() || s.length() > 4) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return null;
      }
    }
    return Integer.parseInt(s);
  }

  /**
   * Refuses anything not allowed: {@code scalars} by name, {@code objects} and {@code lists} by
   * name with their allowed attributes ({@code cf_*} custom fields are always allowed).
   */
  public Params allow(Set<String> allowedScalars, Map<String, Set<String>> allowedObjects,
      Map<String, Set<String>> allowedLists) {
    for (String s : scalars.keySet()) {
      if (!allowedScalars.contains(s) && !s.startsWith("cf_")) {
        throw ApiError.badParam(s, s + " : is not a valid parameter");
      }
    }
    for (String s : scalarLists.keySet()) {
      if (!allowedScalars.contains(s)) {
        throw ApiError.badParam(s + "[0]", s + " : is not a valid parameter");
      }
    }
    objects.forEach((name, attrs) -> {
      Set<String> ok = allowedObjects.get(name);
      for (String a : attrs.keySet()) {
        if (ok == null || !ok.contains(a)) {
          throw ApiError.badParam(name + "[" + a + "]", name + "[" + a + "] : is not a valid parameter");
        }
      }
    });
    objectLists.forEach((name, rows) -> {
      Set<String> ok = allowedLists.get(name);
      rows.forEach((idx, attrs) -> {
        for (String a : attrs.keySet()) {
          if (ok == null || !ok.contains(a)) {
            throw ApiError.badParam(name + "[" + a + "][" + idx + "]",
                name + "[" + a + "][" + idx + "] : is not a valid parameter");
          }
        }
      });
    });
    return this;
  }

  /** A top-level value, or null. */
  public @Nullable String get(String name) {
    String v = scalars.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  /** A required top-level value. */
  public String required(String name) {
    String v = get(name);
    if (v == null) {
      throw ApiError.badParam(name, name + " : cannot be blank");
    }
    return v;
  }

  /** A top-level integer, or null. */
  public @Nullable Long getLong(String name) {
    String v = get(name);
    return v == null ? null : parseLong(name, v);
  }

  /** A top-level boolean, or {@code dflt}. */
  public boolean getBoolean(String name, boolean dflt) {
    String v = get(name);
    if (v == null) {
      return dflt;
    }
    if (!v.equals("true") && !v.equals("false")) {
      throw ApiError.badParam(name, name + " : invalid boolean " + v);
    }
    return Boolean.parseBoolean(v);
  }

  /** The nested object {@code name[...]}, empty when absent. */
  public Map<String, String> object(String name) {
    return objects.getOrDefault(name, Map.of());
  }

  /** The list of objects {@code name[attr][i]}, ordered by index. */
  public List<Map<String, String>> list(String name) {
    TreeMap<Integer, Map<String, String>> rows = objectLists.get(name);
    return rows == null ? List.of() : new ArrayList<>(rows.values());
  }

  /** The list indices of {@code name[attr][i]}, ordered. */
  public List<Integer> listIndices(String name) {
    TreeMap<Integer, Map<String, String>> rows = objectLists.get(name);
    return rows == null ? List.of() : new ArrayList<>(rows.keySet());
  }

  /** The list of scalars {@code name[i]}, ordered by index. */
  public List<String> scalarList(String name) {
    TreeMap<Integer, String> rows = scalarLists.get(name);
    return rows == null ? List.of() : new ArrayList<>(rows.values());
  }

  /** Custom fields ({@code cf_*}). */
  public Map<String, String> customFields() {
    Map<String, String> out = new LinkedHashMap<>();
    scalars.forEach((k, v) -> {
      if (k.startsWith("cf_")) {
        out.put(k, v);
      }
    });
    return Collections.unmodifiableMap(out);
  }

  /** The names of plain top-level values. */
  public Set<String> scalarsNames() {
    return Collections.unmodifiableSet(scalars.keySet());
  }

  /** Every nested-object name present (for list filters, {@code field[op]}). */
  public Map<String, Map<String, String>> objects() {
    return Collections.unmodifiableMap(objects);
  }

  /** Parses a long or answers 400 naming the parameter. */
  public static long parseLong(String param, String v) {
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw ApiError.badParam(param, param + " : invalid integer " + v);
    }
  }
}
