package io.mlconnector.testkit.syspro.internal;

import com.squareup.moshi.JsonWriter;
import io.mlconnector.testkit.http.SimRequest;
import io.mlconnector.testkit.http.SimResponse;
import io.mlconnector.testkit.syspro.ODataDateFormat;
import io.mlconnector.testkit.syspro.ODataPaging;
import io.mlconnector.testkit.syspro.Operator;
import io.mlconnector.testkit.syspro.SysproTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * The OData v4 face: {@code GET {odataPath}/{company}/{EntitySet}} with Basic auth (operator code +
 * OData password), {@code $select/$filter/$orderby/$top/$skip/$count}, every page capped at the
 * configured row cap, optionally with {@code @odata.nextLink}. Reads the same in-memory company as
 * e.net, so postings are visible at once.
 */
public final class OData {
  private final Config config;
  private final Company company;

  public OData(Config config, Company company) {
    this.config = config;
    this.company = company;
  }

  /** Serves a path below the OData base ({@code sub} is {@code /company/EntitySet}). */
  public SimResponse handle(SimRequest request, String base, String sub) {
    if (!request.method().equals("GET")) {
      return error(405, "MethodNotAllowed", "Only GET is supported");
    }
    if (!authorised(request.header("authorization"))) {
      return error(401, "Unauthorized", "Authorization has been denied for this request.")
          .withHeader("WWW-Authenticate", "Basic realm=\"SYSPRO OData\"");
    }
    String[] parts = sub.replaceAll("^/+", "").split("/");
    if (parts.length == 0 || parts[0].isEmpty() || !parts[0].equals(company.id())) {
      return error(
          404, "NotFound", "Company '" + (parts.length == 0 ? "" : parts[0]) + "' not found");
    }
    String serviceRoot = base + "/" + company.id();
    if (parts.length == 1) {
      return serviceDocument(serviceRoot);
    }
    if (parts.length > 2) {
      return error(404, "NotFound", "No resource at '" + sub + "'");
    }
    String set = parts[1];
    if (set.equals("$metadata")) {
      return metadata();
    }
    String sql = null;
    for (Map.Entry<SysproTable, String> e : config.entitySets.entrySet()) {
      if (e.getValue().equals(set)) {
        sql = e.getKey().sqlName();
      }
    }
    if (sql == null) {
      return error(404, "NotFound", "Resource '" + set + "' not found");
    }
    try {
      synchronized (company) {
        return query(request, serviceRoot, set, company.table(sql));
      }
    } catch (IllegalArgumentException e) {
      return error(400, "BadRequest", e.getMessage());
    }
  }

  private boolean authorised(@Nullable String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return false;
    }
    Operator op = config.operators.get(decoded.substring(0, colon));
    return op != null && op.odataPassword().equals(decoded.substring(colon + 1));
  }

  private SimResponse query(SimRequest request, String root, String set, Table t) {
    Map<String, List<String>> q = request.query();
    for (String k : q.keySet()) {
      if (k.startsWith("$")
          && !List.of("$filter", "$select", "$orderby", "$top", "$skip", "$count", "$format")
              .contains(k)) {
        throw new IllegalArgumentException("The query parameter '" + k + "' is not supported.");
      }
    }
    List<Table.Col> cols = new ArrayList<>();
    String select = first(q, "$select");
    for (Table.Col c : t.columns()) {
      if (c.type() != Table.Type.ROWVERSION || config.odataExposeTimeStamp) {
        cols.add(c);
      }
    }
    if (select != null && !select.isBlank() && !select.strip().equals("*")) {
      List<Table.Col> chosen = new ArrayList<>();
      for (String s : select.split(",")) {
        Table.Col c = t.column(s.strip());
        if (c == null || !cols.contains(c)) {
          throw new IllegalArgumentException(
              "Could not find a property named '" + s.strip() + "' on type '" + set + "'");
        }
        chosen.add(c);
      }
      cols = chosen;
    }
    List<Map<String, Object>> rows = t.rows();
    String filter = first(q, "$filter");
    if (filter != null && !filter.isBlank()) {
      ODataFilter.Expr e = ODataFilter.parse(t, filter);
      List<Map<String, Object>> kept = new ArrayList<>();
      for (Map<String, Object> r : rows) {
        if (e.test(r)) {
          kept.add(r);
        }
      }
      rows = kept;
    }
    String orderBy = first(q, "$orderby");
    if (orderBy != null && !orderBy.isBlank()) {
      Comparator<Map<String, Object>> cmp = null;
      for (String part : orderBy.split(",")) {
        String[] w = part.strip().split("\\s+");
        Table.Col c = t.column(w[0]);
        if (c == null
            || w.length > 2
            || (w.length == 2 && !w[1].equals("asc") && !w[1].equals("desc"))) {
          throw new IllegalArgumentException("Invalid $orderby clause '" + part.strip() + "'");
        }
        Comparator<Map<String, Object>> one =
            Queries.byColumn(c, w.length == 2 && w[1].equals("desc"));
        cmp = cmp == null ? one : cmp.thenComparing(one);
      }
      rows.sort(cmp);
    }
    int total = rows.size();
    int skip = nonNegative(q, "$skip", 0);
    Integer top = q.containsKey("$top") ? nonNegative(q, "$top", 0) : null;
    int available = Math.max(0, total - skip);
    int wanted = top == null ? available : Math.min(top, available);
    int pageSize = Math.min(wanted, config.odataMaxPageSize);
    List<Map<String, Object>> page =
        rows.subList(Math.min(skip, total), Math.min(skip, total) + pageSize);
    String nextLink = null;
    if (config.odataPaging == ODataPaging.NEXT_LINK && pageSize < wanted) {
      nextLink =
          nextLink(root + "/" + set, q, skip + pageSize, top == null ? null : top - pageSize);
    }
    boolean count = "true".equalsIgnoreCase(first(q, "$count"));
    return json(root, set, select, cols, page, nextLink, count ? total : null);
  }

  private static @Nullable String first(Map<String, List<String>> q, String name) {
    List<String> v = q.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static int nonNegative(Map<String, List<String>> q, String name, int dflt) {
    String v = first(q, name);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Invalid value '" + v + "' for " + name + ": a non-negative integer is required");
    }
  }

  private static String nextLink(String url, Map<String, List<String>> q, int skip, @Nullable Integer top) {
    Map<String, String> params = new LinkedHashMap<>();
    q.forEach((k, v) -> params.put(k, v.get(0)));
    params.remove("$skip");
    params.remove("$top");
    if (top != null) {
      params.put("$top", Integer.toString(top));
    }
    params.put("$skip", Integer.toString(skip));
    StringBuilder sb = new StringBuilder(url);
    char sep = '?';
    for (Map.Entry<String, String> e : params.entrySet()) {
      sb.append(sep)
          .append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
      sep = '&';
    }
    return sb.toString();
  }

  private SimResponse json(
      String root,
      String set,
      String select,
      List<Table.Col> cols,
      List<Map<String, Object>> page,
      @Nullable String nextLink,
      @Nullable Integer count) {
    Buffer buf = new Buffer();
    try (JsonWriter w = JsonWriter.of(buf)) {
      w.setSerializeNulls(true);
      w.beginObject();
      String ctx =
          root
              + "/$metadata#"
              + set
              + (select == null || select.isBlank() ? "" : "(" + select.replace(" ", "") + ")");
      w.name("@odata.context").value(ctx);
      if (count != null) {
        w.name("@odata.count").value(count);
      }
      w.name("value").beginArray();
      for (Map<String, Object> r : page) {
        w.beginObject();
        for (Table.Col c : cols) {
          w.name(c.name());
          value(w, c, r.get(c.name()));
        }
        w.endObject();
      }
      w.endArray();
      if (nextLink != null) {
        w.name("@odata.nextLink").value(nextLink);
      }
      w.endObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return SimResponse.text(
            200, "application/json; odata.metadata=minimal", buf.readUtf8(), StandardCharsets.UTF_8)
        .withHeader("OData-Version", "4.0");
  }

  private void value(JsonWriter w, Table.Col c, @Nullable Object v) throws IOException {
    switch (c.type()) {
      case DECIMAL:
        w.value((BigDecimal) v);
        break;
      case INTEGER:
        w.value(((Integer) v).longValue());
        break;
      case DATE:
        if (v == null) {
          w.nullValue();
        } else if (config.odataDateFormat == ODataDateFormat.DATE) {
          w.value(v.toString());
        } else {
          w.value(((LocalDate) v) + "T00:00:00Z");
        }
        break;
      case ROWVERSION:
        long l = v == null ? 0L : (Long) v;
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
          b[i] = (byte) (l & 0xff);
          l >>>= 8;
        }
        w.value(Base64.getEncoder().encodeToString(b));
        break;
      default:
        w.value(Bo.str(v));
    }
  }

  private SimResponse serviceDocument(String root) {
    Buffer buf = new Buffer();
    try (JsonWriter w = JsonWriter.of(buf)) {
      w.beginObject().name("@odata.context").value(root + "/$metadata").name("value").beginArray();
      for (String set : config.entitySets.values()) {
        w.beginObject()
            .name("name")
            .value(set)
            .name("kind")
            .value("EntitySet")
            .name("url")
            .value(set)
            .endObject();
      }
      w.endArray().endObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return SimResponse.json(200, buf.readUtf8()).withHeader("OData-Version", "4.0");
  }

  private SimResponse metadata() {
    StringBuilder sb = new StringBuilder();
    sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
        .append(
            "<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">")
        .append(
            "<edmx:DataServices><Schema Namespace=\"SYSPRO\""
                + " xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">");
    for (Map.Entry<SysproTable, String> e : config.entitySets.entrySet()) {
      Table t = company.table(e.getKey().sqlName());
      sb.append("<EntityType Name=\"").append(e.getValue()).append("\"><Key>");
      t.key().forEach(k -> sb.append("<PropertyRef Name=\"").append(k).append("\"/>"));
      sb.append("</Key>");
      for (Table.Col c : t.columns()) {
        if (c.type() == Table.Type.ROWVERSION && !config.odataExposeTimeStamp) {
          continue;
        }
        sb.append("<Property Name=\"")
            .append(c.name())
            .append("\" Type=\"")
            .append(edm(c))
            .append("\"/>");
      }
      sb.append("</EntityType>");
    }
    sb.append("<EntityContainer Name=\"Container\">");
    config
        .entitySets
        .values()
        .forEach(
            s ->
                sb.append("<EntitySet Name=\"")
                    .append(s)
                    .append("\" EntityType=\"SYSPRO.")
                    .append(s)
                    .append("\"/>"));
    sb.append("</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>");
    return SimResponse.text(200, "application/xml", sb.toString(), StandardCharsets.UTF_8)
        .withHeader("OData-Version", "4.0");
  }

  private String edm(Table.Col c) {
    switch (c.type()) {
      case DECIMAL:
        return "Edm.Decimal";
      case INTEGER:
        return "Edm.Int32";
      case DATE:
        return config.odataDateFormat == ODataDateFormat.DATE ? "Edm.Date" : "Edm.DateTimeOffset";
      case ROWVERSION:
        return "Edm.Binary";
      default:
        return "Edm.String";
    }
  }

  /** An OData error answer. */
  public static SimResponse error(int status, String code, String message) {
    Buffer buf = new Buffer();
    try (JsonWriter w = JsonWriter.of(buf)) {
      w.beginObject()
          .name("error")
          .beginObject()
          .name("code")
          .value(code)
          .name("message")
          .value(message)
          .endObject()
          .endObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return SimResponse.json(status, buf.readUtf8()).withHeader("OData-Version", "4.0");
  }
}
