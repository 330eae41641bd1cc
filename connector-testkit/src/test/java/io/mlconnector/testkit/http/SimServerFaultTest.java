package io.mlconnector.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What each {@link Fault} looks like to an HTTP client. */
class SimServerFaultTest {
  private final AtomicInteger handled = new AtomicInteger();
  private final FaultInjector faults = new FaultInjector();
  private final SimServer server = SimServer.start(request -> {
    handled.incrementAndGet();
    if (request.path().equals("/boom")) {
      throw new IllegalStateException("handler failed");
    }
    return SimResponse.json(200, "{\"echo\":\"" + request.bodyText() + "\"}");
  }, faults, e -> SimResponse.json(503, "{\"error\":\"" + (e == null ? "injected" : "crash") + "\"}"), 2);
  private final OkHttpClient client = new OkHttpClient.Builder()
      .retryOnConnectionFailure(false).readTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void close() {
    server.close();
  }

  private Response post(String path) throws IOException {
    return client.newCall(new Request.Builder().url(server.baseUri() + path)
        .post(RequestBody.create("x", MediaType.get("text/plain"))).build()).execute();
  }

  @Test
  void eachFaultHasItsEffect() throws Exception {
    faults.failNext(1, Fault.SERVER_ERROR).failNext(1, Fault.CONNECTION_DROP)
        .failNext(1, Fault.RESPONSE_LOST_AFTER_COMMIT);

    try (Response r = post("/a")) {
      assertThat(r.code()).isEqualTo(503);
      assertThat(r.body().string()).isEqualTo("{\"error\":\"injected\"}");
    }
    assertThat(handled).as("a SERVER_ERROR fault never reaches the handler").hasValue(0);

    assertThatThrownBy(() -> post("/a").close()).isInstanceOf(IOException.class);
    assertThat(handled).as("a dropped connection never reaches the handler").hasValue(0);

    assertThatThrownBy(() -> post("/a").close()).isInstanceOf(IOException.class);
    assertThat(handled).as("the handler ran but the answer was lost").hasValue(1);

    try (Response r = post("/a")) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.body().string()).isEqualTo("{\"echo\":\"x\"}");
    }
    assertThat(faults.injectedCount()).isEqualTo(3);
    assertThat(server.requestCount()).isEqualTo(4);
  }

  @Test
  void handlerExceptionsBecomeTheSimulatorsServerError() throws Exception {
    try (Response r = post("/boom")) {
      assertThat(r.code()).isEqualTo(503);
      assertThat(r.body().string()).isEqualTo("{\"error\":\"crash\"}");
    }
  }

  @Test
  void exemptRequestsAndSeededRandomFaults() throws Exception {
    faults.exempt(r -> r.path().startsWith("/control"));
    faults.failNext(1, Fault.SERVER_ERROR);
    try (Response r = post("/control/x")) {
      assertThat(r.code()).isEqualTo(200);
    }
    try (Response r = post("/a")) {
      assertThat(r.code()).as("the scripted fault waited for a non-exempt request").isEqualTo(503);
    }
    faults.seed(7).random(0.5, Fault.SERVER_ERROR);
    StringBuilder first = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      try (Response r = post("/a")) {
        first.append(r.code() == 200 ? '.' : 'x');
      }
    }
    faults.seed(7);
    StringBuilder second = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      try (Response r = post("/a")) {
        second.append(r.code() == 200 ? '.' : 'x');
      }
    }
    assertThat(second.toString()).as("same seed, same faults").isEqualTo(first.toString()).contains("x", ".");
    faults.reset();
    try (Response r = post("/a")) {
      assertThat(r.code()).isEqualTo(200);
    }
  }

  @Test
  void latencyDelaysTheAnswerNotTheOutcome() throws Exception {
    faults.latency(Duration.ofMillis(30));
    try (Response r = post("/a")) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertThat(faults.decide(new SimRequest("GET", "/a", null, Map.of(), new byte[0])).delay())
        .isEqualTo(Duration.ofMillis(30));
  }
}
