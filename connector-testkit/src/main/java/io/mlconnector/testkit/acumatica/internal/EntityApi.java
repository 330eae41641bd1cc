package io.mlconnector.testkit.acumatica.internal;

import io.mlconnector.testkit.http.SimRequest;
import io.mlconnector.testkit.http.SimResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The entity routes of {@code /entity/Default/{version}/}: list, get by keys or id, PUT upsert,
 * DELETE, actions with their status URLs, files and {@code $adHocSchema}. Holds the company's lock
 * while it reads or changes records.
 */
public final class EntityApi {
  private final Settings settings;
  private final Schemas schemas;
  private final Records records;
  private final Business business;
  private final Clock clock;
  private final Push push;
  private final Map<String, Object[]> operations = new ConcurrentHashMap<>();
  private final AtomicLong unknownFields = new AtomicLong();

  public EntityApi(Settings settings, Schemas schemas, Records records, Clock clock, Push push) {
    this.settings = settings;
    this.schemas = schemas;
    this.records = records;
    this.business = new Business(settings, records);
    this.clock = clock;
    this.push = push;
  }

  /** Fields sent that the version's schema does not have (ignored, or rejected when configured). */
  public long unknownFields() {
    return unknownFields.get();
  }

  /** The company lock (records are changed only under it). */
  public Object lock() {
    return records;
  }

  /** Serves {@code rest} (the part after the version) for a signed-in session. */
  public SimResponse handle(SimRequest request, String version, String rest, Auth.ServerSession session) {
    List<String> segments = new ArrayList<>();
    for (String s : rest.split("/")) {
      if (!s.isEmpty()) {
        segments.addAll(Arrays.asList(s.split("\\|")));
      }
    }
    if (segments.isEmpty()) {
      return HttpErrors.of(404, "No entity was given.", "PX.Api.ContractBased.EntityNotFoundException");
    }
    String entity = segments.get(0);
    boolean statusPoll = request.method().equals("GET") && segments.size() == 4 && segments.get(2).equals("status");
    synchronized (session) {
      Auth.Operation running = session.running;
      if (running != null && !clock.instant().isBefore(running.endsAt)) {
        session.running = null;
        running = null;
      }
      if (running != null && settings.sessionBlockedByAction && !statusPoll) {
        return HttpErrors.of(500, "A long-running operation is in progress in this session; wait until it completes.",
            "PX.Async.PXOperationInProgressException");
      }
    }
    if (!schemas.isTopLevel(entity)) {
      return HttpErrors.of(404, "The entity " + entity + " is not found in endpoint Default/" + version + ".",
          "PX.Api.ContractBased.EntityNotFoundException");
    }
    if (settings.forbiddenEntities.contains(entity)) {
      return HttpErrors.of(403, "You have insufficient rights to access the form of " + entity + ".",
          "PX.Data.PXNotEnoughRightsException");
    }
    switch (request.method()) {
      case "GET":
        if (statusPoll) {
          return status(segments.get(3), session);
        }
        if (segments.size() == 1) {
          return list(request, version, entity);
        }
        if (segments.size() == 2 && segments.get(1).equals("$adHocSchema")) {
          return SimResponse.json(200, Json.write(Map.of("custom", Map.of(), "_workflowActions", List.of())));
        }
        return get(request, version, entity, segments.subList(1, segments.size()));
      case "PUT":
        if (segments.size() >= 4 && segments.get(segments.size() - 2).equals("files")) {
          return putFile(request, version, entity, segments);
        }
        if (segments.size() != 1) {
          return HttpErrors.of(405, "PUT takes the entity URL.", "System.Web.HttpException");
        }
        return put(request, version, entity);
      case "DELETE":
        return delete(entity, segments.subList(1, segments.size()));
      case "POST":
        if (segments.size() == 1) {
          return HttpErrors.of(settings.bareEntityPostStatus, "The requested resource does not support http method 'POST'.",
              "System.Web.Http.HttpResponseException");
        }
        if (segments.size() == 2) {
          return action(request, version, entity, segments.get(1), session);
        }
        return HttpErrors.of(404, "No such action.", "PX.Api.ContractBased.ActionNotFoundException");
      default:
        return HttpErrors.of(405, "Method not allowed.", "System.Web.HttpException");
    }
  }

  // ------------------------------------------------------------------ reads

  private SimResponse list(SimRequest request, String version, String entity) {
    Set<String> expand = csv(request.queryParam("$expand"));
    Set<String> select = csv(request.queryParam("$select"));
    String filterText = request.queryParam("$filter");
    Filter.Node filter = null;
    if (filterText != null && !filterText.isBlank()) {
      List<String> paths = new ArrayList<>();
      try {
        filter = Filter.parse(filterText, settings.zone, paths);
      } catch (Filter.Invalid e) {
        return HttpErrors.of(500, "Invalid $filter: " + e.getMessage(), "System.ArgumentException");
      }
      for (String path : paths) {
        String problem = checkPath(version, entity, path);
        if (problem != null) {
          return HttpErrors.of(500, problem, "PX.Api.ContractBased.InvalidFieldException");
        }
      }
    }
    int skip;
    Integer top;
    try {
      skip = request.queryParam("$skip") == null ? 0 : Integer.parseInt(request.queryParam("$skip"));
      top = request.queryParam("$top") == null ? null : Integer.parseInt(request.queryParam("$top"));
    } catch (NumberFormatException e) {
      return HttpErrors.of(400, "$top and $skip must be whole numbers.", "System.ArgumentException");
    }
    List<Object> out = new ArrayList<>();
    synchronized (lock()) {
      int matched = 0;
      for (Map<String, Object> r : records.sorted(entity)) {
        if (filter != null && !Filter.test(filter, path -> value(r, path))) {
          continue;
        }
        matched++;
        if (matched <= skip) {
          continue;
        }
        if (top != null && out.size() >= top) {
          break;
        }
        out.add(records.render(entity, version, r, out.size() + 1, expand, select, null));
      }
    }
    return SimResponse.json(200, Json.write(out));
  }

  private String checkPath(String version, String entity, String path) {
    if (path.startsWith("cf:")) {
      return null;
    }
    String schemaName = entity;
    String[] parts = path.split("/");
    for (int i = 0; i < parts.length; i++) {
      String type = schemas.fields(version, schemaName).get(parts[i]);
      if (type == null) {
        return "Invalid field name " + path + " for entity " + entity + " in endpoint Default/" + version + ".";
      }
      if (type.startsWith("details:")) {
        return "Filtering on detail field " + path + " is not supported.";
      }
      if (type.startsWith("link:")) {
        schemaName = type.substring(5);
      } else if (i != parts.length - 1) {
        return "Invalid field path " + path + ".";
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Object value(Map<String, Object> r, String path) {
    if (path.startsWith("cf:")) {
      Object custom = r.get("_custom");
      return custom instanceof Map ? ((Map<String, Object>) custom).get(path.substring(3)) : null;
    }
    Object cur = r;
    for (String p : path.split("/")) {
      if (!(cur instanceof Map)) {
        return null;
      }
      cur = ((Map<String, Object>) cur).get(p);
    }
    if (cur instanceof Integer) {
      return new BigDecimal((Integer) cur);
    }
    return cur;
  }

  private SimResponse get(SimRequest request, String version, String entity, List<String> keys) {
    Set<String> expand = csv(request.queryParam("$expand"));
    Set<String> select = csv(request.queryParam("$select"));
    synchronized (lock()) {
      Map<String, Object> r = find(entity, keys);
      if (r == null) {
        return HttpErrors.of(404, "No " + entity + " with keys " + keys + " was found.",
            "PX.Api.ContractBased.NoEntitySatisfiesTheConditionException");
      }
      return SimResponse.json(200, Json.write(records.render(entity, version, r, 1, expand, select, null)));
    }
  }

  private Map<String, Object> find(String entity, List<String> keys) {
    if (keys.size() == 1 && keys.get(0).matches("[0-9a-fA-F-]{36}")) {
      Map<String, Object> r = records.table(entity).get(keys.get(0).toLowerCase());
      if (r != null) {
        return r;
      }
    }
    return records.byKeys(entity, keys);
  }

  // ------------------------------------------------------------------ PUT

  @SuppressWarnings("unchecked")
  private SimResponse put(SimRequest request, String version, String entity) {
    Object parsed;
    try {
      parsed = Json.parse(request.bodyText());
    } catch (Json.Malformed e) {
      return HttpErrors.of(400, "The request body is not valid JSON: " + e.getMessage(), "Newtonsoft.Json.JsonReaderException");
    }
    if (!(parsed instanceof Map)) {
      return HttpErrors.of(400, "The request body must be a JSON object.", "System.ArgumentException");
    }
    Map<String, Object> sent = (Map<String, Object>) parsed;
    Map<String, Object> body;
    try {
      body = unwrap(version, entity, sent, "");
    } catch (IllegalArgumentException e) {
      return HttpErrors.of(400, e.getMessage(), "System.ArgumentException");
    }
    Set<String> expand = csv(request.queryParam("$expand"));
    Set<String> select = csv(request.queryParam("$select"));
    LocalDate businessDate = businessDate(request);
    synchronized (lock()) {
      Map<String, Object> existing = null;
      List<String> keyNames = Records.keys(entity);
      List<String> keyValues = new ArrayList<>();
      for (String k : keyNames) {
        if (body.get(k) != null) {
          keyValues.add(body.get(k).toString());
        }
      }
      if (keyValues.size() == keyNames.size()) {
        existing = records.byKeys(entity, keyValues);
      }
      if (existing == null && body.get("id") != null) {
        existing = records.table(entity).get(body.get("id").toString().toLowerCase());
      }
      String filterText = request.queryParam("$filter");
      if (existing == null && filterText != null && !filterText.isBlank()) {
        try {
          Filter.Node f = Filter.parse(filterText, settings.zone, new ArrayList<>());
          for (Map<String, Object> r : records.sorted(entity)) {
            if (Filter.test(f, p -> value(r, p))) {
              existing = r;
              break;
            }
          }
        } catch (Filter.Invalid e) {
          return HttpErrors.of(500, "Invalid $filter: " + e.getMessage(), "System.ArgumentException");
        }
      }
      if ("*".equals(request.header("if-none-match")) && existing != null) {
        return HttpErrors.of(412, "The record already exists.", "PX.Api.ContractBased.PreconditionFailedException");
      }
      if ("*".equals(request.header("if-match")) && existing == null) {
        return HttpErrors.of(412, "The record does not exist.", "PX.Api.ContractBased.PreconditionFailedException");
      }
      boolean insert = existing == null;
      Map<String, Object> rec = insert ? new LinkedHashMap<>() : deepCopy(existing);
      if (insert) {
        rec.put("id", Records.newId());
      }
      List<Business.Err> errors = business.apply(entity, rec, body, insert, businessDate, request.header("px-cbapibranch"));
      if (!errors.isEmpty()) {
        return SimResponse.json(422, Json.write(echo(entity, sent, errors, insert)));
      }
      Instant now = records.stamp();
      if (insert) {
        rec.put("CreatedDateTime", now);
      }
      rec.put("LastModifiedDateTime", now);
      if (schemas.fields(version, entity).containsKey("LastModifiedDate")) {
        rec.put("LastModifiedDate", now);
      }
      records.table(entity).put(rec.get("id").toString(), rec);
      push.changed(entity, insert ? null : existing, rec);
      Set<String> only = new LinkedHashSet<>(sent.keySet());
      only.addAll(keyNames);
      return SimResponse.json(200, Json.write(records.render(entity, version, rec, 1, expand, select, only)));
    }
  }

  private LocalDate businessDate(SimRequest request) {
    String h = request.header("px-cbapibusinessdate");
    if (h != null) {
      String t = h.trim().replace('/', '-');
      try {
        return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
      } catch (RuntimeException e) {
        // an unreadable business date is ignored
      }
    }
    return LocalDate.ofInstant(clock.instant(), settings.zone);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> unwrap(String version, String schemaName, Map<String, Object> sent, String prefix) {
    Map<String, String> fields = schemas.fields(version, schemaName);
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : sent.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      switch (k) {
        case "id":
          if (v != null) {
            out.put("id", v.toString().toLowerCase());
          }
          continue;
        case "delete":
          out.put("delete", Boolean.TRUE.equals(v));
          continue;
        case "rowNumber":
        case "custom":
        case "_links":
        case "files":
        case "error":
          continue;
        case "note":
          if (v instanceof Map && ((Map<?, ?>) v).get("value") != null) {
            out.put("note", ((Map<?, ?>) v).get("value").toString());
          }
          continue;
        default:
          break;
      }
      String type = fields.get(k);
      if (type == null) {
        unknownFields.incrementAndGet();
        if (settings.rejectUnknownFields) {
          throw new IllegalArgumentException("The field " + prefix + k + " is not in entity " + schemaName
              + " of endpoint Default/" + version + ".");
        }
        continue;
      }
      if (type.startsWith("link:")) {
        if (!(v instanceof Map)) {
          throw new IllegalArgumentException(prefix + k + " must be an object.");
        }
        out.put(k, unwrap(version, type.substring(5), (Map<String, Object>) v, prefix + k + "/"));
      } else if (type.startsWith("details:")) {
        if (!(v instanceof List)) {
          throw new IllegalArgumentException(prefix + k + " must be an array.");
        }
        List<Object> lines = new ArrayList<>();
        for (Object line : (List<?>) v) {
          if (!(line instanceof Map)) {
            throw new IllegalArgumentException(prefix + k + " must hold objects.");
          }
          lines.add(unwrap(version, type.substring(8), (Map<String, Object>) line, prefix + k + "/"));
        }
        out.put(k, lines);
      } else {
        if (!(v instanceof Map)) {
          throw new IllegalArgumentException("The value of " + prefix + k + " must be wrapped as {\"value\": ...}.");
        }
        Map<String, Object> wrapped = (Map<String, Object>) v;
        if (!wrapped.containsKey("value")) {
          continue; // {} is an absent value
        }
        out.put(k, coerce(prefix + k, type, wrapped.get("value")));
      }
    }
    return out;
  }

  private Object coerce(String field, String type, Object v) {
    if (v == null) {
      return null;
    }
    try {
      switch (type) {
        case "decimal":
          return v instanceof BigDecimal ? v : new BigDecimal(v.toString());
        case "int":
          return new BigDecimal(v.toString()).intValueExact();
        case "boolean":
          if (v instanceof Boolean) {
            return v;
          }
          if (v.toString().equalsIgnoreCase("true") || v.toString().equalsIgnoreCase("false")) {
            return Boolean.valueOf(v.toString());
          }
          throw new IllegalArgumentException("not a boolean");
        case "datetime": {
          String t = v.toString();
          if (t.length() == 10) {
            return LocalDate.parse(t).atStartOfDay(settings.zone).toInstant();
          }
          return Filter.toInstant(t, settings.zone);
        }
        default:
          return v.toString();
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("The value '" + v + "' of " + field + " is not a valid " + type + ".");
    }
  }

  /** The sent entity with {@code error} placed where each error belongs. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> echo(String entity, Map<String, Object> sent, List<Business.Err> errors, boolean insert) {
    Map<String, Object> out = (Map<String, Object>) deepCopy(sent);
    if (insert && !entity.equals("Customer") && !entity.equals("Account")) {
      String auto = entity.equals("JournalTransaction") ? "BatchNbr" : "ReferenceNbr";
      if (!out.containsKey(auto)) {
        out.put(auto, new LinkedHashMap<>(Map.of("value", "<NEW>")));
      }
    }
    List<String> recordErrors = new ArrayList<>();
    for (Business.Err e : errors) {
      if (e.path().isEmpty()) {
        recordErrors.add(e.message());
        continue;
      }
      Map<String, Object> target = out;
      List<Object> p = e.path();
      if (p.size() == 3) {
        Object lines = out.get(p.get(0));
        int index = (Integer) p.get(1) - 1;
        if (lines instanceof List && index < ((List<?>) lines).size()) {
          target = (Map<String, Object>) ((List<Object>) lines).get(index);
        }
      }
      String field = p.get(p.size() - 1).toString();
      Object f = target.get(field);
      Map<String, Object> wrapped = f instanceof Map ? (Map<String, Object>) f : new LinkedHashMap<>();
      wrapped.put("error", wrapped.containsKey("error") ? wrapped.get("error") + " " + e.message() : e.message());
      target.put(field, wrapped);
    }
    if (!recordErrors.isEmpty()) {
      out.put("error", String.join(" ", recordErrors));
    } else {
      out.put("error", "Inserting or updating the record raised at least one error. Please review the errors.");
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static <T> T deepCopy(T v) {
    if (v instanceof Map) {
      Map<String, Object> m = new LinkedHashMap<>();
      ((Map<String, Object>) v).forEach((k, x) -> m.put(k, deepCopy(x)));
      return (T) m;
    }
    if (v instanceof List) {
      List<Object> l = new ArrayList<>();
      for (Object x : (List<?>) v) {
        l.add(deepCopy(x));
      }
      return (T) l;
    }
    return v;
  }

  // ------------------------------------------------------------------ DELETE, files

  private SimResponse delete(String entity, List<String> keys) {
    synchronized (lock()) {
      Map<String, Object> r = find(entity, keys);
      if (r == null) {
        return HttpErrors.of(404, "No " + entity + " with keys " + keys + " was found.",
            "PX.Api.ContractBased.NoEntitySatisfiesTheConditionException");
      }
      if (business.released(r)) {
        return HttpErrors.of(500, "The document has been released and cannot be deleted.", "PX.Data.PXException");
      }
      records.table(entity).remove(r.get("id").toString());
      return new SimResponse(204, Map.of(), new byte[0]);
    }
  }

  @SuppressWarnings("unchecked")
  private SimResponse putFile(SimRequest request, String version, String entity, List<String> segments) {
    String name = segments.get(segments.size() - 1);
    List<String> keys = segments.subList(1, segments.size() - 2);
    synchronized (lock()) {
      Map<String, Object> r = find(entity, keys);
      if (r == null) {
        return HttpErrors.of(404, "No " + entity + " with keys " + keys + " was found.",
            "PX.Api.ContractBased.NoEntitySatisfiesTheConditionException");
      }
      List<Object> files = r.get("_files") instanceof List ? (List<Object>) r.get("_files") : new ArrayList<>();
      String id = Records.newId();
      String href = "/" + settings.site + "/entity/Default/" + version + "/files/" + id;
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("id", id);
      f.put("filename", entity + " (" + String.join(" ", keys) + ")\\" + name);
      f.put("href", href);
      f.put("comment", null);
      files.add(f);
      r.put("_files", files);
      return new SimResponse(204, Map.of(), new byte[0]).withHeader("Location", href);
    }
  }

  // ------------------------------------------------------------------ actions

  @SuppressWarnings("unchecked")
  private SimResponse action(SimRequest request, String version, String entity, String action, Auth.ServerSession session) {
    if (!schemas.actions().contains("/" + entity + "/" + action)) {
      return HttpErrors.of(404, "The action " + action + " is not found in entity " + entity + ".",
          "PX.Api.ContractBased.ActionNotFoundException");
    }
    Map<String, Object> keysBody;
    try {
      Object parsed = Json.parse(request.bodyText());
      Object e = parsed instanceof Map ? ((Map<String, Object>) parsed).get("entity") : null;
      if (!(e instanceof Map)) {
        return HttpErrors.of(400, "The action body must carry an \"entity\" object.", "System.ArgumentException");
      }
      keysBody = unwrap(version, entity, (Map<String, Object>) e, "entity/");
    } catch (Json.Malformed | IllegalArgumentException e) {
      return HttpErrors.of(400, "Invalid action body: " + e.getMessage(), "System.ArgumentException");
    }
    String failure;
    synchronized (lock()) {
      List<String> keys = new ArrayList<>();
      for (String k : Records.keys(entity)) {
        if (keysBody.get(k) != null) {
          keys.add(keysBody.get(k).toString());
        }
      }
      Map<String, Object> rec = keysBody.get("id") != null
          ? records.table(entity).get(keysBody.get("id").toString()) : records.byKeys(entity, keys);
      if (rec == null) {
        return HttpErrors.of(422, "The record to " + action + " was not found.", "PX.Data.PXException");
      }
      Map<String, Object> before = deepCopy(rec);
      List<Object[]> touched = new ArrayList<>();
      Instant now = records.stamp();
      failure = business.act(entity, action, rec, touched, now);
      if (failure == null) {
        rec.remove("_error");
        rec.put("LastModifiedDateTime", now);
        push.changed(entity, before, rec);
        for (Object[] t : touched) {
          push.changed((String) t[0], (Map<String, Object>) t[1], (Map<String, Object>) t[2]);
        }
      } else {
        rec.put("_error", failure);
      }
    }
    SimResponse failed = failure == null ? null : HttpErrors.of(422, failure, "PX.Data.PXException");
    if (settings.actionPolls <= 0) {
      return failed != null ? failed : new SimResponse(204, Map.of(), new byte[0]);
    }
    Auth.Operation op = new Auth.Operation(clock.instant().plus(settings.actionDuration), settings.actionPolls, failed);
    operations.put(op.id, new Object[] {op, session});
    synchronized (session) {
      session.running = op;
    }
    return new SimResponse(202, Map.of(), new byte[0]).withHeader("Location",
        "/" + settings.site + "/entity/Default/" + version + "/" + entity + "/" + action + "/status/" + op.id);
  }

  private SimResponse status(String id, Auth.ServerSession session) {
    Object[] entry = operations.get(id);
    if (entry == null) {
      return HttpErrors.of(404, "No operation " + id + ".", "PX.Api.ContractBased.OperationNotFoundException");
    }
    Auth.Operation op = (Auth.Operation) entry[0];
    synchronized (session) {
      if (op.pollsLeft > 0 && clock.instant().isBefore(op.endsAt)) {
        op.pollsLeft--;
        return new SimResponse(202, Map.of(), new byte[0]);
      }
      operations.remove(id);
      Auth.ServerSession owner = (Auth.ServerSession) entry[1];
      if (owner.running == op) {
        owner.running = null;
      }
    }
    return op.failure != null ? op.failure : new SimResponse(204, Map.of(), new byte[0]);
  }

  private static Set<String> csv(String value) {
    Set<String> out = new LinkedHashSet<>();
    if (value != null) {
      for (String s : value.split(",")) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
    }
    return out;
  }

  /** ISO local date-time text of an instant in the instance zone (for push rows). */
  public String local(Instant i) {
    return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(java.time.LocalDateTime.ofInstant(i, settings.zone));
  }
}
