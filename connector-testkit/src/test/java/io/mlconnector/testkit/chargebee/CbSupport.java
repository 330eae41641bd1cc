package io.mlconnector.testkit.chargebee;

import com.squareup.moshi.Moshi;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import okhttp3.FormBody;
import org.awaitility.Awaitility;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Raw HTTP helpers for the Chargebee simulator tests. */
final class CbSupport {
  static final OkHttpClient HTTP = new OkHttpClient.Builder().retryOnConnectionFailure(false)
      .readTimeout(Duration.ofSeconds(10)).build();

  private CbSupport() {}

  static String basic(String key) {
    return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
  }

  /** An answer: status, headers and parsed body. */
  record Answer(int status, okhttp3.Headers headers, Map<String, Object> json) {
    @SuppressWarnings("unchecked")
    Map<String, Object> get(String key) {
      return (Map<String, Object>) json.get(key);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list() {
      return (List<Map<String, Object>>) json.get("list");
    }
  }

  static Answer post(ChargebeeSimulator sim, String path, String idemKey, String... form) {
    FormBody.Builder body = new FormBody.Builder();
    for (int i = 0; i < form.length; i += 2) {
      body.add(form[i], form[i + 1]);
    }
    Request.Builder r = new Request.Builder().url(sim.baseUrl() + path).post(body.build())
        .header("Authorization", basic(sim.apiKey()));
    if (idemKey != null) {
      r.header("chargebee-idempotency-key", idemKey);
    }
    return call(r.build());
  }

  static Answer get(ChargebeeSimulator sim, String pathAndQuery) {
    return call(new Request.Builder().url(sim.baseUrl() + pathAndQuery).header("Authorization", basic(sim.apiKey()))
        .build());
  }

  @SuppressWarnings("unchecked")
  static Answer call(Request request) {
    try (Response resp = HTTP.newCall(request).execute()) {
      String text = resp.body().string();
      Map<String, Object> json = text.isEmpty() ? Map.of()
          : (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class).fromJson(text);
      return new Answer(resp.code(), resp.headers(), json);
    } catch (IOException e) {
      throw new AssertionError("request failed: " + e, e);
    }
  }

  static String customer(ChargebeeSimulator sim, String id) {
    Answer a = post(sim, "/customers", null, "id", id, "company", "Company " + id, "email", id + "@example.com");
    if (a.status() != 200) {
      throw new AssertionError("customer create failed: " + a.json());
    }
    return id;
  }

  /** An invoice of two charges, 12.50 and 40.00 USD; returns its id. */
  static String invoice(ChargebeeSimulator sim, String customerId, String po) {
    Answer a = post(sim, "/invoices/create_for_charge_items_and_charges", null, "customer_id", customerId,
        "currency_code", "USD", "po_number", po, "charges[amount][0]", "1250", "charges[description][0]", "Widget",
        "charges[amount][1]", "4000", "charges[description][1]", "Service");
    if (a.status() != 200) {
      throw new AssertionError("invoice create failed: " + a.json());
    }
    return (String) a.get("invoice").get("id");
  }

  static long num(Object o) {
    return ((Number) o).longValue();
  }

  static void await(BooleanSupplier condition, String what) {
    Awaitility.await(what).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
        .until(condition::getAsBoolean);
  }

  /** A webhook receiver answering a scripted status (default 200), recording what it got. */
  static final class Receiver implements AutoCloseable {
    record Got(String authorization, String body) {}

    final List<Got> received = new CopyOnWriteArrayList<>();
    final AtomicInteger status = new AtomicInteger(200);
    private final HttpServer server;

    Receiver() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      server.createContext("/hooks", ex -> {
        try (ex) {
          byte[] body = ex.getRequestBody().readAllBytes();
          received.add(new Got(ex.getRequestHeaders().getFirst("Authorization"), new String(body, StandardCharsets.UTF_8)));
          ex.sendResponseHeaders(status.get(), -1);
        }
      });
      server.start();
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
