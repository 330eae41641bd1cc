package io.mlconnector.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.stripe.StripeMetadata;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The application is closed while the engine is writing invoices to Stripe; started again on the
 * same data directory, it finishes the rest: every SYSPRO invoice ends up in Stripe exactly once.
 */
class ShutdownMidRunTest {
  private static final int INVOICES = 12;

  @TempDir
  Path dataDir;

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {}

  @Test
  void shutdownMidRunLosesNothingAndDuplicatesNothing() {
    try (Simulators sims = new Simulators(INVOICES, Duration.ofMillis(60))) {
      Map<String, Object> p = new LinkedHashMap<>(sims.properties("billing", "acme", null));
      p.put("mlc.data-dir", dataDir.toString());
      p.put("mlc.integrations.billing.parallelism", "2");
      p.put("mlc.integrations.billing.page-size", "5");
      p.put("mlc.integrations.billing.node-id", "node-1");
      p.put("mlc.engine.shutdown-timeout", "20s");
      p.put("spring.main.web-application-type", "none");
      ConfigurableApplicationContext first = new SpringApplicationBuilder(App.class).properties(p).run();
      try {
        await().atMost(Duration.ofSeconds(90)).until(() -> sims.stripeInvoices() >= 3);
      } finally {
        first.close();
      }
      int atStop = sims.stripeInvoices();
      assertThat(atStop).as("stopped mid-run").isLessThan(INVOICES);
      long requestsAtStop = sims.stripe.requestCount();
      // a closed application writes nothing more
      assertThat(sims.stripe.requestCount()).isEqualTo(requestsAtStop);

      ConfigurableApplicationContext second = new SpringApplicationBuilder(App.class).properties(p).run();
      try {
        await().atMost(Duration.ofSeconds(120)).until(() -> sims.stripeInvoices() >= INVOICES);
        MlcIntegrations.Running billing = second.getBean(MlcIntegrations.class).named("billing").orElseThrow();
        billing.runOnce("acme");
      } finally {
        second.close();
      }
      assertThat(sims.stripeInvoices()).isEqualTo(INVOICES);
      for (int n = 0; n < INVOICES; n++) {
        String ref = "syspro:ar-invoice:" + (n % 2 == 0 ? "C1000" : "C1001") + "|" + (100001 + n) + "|I";
        assertThat(sims.stripe.countWithMetadata("invoice", StripeMetadata.SOURCE_REF, ref)).as(ref).isEqualTo(1);
      }
      assertThat(sims.stripe.count("customer", o -> true)).isEqualTo(2);
    }
  }
}
