package io.mlconnector.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.mlconnector.core.http.HttpLogLevel;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.RateBudgetConfig;
import io.mlconnector.core.http.TenantClient;
import io.mlconnector.core.http.TenantConfig;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Measures, against a loopback server: the per-call cost of the transport's interceptors
 * (retry, rate budget, logging at level NONE) over a bare OkHttp call, and how closely eight
 * threads sharing one rate budget hold its rate.
 *
 * <p>Run: {@code mvn -o -q -pl benchmarks -am compile exec:java
 * -Dexec.mainClass=io.mlconnector.benchmarks.TransportBenchmark}
 */
public final class TransportBenchmark {

  private static final int CALLS = 2_000;

  private TransportBenchmark() {}

  /** Runs the harness and prints its figures. */
  public static void main(String[] args) throws Exception {
    // without TCP_NODELAY the JDK server's small writes meet the client's delayed ACK (~40 ms each)
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService serverThreads = Executors.newFixedThreadPool(8);
    server.setExecutor(serverThreads);
    byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(200, ok.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(ok);
          }
        });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    HttpTransport transport = HttpTransport.builder().build();
    try {
      OkHttpClient raw = transport.okHttpClient();
      TenantClient client =
          transport.newClient(
              TenantConfig.builder("bench", "t1", "c1")
                  .baseUrl(base)
                  .logLevel(HttpLogLevel.NONE)
                  .rateBudget(RateBudgetConfig.builder(1_000_000).build())
                  .build());
      Request request = new Request.Builder().url(base + "ping").build();

      BenchmarkReport.title("HTTP transport: sequential GETs on loopback (" + CALLS + " calls)");
      for (int round = 0; round < 2; round++) { // first round warms up
        long rawNanos = time(() -> {
          try (Response r = raw.newCall(request).execute()) {
            r.body().string();
          }
        });
        long clientNanos = time(() -> client.execute(request, r -> r.body().string()));
        if (round == 1) {
          BenchmarkReport.row("bare OkHttp, mean per call", "%8.1f us", rawNanos / 1e3 / CALLS);
          BenchmarkReport.row("TenantClient, mean per call", "%8.1f us", clientNanos / 1e3 / CALLS);
          BenchmarkReport.row(
              "interceptor overhead per call", "%8.1f us", (clientNanos - rawNanos) / 1e3 / CALLS);
        }
      }

      double rate = 200;
      int threads = 8;
      int perThread = 75;
      TenantClient limited =
          transport.newClient(
              TenantConfig.builder("bench", "t2", "c2")
                  .baseUrl(base)
                  .logLevel(HttpLogLevel.NONE)
                  .rateBudget(RateBudgetConfig.builder(rate).burst(1).build())
                  .build());
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      long start = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    limited.execute(request, r -> r.body().string());
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      int total = threads * perThread;
      BenchmarkReport.title("Rate budget: " + threads + " threads, " + total + " calls, ceiling " + rate + "/s");
      BenchmarkReport.row("elapsed", "%8.2f s", seconds);
      BenchmarkReport.row("achieved rate", "%8.1f /s", total / seconds);
      BenchmarkReport.row("lower bound for the elapsed time (calls-1)/rate", "%8.2f s", (total - 1) / rate);
    } finally {
      transport.close();
      server.stop(0);
      serverThreads.shutdownNow();
    }
  }

  private interface Call {
    void run() throws Exception;
  }

  private static long time(Call call) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < CALLS; i++) {
      call.run();
    }
    return System.nanoTime() - start;
  }
}
