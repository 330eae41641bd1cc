package io.mlconnector.testkit.stripe.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Request parameters decoded from Stripe's form encoding with bracket notation ({@code
 * metadata[k]=v}, {@code expand[]=x}, {@code lines[0][amount]=1}) into a tree of maps, lists and
 * strings, with typed accessors that answer Stripe's parameter errors.
 */
public final class Params {
  private final Map<String, Object> tree;

  private Params(Map<String, Object> tree) {
    this.tree = tree;
  }

  /** Parameters from an already built tree (test-control calls). */
  static Params of(Map<String, Object> tree) {
    return new Params(tree);
  }

  /** Decodes ordered name/value pairs (as {@code SimRequest.decodeForm} returns them). */
  public static Params decode(Map<String, List<String>> form) {
    Map<String, Object> root = new LinkedHashMap<>();
    Set<Map<String, Object>> appendLists = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Map.Entry<String, List<String>> e : form.entrySet()) {
      for (String value : e.getValue()) {
        put(root, e.getKey(), value, appendLists);
      }
    }
    return new Params(normalize(root, appendLists, false));
  }

  @SuppressWarnings("unchecked")
  private static void put(
      Map<String, Object> root, String name, String value, Set<Map<String, Object>> appendLists) {
    List<String> segments = segments(name);
    Map<String, Object> node = root;
    for (int i = 0; i < segments.size(); i++) {
      String seg = segments.get(i);
      if (seg.isEmpty()) {
        appendLists.add(node);
        seg = Integer.toString(node.size());
      }
      boolean last = i == segments.size() - 1;
      Object existing = node.get(seg);
      if (last) {
        if (existing instanceof Map) {
          throw ApiError.invalid(null, name, "Invalid value for " + name + ": expected a hash.");
        }
        node.put(seg, value);
      } else {
        if (existing == null) {
          Map<String, Object> child = new LinkedHashMap<>();
          node.put(seg, child);
          node = child;
        } else if (existing instanceof Map) {
          node = (Map<String, Object>) existing;
        } else {
          throw ApiError.invalid(null, name, "Invalid hash: " + name + " mixes a value and a hash.");
        }
      }
    }
  }

  private static List<String> segments(String name) {
    List<String> out = new ArrayList<>();
    int open = name.indexOf('[');
    if (open < 0) {
      out.add(name);
      return out;
    }
    out.add(name.substring(0, open));
    int i = open;
    while (i < name.length()) {
      if (name.charAt(i) != '[') {
        throw ApiError.invalid(null, name, "Invalid parameter name: " + name);
      }
      int close = name.indexOf(']', i);
      if (close < 0) {
        throw ApiError.invalid(null, name, "Invalid parameter name: " + name);
      }
      out.add(name.substring(i + 1, close));
      i = close + 1;
    }
    if (out.get(0).isEmpty()) {
      throw ApiError.invalid(null, name, "Invalid parameter name: " + name);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> normalize(
      Map<String, Object> map, Set<Map<String, Object>> appendLists, boolean literalKeys) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Map) {
        Map<String, Object> child = (Map<String, Object>) v;
        boolean metadata = e.getKey().equals("metadata");
        if (!metadata && !literalKeys && (appendLists.contains(child) || allDigits(child))) {
          TreeMap<Integer, Object> ordered = new TreeMap<>();
          for (Map.Entry<String, Object> c : child.entrySet()) {
            Object cv = c.getValue();
            if (cv instanceof Map) {
              cv = normalize((Map<String, Object>) cv, appendLists, false);
            }
            ordered.put(Integer.parseInt(c.getKey()), cv);
          }
          out.put(e.getKey(), new ArrayList<>(ordered.values()));
        } else {
          out.put(e.getKey(), normalize(child, appendLists, metadata));
        }
      } else {
        out.put(e.getKey(), v);
      }
    }
    return out;
  }

  private static boolean allDigits(Map<String, Object> m) {
    if (m.isEmpty()) {
      return false;
    }
    for (String k : m.keySet()) {
      if (k.isEmpty() || k.length() > 6 || !k.chars().allMatch(Character::isDigit)) {
        return false;
      }
    }
    return true;
  }

  /** The decoded tree (for idempotency fingerprints). */
  public Map<String, Object> tree() {
    return tree;
  }

  /** Fails with {@code parameter_unknown} for a top-level name outside {@code allowed}. */
  Params allow(String... allowed) {
    Set<String> ok = Set.of(allowed);
    for (String name : tree.keySet()) {
      if (!ok.contains(name) && !name.equals("expand")) {
        throw ApiError.unknown(name);
      }
    }
    return this;
  }

  boolean has(String name) {
    return tree.containsKey(name);
  }

  @Nullable Object raw(String name) {
    return tree.get(name);
  }

  @Nullable String string(String name) {
    Object v = tree.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw ApiError.invalid(null, name, "Invalid string: " + name + " must be a string, not a hash or list.");
    }
    return s;
  }

  String requireString(String name) {
    String v = string(name);
    if (v == null) {
      throw ApiError.missing(name);
    }
    if (v.isEmpty()) {
      throw ApiError.invalid("parameter_invalid_empty", name,
          "You passed an empty string for '" + name + "'. We assume empty values are an attempt to unset a "
              + "parameter; however '" + name + "' cannot be unset. You should remove '" + name
              + "' from your request or supply a non-empty value.");
    }
    return v;
  }

  @Nullable Long longValue(String name) {
    String v = string(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw ApiError.invalid("parameter_invalid_integer", name, "Invalid integer: " + v);
    }
  }

  @Nullable Boolean bool(String name) {
    String v = string(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (v.equals("true")) {
      return Boolean.TRUE;
    }
    if (v.equals("false")) {
      return Boolean.FALSE;
    }
    throw ApiError.invalid(null, name, "Invalid boolean: " + v);
  }

  @Nullable String currency(String name) {
    String v = string(name);
    if (v == null) {
      return null;
    }
    String c = v.toLowerCase(Locale.ROOT);
    if (!c.matches("[a-z]{3}")) {
      throw ApiError.invalid(null, name, "Invalid currency: " + v + ". Stripe currencies are three-letter ISO codes.");
    }
    return c;
  }

  @SuppressWarnings("unchecked")
  @Nullable Map<String, Object> map(String name) {
    Object v = tree.get(name);
    if (v == null || "".equals(v)) {
      return null;
    }
    if (!(v instanceof Map)) {
      throw ApiError.invalid(null, name, "Invalid object: " + name + " must be a hash.");
    }
    return (Map<String, Object>) v;
  }

  /** The {@code expand} list (accepts {@code expand[]=} and {@code expand[0]=}). */
  List<String> expand() {
    return stringList("expand");
  }

  List<String> stringList(String name) {
    Object v = tree.get(name);
    if (v == null || "".equals(v)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      for (Object o : l) {
        if (!(o instanceof String s)) {
          throw ApiError.invalid(null, name, "Invalid array: " + name + " must hold strings.");
        }
        out.add(s);
      }
      return out;
    }
    if (v instanceof String s) {
      return List.of(s);
    }
    throw ApiError.invalid(null, name, "Invalid array: " + name);
  }

  /**
   * Applies a metadata update to {@code target}: values are set, an empty value unsets its key,
   * {@code metadata=} clears everything. Enforces Stripe's limits (50 keys, key at most 40
   * characters without brackets, value at most 500 characters).
   */
  @SuppressWarnings("unchecked")
  void applyMetadata(Map<String, Object> target) {
    if (!tree.containsKey("metadata")) {
      return;
    }
    Object v = tree.get("metadata");
    if ("".equals(v)) {
      target.clear();
      return;
    }
    if (!(v instanceof Map)) {
      throw ApiError.invalid(null, "metadata", "Invalid object: metadata must be a hash of strings.");
    }
    Map<String, Object> next = new LinkedHashMap<>(target);
    for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
      String key = e.getKey();
      String param = "metadata[" + key + "]";
      if (key.isEmpty() || key.length() > 40 || key.contains("[") || key.contains("]")) {
        throw ApiError.invalid(null, param,
            "Invalid metadata key '" + key + "': keys must be 1 to 40 characters without square brackets.");
      }
      if (!(e.getValue() instanceof String s)) {
        throw ApiError.invalid(null, param, "Invalid value for " + param + ": metadata values must be strings.");
      }
      if (s.length() > 500) {
        throw ApiError.invalid(null, param,
            "Invalid value for " + param + ": metadata values can be at most 500 characters, got " + s.length() + ".");
      }
      if (s.isEmpty()) {
        next.remove(key);
      } else {
        next.put(key, s);
      }
    }
    if (next.size() > 50) {
      throw ApiError.invalid(null, "metadata",
          "Invalid metadata: an object can have at most 50 metadata keys, this update would leave " + next.size() + ".");
    }
    target.clear();
    target.putAll(next);
  }
}
