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
import org.jspecify.annotations.Nullable;

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
  private final BodyCodec codec;
  private final Actions actions;

  public EntityApi(Settings settings, Schemas schemas, Records records, Clock clock, Push push) {
    this.settings = settings;
    this.schemas = schemas;
    this.records = records;
    this.business = new Business(settings, records);
    this.clock = clock;
    this.push = push;
    this.codec = new BodyCodec(settings, schemas, clock);
    this.actions = new Actions(settings, schemas, records, business, clock, push, codec);
  }

  /** Fields sent that the version's schema does not have (ignored, or rejected when configured). */
  public long unknownFields() {
    return codec.unknownFields();
  }

  /** The most long-running actions running at once. */
  public int peakRunningActions() {
    return actions.peakRunning();
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
          return actions.status(segments.get(3), session);
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
          return actions.action(request, version, entity, segments.get(1), session);
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

  private @Nullable String checkPath(String version, String entity, String path) {
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
  private static @Nullable Object value(Map<String, Object> r, String path) {
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

  private @Nullable Map<String, Object> find(String entity, List<String> keys) {
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
      body = codec.unwrap(version, entity, sent, "");
    } catch (IllegalArgumentException e) {
      return HttpErrors.of(400, e.getMessage(), "System.ArgumentException");
    }
    Set<String> expand = csv(request.queryParam("$expand"));
    Set<String> select = csv(request.queryParam("$select"));
    LocalDate businessDate = codec.businessDate(request);
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
      Map<String, Object> rec = insert ? new LinkedHashMap<>() : BodyCodec.deepCopy(existing);
      if (insert) {
        rec.put("id", Records.newId());
      }
      List<Business.Err> errors = business.apply(entity, rec, body, insert, businessDate, request.header("px-cbapibranch"));
      if (!errors.isEmpty()) {
        return SimResponse.json(422, Json.write(codec.echo(entity, sent, errors, insert)));
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
