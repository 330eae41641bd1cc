package io.mlconnector.testkit.sandbox;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.sun.net.httpserver.HttpExchange;
import io.mlconnector.testkit.http.Fault;
import io.mlconnector.testkit.http.FaultInjector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's uniform control surface, the same for every simulator: {@code GET info}, {@code POST
 * faults}, {@code POST clock}, {@code POST seed}, {@code POST webhooks} and the simulator's own
 * actions. Parameters come as a query string or a form body; answers are JSON. Served under {@code
 * /_sandbox/} on each HTTP simulator's port and under {@code /_sandbox/<system>/} on the control
 * port; never faulted.
 */
final class Control {
  /** An answer: its status and a JSON-able body (maps, lists, strings, numbers, booleans). */
  record Answer(int status, Object body) {}

  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  private final Map<SandboxSystem, Simulated> simulators;
  private final Function<SandboxSystem, String> baseUrl;

  Control(Map<SandboxSystem, Simulated> simulators, Function<SandboxSystem, String> baseUrl) {
    this.simulators = simulators;
    this.baseUrl = baseUrl;
  }

  /** {@code /_sandbox/<rest>} on the control port: {@code ""} lists every simulator, else {@code <system>/<action>}. */
  Answer controlPort(HttpExchange exchange, String rest) {
    if (rest.isEmpty()) {
      Map<String, Object> all = new LinkedHashMap<>();
      simulators.forEach((s, sim) -> all.put(s.id, info(sim)));
      return new Answer(200, all);
    }
    int slash = rest.indexOf('/');
    String system = slash < 0 ? rest : rest.substring(0, slash);
    SandboxSystem s;
    try {
      s = SandboxSystem.of(system);
    } catch (IllegalArgumentException e) {
      return error(404, e.getMessage());
    }
    Simulated sim = simulators.get(s);
    if (sim == null) {
      return error(404, s.id + " is not running in this sandbox");
    }
    return system(sim, exchange, slash < 0 ? "" : rest.substring(slash + 1));
  }

  /** {@code /_sandbox/<action>} of one simulator. */
  Answer system(Simulated sim, HttpExchange exchange, String action) {
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    Map<String, String> params;
    try {
      params = params(exchange);
    } catch (IOException e) {
      return error(400, "could not read the request: " + e.getMessage());
    }
    try {
      if (action.isEmpty() || action.equals("info")) {
        return new Answer(200, info(sim));
      }
      if (!method.equals("POST")) {
        return error(405, "use POST for " + action);
      }
      switch (action) {
        case "faults":
          return new Answer(200, faults(sim.faults(), params));
        case "clock": {
          Long seconds = Simulated.optionalLong(params, "advance_seconds");
          if (seconds == null || seconds < 0) {
            throw new IllegalArgumentException("advance_seconds is required (0 or more)");
          }
          sim.advanceClock(Duration.ofSeconds(seconds));
          return new Answer(200, Map.of("advanced_seconds", seconds));
        }
        case "seed":
          return new Answer(200, Map.of("seeded", sim.seed()));
        case "webhooks": {
          String registered = sim.webhooks(URI.create(Simulated.required(params, "url")));
          if (registered == null) {
            return error(404, sim.system.id + " sends no webhooks");
          }
          return new Answer(200, Map.of("webhooks", registered));
        }
        default: {
          Object result = sim.action(action, params);
          return result == null
              ? error(404, "unknown control action '" + action + "' for " + sim.system.id + "; see GET /_sandbox/info")
              : new Answer(200, result);
        }
      }
    } catch (IllegalArgumentException e) {
      return error(400, e.getMessage());
    } catch (IllegalStateException e) {
      return error(409, e.getMessage());
    }
  }

  Map<String, Object> info(Simulated sim) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("system", sim.system.id);
    m.put("base_url", baseUrl.apply(sim.system));
    m.put("paths", sim.paths());
    m.put("credentials", sim.credentials());
    m.put("faults_injected", sim.faults().injectedCount());
    m.put("control", List.of("GET info", "POST faults (fail_next, fault, latency_ms, random, reset)",
        "POST clock (advance_seconds)", "POST seed", "POST webhooks (url)"));
    m.put("actions", sim.actions());
    return m;
  }

  /**
   * Applies the fault settings in {@code params} (in this order: reset, latency_ms, random + fault,
   * fail_next + fault) and answers how many faults were injected so far.
   */
  static Map<String, Object> faults(FaultInjector faults, Map<String, String> params) {
    if (params.isEmpty()) {
      throw new IllegalArgumentException("give reset=true, latency_ms, random (0 to 1) or fail_next, with fault="
          + List.of(Fault.values()));
    }
    if (Boolean.parseBoolean(params.getOrDefault("reset", "false"))) {
      faults.reset();
    }
    Fault fault = Fault.SERVER_ERROR;
    if (params.containsKey("fault")) {
      try {
        fault = Fault.valueOf(params.get("fault").trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("fault must be one of " + List.of(Fault.values()) + ", was '"
            + params.get("fault") + "'");
      }
    }
    Long latency = Simulated.optionalLong(params, "latency_ms");
    if (latency != null) {
      if (latency < 0) {
        throw new IllegalArgumentException("latency_ms must be 0 or more, was " + latency);
      }
      faults.latency(Duration.ofMillis(latency));
    }
    if (params.containsKey("random")) {
      double p;
      try {
        p = Double.parseDouble(params.get("random").trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("random must be a probability from 0 to 1, was '" + params.get("random") + "'");
      }
      faults.random(p, fault);
    }
    Long next = Simulated.optionalLong(params, "fail_next");
    if (next != null) {
      if (next < 0 || next > 1_000_000) {
        throw new IllegalArgumentException("fail_next must be 0 to 1000000, was " + next);
      }
      faults.failNext(next.intValue(), fault);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("injected", faults.injectedCount());
    return out;
  }

  static Answer error(int status, @Nullable String message) {
    return new Answer(status, Map.of("error", message == null ? "error" : message));
  }

  /** The query string's and a form body's parameters (the body wins). */
  static Map<String, String> params(HttpExchange exchange) throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    decode(exchange.getRequestURI().getRawQuery(), params);
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    decode(new String(body, StandardCharsets.UTF_8), params);
    return params;
  }

  private static void decode(String form, Map<String, String> into) {
    if (form == null || form.isBlank()) {
      return;
    }
    for (String pair : form.trim().split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      into.put(k, v);
    }
  }

  static void write(HttpExchange exchange, Answer answer) throws IOException {
    byte[] body = JSON.toJson(answer.body()).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
