package io.mlconnector.core.http;

import java.io.IOException;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Logs in to a remote that uses sessions or expiring tokens (SYSPRO e.net {@code Logon}, SAP B1
 * {@code Login}, Acumatica cookies or OAuth) and puts the session on each request.
 *
 * <p>The transport keeps one session per {@link CredentialKey} and calls {@link #login} for it one
 * caller at a time: callers that need a session while a login runs wait for that login and share
 * its result. It renews the session before it expires (by the tenant's renewal skew) and, when an
 * answer says the session has expired ({@link #isExpired}), logs in once more and repeats that
 * request once. Repeating is safe for every method because the remote did not act on a request it
 * refused for want of a session.
 */
public interface SessionAuthenticator {

  /**
   * Obtains a new session.
   *
   * @param client a client of the same tenant without session handling (rate budget, retries and
   *     redacted logging still apply); use it for the login request
   * @param previous the session being replaced, or null on first use; a remote that must be told
   *     to end it can be told here
   * @return the new session, never null
   * @throws IOException when the login request fails; a refused login should throw {@link
   *     io.mlconnector.core.error.AuthenticationException}
   */
  Session login(TenantClient client, @Nullable Session previous) throws IOException;

  /**
   * Returns {@code request} carrying {@code session} (header, cookie or query parameter).
   *
   * @param request the request about to be sent
   * @param session the current session
   * @return the request with the session applied; {@code request} itself is not changed
   */
  Request authorize(Request request, Session session);

  /**
   * Whether {@code response} says the session has expired. The default is HTTP 401. A remote that
   * answers 200 with an error text (SYSPRO) checks the body with {@link Response#peekBody(long)};
   * this method must not consume the body.
   *
   * @param response the remote's answer, body unconsumed
   * @return true when the session must be renewed and the call repeated
   */
  default boolean isExpired(Response response) {
    return response.code() == 401;
  }

  /**
   * Ends {@code session} at the remote, freeing its licence seat. The default does nothing.
   *
   * @param client a client of the same tenant without session handling
   * @param session the session to end
   * @throws IOException when the logout request fails
   */
  default void logout(TenantClient client, Session session) throws IOException {}
}
