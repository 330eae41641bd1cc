package io.mlconnector.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.mlconnector.core.error.AuthenticationException;
import io.mlconnector.testkit.SimClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sessions are refreshed one at a time per credential: when many callers see the session expire
 * together, exactly one logs in again and all of them repeat their request with the new session.
 */
class SessionRefreshTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final int THREADS = 8;
  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

  private final SimClock clock = SimClock.at(Instant.parse("2026-11-21T06:00:00Z"));
  private final RecordingListener listener = new RecordingListener();
  private final HttpTransport transport =
      HttpTransport.builder()
          .clock(clock)
          .sleeper(new RecordingSleeper(clock))
          .listener(listener)
          .build();
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void tearDown() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(5, TimeUnit.SECONDS);
    transport.close();
  }

  /** Logs in over HTTP with a JSON body, reads {"token": ...}, sends it as a bearer token. */
  static class BearerLogin implements SessionAuthenticator {
    final AtomicInteger logins = new AtomicInteger();
    volatile CountDownLatch oldTokenGate;

    @Override
    public Session login(TenantClient client, Session previous) throws IOException {
      logins.incrementAndGet();
      Request request =
          new Request.Builder()
              .url(client.url("auth/login"))
              .post(
                  RequestBody.create(
                      "{\"name\":\"svc\",\"password\":\"pw-not-logged\"}",
                      MediaType.get("application/json")))
              .build();
      String body = client.execute(request, r -> r.body().string());
      Matcher m = TOKEN.matcher(body);
      if (!m.find()) {
        throw new IOException("login answer carries no token");
      }
      return Session.builder(m.group(1)).build();
    }

    @Override
    public Request authorize(Request request, Session session) {
      CountDownLatch gate = oldTokenGate;
      if (gate != null && session.token().equals("old")) {
        // hold every caller until all of them are about to send the old token
        gate.countDown();
        try {
          gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return request.newBuilder().header("Authorization", "Bearer " + session.token()).build();
    }
  }

  private TenantClient client(SessionAuthenticator auth) {
    return transport.newClient(
        TenantConfig.builder("acumatica", "acme", "acme/oauth")
            .baseUrl(wm.baseUrl())
            .sessionAuthenticator(auth)
            .build());
  }

  private static void stubLoginIssuing(String... tokens) {
    String state = Scenario.STARTED;
    for (int i = 0; i < tokens.length; i++) {
      String next = "issued-" + i;
      wm.stubFor(
          post("/auth/login")
              .inScenario("login")
              .whenScenarioStateIs(state)
              .willReturn(okJson("{\"token\":\"" + tokens[i] + "\",\"expires_in\":3600}"))
              .willSetStateTo(next));
      state = next;
    }
  }

  @Test
  void concurrentExpiryCausesExactlyOneRefresh() throws Exception {
    stubLoginIssuing("old", "new", "newer");
    wm.stubFor(get("/warmup").willReturn(ok("warm")));
    wm.stubFor(
        get("/entity/Customer")
            .withHeader("Authorization", equalTo("Bearer old"))
            .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"not signed in\"}")));
    wm.stubFor(
        get("/entity/Customer")
            .withHeader("Authorization", equalTo("Bearer new"))
            .willReturn(okJson("[]")));
    BearerLogin auth = new BearerLogin();
    TenantClient client = client(auth);
    client.execute(new Request.Builder().url(client.url("warmup")).build()).close();
    assertThat(auth.logins).hasValue(1);

    auth.oldTokenGate = new CountDownLatch(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                try (Response r =
                    client.execute(new Request.Builder().url(client.url("entity/Customer")).build())) {
                  return r.code();
                }
              }));
    }
    start.countDown();
    for (Future<Integer> f : results) {
      assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(200);
    }

    assertThat(auth.logins).as("initial login + exactly one refresh").hasValue(2);
    Journal.verify(wm, 2, postRequestedFor(urlEqualTo("/auth/login")));
    Journal.verify(
        wm,
        THREADS,
        getRequestedFor(urlEqualTo("/entity/Customer")).withHeader("Authorization", equalTo("Bearer old")));
    Journal.verify(
        wm,
        THREADS,
        getRequestedFor(urlEqualTo("/entity/Customer")).withHeader("Authorization", equalTo("Bearer new")));
    assertThat(listener.startingWith("session"))
        .containsExactly("session acumatica:acme/oauth reactive", "session acumatica:acme/oauth reactive");
  }

  @Test
  void aSecondExpiredAnswerIsNotRefreshedAgain() {
    stubLoginIssuing("old", "new", "newer");
    wm.stubFor(get("/entity/Customer").willReturn(aResponse().withStatus(401)));
    BearerLogin auth = new BearerLogin();
    TenantClient client = client(auth);

    assertThatThrownBy(
            () ->
                client.execute(
                    new Request.Builder().url(client.url("entity/Customer")).build(), r -> "x"))
        .isInstanceOfSatisfying(
            AuthenticationException.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
    assertThat(auth.logins).as("first login + one refresh, then give up").hasValue(2);
    Journal.verify(wm, 2, getRequestedFor(urlEqualTo("/entity/Customer")));
  }

  @Test
  void renewsProactivelyBeforeExpiry() {
    stubLoginIssuing("first", "second", "third");
    wm.stubFor(get("/entity/Customer").willReturn(okJson("[]")));
    AtomicInteger logins = new AtomicInteger();
    SessionAuthenticator expiring =
        new SessionAuthenticator() {
          @Override
          public Session login(TenantClient client, Session previous) {
            logins.incrementAndGet();
            return Session.builder("token-" + logins.get())
                .expiresAt(clock.instant().plus(Duration.ofMinutes(10)))
                .build();
          }

          @Override
          public Request authorize(Request request, Session session) {
            return request.newBuilder().header("Authorization", "Bearer " + session.token()).build();
          }
        };
    TenantClient client =
        transport.newClient(
            TenantConfig.builder("acumatica", "acme", "acme/expiring")
                .baseUrl(wm.baseUrl())
                .sessionAuthenticator(expiring)
                .sessionRenewalSkew(Duration.ofMinutes(1))
                .build());
    Request request = new Request.Builder().url(client.url("entity/Customer")).build();

    client.execute(request).close();
    clock.advance(Duration.ofMinutes(8));
    client.execute(request).close();
    assertThat(logins).as("still 2 minutes left, more than the skew").hasValue(1);

    clock.advance(Duration.ofSeconds(61));
    client.execute(request).close();
    assertThat(logins).hasValue(2);
    assertThat(listener.startingWith("session"))
        .containsExactly(
            "session acumatica:acme/expiring reactive", "session acumatica:acme/expiring proactive");
    Journal.verify(
        wm,
        1,
        getRequestedFor(urlEqualTo("/entity/Customer"))
            .withHeader("Authorization", equalTo("Bearer token-2")));
  }

  @Test
  void anIdleSessionIsRenewedBeforeItsIdleTimeout() {
    wm.stubFor(get("/b1s/v1/Items").willReturn(okJson("{\"value\":[]}")));
    AtomicInteger logins = new AtomicInteger();
    SessionAuthenticator sliding =
        new SessionAuthenticator() {
          @Override
          public Session login(TenantClient client, Session previous) {
            logins.incrementAndGet();
            return Session.builder("b1-" + logins.get()).idleTimeout(Duration.ofMinutes(30)).build();
          }

          @Override
          public Request authorize(Request request, Session session) {
            return request.newBuilder().header("Cookie", "B1SESSION=" + session.token()).build();
          }
        };
    TenantClient client =
        transport.newClient(
            TenantConfig.builder("sap-b1", "acme", "acme/manager")
                .baseUrl(wm.baseUrl())
                .sessionAuthenticator(sliding)
                .build());
    Request request = new Request.Builder().url(client.url("b1s/v1/Items")).build();

    for (int i = 0; i < 5; i++) {
      client.execute(request).close();
      clock.advance(Duration.ofMinutes(20)); // each use restarts the idle clock
    }
    assertThat(logins).hasValue(1);

    clock.advance(Duration.ofMinutes(9)); // 29 minutes idle: inside the 60 s skew
    client.execute(request).close();
    assertThat(logins).hasValue(2);
  }

  @Test
  void aFailedLoginFailsTheCallWithoutSendingIt() {
    wm.stubFor(post("/auth/login").willReturn(okJson("{\"unexpected\":true}")));
    wm.stubFor(post("/v1/payments").willReturn(okJson("{}")));
    BearerLogin auth = new BearerLogin();
    TenantClient client = client(auth);

    assertThatThrownBy(
            () ->
                client.execute(
                    new Request.Builder()
                        .url(client.url("v1/payments"))
                        .post(RequestBody.create("amount=1", MediaType.get("application/x-www-form-urlencoded")))
                        .build()))
        .isInstanceOfSatisfying(
            io.mlconnector.core.error.TransientException.class,
            e -> {
              assertThat(e.mayHaveLanded()).as("the payment was never sent").isFalse();
              assertThat(e.operation()).isEqualTo("session login");
            });
    Journal.verify(wm, 0, postRequestedFor(urlEqualTo("/v1/payments")));
  }

  @Test
  void endSessionLogsOutAndTheNextCallLogsInAgain() {
    stubLoginIssuing("first", "second");
    wm.stubFor(get("/entity/Customer").willReturn(okJson("[]")));
    List<String> loggedOut = new java.util.concurrent.CopyOnWriteArrayList<>();
    BearerLogin auth =
        new BearerLogin() {
          @Override
          public void logout(TenantClient client, Session session) {
            loggedOut.add(session.token());
          }
        };
    TenantClient client = client(auth);
    Request request = new Request.Builder().url(client.url("entity/Customer")).build();

    client.execute(request).close();
    client.endSession();
    client.endSession(); // nothing left to end
    client.execute(request).close();

    assertThat(loggedOut).containsExactly("first");
    assertThat(auth.logins).hasValue(2);
    Journal.verify(
        wm,
        1,
        getRequestedFor(urlEqualTo("/entity/Customer")).withHeader("Authorization", equalTo("Bearer second")));
  }
}
