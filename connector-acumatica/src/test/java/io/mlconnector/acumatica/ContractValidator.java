package io.mlconnector.acumatica;

import io.mlconnector.acumatica.internal.JsonTree;
import io.mlconnector.testkit.acumatica.RecordedRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks recorded requests against a published contract of the Default endpoint: Swagger 2.0
 * (23.200.001) or OpenAPI 3.0 (24.200.001). A request must match a declared path and method,
 * carry only declared query parameters (integers where declared so), and a body valid against the
 * declared schema: no property the schema does not declare, every value of the declared type
 * (wrapped values included), date-times parseable.
 */
final class ContractValidator {
  private final Map<String, Object> spec;
  private final boolean openApi3;
  private final List<String[]> templates = new ArrayList<>();

  @SuppressWarnings("unchecked")
  ContractValidator(Path file) throws IOException {
    this.spec = JsonTree.parseObject(Files.readString(file));
    this.openApi3 = spec.containsKey("openapi");
    for (String p : ((Map<String, Object>) spec.get("paths")).keySet()) {
      templates.add(new String[] {p, regex(p)});
    }
  }

  private static String regex(String template) {
    StringBuilder sb = new StringBuilder();
    for (String seg : template.substring(1).split("/")) {
      sb.append('/');
      switch (seg) {
        case "{ids}":
          sb.append("[^/]+(?:/[^/]+)*");
          break;
        case "{id}":
          sb.append("[0-9a-fA-F-]{36}");
          break;
        case "{actionName}":
        case "{filename}":
          sb.append("[^/]+");
          break;
        default:
          sb.append(Pattern.quote(seg));
      }
    }
    return sb.toString();
  }

  /** The violations of {@code r}, empty when it is valid. */
  @SuppressWarnings("unchecked")
  List<String> validate(RecordedRequest r) {
    List<String> out = new ArrayList<>();
    String path = r.entityPath();
    String what = r.method() + " " + path + (r.rawQuery() == null ? "" : "?" + r.rawQuery());
    // the most literal template wins: /Payment/ReleasePayment before /Payment/{actionName}
    String match = null;
    int literal = -1;
    for (String[] t : templates) {
      if (path.matches(t[1]) && ((Map<String, Object>) spec.get("paths")).get(t[0]) instanceof Map) {
        Map<String, Object> item = (Map<String, Object>) ((Map<String, Object>) spec.get("paths")).get(t[0]);
        if (!item.containsKey(r.method().toLowerCase())) {
          continue;
        }
        int score = t[0].replaceAll("\\{[^}]+}", "").length();
        if (score > literal) {
          literal = score;
          match = t[0];
        }
      }
    }
    if (match == null) {
      out.add(what + ": no " + r.method() + " operation matches the path");
      return out;
    }
    Map<String, Object> item = (Map<String, Object>) ((Map<String, Object>) spec.get("paths")).get(match);
    Map<String, Object> op = (Map<String, Object>) item.get(r.method().toLowerCase());
    Map<String, Map<String, Object>> params = new LinkedHashMap<>();
    List<Object> declared = new ArrayList<>();
    if (item.get("parameters") instanceof List) {
      declared.addAll((List<Object>) item.get("parameters"));
    }
    if (op.get("parameters") instanceof List) {
      declared.addAll((List<Object>) op.get("parameters"));
    }
    Map<String, Object> bodySchema = null;
    for (Object o : declared) {
      Map<String, Object> p = (Map<String, Object>) resolve(o);
      params.put(String.valueOf(p.get("name")), p);
      if ("body".equals(p.get("in"))) {
        bodySchema = (Map<String, Object>) p.get("schema");
      }
    }
    if (openApi3 && op.get("requestBody") instanceof Map) {
      Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) resolve(op.get("requestBody"))).get("content");
      Object json = content == null ? null : content.get("application/json");
      if (json instanceof Map) {
        bodySchema = (Map<String, Object>) ((Map<String, Object>) json).get("schema");
      }
    }
    if (r.rawQuery() != null) {
      for (String pair : r.rawQuery().split("&")) {
        String name = java.net.URLDecoder.decode(pair.split("=", 2)[0], java.nio.charset.StandardCharsets.UTF_8);
        String value = pair.contains("=") ? java.net.URLDecoder.decode(pair.split("=", 2)[1], java.nio.charset.StandardCharsets.UTF_8) : "";
        Map<String, Object> p = params.get(name);
        if (p == null || !"query".equals(p.get("in"))) {
          out.add(what + ": query parameter " + name + " is not declared");
          continue;
        }
        Object type = openApi3 ? ((Map<String, Object>) p.get("schema")).get("type") : p.get("type");
        if ("integer".equals(type) && !value.matches("-?\\d+")) {
          out.add(what + ": " + name + " must be an integer, was " + value);
        }
      }
    }
    if (r.body() != null && !r.body().isEmpty()) {
      String ct = r.headers().getOrDefault("content-type", List.of("")).get(0);
      if (!ct.startsWith("application/json") && !ct.startsWith("text/json")) {
        out.add(what + ": body content type " + ct + " is not application/json or text/json");
      }
      if (bodySchema == null) {
        out.add(what + ": the operation takes no body");
      } else {
        check(JsonTree.parse(r.body()), bodySchema, "$", out, what);
      }
    } else if (bodySchema != null && (op.get("requestBody") != null || r.method().equals("PUT"))) {
      out.add(what + ": the operation requires a body");
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private Object resolve(Object o) {
    if (o instanceof Map && ((Map<String, Object>) o).get("$ref") instanceof String) {
      String ref = (String) ((Map<String, Object>) o).get("$ref");
      Object cur = spec;
      for (String part : ref.substring(2).split("/")) {
        cur = ((Map<String, Object>) cur).get(part);
      }
      return resolve(cur);
    }
    return o;
  }

  @SuppressWarnings("unchecked")
  private void properties(Map<String, Object> schema, Map<String, Object> into, Set<String> required) {
    Map<String, Object> s = (Map<String, Object>) resolve(schema);
    if (s.get("allOf") instanceof List) {
      for (Object part : (List<Object>) s.get("allOf")) {
        properties((Map<String, Object>) part, into, required);
      }
    }
    if (s.get("properties") instanceof Map) {
      into.putAll((Map<String, Object>) s.get("properties"));
    }
    if (s.get("required") instanceof List) {
      for (Object o : (List<Object>) s.get("required")) {
        required.add(o.toString());
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void check(Object value, Map<String, Object> schemaRef, String at, List<String> out, String what) {
    Map<String, Object> schema = (Map<String, Object>) resolve(schemaRef);
    if (value == null) {
      return;
    }
    Map<String, Object> props = new LinkedHashMap<>();
    Set<String> required = new LinkedHashSet<>();
    properties(schema, props, required);
    String type = (String) schema.get("type");
    if (!props.isEmpty() || "object".equals(type)) {
      if (!(value instanceof Map)) {
        out.add(what + ": " + at + " must be an object");
        return;
      }
      Map<String, Object> m = (Map<String, Object>) value;
      for (String req : required) {
        if (!m.containsKey(req)) {
          out.add(what + ": " + at + "." + req + " is required");
        }
      }
      for (Map.Entry<String, Object> e : m.entrySet()) {
        Object p = props.get(e.getKey());
        if (p == null) {
          if (schema.get("additionalProperties") == null && !e.getKey().equals("delete")) {
            out.add(what + ": " + at + "." + e.getKey() + " is not declared by the schema");
          }
          continue;
        }
        check(e.getValue(), (Map<String, Object>) p, at + "." + e.getKey(), out, what);
      }
      return;
    }
    if ("array".equals(type)) {
      if (!(value instanceof List)) {
        out.add(what + ": " + at + " must be an array");
        return;
      }
      int i = 0;
      for (Object item : (List<Object>) value) {
        check(item, (Map<String, Object>) schema.get("items"), at + "[" + i++ + "]", out, what);
      }
      return;
    }
    if ("string".equals(type)) {
      if (!(value instanceof String)) {
        out.add(what + ": " + at + " must be a string, was " + value);
      } else if ("date-time".equals(schema.get("format"))) {
        try {
          DateTimeFormatter.ISO_DATE_TIME.parse((String) value);
        } catch (RuntimeException e) {
          out.add(what + ": " + at + " must be a date-time, was " + value);
        }
      } else if ("uuid".equals(schema.get("format")) && !((String) value).matches("[0-9a-fA-F-]{36}")) {
        out.add(what + ": " + at + " must be a uuid, was " + value);
      }
    } else if ("integer".equals(type)) {
      if (!(value instanceof BigDecimal) || ((BigDecimal) value).stripTrailingZeros().scale() > 0) {
        out.add(what + ": " + at + " must be an integer, was " + value);
      }
    } else if ("number".equals(type)) {
      if (!(value instanceof BigDecimal)) {
        out.add(what + ": " + at + " must be a number, was " + value);
      }
    } else if ("boolean".equals(type) && !(value instanceof Boolean)) {
      out.add(what + ": " + at + " must be a boolean, was " + value);
    }
  }
}
