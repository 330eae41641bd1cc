package io.mlconnector.testkit.stripe.internal;

import io.mlconnector.testkit.http.SimRequest;
import io.mlconnector.testkit.http.SimResponse;
import io.mlconnector.testkit.stripe.WebhookDelivery;
import io.mlconnector.testkit.stripe.WebhookEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP test-control API under {@code /_sim/} (form-encoded like the Stripe API, JSON answers,
 * no authentication, never faulted): the same operations as the simulator's Java methods, for
 * hosts that drive it from outside the JVM.
 */
final class ControlApi {
  private final Engine engine;

  ControlApi(Engine engine) {
    this.engine = engine;
  }

  SimResponse handle(SimRequest request, String requestId) {
    try {
      Params p = Params.decode(request.method().equals("POST") ? request.form() : request.query());
      String[] s = request.path().substring(Engine.CONTROL_PREFIX.length()).split("/");
      Object result = dispatch(request.method(), s, p);
      if (result == null) {
        return fail(404, "unknown control call " + request.method() + " " + request.path(), requestId);
      }
      return SimResponse.json(200, Engine.toJson(result)).withHeader("Request-Id", requestId);
    } catch (IllegalArgumentException e) {
      return fail(400, e.getMessage(), requestId);
    } catch (IllegalStateException e) {
      return fail(409, e.getMessage(), requestId);
    } catch (ApiError e) {
      return fail(e.status(), e.getMessage(), requestId);
    }
  }

  private static SimResponse fail(int status, String message, String requestId) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    return SimResponse.json(status, Engine.toJson(Engine.result("error", error))).withHeader("Request-Id", requestId);
  }

  private @Nullable Object dispatch(String method, String[] s, Params p) {
    String call = method + " " + s[0] + (s.length > 2 ? "/*/" + s[2] : s.length > 1 ? "/" + s[1] : "");
    switch (call) {
      case "POST invoices/*/pay":
        return engine.payInvoice(s[1], p.longValue("amount"));
      case "POST invoices/*/fail_payment":
        return engine.failInvoicePayment(s[1], Objects.requireNonNullElse(p.string("decline_code"), "generic_decline"));
      case "POST charges/*/refund":
        return engine.refund(s[1], p.longValue("amount"), p.string("reason"));
      case "POST charges/*/dispute":
        return engine.openDispute(s[1], p.string("reason"), p.longValue("amount"));
      case "POST disputes/*/close":
        return engine.closeDispute(s[1], !Boolean.FALSE.equals(p.bool("won")));
      case "POST payouts":
        return Engine.result("payouts", engine.payOut(Boolean.TRUE.equals(p.bool("include_pending"))));
      case "POST clock/advance": {
        Long seconds = p.longValue("seconds");
        if (seconds == null) {
          throw new IllegalArgumentException("seconds is required");
        }
        engine.advanceClock(Duration.ofSeconds(seconds));
        return Engine.result("now", engine.clock().instant().getEpochSecond());
      }
      case "POST rate_limit": {
        Long storm = p.longValue("storm");
        Long perSecond = p.longValue("per_second");
        if (storm != null) {
          engine.rateLimiter().storm(storm.intValue());
        }
        if (perSecond != null) {
          engine.rateLimiter().perSecond(perSecond.intValue());
        }
        return Engine.result("ok", true);
      }
      case "POST webhook_endpoints": {
        String url = p.requireString("url");
        List<String> events = p.stringList("enabled_events");
        WebhookEndpoint e = engine.webhooks().addEndpoint(URI.create(url), p.requireString("secret"),
            events.isEmpty() ? Set.of("*") : new HashSet<>(events));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("url", e.url().toString());
        out.put("enabled_events", new ArrayList<>(e.enabledEvents()));
        return out;
      }
      case "GET webhook_deliveries": {
        List<Object> out = new ArrayList<>();
        for (WebhookDelivery d : engine.webhooks().deliveries()) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("endpoint", d.endpointId());
          m.put("event", d.eventId());
          m.put("type", d.eventType());
          m.put("attempt", (long) d.attempt());
          m.put("status", (long) d.statusCode());
          out.add(m);
        }
        return Engine.result("data", out);
      }
      default:
        break;
    }
    if (method.equals("GET") && s.length == 2 && s[0].equals("count")) {
      Map<String, Object> filter = p.tree();
      return Engine.result("count", (long) engine.count(s[1], o -> matches(o, filter)));
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static boolean matches(Map<String, Object> obj, Map<String, Object> filter) {
    for (Map.Entry<String, Object> e : filter.entrySet()) {
      Object want = e.getValue();
      Object have = obj.get(e.getKey());
      if (want instanceof Map && have instanceof Map) {
        if (!matches((Map<String, Object>) have, (Map<String, Object>) want)) {
          return false;
        }
      } else if (!String.valueOf(want).equals(String.valueOf(have))) {
        return false;
      }
    }
    return true;
  }
}
