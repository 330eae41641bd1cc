package io.mlconnector.testkit.acumatica.internal;

import io.mlconnector.testkit.http.SimRequest;
import io.mlconnector.testkit.http.SimResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Contract actions ({@code POST /{Entity}/{Action}}) as long-running operations: the business
 * change is applied at once, then the operation answers 202 with a status URL that answers 202
 * for the configured polls (or until the duration ends) and then 204, or the failure; while it
 * runs it blocks its session.
 */
final class Actions {
  private final Settings settings;
  private final Schemas schemas;
  private final Records records;
  private final Business business;
  private final Clock clock;
  private final Push push;
  private final BodyCodec codec;
  private final Map<String, Object[]> operations = new ConcurrentHashMap<>();
  private int peakRunning;

  Actions(Settings settings, Schemas schemas, Records records, Business business, Clock clock, Push push,
      BodyCodec codec) {
    this.settings = settings;
    this.schemas = schemas;
    this.records = records;
    this.business = business;
    this.clock = clock;
    this.push = push;
    this.codec = codec;
  }

  @SuppressWarnings("unchecked")
  SimResponse action(SimRequest request, String version, String entity, String action, Auth.ServerSession session) {
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
      keysBody = codec.unwrap(version, entity, (Map<String, Object>) e, "entity/");
    } catch (Json.Malformed | IllegalArgumentException e) {
      return HttpErrors.of(400, "Invalid action body: " + e.getMessage(), "System.ArgumentException");
    }
    String failure;
    synchronized (records) {
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
      Map<String, Object> before = BodyCodec.deepCopy(rec);
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
    synchronized (this) {
      peakRunning = Math.max(peakRunning, operations.size());
    }
    synchronized (session) {
      session.running = op;
    }
    return new SimResponse(202, Map.of(), new byte[0]).withHeader("Location",
        "/" + settings.site + "/entity/Default/" + version + "/" + entity + "/" + action + "/status/" + op.id);
  }

  SimResponse status(String id, Auth.ServerSession session) {
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

  /** The most actions running at once (each in its own session). */
  synchronized int peakRunning() {
    return peakRunning;
  }
}
