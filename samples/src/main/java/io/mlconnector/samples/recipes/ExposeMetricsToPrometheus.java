package io.mlconnector.samples.recipes;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.integrations.ReceivablesIntegration;
import io.mlconnector.micrometer.ConnectorMetrics;
import io.mlconnector.samples.SampleApp;
import io.mlconnector.samples.SampleConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Recipe: the engine's and the transport's metrics (connector-micrometer) in Prometheus's text
 * format at {@code http://host:9400/metrics}, for a Prometheus server to scrape. Needs {@code
 * io.mlconnector:connector-micrometer}, {@code io.micrometer:micrometer-core} and {@code
 * io.micrometer:micrometer-registry-prometheus} (one Micrometer version for both).
 *
 * <pre>{@code
 * java -cp mlc-samples.jar io.mlconnector.samples.recipes.ExposeMetricsToPrometheus --config acme.properties
 * curl http://127.0.0.1:9400/metrics
 * }</pre>
 *
 * <p>In your own application the wiring is three lines: a registry, the binding, and the binding's
 * listeners handed to the transport and the integration ({@link #transport}, {@link #withMetrics}).
 * A Prometheus job then scrapes the endpoint:
 *
 * <pre>{@code
 * scrape_configs:
 *   - job_name: ml-connector
 *     static_configs: [{ targets: ['app-host:9400'] }]
 * }</pre>
 */
public final class ExposeMetricsToPrometheus {
  private ExposeMetricsToPrometheus() {}

  /** The content type of Prometheus's text exposition format. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** A Prometheus registry and the connector's meters bound to it (tenant tag off: bounded cardinality). */
  public static ConnectorMetrics bind(PrometheusMeterRegistry registry) {
    return ConnectorMetrics.builder(registry).build();
  }

  /** The process's one transport, reporting remote calls, retries, 429s and budget waits. */
  public static HttpTransport transport(ConnectorMetrics metrics) {
    return HttpTransport.builder().listener(metrics.transportListener()).build();
  }

  /** Adds the engine's meters (records by outcome, sink latency, runs, webhooks) to an integration. */
  public static UnaryOperator<ReceivablesIntegration.Builder<?, ?>> withMetrics(ConnectorMetrics metrics) {
    return builder -> builder.listener(metrics.syncListener());
  }

  /**
   * Serves {@code registry.scrape()} at {@code /metrics}.
   *
   * @param registry the registry to expose
   * @param address where to listen ({@code new InetSocketAddress(9400)}; port 0: any free port)
   * @return the started server; stop it with the application
   * @throws IOException if the port cannot be opened
   */
  public static HttpServer serve(PrometheusMeterRegistry registry, InetSocketAddress address) throws IOException {
    HttpServer server = HttpServer.create(address, 16);
    server.createContext("/metrics", exchange -> {
      try (exchange) {
        byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    });
    server.start();
    return server;
  }

  /**
   * Runs the sample app ({@code run}'s settings file, keys from {@code MLC_KEY_*}) with its metrics
   * served on port 9400 ({@code --metrics-port} to change it).
   *
   * @param args {@code --config <file>} and optionally {@code --metrics-port <port>}
   * @throws IOException if the metrics port cannot be opened
   */
  public static void main(String[] args) throws IOException {
    List<String> list = List.of(args);
    int config = list.indexOf("--config");
    if (config < 0 || config + 1 >= list.size()) {
      System.err.println("usage: ExposeMetricsToPrometheus --config <file> [--metrics-port <port>]");
      System.exit(2);
      return;
    }
    int portAt = list.indexOf("--metrics-port");
    int port = portAt >= 0 && portAt + 1 < list.size() ? Integer.parseInt(list.get(portAt + 1)) : 9400;
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ConnectorMetrics metrics = bind(registry);
    SampleConfig settings = SampleConfig.load(Path.of(list.get(config + 1)));
    SampleApp app = SampleApp.open(settings, KeyProvider.fromEnvironment(System::getenv), withMetrics(metrics));
    metrics.bindDeadLetters(app.store(), List.of(settings.tenant()));
    HttpServer server = serve(registry, new InetSocketAddress(port));
    app.sync().engine().start();
    System.out.println("metrics at http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop(0);
      app.close();
    }));
  }
}
