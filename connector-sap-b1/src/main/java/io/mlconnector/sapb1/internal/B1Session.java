package io.mlconnector.sapb1.internal;

import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.http.RemoteError;
import io.mlconnector.core.http.RequestOptions;
import io.mlconnector.core.http.Session;
import io.mlconnector.core.http.SessionAuthenticator;
import io.mlconnector.core.http.TenantClient;
import io.mlconnector.sapb1.SapB1Credentials;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Service Layer sessions: {@code POST Login} with CompanyDB, UserName, Password (and Language),
 * the {@code B1SESSION} and {@code ROUTEID} cookies read from {@code Set-Cookie} in the forms real
 * servers send ({@code B1SESSION=<guid>;HttpOnly;} without a path, {@code ROUTEID=.node3;
 * path=/b1s}), {@code SessionTimeout} as the idle timeout, both cookies on every call, HTTP 401
 * (SAP code 301) as "expired", and {@code POST Logout}. A proactive renewal logs the old session
 * out first, so a credential never holds two seats.
 */
public final class B1Session implements SessionAuthenticator {
  private static final Logger LOG = LoggerFactory.getLogger(B1Session.class);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final long MAX_BODY = 64 * 1024;

  private final HttpUrl root;
  private final SapB1Credentials credentials;
  private final Pattern seatsExhausted;
  private final String system;

  /** Sessions for {@code credentials} at the service root {@code root}. */
  public B1Session(String system, HttpUrl root, SapB1Credentials credentials, String seatsExhaustedPattern) {
    this.system = system;
    this.root = root;
    this.credentials = credentials;
    this.seatsExhausted = Pattern.compile(seatsExhaustedPattern);
  }

  @Override
  public Session login(TenantClient client, Session previous) throws IOException {
    if (previous != null) {
      try {
        logout(client, previous); // free the seat before taking a new one
      } catch (IOException | RuntimeException e) {
        LOG.debug("logout of the replaced session failed: {}", e.getClass().getSimpleName());
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("CompanyDB", credentials.companyDb());
    body.put("UserName", credentials.userName());
    body.put("Password", credentials.password().reveal());
    if (credentials.language() != null) {
      body.put("Language", credentials.language());
    }
    Request request = new Request.Builder()
        .url(root.resolve("Login"))
        .post(RequestBody.create(JsonText.write(body), JSON))
        .tag(RequestOptions.class, RequestOptions.builder().operation("Login").repeatable(true).build())
        .build();
    try (Response response = client.execute(request)) {
      String text = response.body() == null ? "" : response.peekBody(MAX_BODY).string();
      if (!response.isSuccessful()) {
        RemoteError err = B1Errors.parse(text);
        ErrorDetails details = ErrorDetails.of(system, "Login")
            .withHttpStatus(response.code())
            .withRemote(err.code(), err.message());
        if (err.message() != null && seatsExhausted.matcher(err.message()).find()) {
          throw new TransientException(details.withRemote(err.code(), "no licence seat free: " + err.message()));
        }
        if (response.code() >= 500) {
          throw new TransientException(details);
        }
        throw new AuthenticationException(details);
      }
      String sessionId = null;
      String routeId = null;
      for (String header : response.headers("Set-Cookie")) {
        String pair = header.split(";", 2)[0].trim();
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          continue;
        }
        String name = pair.substring(0, eq).trim();
        String value = pair.substring(eq + 1).trim();
        if (name.equals("B1SESSION")) {
          sessionId = value;
        } else if (name.equals("ROUTEID")) {
          routeId = value;
        }
      }
      Map<String, Object> json = JsonText.object(text, "Login answer");
      if (sessionId == null && json.get("SessionId") != null) {
        sessionId = json.get("SessionId").toString();
      }
      if (sessionId == null || sessionId.isBlank()) {
        throw new AuthenticationException(ErrorDetails.of(system, "Login")
            .withHttpStatus(response.code()).withRemote(null, "Login answer carries no B1SESSION cookie or SessionId"));
      }
      Object timeout = json.get("SessionTimeout");
      long minutes = timeout instanceof Number ? ((Number) timeout).longValue() : 30;
      Session.Builder b = Session.builder(sessionId).idleTimeout(Duration.ofMinutes(Math.max(1, minutes)));
      if (routeId != null) {
        b.attribute("ROUTEID", routeId);
      }
      if (json.get("Version") != null) {
        b.attribute("Version", String.valueOf(json.get("Version")));
      }
      return b.build();
    }
  }

  @Override
  public Request authorize(Request request, Session session) {
    return request.newBuilder().header("Cookie", cookie(session)).build();
  }

  /** The Cookie header of a session: {@code B1SESSION=...; ROUTEID=...}. */
  public static String cookie(Session session) {
    String route = session.attribute("ROUTEID");
    return "B1SESSION=" + session.token() + (route == null ? "" : "; ROUTEID=" + route);
  }

  @Override
  public boolean isExpired(Response response) {
    return response.code() == 401;
  }

  @Override
  public void logout(TenantClient client, Session session) throws IOException {
    Request request = new Request.Builder()
        .url(root.resolve("Logout"))
        .post(RequestBody.create(new byte[0], null))
        .header("Cookie", cookie(session))
        .tag(RequestOptions.class, RequestOptions.builder().operation("Logout").repeatable(true).build())
        .build();
    try (Response response = client.execute(request)) {
      if (!response.isSuccessful() && response.code() != 401) {
        LOG.debug("Logout answered HTTP {}", response.code());
      }
    }
  }

  /** Names of the fields masked in logged bodies. */
  public static List<String> maskedFields() {
    return List.of("Password", "SessionId");
  }
}
