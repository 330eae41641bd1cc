package io.mlconnector.syspro.internal;

import io.mlconnector.core.codec.Xml;
import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.error.ConnectorException;
import io.mlconnector.core.error.ErrorDetails;
import io.mlconnector.core.error.TransientException;
import io.mlconnector.core.http.Redactor;
import io.mlconnector.core.http.RequestOptions;
import io.mlconnector.core.http.Session;
import io.mlconnector.core.http.SessionAuthenticator;
import io.mlconnector.core.http.TenantClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One slot of the session pool: its own e.net session, logged on single-flight by the core
 * transport, used by at most one call at a time. Logs on with {@code GET /Logon}, puts {@code
 * UserId} on each call (query parameter, or inside the {@code PostLD} body), detects the
 * invalid-session answer so the transport logs on once more and repeats the call once, and logs off
 * with {@code GET /Logoff}.
 */
public final class EnetSession implements SessionAuthenticator {

  private static final Logger LOG = LoggerFactory.getLogger(EnetSession.class);
  private static final MediaType XML = MediaType.get("application/xml; charset=utf-8");
  private static final long PEEK = 256 * 1024;
  private static final long HEAD = 512;

  /** What a slot needs from its pool. */
  public interface Pool {
    /**
     * Called when this slot's session was found invalid; returns true if a sibling logged on since.
     */
    boolean evictedBySibling(EnetSession slot, long sessionSeq);

    /** The next logon sequence number. */
    long nextLogonSeq();
  }

  private final int index;
  // both dropped by retire(): the core transport keeps this authenticator after the client closes
  private volatile @Nullable Credentials credentials;
  private final EnetErrors errors;
  private final Xml xml;
  private final @Nullable Duration idleTimeout;
  private volatile @Nullable Pool pool;
  private final boolean postLdForm;
  private final long maxAnswerBytes;
  private volatile TenantClient client;
  private volatile long sessionSeq;
  private volatile String deadToken;
  // the session the slot's one call in flight was sent with
  private volatile String lastToken;
  private volatile Duration lastLogonTime = Duration.ZERO;
  private final AtomicLong logons = new AtomicLong();

  /** The logon values, held only here. */
  public record Credentials(
      Secret operator, Secret operatorPassword, Secret companyId, Secret companyPassword) {
    List<String> values() {
      return List.of(
          operator.reveal(),
          operatorPassword.reveal(),
          companyId.reveal(),
          companyPassword.reveal());
    }

    @Override
    public String toString() {
      return "Credentials{***}";
    }
  }

  /** A slot; {@link #bind} gives it its client. */
  public EnetSession(
      int index,
      Credentials credentials,
      EnetErrors errors,
      Xml xml,
      @Nullable Duration idleTimeout,
      Pool pool,
      boolean postLdForm,
      long maxAnswerBytes) {
    this.maxAnswerBytes = maxAnswerBytes;
    this.index = index;
    this.credentials = credentials;
    this.errors = errors;
    this.xml = xml;
    this.idleTimeout = idleTimeout;
    this.pool = pool;
    this.postLdForm = postLdForm;
  }

  /** Binds the tenant client built with this authenticator. */
  public void bind(TenantClient client) {
    this.client = client;
  }

  /** The slot's client. */
  public TenantClient client() {
    return client;
  }

  /** The slot number. */
  public int index() {
    return index;
  }

  /** The logon sequence number of the current session (0 before the first logon). */
  public long sessionSeq() {
    return sessionSeq;
  }

  /** How long the last logon took. */
  public Duration lastLogonTime() {
    return lastLogonTime;
  }

  /** Logons made by this slot. */
  public long logonCount() {
    return logons.get();
  }

  /**
   * Drops the logon values and the pool once the slot is logged off for good. The core transport
   * keeps a slot's authenticator for as long as the transport lives, so a closed client leaves no
   * secrets and no pool reachable from it; a logon after this fails.
   */
  public void retire() {
    credentials = null;
    pool = null;
  }

  /** Whether {@link #retire()} was called. */
  public boolean retired() {
    return credentials == null;
  }

  @Override
  public Session login(TenantClient loginClient, @Nullable Session previous) throws IOException {
    Credentials credentials = this.credentials;
    Pool pool = this.pool;
    if (credentials == null || pool == null) {
      throw new IllegalStateException("SYSPRO client is closed");
    }
    if (previous != null && !previous.token().equals(deadToken)) {
      logoffQuietly(loginClient, previous);
    }
    HttpUrl url =
        loginClient
            .url("Logon")
            .newBuilder()
            .addQueryParameter("Operator", credentials.operator().reveal())
            .addQueryParameter("OperatorPassword", credentials.operatorPassword().reveal())
            .addQueryParameter("CompanyId", credentials.companyId().reveal())
            .addQueryParameter("CompanyPassword", credentials.companyPassword().reveal())
            .build();
    Request request =
        new Request.Builder()
            .url(url)
            .get()
            .tag(RequestOptions.class, RequestOptions.builder().operation("Logon").build())
            .build();
    long start = System.nanoTime();
    String text = loginClient.execute(request, r -> EnetBodies.text(bytes(r, maxAnswerBytes, "Logon", false), contentType(r), xml));
    lastLogonTime = Duration.ofNanos(System.nanoTime() - start);
    if (EnetErrors.isError(text)) {
      ConnectorException e = errors.forLogon(Redactor.scrub(text, credentials.values()));
      throw e;
    }
    String token = text.replace("\r", "").replace("\n", "");
    if (token.isBlank() || token.length() > 200 || token.indexOf('<') >= 0) {
      throw new TransientException(
          ErrorDetails.of(EnetErrors.SYSTEM, "Logon")
              .withHttpStatus(200)
              .withRemote(
                  null, "Logon answered without a session id (" + token.length() + " characters)"));
    }
    long seq = pool.nextLogonSeq();
    sessionSeq = seq;
    logons.incrementAndGet();
    Session.Builder b = Session.builder(token).attribute("slot", Integer.toString(index));
    if (idleTimeout != null) {
      b.idleTimeout(idleTimeout);
    }
    LOG.debug("SYSPRO session slot {} logged on (logon #{})", index, seq);
    return b.build();
  }

  @Override
  public Request authorize(Request request, Session session) {
    lastToken = session.token();
    EnetCall call = request.tag(EnetCall.class);
    if (call != null && call.postLd) {
      return request.newBuilder().post(postLdBody(call, session.token())).build();
    }
    HttpUrl url = request.url().newBuilder().setQueryParameter("UserId", session.token()).build();
    return request.newBuilder().url(url).build();
  }

  @Override
  public boolean isExpired(Response response) {
    if (response.code() != 200) {
      return false;
    }
    String text;
    try {
      byte[] head = response.peekBody(HEAD).bytes();
      if (!new String(head, StandardCharsets.ISO_8859_1)
          .toUpperCase(Locale.ROOT)
          .contains("ERROR")) {
        return false;
      }
      text = EnetBodies.text(response.peekBody(PEEK).bytes(), contentType(response), xml);
    } catch (IOException | RuntimeException e) {
      return false;
    }
    if (!errors.isInvalidSession(text)) {
      return false;
    }
    deadToken = lastToken;
    Pool pool = this.pool;
    if (pool != null && pool.evictedBySibling(this, sessionSeq)) {
      LOG.warn(
          "SYSPRO session slot {} was evicted by another session of this pool: the operator allows"
              + " fewer concurrent sessions than the pool size; the pool shrinks",
          index);
    } else {
      LOG.info(
          "SYSPRO session slot {} is no longer valid (expired or evicted); logging on again",
          index);
    }
    return true;
  }

  @Override
  public void logout(TenantClient loginClient, Session session) throws IOException {
    if (session.token().equals(deadToken)) {
      return;
    }
    logoff(loginClient, session);
  }

  private void logoffQuietly(TenantClient loginClient, Session session) {
    try {
      logoff(loginClient, session);
    } catch (IOException | RuntimeException e) {
      LOG.debug(
          "Logoff of replaced SYSPRO session slot {} failed: {}",
          index,
          e.getClass().getSimpleName());
    }
  }

  private void logoff(TenantClient loginClient, Session session) throws IOException {
    HttpUrl url =
        loginClient.url("Logoff").newBuilder().addQueryParameter("UserId", session.token()).build();
    Request request =
        new Request.Builder()
            .url(url)
            .get()
            .tag(RequestOptions.class, RequestOptions.builder().operation("Logoff").build())
            .build();
    String text =
        loginClient.execute(
            request,
            r -> EnetBodies.text(bytes(r, maxAnswerBytes, "Logoff", false), contentType(r), xml));
    if (EnetErrors.isError(text)) {
      if (errors.isInvalidSession(text)) {
        LOG.debug("SYSPRO session slot {} was already gone at logoff", index);
      } else {
        LOG.warn("SYSPRO Logoff of session slot {} answered: {}", index, EnetErrors.message(text));
      }
    }
  }

  private RequestBody postLdBody(EnetCall call, String userId) {
    Map<String, String> p = call.parameters;
    if (postLdForm) {
      FormBody.Builder form = new FormBody.Builder().add("UserId", userId);
      p.forEach(form::add);
      return form.build();
    }
    StringBuilder sb = new StringBuilder("<TransactionPostLD xmlns=\"http://SYSPROWcfService\">");
    sb.append("<UserId>").append(escape(userId)).append("</UserId>");
    for (Map.Entry<String, String> e : p.entrySet()) {
      sb.append('<')
          .append(e.getKey())
          .append('>')
          .append(cdata(e.getValue()))
          .append("</")
          .append(e.getKey())
          .append('>');
    }
    sb.append("</TransactionPostLD>");
    return RequestBody.create(sb.toString(), XML);
  }

  static String cdata(String text) {
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * The answer's bytes, at most {@code max} of them: an answer that declares or turns out to be
   * larger fails the call (rejected for a read, outcome unknown for a write, which may have landed)
   * before it is held in memory.
   */
  static byte[] bytes(Response r, long max, String operation, boolean write) throws IOException {
    if (r.body() == null) {
      return new byte[0];
    }
    long declared = r.body().contentLength();
    if (declared > max) {
      throw tooLarge(operation, write, max, declared + " bytes");
    }
    okio.BufferedSource source = r.body().source();
    if (source.request(max + 1)) {
      throw tooLarge(operation, write, max, "more than " + max + " bytes");
    }
    return source.readByteArray();
  }

  private static ConnectorException tooLarge(
      String operation, boolean write, long max, String size) {
    ErrorDetails d =
        ErrorDetails.of(EnetErrors.SYSTEM, operation)
            .withHttpStatus(200)
            .withRemote(
                null,
                "the answer ("
                    + size
                    + ") is larger than maxAnswerBytes ("
                    + max
                    + " bytes) and was not read"
                    + (write
                        ? "; the posting may have landed: look it up before posting again"
                        : "; narrow the query or raise SysproConfig maxAnswerBytes"));
    return write
        ? new io.mlconnector.core.error.OutcomeUnknownException(d)
        : new io.mlconnector.core.error.RejectedException(d);
  }

  static @Nullable MediaType contentType(Response r) {
    return r.body() == null ? null : r.body().contentType();
  }

  @Override
  public String toString() {
    return "EnetSession{slot=" + index + '}';
  }
}
