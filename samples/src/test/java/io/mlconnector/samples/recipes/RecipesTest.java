package io.mlconnector.samples.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.mlconnector.samples.DemoCompany;
import io.mlconnector.samples.SimulatedSystems;
import io.mlconnector.samples.SampleApp;
import io.mlconnector.samples.SampleConfig;
import io.mlconnector.core.credential.KeyProvider;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recipes do what they say. */
class RecipesTest {
  @TempDir Path tempDir;

  @Test
  void anOverriddenMapperAndAHostMountedEndpointWork() throws Exception {
    try (SimulatedSystems sims = SimulatedSystems.builder().start()) {
      DemoCompany.seed(sims.syspro(), 2, 2, 1);
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Map<String, String> props = sims.properties("acme", Map.of(
          "data.dir", tempDir.toString(),
          "webhook.host", "127.0.0.1", "webhook.port", "0", "engine.pending.grace", "PT0S"));
      try (SampleApp app = SampleApp.open(SampleConfig.of(props, "test"),
          KeyProvider.of("k", Map.of("k", new SecretKeySpec(key, "AES"))), OverrideOneMapper::apply)) {
        HttpServer host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        MountTheWebhookEndpoint.mount(host, app.sync());
        host.start();
        try {
          sims.stripe().webhooks().addEndpoint(
              URI.create("http://127.0.0.1:" + host.getAddress().getPort() + "/stripe/webhooks/acme"), sims.webhookSecret());
          app.sync().runOnce("acme");

          // the override: acme's customer names carry the code
          assertThat(sims.stripe().count("customer", c -> "C1000 Northwind Traders".equals(c.get("name")))).isEqualTo(1);

          // the host-mounted endpoint stores the deliveries the flows then post
          String invoice = sims.stripe().count("invoice", i -> true) > 0 ? firstInvoice(app) : null;
          sims.stripe().payInvoice(invoice);
          await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
              .until(() -> sims.stripe().webhooks().pending() == 0);
          assertThat(sims.stripe().webhooks().deliveries()).isNotEmpty()
              .allMatch(d -> d.statusCode() == 200, "answered 200");
          app.sync().runOnce("acme");
          assertThat(sims.syspro().arPayments()).hasSize(1);
        } finally {
          host.stop(0);
        }
      }
    }
  }

  private static String firstInvoice(SampleApp app) {
    return app.store().mappingBySource(
        io.mlconnector.syspro.SysproRefs.arInvoice("acme", "C1000", "100001", "I"), "stripe").orElseThrow().target().id();
  }
}
