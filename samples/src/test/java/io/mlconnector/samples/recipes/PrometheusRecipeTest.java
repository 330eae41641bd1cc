package io.mlconnector.samples.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.TenantClient;
import io.mlconnector.core.http.TenantConfig;
import io.mlconnector.micrometer.ConnectorMetrics;
import io.mlconnector.samples.DemoCompany;
import io.mlconnector.samples.SampleApp;
import io.mlconnector.samples.SampleConfig;
import io.mlconnector.samples.SimulatedSystems;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prometheus recipe: a SYSPRO -> Stripe run on the simulators, then a scrape of /metrics. */
class PrometheusRecipeTest {
  @TempDir Path tempDir;

  @Test
  void aScrapeAfterARunShowsRecordsRunsRemoteCallsAndDeadLettersInPrometheusFormat() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ConnectorMetrics metrics = ExposeMetricsToPrometheus.bind(registry);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    try (SimulatedSystems sims = SimulatedSystems.builder().start()) {
      DemoCompany.seed(sims.syspro(), 2, 2, 1);
      Map<String, String> props = sims.properties("acme", Map.of(
          "data.dir", tempDir.toString(), "webhook.host", "127.0.0.1", "webhook.port", "0"));
      HttpServer server = ExposeMetricsToPrometheus.serve(registry, new InetSocketAddress("127.0.0.1", 0));
      try (SampleApp app = SampleApp.open(SampleConfig.of(props, "test"),
              KeyProvider.of("k", Map.of("k", new SecretKeySpec(key, "AES"))),
              ExposeMetricsToPrometheus.withMetrics(metrics));
          HttpTransport transport = ExposeMetricsToPrometheus.transport(metrics)) {
        metrics.bindDeadLetters(app.store(), List.of("acme"));
        app.runOnce();
        TenantClient syspro = transport.newClient(TenantConfig.builder("syspro", "acme", "acme/syspro")
            .baseUrl(sims.syspro().restBaseUri().toString()).build());
        try (Response r = syspro.execute(new Request.Builder().url(syspro.url("/Logon?Operator=NOBODY")).get().build())) {
          assertThat(r.code()).isPositive();
        }

        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValue(ExposeMetricsToPrometheus.CONTENT_TYPE);
        String text = scrape.body();
        assertThat(text).contains("# TYPE mlc_records_total counter", "# TYPE mlc_runs_total counter",
            "# TYPE mlc_dead_letters gauge", "mlc_dead_letters{tenant=\"acme\"} 0");
        assertThat(text.lines().filter(l -> l.startsWith("mlc_records_total{") && l.contains("outcome=\"written\"")))
            .as(text).isNotEmpty()
            .allSatisfy(l -> assertThat(Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).isPositive());
        assertThat(text.lines().filter(l -> l.startsWith("mlc_remote_calls_seconds_count{") && l.contains("system=\"syspro\"")))
            .as(text).hasSize(1);
        assertThat(text.lines().filter(l -> l.startsWith("mlc_records_total{")))
            .as("no tenant tag unless asked for").noneMatch(l -> l.contains("tenant="));
      } finally {
        server.stop(0);
      }
    }
  }
}
