package io.mlconnector.testkit.sapb1.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The property lists and enumerations of the entity types the simulator serves, read from a
 * resource generated from the Service Layer's published {@code $metadata} (b1s/v2): property name
 * to type ({@code Edm.String}, {@code Edm.Double}, {@code SAPB1.BoStatus}, {@code
 * Collection(SAPB1.DocumentLine)}) and enum members with their values.
 */
public final class Schema {

  /** The kind of value a property holds. */
  public enum Kind {
    STRING,
    INT,
    DOUBLE,
    DATE,
    TIME,
    ENUM,
    COLLECTION,
    OTHER
  }

  /** One property. */
  public record Prop(String name, String type, Kind kind, @Nullable String enumType, @Nullable String elementType) {}

  private static final Schema INSTANCE = load();

  private final Map<String, Map<String, Prop>> types;
  private final Map<String, Map<String, Integer>> enums;

  private Schema(Map<String, Map<String, Prop>> types, Map<String, Map<String, Integer>> enums) {
    this.types = types;
    this.enums = enums;
  }

  /** The schema. */
  public static Schema get() {
    return INSTANCE;
  }

  /** The properties of {@code type} in metadata order; empty for an unknown type. */
  public Map<String, Prop> properties(String type) {
    return types.getOrDefault(type, Map.of());
  }

  /** The property, or null when {@code type} has none of that name. */
  public @Nullable Prop property(String type, String name) {
    return properties(type).get(name);
  }

  /** The members of an enum type with their values; empty when unknown. */
  public Map<String, Integer> members(String enumType) {
    return enums.getOrDefault(enumType, Map.of());
  }

  /**
   * The member name {@code value} stands for: the member name itself, its numeric value, or the
   * one-letter database code B1 stores for it ({@code C} for {@code cCustomer}, {@code Y} for
   * {@code tYES}, {@code O} for {@code bost_Open}); null when none matches.
   */
  public @Nullable String member(String enumType, Object value) {
    if (value == null) {
      return null;
    }
    Map<String, Integer> m = members(enumType);
    String text = value instanceof Double && ((Double) value) == Math.rint((Double) value)
        ? String.valueOf(((Double) value).longValue()) : value.toString();
    if (m.containsKey(text)) {
      return text;
    }
    for (Map.Entry<String, Integer> e : m.entrySet()) {
      if (String.valueOf(e.getValue()).equals(text)) {
        return e.getKey();
      }
    }
    String code = DB_CODES.get(enumType + "|" + text.toUpperCase(Locale.ROOT));
    return code;
  }

  private static final Map<String, String> DB_CODES = Map.ofEntries(
      Map.entry("BoCardTypes|C", "cCustomer"),
      Map.entry("BoCardTypes|S", "cSupplier"),
      Map.entry("BoCardTypes|L", "cLid"),
      Map.entry("BoYesNoEnum|Y", "tYES"),
      Map.entry("BoYesNoEnum|N", "tNO"),
      Map.entry("BoStatus|O", "bost_Open"),
      Map.entry("BoStatus|C", "bost_Close"),
      Map.entry("BoStatus|P", "bost_Paid"),
      Map.entry("BoStatus|D", "bost_Delivered"),
      Map.entry("BoDocumentTypes|I", "dDocument_Items"),
      Map.entry("BoDocumentTypes|S", "dDocument_Service"),
      Map.entry("BoRcptTypes|C", "rCustomer"),
      Map.entry("BoRcptTypes|A", "rAccount"),
      Map.entry("BoRcptTypes|S", "rSupplier"));

  private static Schema load() {
    Map<String, Map<String, Prop>> types = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> enums = new LinkedHashMap<>();
    try (InputStream in = Schema.class.getResourceAsStream("/io/mlconnector/testkit/sapb1/schema.txt")) {
      if (in == null) {
        throw new IllegalStateException("schema.txt resource missing");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\\|");
        if (f[0].equals("type")) {
          types.computeIfAbsent(f[1], k -> new LinkedHashMap<>()).put(f[2], prop(f[2], f[3]));
        } else if (f[0].equals("enum")) {
          enums.computeIfAbsent(f[1], k -> new LinkedHashMap<>()).put(f[2], Integer.valueOf(f[3]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    types.replaceAll((k, v) -> Collections.unmodifiableMap(v));
    enums.replaceAll((k, v) -> Collections.unmodifiableMap(v));
    return new Schema(Collections.unmodifiableMap(types), Collections.unmodifiableMap(enums));
  }

  private static Prop prop(String name, String type) {
    if (type.startsWith("Collection(")) {
      String el = type.substring("Collection(".length(), type.length() - 1);
      return new Prop(name, type, Kind.COLLECTION, null, el.startsWith("SAPB1.") ? el.substring(6) : el);
    }
    switch (type) {
      case "Edm.String":
        return new Prop(name, type, Kind.STRING, null, null);
      case "Edm.Int32":
      case "Edm.Int16":
      case "Edm.Int64":
        return new Prop(name, type, Kind.INT, null, null);
      case "Edm.Double":
      case "Edm.Decimal":
        return new Prop(name, type, Kind.DOUBLE, null, null);
      case "Edm.DateTimeOffset":
      case "Edm.DateTime":
      case "Edm.Date":
        return new Prop(name, type, Kind.DATE, null, null);
      case "Edm.TimeOfDay":
      case "Edm.Time":
        return new Prop(name, type, Kind.TIME, null, null);
      default:
        if (type.startsWith("SAPB1.")) {
          return new Prop(name, type, Kind.ENUM, type.substring(6), null);
        }
        return new Prop(name, type, Kind.OTHER, null, null);
    }
  }
}
