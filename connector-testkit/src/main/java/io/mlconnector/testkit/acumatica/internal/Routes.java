package io.mlconnector.testkit.acumatica.internal;

import io.mlconnector.testkit.acumatica.RecordedRequest;
import io.mlconnector.testkit.http.SimRequest;
import io.mlconnector.testkit.http.SimResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The simulator's routing: the site prefix, sign-out outside the request queue, the licence's
 * admission (and the test-forced 429s), the identity server, the cookie login, {@code /entity}
 * (the endpoints served), 404 for an endpoint version not served, 401 without a session, {@code
 * swagger.json}, then the entity routes. Records every {@code /entity} and {@code /identity}
 * request.
 */
public final class Routes {
  private final Settings settings;
  private final Schemas schemas;
  private final Auth auth;
  private final Licence licence;
  private final EntityApi api;
  private final @Nullable Path contractsDir;
  private final List<RecordedRequest> recorded = new CopyOnWriteArrayList<>();
  private final AtomicInteger forced429 = new AtomicInteger();

  public Routes(
      Settings settings,
      Schemas schemas,
      Auth auth,
      Licence licence,
      EntityApi api,
      @Nullable Path contractsDir) {
    this.settings = settings;
    this.schemas = schemas;
    this.auth = auth;
    this.licence = licence;
    this.api = api;
    this.contractsDir = contractsDir;
  }

  /** Every request received on {@code /entity} and {@code /identity}, in order. */
  public List<RecordedRequest> recorded() {
    return List.copyOf(recorded);
  }

  /** Forgets the recorded requests. */
  public void clearRecorded() {
    recorded.clear();
  }

  /** The next {@code n} requests (except sign-out) are declined with 429. */
  public void declineNext(int n) {
    forced429.addAndGet(n);
  }

  /** Serves one request of the simulator's server. */
  public SimResponse handle(SimRequest request) throws InterruptedException {
    String prefix = "/" + settings.site + "/";
    if (!request.path().startsWith(prefix)) {
      return SimResponse.text(404, "text/html", "<html><body>Not Found</body></html>", StandardCharsets.UTF_8);
    }
    String rest = request.path().substring(prefix.length());
    if (rest.startsWith("entity") || rest.startsWith("identity")) {
      recorded.add(new RecordedRequest(request.method(), rest, request.rawQuery(), request.headers(),
          request.bodyText()));
    }
    if (rest.equals("entity/auth/logout") && request.method().equals("POST")) {
      return auth.logout(request); // sign-out skips the request queue
    }
    if (forced429.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return HttpErrors.of(429, "The request has exceeded the limit imposed by the license.",
          "PX.Api.LicenseLimitException");
    }
    if (!licence.admit()) {
      return HttpErrors.of(429, "The request has exceeded the limit imposed by the license.",
          "PX.Api.LicenseLimitException");
    }
    try {
      return route(request, rest);
    } finally {
      licence.release();
    }
  }

  private SimResponse route(SimRequest request, String rest) {
    if (rest.equals("identity/connect/token") && request.method().equals("POST")) {
      return auth.token(request);
    }
    if (rest.equals("entity/auth/login") && request.method().equals("POST")) {
      return auth.login(request);
    }
    if ((rest.equals("entity") || rest.equals("entity/")) && request.method().equals("GET")) {
      return endpoints();
    }
    if (!rest.startsWith("entity/")) {
      return SimResponse.text(404, "text/html", "<html><body>Not Found</body></html>", StandardCharsets.UTF_8);
    }
    String[] parts = rest.split("/", 4);
    if (parts.length < 3 || !parts[1].equals("Default") || !settings.versions.contains(parts[2])) {
      String endpoint = parts.length >= 3 ? parts[1] + "/" + parts[2] : rest;
      return HttpErrors.of(404, "The endpoint " + endpoint + " is not found.",
          "PX.Api.ContractBased.EndpointNotFoundException");
    }
    String version = parts[2];
    String tail = parts.length > 3 ? parts[3] : "";
    Auth.ServerSession session;
    try {
      session = auth.resolve(request);
    } catch (Auth.LoginLimitReached e) {
      return auth.loginLimit();
    }
    if (session == null) {
      return HttpErrors.unauthorized();
    }
    String opened = auth.takeNewSessionCookie(session);
    if (opened != null) {
      return serve(request, version, tail, session).withHeader("Set-Cookie", opened);
    }
    return serve(request, version, tail, session);
  }

  private SimResponse serve(SimRequest request, String version, String tail, Auth.ServerSession session) {
    if (tail.equals("swagger.json")) {
      return swagger(version);
    }
    String accept = request.header("accept");
    if (accept != null && !accept.contains("json") && !accept.contains("*/*")) {
      return HttpErrors.of(406, "Only application/json and text/json are served.", "System.Web.HttpException");
    }
    return api.handle(request, version, tail, session);
  }

  private SimResponse endpoints() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", Map.of("acumaticaBuildVersion", settings.buildVersion, "databaseVersion", settings.buildVersion));
    List<Object> eps = new ArrayList<>();
    for (String v : settings.versions) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", "Default");
      e.put("version", v);
      e.put("href", "/" + settings.site + "/entity/Default/" + v + "/");
      eps.add(e);
    }
    out.put("endpoints", eps);
    return SimResponse.json(200, Json.write(out));
  }

  private SimResponse swagger(String version) {
    if (contractsDir != null) {
      for (String name : List.of("Default_" + version + ".openapi.json", "Default_" + version + ".swagger.json")) {
        Path p = contractsDir.resolve(name);
        if (Files.isRegularFile(p)) {
          try {
            return SimResponse.json(200, Files.readString(p));
          } catch (IOException e) {
            return HttpErrors.of(500, "cannot read " + name, "System.IO.IOException");
          }
        }
      }
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("swagger", "2.0");
    doc.put("info", Map.of("title", "Default/" + version, "version", "4"));
    doc.put("basePath", "/" + settings.site + "/entity/Default/" + version);
    Map<String, Object> defs = new LinkedHashMap<>();
    for (String e : List.of("Customer", "SalesInvoice", "Invoice", "Payment", "JournalTransaction", "Account")) {
      Map<String, Object> props = new LinkedHashMap<>();
      schemas.fields(version, e).forEach((k, t) -> props.put(k, Map.of("x-type", t)));
      defs.put(e, Map.of("type", "object", "properties", props));
    }
    doc.put("definitions", defs);
    return SimResponse.json(200, Json.write(doc));
  }
}
