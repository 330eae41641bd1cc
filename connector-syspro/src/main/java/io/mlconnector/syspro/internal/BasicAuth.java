package io.mlconnector.syspro.internal;

import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.http.Session;
import io.mlconnector.core.http.SessionAuthenticator;
import io.mlconnector.core.http.TenantClient;
import java.nio.charset.StandardCharsets;
import okhttp3.Credentials;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * HTTP Basic for SYSPRO OData, as a session the transport masks in its logs. Nothing to log in to:
 * a 401 is a credential problem, not an expired session.
 */
public final class BasicAuth implements SessionAuthenticator {

  private final String user;
  private final Secret password;

  /** Basic with {@code user} (the operator code) and {@code password} (its OData password). */
  public BasicAuth(String user, Secret password) {
    this.user = user;
    this.password = password;
  }

  @Override
  public Session login(TenantClient client, @Nullable Session previous) {
    return Session.builder(Credentials.basic(user, password.reveal(), StandardCharsets.UTF_8))
        .build();
  }

  @Override
  public Request authorize(Request request, Session session) {
    return request.newBuilder().header("Authorization", session.token()).build();
  }

  @Override
  public boolean isExpired(Response response) {
    return false;
  }

  @Override
  public String toString() {
    return "BasicAuth{***}";
  }
}
