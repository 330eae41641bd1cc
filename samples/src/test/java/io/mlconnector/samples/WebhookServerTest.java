package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.RecordIdentity;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.WebhookEndpoint;
import io.mlconnector.core.sync.WebhookEvent;
import io.mlconnector.core.sync.WebhookSource;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import io.mlconnector.stripe.StripeWebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deployable webhook intake: slow clients cost a connection each, never the endpoint; tenant
 * names cannot be probed; oversized requests are refused.
 */
class WebhookServerTest {
  private static final Map<String, String> SECRETS = Map.of("acme", "whsec_acme_secret", "globex", "whsec_globex");
  /** Generous for a loaded build machine; a frozen endpoint never answers at all. */
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(8);

  private final InMemoryStateStore store = new InMemoryStateStore();
  private final List<Socket> sockets = new ArrayList<>();
  private final ScheduledExecutorService dribblers = Executors.newScheduledThreadPool(2);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(ANSWER_WITHIN).build();
  private SyncEngine engine;
  private WebhookServer server;

  @AfterEach
  void stop() throws IOException {
    dribblers.shutdownNow();
    for (Socket s : sockets) {
      s.close();
    }
    if (server != null) {
      server.close();
    }
    if (engine != null) {
      engine.shutdown(Duration.ofSeconds(5));
    }
  }

  /** Events are stored by the endpoint; this test never processes them. */
  static final class Events implements WebhookSource<String> {
    @Override
    public String system() {
      return "stripe";
    }

    @Override
    public Optional<ExternalRef> objectOf(WebhookEvent event) {
      return Optional.empty();
    }

    @Override
    public Optional<String> fetch(ExternalRef ref) {
      return Optional.empty();
    }
  }

  static final class NoSink implements Sink<String> {
    @Override
    public String system() {
      return "erp";
    }

    @Override
    public WriteResult create(String record, WriteContext context) {
      throw new UnsupportedOperationException();
    }

    @Override
    public WriteResult update(ExternalRef target, String record, WriteContext context) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
      return Optional.empty();
    }
  }

  private List<WebhookEndpoint> endpoints() {
    engine = SyncEngine.builder()
        .store(store)
        .addFlow(Flow.webhook("stripe-events", String.class, t -> new Events(),
                t -> StripeWebhookVerifier.builder().secret(SECRETS.get(t)).build(),
                String.class, t -> new NoSink())
            .mapper((s, c) -> s)
            .identity(RecordIdentity.of(s -> ExternalRef.of("stripe", "acme", "customer", s), s -> "1"))
            .build())
        .tenants(List.of("acme", "globex"))
        .build();
    return List.of(engine.webhookEndpoint("stripe-events"));
  }

  private WebhookServer start(UnaryOperator<WebhookServer.Builder> custom) {
    server = custom.apply(WebhookServer.builder().host("127.0.0.1").endpoints("stripe", endpoints())).start();
    return server;
  }

  private static String event(int n) {
    return "{\"id\":\"evt_" + n + "\",\"object\":\"event\",\"type\":\"customer.created\",\"api_version\":\"2025-09-30.clover\","
        + "\"created\":1700000000,\"livemode\":false,\"pending_webhooks\":1,\"request\":{\"id\":null,\"idempotency_key\":null},"
        + "\"data\":{\"object\":{\"id\":\"cus_" + n + "\",\"object\":\"customer\"}}}";
  }

  private static String sign(String payload, String secret) throws Exception {
    long t = System.currentTimeMillis() / 1000;
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String v1 = HexFormat.of().formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
    return "t=" + t + ",v1=" + v1;
  }

  private HttpResponse<String> deliver(URI url, String payload, String signature) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(url).timeout(ANSWER_WITHIN)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(payload));
    if (signature != null) {
      r.header("Stripe-Signature", signature);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A client that sends a request one byte at a time, a byte every 200 ms. */
  private Socket slowClient(int port, boolean stallInHeaders) throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    sockets.add(s);
    String body = event(999);
    String head = "POST /webhooks/stripe/acme HTTP/1.1\r\nHost: 127.0.0.1\r\nStripe-Signature: t=1,v1=00\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n";
    byte[] all = (head + body).getBytes(StandardCharsets.US_ASCII);
    OutputStream out = s.getOutputStream();
    int start = stallInHeaders ? 0 : head.length();
    if (!stallInHeaders) {
      out.write(all, 0, head.length());
      out.flush();
    }
    int[] at = {start};
    dribblers.scheduleAtFixedRate(() -> {
      try {
        if (at[0] < all.length) {
          out.write(all[at[0]++]);
          out.flush();
        }
      } catch (IOException e) {
        // closed by the server: expected once its read time runs out
      }
    }, 0, 200, TimeUnit.MILLISECONDS);
    return s;
  }

  @Test
  void signedDeliveriesAreAnsweredWhileManySlowClientsHoldConnections() throws Exception {
    start(b -> b.readTimeout(Duration.ofSeconds(30)));
    for (int i = 0; i < 40; i++) {
      slowClient(server.port(), i % 2 == 0);
    }
    Thread.sleep(300); // every slow client has started dribbling
    URI url = server.url("stripe", "acme");
    for (int n = 1; n <= 20; n++) {
      String payload = event(n);
      HttpResponse<String> r = deliver(url, payload, sign(payload, SECRETS.get("acme")));
      assertThat(r.statusCode()).as("delivery %d answered while 40 slow clients are connected", n).isEqualTo(200);
      assertThat(r.body()).isEqualTo("stored");
    }
    assertThat(sockets).allMatch(s -> !s.isClosed());
  }

  @Test
  void aClientTooSlowToSendItsHeaderIsDisconnected() throws Exception {
    start(b -> b.readTimeout(Duration.ofMillis(600)));
    Socket slow = slowClient(server.port(), true);
    slow.setSoTimeout((int) ANSWER_WITHIN.toMillis());
    InputStream in = slow.getInputStream();
    int read;
    try {
      read = in.read();
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the slow client was never disconnected", e);
    } catch (IOException e) {
      read = -1; // reset
    }
    assertThat(read).as("connection closed without an answer").isEqualTo(-1);
  }

  @Test
  void aClientTooSlowToSendItsBodyIsAnswered408() throws Exception {
    start(b -> b.readTimeout(Duration.ofMillis(600)));
    Socket slow = slowClient(server.port(), false);
    slow.setSoTimeout((int) ANSWER_WITHIN.toMillis());
    String answer = new String(slow.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
    assertThat(answer).isEqualTo("HTTP/1.1 408");
  }

  @Test
  void anUnknownTenantIsAnsweredExactlyLikeABadSignature() throws Exception {
    start(b -> b);
    String payload = event(7);
    HttpResponse<String> unknownTenant =
        deliver(server.url("stripe", "initech"), payload, sign(payload, SECRETS.get("acme")));
    HttpResponse<String> badSignature = deliver(server.url("stripe", "acme"), payload, sign(payload, "whsec_wrong"));
    HttpResponse<String> noSignature = deliver(server.url("stripe", "acme"), payload, null);

    assertThat(unknownTenant.statusCode()).isEqualTo(401);
    assertThat(unknownTenant.body()).isEqualTo("signature verification failed");
    for (HttpResponse<String> r : List.of(badSignature, noSignature)) {
      assertThat(r.statusCode()).isEqualTo(unknownTenant.statusCode());
      assertThat(r.body()).isEqualTo(unknownTenant.body());
      assertThat(r.headers().map()).containsOnlyKeys(unknownTenant.headers().map().keySet());
    }
    assertThat(deliver(server.url("stripe", "globex"), payload, sign(payload, SECRETS.get("globex"))).statusCode())
        .isEqualTo(200);
  }

  @Test
  void oversizedHeadersAndBodiesAndUnknownPathsAreRefused() throws Exception {
    start(b -> b.maxHeaderBytes(2048).maxBodyBytes(4096));
    String payload = event(8);
    HttpRequest big = HttpRequest.newBuilder(server.url("stripe", "acme")).timeout(ANSWER_WITHIN)
        .header("Stripe-Signature", sign(payload, SECRETS.get("acme")))
        .header("X-Padding", "x".repeat(4000))
        .POST(HttpRequest.BodyPublishers.ofString(payload)).build();
    assertThat(http.send(big, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(431);

    String huge = "{\"pad\":\"" + "y".repeat(10_000) + "\"}";
    assertThat(deliver(server.url("stripe", "acme"), huge, sign(huge, SECRETS.get("acme"))).statusCode())
        .isEqualTo(413);
    assertThat(deliver(server.url("chargebee", "acme"), payload, sign(payload, SECRETS.get("acme"))).statusCode())
        .isEqualTo(404);
    HttpRequest get = HttpRequest.newBuilder(server.url("stripe", "acme")).timeout(ANSWER_WITHIN).GET().build();
    assertThat(http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
  }
}
