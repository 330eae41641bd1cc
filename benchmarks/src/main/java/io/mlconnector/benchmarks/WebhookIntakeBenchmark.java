package io.mlconnector.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.samples.SampleApp;
import io.mlconnector.samples.SampleConfig;
import io.mlconnector.samples.systems.StripeSimulation;
import io.mlconnector.samples.systems.SysproSimulation;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook intake: distinct signed Stripe events posted by JDK {@link HttpClient}s ({@code
 * senders} threads, each with its own client) to the samples' {@code WebhookServer} wired as {@link
 * SampleApp} wires it (the SYSPRO -> Stripe pair's integration, its store embedded H2 or
 * PostgreSQL), and, in the same run, to a bare JDK {@link HttpServer} (4 threads, reads the body,
 * answers 200): events per second, the ratio to the bare server, and the inbox rows stored.
 *
 * <p>The engine is not started: this measures the intake alone (verify, store durably, answer).
 * Every sent event must be answered 200; the harness fails otherwise.
 *
 * <p>Each cell is preceded by {@code warmup} events posted the same way and not measured (the
 * JIT compiles the server's and the store's hot paths during the first thousands of requests; in a
 * cold cell that compilation, 30 s and more of CPU on two cores, is most of what is measured).
 *
 * <p>Arguments (all optional): {@code events=20000 warmup=5000 senders=1,8,32 stores=h2,postgresql
 * pgUrl=jdbc:postgresql://127.0.0.1:5432/test pgUser=postgres types=payment_intent.succeeded}
 * ({@code types}: the event types cycled through, comma-separated; {@code warmup=0}: cold cells,
 * as measured before 2026-12-08 02:30).
 */
public final class WebhookIntakeBenchmark {
  private static final String TENANT = "bench";

  private WebhookIntakeBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    // the bare server without Nagle, as Jetty answers (with it, 8 senders stalled at about 150 ev/s
    // and one sender hung on a 40 ms delayed-ACK wait that never ended)
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Map<String, String> a = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("arguments are key=value, got '" + arg + "'");
      }
      a.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    int events = Integer.parseInt(a.getOrDefault("events", "20000"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "5000"));
    List<Integer> senders = new ArrayList<>();
    for (String s : a.getOrDefault("senders", "1,8,32").split(",")) {
      senders.add(Integer.parseInt(s.trim()));
    }
    List<String> stores = List.of(a.getOrDefault("stores", "h2,postgresql").split(","));
    String pgUrl = a.getOrDefault("pgUrl", "jdbc:postgresql://127.0.0.1:5432/test");
    String pgUser = a.getOrDefault("pgUser", "postgres");
    List<String> types = List.of(a.getOrDefault("types", "payment_intent.succeeded").split(","));

    System.out.printf(Locale.ROOT,
        "webhook intake: %d distinct signed Stripe events per cell after %d not measured, types %s, %d cores%n",
        events, warmup, types, Runtime.getRuntime().availableProcessors());
    Map<Integer, Double> bare = new LinkedHashMap<>();
    for (int n : senders) {
      try (Bare server = new Bare()) {
        if (warmup > 0) {
          post(server.url(), warmup, n, types, "whsec_bare", "warm" + n);
        }
        long cpu0 = cpuNanos();
        Result r = post(server.url(), events, n, types, "whsec_bare", "bare" + n);
        double cpu = (cpuNanos() - cpu0) / 1e6 / r.ok();
        bare.put(n, r.perSecond());
        System.out.printf(Locale.ROOT,
            "bare JDK HttpServer (4 threads), %2d senders: %,8.0f ev/s, %.2f ms process CPU per event (senders included)%n",
            n, r.perSecond(), cpu);
      }
    }
    for (String store : stores) {
      for (int n : senders) {
        Cell c = cell(store.trim(), n, events, warmup, types, pgUrl, pgUser);
        System.out.printf(Locale.ROOT,
            "%-10s %2d senders: %,8.0f ev/s = %5.1f%% of bare; %,d answered 200, %,d inbox rows for them, %.2f ms process CPU per event (senders included), answer p50 %.2f ms p99 %.2f ms%n",
            store, n, c.result.perSecond(), 100 * c.result.perSecond() / bare.get(n), c.result.ok(), c.rows,
            c.cpuMsPerEvent, c.result.p50Ms(), c.result.p99Ms());
      }
    }
  }

  record Result(int ok, Duration elapsed, long[] latencyNanos) {
    double perSecond() {
      return ok / (elapsed.toNanos() / 1e9);
    }

    double p50Ms() {
      return percentile(0.50);
    }

    double p99Ms() {
      return percentile(0.99);
    }

    private double percentile(double p) {
      long[] sorted = latencyNanos.clone();
      java.util.Arrays.sort(sorted);
      return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
  }

  record Cell(Result result, long rows, double cpuMsPerEvent) {}

  static Cell cell(String store, int senders, int events, int warmup, List<String> types, String pgUrl,
      String pgUser) throws Exception {
    try (var sims = SerialBaseline.simulators(Duration.ZERO, 10_000)) {
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Path dataDir = Files.createTempDirectory("mlc-intake");
      Map<String, String> extra = new LinkedHashMap<>();
      extra.put("data.dir", dataDir.toString());
      extra.put("webhook.host", "127.0.0.1");
      extra.put("webhook.port", "0");
      String prefix = "wib" + Long.toHexString(System.nanoTime() & 0xffffffL) + "_";
      if (store.equals("postgresql")) {
        extra.put("store", "postgresql");
        extra.put("store.jdbc.url", pgUrl);
        extra.put("store.jdbc.user", pgUser);
        extra.put("store.table.prefix", prefix);
      }
      Map<String, String> props = sims.properties(TENANT, extra);
      String secret = props.get("stripe.webhook.secret");
      Result r;
      long cpu;
      String run = "s" + senders + prefix;
      try (SampleApp app = SampleApp.open(SampleConfig.of(props, "benchmark"),
          KeyProvider.of("bench", Map.of("bench", new SecretKeySpec(key, "AES"))))) {
        if (warmup > 0) {
          post(app.webhookUrl(), warmup, senders, types, secret, "w" + senders + prefix);
        }
        long cpu0 = cpuNanos();
        r = post(app.webhookUrl(), events, senders, types, secret, run);
        cpu = cpuNanos() - cpu0;
      }
      long rows;
      if (store.equals("postgresql")) {
        try (Connection c = DriverManager.getConnection(pgUrl, pgUser, "")) {
          rows = count(c, prefix + "inbox", run);
          try (Statement s = c.createStatement()) {
            ResultSet t = s.executeQuery(
                "SELECT tablename FROM pg_tables WHERE tablename LIKE '" + prefix.replace("_", "\\_") + "%'");
            List<String> drop = new ArrayList<>();
            while (t.next()) {
              drop.add(t.getString(1));
            }
            for (String table : drop) {
              s.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
            }
          }
        }
      } else {
        try (Connection c = DriverManager.getConnection(
            "jdbc:h2:file:" + dataDir.resolve("state").resolve("mlconnector"), "sa", "")) {
          rows = count(c, "mlc_inbox", run);
        }
      }
      return new Cell(r, rows, cpu / 1e6 / r.ok());
    }
  }

  /** The rows of the measured events (ids {@code evt_<run>_<i>}), not the warm-up's. */
  private static long count(Connection c, String table, String run) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE event_id LIKE 'evt_" + run + "\\_%'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long cpuNanos() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }

  /** Posts {@code events} distinct signed events from {@code senders} threads; every one must get 200. */
  static Result post(URI url, int events, int senders, List<String> types, String secret, String run)
      throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    List<HttpRequest> requests = new ArrayList<>(events);
    long now = System.currentTimeMillis() / 1000;
    for (int i = 0; i < events; i++) {
      String type = types.get(i % types.size());
      String body = "{\"id\":\"evt_" + run + "_" + i + "\",\"object\":\"event\",\"type\":\"" + type
          + "\",\"created\":" + now + ",\"livemode\":false,\"api_version\":\"2025-03-31.basil\","
          + "\"data\":{\"object\":{\"id\":\"pi_" + run + "_" + i + "\",\"object\":\"payment_intent\","
          + "\"amount\":1000,\"currency\":\"usd\",\"status\":\"succeeded\"}}}";
      String signed = now + "." + body;
      String sig = HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
      requests.add(HttpRequest.newBuilder(url)
          .timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json")
          .header("Stripe-Signature", "t=" + now + ",v1=" + sig)
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build());
    }
    long[] latency = new long[events];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    AtomicLong failures = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    List<HttpClient> clients = new ArrayList<>();
    for (int i = 0; i < senders; i++) {
      clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }
    long t0 = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < senders; i++) {
      HttpClient client = clients.get(i);
      done.add(pool.submit(() -> {
        int k;
        while ((k = next.getAndIncrement()) < events) {
          try {
            long sent = System.nanoTime();
            HttpResponse<String> resp = client.send(requests.get(k), HttpResponse.BodyHandlers.ofString());
            latency[k] = System.nanoTime() - sent;
            if (resp.statusCode() == 200) {
              ok.incrementAndGet();
            } else if (failures.incrementAndGet() < 5) {
              System.err.println("event " + k + " answered " + resp.statusCode() + " " + resp.body());
            }
          } catch (Exception e) {
            if (failures.incrementAndGet() < 5) {
              System.err.println("event " + k + " failed: " + e);
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
    pool.shutdown();
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " of " + events + " events were not answered 200");
    }
    return new Result(ok.get(), elapsed, latency);
  }

  /** The baseline: a JDK HttpServer on 4 threads that reads the body and answers 200. */
  static final class Bare implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    Bare() throws Exception {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
      server.createContext("/", exchange -> {
        try (InputStream in = exchange.getRequestBody()) {
          in.readAllBytes();
        }
        byte[] answer = "stored".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
      });
      server.setExecutor(threads);
      server.start();
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/stripe/" + TENANT);
    }

    @Override
    public void close() {
      server.stop(0);
      threads.shutdownNow();
    }
  }
}
