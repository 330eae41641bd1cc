package io.mlconnector.testkit.sapb1.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Service Layer's resources under {@code /b1s/v1} and {@code /b1s/v2}: Login, Logout, the
 * entity sets (collections with paging, filters, counts; single entities with ETags; POST, PATCH,
 * DELETE, bound actions) and {@code $batch}. Answers follow the version of the URL: OData V3
 * annotations and error shape on v1, V4 on v2.
 */
public final class ServiceLayer {
  private static final Pattern SEGMENT =
      Pattern.compile("([A-Za-z0-9_]+)(?:\\((.*?)\\))?(?:/(\\$count|[A-Za-z_][A-Za-z0-9_]*))?");

  private final SimConfig config;
  private final Company company;
  private final Sessions sessions;
  private final Batch batch;
  private final AtomicInteger forcedTimeouts = new AtomicInteger();
  private volatile String baseUri = "";

  /** The service over {@code company}. */
  public ServiceLayer(SimConfig config, Company company, Sessions sessions) {
    this.config = config;
    this.company = company;
    this.sessions = sessions;
    this.batch = new Batch(this, config);
  }

  /** Sets the scheme, host and port ({@code https://127.0.0.1:50000}) used in links. */
  public void baseUri(String baseUri) {
    this.baseUri = baseUri;
  }

  /** The next {@code n} authenticated calls are answered as if their session had timed out. */
  public void failNextWithSessionTimeout(int n) {
    forcedTimeouts.addAndGet(n);
  }

  /** The service root of a version, with a trailing slash. */
  public String root(boolean v2) {
    return baseUri + (v2 ? "/b1s/v2/" : "/b1s/v1/");
  }

  /** Serves a top-level call. */
  public Answer handle(Call call) {
    try {
      if (call.resource().equals("Login")) {
        return call.method().equals("POST") ? login(call) : error(call.v2(), 405, -1, "Method not allowed");
      }
      Sessions.Session s = sessions.touch(call.sessionCookie());
      if (s != null && forcedTimeouts.get() > 0 && forcedTimeouts.getAndDecrement() > 0) {
        sessions.close(call.sessionCookie());
        s = null;
      }
      if (s == null) {
        return sessionError(call.v2());
      }
      if (call.resource().equals("Logout")) {
        if (!call.method().equals("POST")) {
          return error(call.v2(), 405, -1, "Method not allowed");
        }
        sessions.close(call.sessionCookie());
        return Answer.empty(204);
      }
      if (call.resource().equals("$batch")) {
        return call.method().equals("POST") ? batch.handle(call) : error(call.v2(), 405, -1, "Method not allowed");
      }
      return resource(call);
    } catch (WriteException e) {
      return error(call.v2(), e.status(), e.code(), e.getMessage());
    } catch (Filter.FilterException e) {
      return error(call.v2(), 400, String.valueOf(e.code()), e.getMessage());
    }
  }

  /** Serves a call whose session is already checked (a batch part); runs in the caller's change set. */
  Answer resource(Call call) {
    try {
      return dispatch(call);
    } catch (WriteException e) {
      return error(call.v2(), e.status(), e.code(), e.getMessage());
    } catch (Filter.FilterException e) {
      return error(call.v2(), 400, String.valueOf(e.code()), e.getMessage());
    }
  }

  /** The company. */
  Company company() {
    return company;
  }

  private Answer dispatch(Call call) {
    String res = call.resource();
    if (res.isEmpty()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      List<Object> sets = new ArrayList<>();
      for (String name : EntitySet.ALL.keySet()) {
        sets.add(Map.of("name", name, "url", name));
      }
      doc.put(call.v2() ? "@odata.context" : "odata.metadata", root(call.v2()) + "$metadata");
      doc.put("value", sets);
      return Answer.json(200, call.v2(), doc);
    }
    Matcher m = SEGMENT.matcher(res);
    EntitySet es = m.matches() ? EntitySet.ALL.get(m.group(1)) : null;
    if (es == null) {
      return error(call.v2(), 404, -1, "Resource not found for the segment '" + res.split("[/(]")[0] + "'");
    }
    String keyText = m.group(2);
    String tail = m.group(3);
    if (keyText == null) {
      if ("$count".equals(tail)) {
        return count(call, es);
      }
      if (tail != null) {
        return error(call.v2(), 404, -1, "Resource not found for the segment '" + tail + "'");
      }
      switch (call.method()) {
        case "GET":
          return collection(call, es);
        case "POST":
          return create(call, es);
        default:
          return error(call.v2(), 405, -1, "Method not allowed");
      }
    }
    Object key = parseKey(es, keyText, call.v2());
    if (tail != null) {
      if (!call.method().equals("POST")) {
        return error(call.v2(), 405, -1, "Method not allowed");
      }
      synchronized (company.lock()) {
        checkIfMatch(call, es, key);
        company.action(es.name(), key, tail);
      }
      return Answer.empty(204);
    }
    switch (call.method()) {
      case "GET": {
        Map<String, Object> e = company.snapshot(es.name(), key);
        if (e == null) {
          return error(call.v2(), 404, -2028, "No matching records found (ODBC -2028)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(call.v2() ? "@odata.context" : "odata.metadata",
            root(call.v2()) + "$metadata#" + es.name() + (call.v2() ? "/$entity" : "/@Element"));
        body.putAll(render(es, e, call.v2(), selectOf(call, es)));
        Answer a = Answer.json(200, call.v2(), body);
        return es.concurrency() ? a.with("ETag", etag(e)) : a;
      }
      case "PATCH":
      case "PUT": {
        Map<String, Object> patch = bodyObject(call);
        boolean replace = "true".equalsIgnoreCase(call.header("B1S-ReplaceCollectionsOnPatch"))
            || call.method().equals("PUT");
        synchronized (company.lock()) {
          checkIfMatch(call, es, key);
          company.patch(es.name(), key, patch, replace);
        }
        return Answer.empty(204);
      }
      case "DELETE":
        synchronized (company.lock()) {
          checkIfMatch(call, es, key);
          company.delete(es.name(), key);
        }
        return Answer.empty(204);
      default:
        return error(call.v2(), 405, -1, "Method not allowed");
    }
  }

  private Answer create(Call call, EntitySet es) {
    Map<String, Object> body = bodyObject(call);
    Map<String, Object> created = company.create(es.name(), body);
    Map<String, Object> copy;
    synchronized (company.lock()) {
      copy = Company.deepCopy(created);
    }
    String location = root(call.v2()) + es.name() + "(" + keyLiteral(es, copy.get(es.key())) + ")";
    String prefer = call.header("Prefer");
    Answer a;
    if (prefer != null && prefer.contains("return-no-content")) {
      a = Answer.empty(204);
    } else {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put(call.v2() ? "@odata.context" : "odata.metadata",
          root(call.v2()) + "$metadata#" + es.name() + (call.v2() ? "/$entity" : "/@Element"));
      out.putAll(render(es, copy, call.v2(), null));
      a = Answer.json(201, call.v2(), out);
    }
    a = a.with("Location", location);
    return es.concurrency() ? a.with("ETag", etag(copy)) : a;
  }

  private Answer count(Call call, EntitySet es) {
    Predicate<Map<String, Object>> p = predicate(call, es);
    int n = 0;
    synchronized (company.lock()) {
      for (Map<String, Object> e : company.all(es.name())) {
        if (p.test(e)) {
          n++;
        }
      }
    }
    return Answer.text(200, String.valueOf(n));
  }

  private Answer collection(Call call, EntitySet es) {
    Predicate<Map<String, Object>> p = predicate(call, es);
    int skip;
    Integer top;
    int total;
    int wanted;
    int size;
    List<Map<String, Object>> page = new ArrayList<>();
    // filter and sort the stored rows in place and copy only the page's: a copy of every match per
    // page made reading a large set page by page quadratic in CPU
    synchronized (company.lock()) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Map<String, Object> e : company.all(es.name())) {
        if (p.test(e)) {
          rows.add(e);
        }
      }
      sort(call, es, rows);
      skip = intParam(call, "$skip", 0);
      top = call.param("$top") == null ? null : intParam(call, "$top", 0);
      int pageSize = pageSize(call);
      total = rows.size();
      int available = Math.max(0, total - skip);
      wanted = top == null ? available : Math.min(top, available);
      size = pageSize > 0 ? Math.min(wanted, pageSize) : wanted;
      for (Map<String, Object> e : rows.subList(Math.min(skip, total), Math.min(skip, total) + size)) {
        page.add(Company.deepCopy(e));
      }
    }
    List<Object> value = new ArrayList<>();
    List<String> select = selectOf(call, es);
    for (Map<String, Object> e : page) {
      value.add(render(es, e, call.v2(), select));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(call.v2() ? "@odata.context" : "odata.metadata", root(call.v2()) + "$metadata#" + es.name());
    boolean count = call.v2() ? "true".equalsIgnoreCase(call.param("$count"))
        : "allpages".equalsIgnoreCase(call.param("$inlinecount"));
    if (count) {
      body.put(call.v2() ? "@odata.count" : "odata.count",
          !call.v2() && config.v1CountAsString ? (Object) String.valueOf(total) : (Object) (long) total);
    }
    body.put("value", value);
    if (size < wanted) {
      body.put(call.v2() ? "@odata.nextLink" : "odata.nextLink",
          nextLink(call, es, skip + size, top == null ? null : top - size));
    }
    return Answer.json(200, call.v2(), body);
  }

  private Predicate<Map<String, Object>> predicate(Call call, EntitySet es) {
    String filter = call.param("$filter");
    return filter == null || filter.isBlank() ? e -> true
        : Filter.parse(company.schema(), es.type(), filter,
            "true".equalsIgnoreCase(call.header("B1S-CaseInsensitive")));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void sort(Call call, EntitySet es, List<Map<String, Object>> rows) {
    String orderBy = call.param("$orderby");
    if (orderBy == null || orderBy.isBlank()) {
      return;
    }
    Comparator<Map<String, Object>> cmp = null;
    for (String part : orderBy.split(",")) {
      String[] f = part.trim().split("\\s+");
      String name = f[0];
      if (company.schema().property(es.type(), name) == null && !name.startsWith("U_")) {
        throw new WriteException(400, -1000, "Property '" + name + "' of '" + es.type() + "' is invalid");
      }
      boolean desc = f.length > 1 && f[1].equalsIgnoreCase("desc");
      Comparator<Map<String, Object>> c = Comparator.comparing(
          e -> (Comparable) e.get(name), Comparator.nullsFirst(Comparator.naturalOrder()));
      if (desc) {
        c = c.reversed();
      }
      cmp = cmp == null ? c : cmp.thenComparing(c);
    }
    rows.sort(cmp);
  }

  private String nextLink(Call call, EntitySet es, int skip, @Nullable Integer remainingTop) {
    StringBuilder sb = new StringBuilder(es.name()).append('?');
    boolean first = true;
    for (Map.Entry<String, List<String>> e : call.query().entrySet()) {
      if (e.getKey().equals("$skip") || e.getKey().equals("$top")) {
        continue;
      }
      for (String v : e.getValue()) {
        sb.append(first ? "" : "&").append(e.getKey()).append('=').append(encode(v));
        first = false;
      }
    }
    if (remainingTop != null) {
      sb.append(first ? "" : "&").append("$top=").append(remainingTop);
      first = false;
    }
    sb.append(first ? "" : "&").append("$skip=").append(skip);
    return sb.toString();
  }

  private static String encode(String v) {
    return java.net.URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private int pageSize(Call call) {
    String b1 = call.header("B1S-PageSize");
    if (b1 != null) {
      return parsePositive(b1.trim(), "B1S-PageSize");
    }
    String prefer = call.header("Prefer");
    if (prefer != null) {
      Matcher m = Pattern.compile("odata\\.maxpagesize=(\\d+)").matcher(prefer);
      if (m.find()) {
        return Integer.parseInt(m.group(1)); // 0: no paging (unconfirmed)
      }
    }
    return config.defaultPageSize;
  }

  private static int parsePositive(String text, String what) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new WriteException(400, -1000, "Invalid " + what + ": " + text);
    }
  }

  private static int intParam(Call call, String name, int dflt) {
    String v = call.param(name);
    if (v == null) {
      return dflt;
    }
    int n = parsePositive(v.trim(), name);
    if (n < 0) {
      throw new WriteException(400, -1000, "Invalid " + name + ": " + v);
    }
    return n;
  }

  private @Nullable List<String> selectOf(Call call, EntitySet es) {
    String select = call.param("$select");
    if (select == null || select.isBlank() || select.trim().equals("*")) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (String s : select.split(",")) {
      String name = s.trim();
      if (company.schema().property(es.type(), name) == null && !name.startsWith("U_")) {
        throw new WriteException(400, -1000, "Property '" + name + "' of '" + es.type() + "' is invalid");
      }
      out.add(name);
    }
    return out;
  }

  /** An entity as JSON in the version's formats, with nulls present and the V4 ETag annotation. */
  Map<String, Object> render(EntitySet es, Map<String, Object> e, boolean v2, @Nullable List<String> select) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (es.concurrency() && (v2 || config.v1EtagInBody)) {
      out.put(v2 ? "@odata.etag" : "odata.etag", etag(e));
    }
    if (select != null) {
      for (String name : select) {
        out.put(name, json(e.get(name), v2));
      }
      return out;
    }
    if (config.nullsPresent) {
      for (Schema.Prop p : company.schema().properties(es.type()).values()) {
        Object v = e.get(p.name());
        if (p.kind() == Schema.Kind.COLLECTION) {
          out.put(p.name(), v == null ? List.of() : json(withNulls(p.elementType(), v), v2));
        } else {
          out.put(p.name(), json(v, v2));
        }
      }
    }
    for (Map.Entry<String, Object> en : e.entrySet()) {
      if (!out.containsKey(en.getKey())) {
        out.put(en.getKey(), json(en.getValue(), v2));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private Object withNulls(String elementType, Object rows) {
    Map<String, Schema.Prop> props = company.schema().properties(elementType);
    if (props.isEmpty()) {
      return rows;
    }
    List<Object> out = new ArrayList<>();
    for (Object r : (List<?>) rows) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (Schema.Prop p : props.values()) {
        row.put(p.name(), p.kind() == Schema.Kind.COLLECTION ? List.of() : null);
      }
      row.putAll((Map<String, Object>) r);
      out.add(row);
    }
    return out;
  }

  private Object json(Object v, boolean v2) {
    return Values.toJson(v, v2, config.v1DatePattern, config.v2DatePattern);
  }

  private void checkIfMatch(Call call, EntitySet es, Object key) {
    String ifMatch = call.header("If-Match");
    if (ifMatch == null || call.inBatch() || !es.concurrency() || ifMatch.trim().equals("*")) {
      return; // no check without the header, inside $batch, or for sets without a concurrency token
    }
    Map<String, Object> e = company.require(es.name(), key);
    if (!ifMatch.trim().equals(etag(e))) {
      throw new WriteException(412, -2039,
          "Another user or another operation modified data; to cancel your changes, reload the data");
    }
  }

  /** {@code W/"<SHA-1 of the decimal DataVersion, upper-case hex>"}. */
  static String etag(Map<String, Object> e) {
    Object dv = e.getOrDefault("DataVersion", 0L);
    try {
      byte[] h = MessageDigest.getInstance("SHA-1")
          .digest(String.valueOf(((Number) dv).longValue()).getBytes(StandardCharsets.US_ASCII));
      return "W/\"" + HexFormat.of().withUpperCase().formatHex(h) + "\"";
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private Object parseKey(EntitySet es, String text, boolean v2) {
    String t = text.trim();
    if (t.startsWith(es.key() + "=")) {
      t = t.substring(es.key().length() + 1);
    }
    if (es.numericKey()) {
      try {
        return Long.parseLong(t);
      } catch (NumberFormatException e) {
        throw new WriteException(400, -1000, "Invalid key '" + text + "' for " + es.name());
      }
    }
    if (!t.startsWith("'") || !t.endsWith("'") || t.length() < 2) {
      throw new WriteException(400, -1000, "Invalid key '" + text + "' for " + es.name() + ": quote string keys");
    }
    return t.substring(1, t.length() - 1).replace("''", "'");
  }

  static String keyLiteral(EntitySet es, Object key) {
    return es.numericKey() ? String.valueOf(((Number) key).longValue()) : "'" + key.toString().replace("'", "''") + "'";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> bodyObject(Call call) {
    Object parsed;
    try {
      parsed = Answer.parseJson(call.body());
    } catch (Exception e) {
      throw new WriteException(400, -1000, "Invalid JSON in the request body");
    }
    if (!(parsed instanceof Map)) {
      throw new WriteException(400, -1000, "The request body must be a JSON object");
    }
    return (Map<String, Object>) parsed;
  }

  private Answer login(Call call) {
    Map<String, Object> body;
    try {
      body = bodyObject(call);
    } catch (WriteException e) {
      return error(call.v2(), 400, e.code(), e.getMessage());
    }
    Object language = body.get("Language");
    if (language != null && !(language instanceof Number) && !(language instanceof String)) {
      return error(call.v2(), 400, -1000, "Language must be a number or a string");
    }
    Object db = body.get("CompanyDB");
    Object user = body.get("UserName");
    Object password = body.get("Password");
    if (!config.companyDb.equals(db) || user == null || password == null
        || !password.toString().equals(config.users.get(user.toString()))) {
      return error(call.v2(), config.loginFailedStatus, 100000027, "Login failed");
    }
    Sessions.Session s;
    try {
      s = sessions.open(user.toString());
    } catch (WriteException e) {
      return error(call.v2(), e.status(), e.code(), e.getMessage());
    }
    String id = s.id;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(call.v2() ? "@odata.context" : "odata.metadata",
        root(call.v2()) + "$metadata#B1Sessions" + (call.v2() ? "/$entity" : "/@Element"));
    out.put("SessionId", id);
    out.put("Version", config.version);
    out.put("SessionTimeout", (long) config.sessionTimeoutMinutes);
    Answer a = Answer.json(200, call.v2(), out).with("Set-Cookie", "B1SESSION=" + id + ";HttpOnly;");
    if (config.routeId != null) {
      a = a.with("Set-Cookie", "ROUTEID=" + config.routeId + "; path=/b1s");
    }
    return a;
  }

  /** 401 with code 301 in the version's error shape. */
  Answer sessionError(boolean v2) {
    return error(v2, 401, 301, "Invalid session or session already timeout.");
  }

  /** An error answer: v1 {@code {code: number, message: {lang, value}}}, v2 {@code {code: "..", message: ".."}}. */
  static Answer error(boolean v2, int status, Object code, String message) {
    Map<String, Object> err = new LinkedHashMap<>();
    if (v2) {
      err.put("code", code.toString());
      err.put("message", message);
    } else {
      Object c = code;
      try {
        c = Long.parseLong(code.toString());
      } catch (NumberFormatException e) {
        // keep text
      }
      err.put("code", c);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lang", "en-us");
      m.put("value", message);
      err.put("message", m);
    }
    return Answer.json(status, v2, Map.of("error", err));
  }

  /** Lower-cases nothing: paths are case-sensitive. Exposed for the batch parser. */
  static String versionPrefix(boolean v2) {
    return (v2 ? "/b1s/v2/" : "/b1s/v1/").toLowerCase(Locale.ROOT);
  }
}
