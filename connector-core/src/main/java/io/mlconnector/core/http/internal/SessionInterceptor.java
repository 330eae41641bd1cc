package io.mlconnector.core.http.internal;

import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.http.Session;
import io.mlconnector.core.http.TenantClient;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts the credential's session on each attempt; on an expired-session answer refreshes the
 * session once (single-flight) and repeats the attempt once.
 */
public final class SessionInterceptor implements Interceptor {

  private final SessionHolder holder;
  private final TenantClient loginClient;

  /** An interceptor using {@code holder}, logging in through {@code loginClient}. */
  public SessionInterceptor(SessionHolder holder, TenantClient loginClient) {
    this.holder = holder;
    this.loginClient = loginClient;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Session session = login(false, null);
    Response response = chain.proceed(holder.authenticator().authorize(request, session));
    if (!holder.authenticator().isExpired(response)) {
      return response;
    }
    response.close();
    Session fresh = login(true, session);
    return chain.proceed(holder.authenticator().authorize(request, fresh));
  }

  /**
   * The current or a refreshed session. A login that fails with an I/O error is reported as a
   * transient error of the login, not as an I/O failure of the request, which was never sent (so
   * it is neither retried nor reported as possibly applied).
   */
  private Session login(boolean expired, Session previous) {
    try {
      return expired ? holder.refreshExpired(loginClient, previous) : holder.current(loginClient);
    } catch (IOException e) {
      throw new TransientException(
          ErrorDetails.of(loginClient.config().system(), "session login")
              .withRemote(null, "login failed (" + e.getClass().getSimpleName() + ")"),
          e);
    }
  }
}
