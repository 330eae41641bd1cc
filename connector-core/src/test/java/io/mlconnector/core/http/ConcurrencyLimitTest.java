package io.mlconnector.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code.maxConcurrentCalls(1)} (SYSPRO: one call per session at a time) the remote never
 * sees two calls of the credential at once, even from several clients and threads, and the login
 * does not deadlock against the caller waiting for it.
 */
class ConcurrencyLimitTest {

  private static final int THREADS = 4;
  private static final int CALLS = 3;

  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicInteger served = new AtomicInteger();
  private final AtomicInteger logons = new AtomicInteger();
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
  private HttpServer server;
  private HttpTransport transport;

  @BeforeEach
  void setUp() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(THREADS + 2));
    server.createContext(
        "/",
        exchange -> {
          int now = inFlight.incrementAndGet();
          maxInFlight.accumulateAndGet(now, Math::max);
          boolean counted = true;
          try {
            if (exchange.getRequestURI().getPath().endsWith("/Logon")) {
              logons.incrementAndGet();
            } else {
              served.incrementAndGet();
            }
            Thread.sleep(15); // the remote's processing time, so overlapping calls would show
            // the call ends here: once the answer is out, the client may send the next one
            inFlight.decrementAndGet();
            counted = false;
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            if (counted) {
              inFlight.decrementAndGet();
            }
          }
        });
    server.start();
    transport = HttpTransport.builder().build();
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(5, TimeUnit.SECONDS);
    transport.close();
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }

  @Test
  void oneCallAtATimePerCredential() throws Exception {
    SessionAuthenticator logon =
        new SessionAuthenticator() {
          @Override
          public Session login(TenantClient client, Session previous) {
            String id =
                client.execute(
                    new Request.Builder().url(client.url("Logon?Operator=ADMIN")).build(),
                    r -> r.body().string());
            return Session.builder("session-" + id).build();
          }

          @Override
          public Request authorize(Request request, Session session) {
            return request.newBuilder()
                .url(request.url().newBuilder().addQueryParameter("UserId", session.token()).build())
                .build();
          }
        };
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/SYSPROWCFService/Rest/";
    List<TenantClient> clients = new ArrayList<>();
    for (String tenant : new String[] {"acme", "acme-branch"}) {
      clients.add(
          transport.newClient(
              TenantConfig.builder("syspro", tenant, "acme/ADMIN")
                  .baseUrl(base)
                  .sessionAuthenticator(logon)
                  .maxConcurrentCalls(1)
                  .build()));
    }

    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      TenantClient client = clients.get(t % clients.size());
      results.add(
          pool.submit(
              () -> {
                start.await();
                int ok = 0;
                for (int i = 0; i < CALLS; i++) {
                  ok +=
                      client.execute(
                          new Request.Builder().url(client.url("Query/Query")).build(),
                          r -> r.body().string().equals("ok") ? 1 : 0);
                }
                return ok;
              }));
    }
    start.countDown();
    int ok = 0;
    for (Future<Integer> f : results) {
      ok += f.get(30, TimeUnit.SECONDS);
    }

    assertThat(ok).isEqualTo(THREADS * CALLS);
    assertThat(served).hasValue(THREADS * CALLS);
    assertThat(logons).as("one session for the credential").hasValue(1);
    assertThat(maxInFlight).as("never two calls at once").hasValue(1);
  }
}
