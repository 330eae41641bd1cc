package io.mlconnector.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.testkit.stripe.StripeSimulator;
import io.mlconnector.testkit.syspro.ArInvoice;
import io.mlconnector.testkit.syspro.ArInvoiceLine;
import io.mlconnector.testkit.syspro.Customer;
import io.mlconnector.testkit.syspro.Operator;
import io.mlconnector.testkit.syspro.SysproSimulator;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample application as it ships (its application.yml), pointed at the testkit's simulators
 * through the environment variables the file reads.
 */
@SpringBootTest(classes = ReceivablesApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReceivablesApplicationTest {
  static final SysproSimulator syspro;
  static final StripeSimulator stripe = StripeSimulator.builder().seed(7).threads(4).build();

  static {
    Instant now = Instant.now();
    syspro = SysproSimulator.builder().operator(Operator.of("STRIPE", "Op3rator-Pw").withODataPassword("OData-Pw"))
        .companyId("EDU1").startTime(now).threads(4).start();
    syspro.setCurrentPeriod(YearMonth.from(now.atZone(ZoneOffset.UTC)));
    syspro.addCustomer(Customer.of("C1000", "Northwind Traders").withCurrency("USD").withEmail("ap@northwind.test"));
    for (int n = 0; n < 3; n++) {
      BigDecimal amount = new BigDecimal(250 + n).setScale(2);
      syspro.addArInvoice(ArInvoice.of("C1000", String.valueOf(200001 + n), LocalDate.now(ZoneOffset.UTC), amount)
          .withLines(List.of(new ArInvoiceLine(1, "S300", "Service", BigDecimal.ONE, amount, null))));
    }
  }

  @DynamicPropertySource
  static void environment(DynamicPropertyRegistry r) throws Exception {
    String dataDir = Files.createTempDirectory("mlc-sample-spring").toString();
    r.add("MLC_DATA_DIR", () -> dataDir);
    r.add("MLC_KEY_CURRENT", () -> "k1");
    r.add("MLC_KEY_K1", () -> Base64.getEncoder().encodeToString(new byte[32]));
    r.add("POLL_INTERVAL", () -> "500ms");
    r.add("SYSPRO_REST_URL", () -> syspro.restBaseUri().toString());
    r.add("SYSPRO_ODATA_URL", () -> syspro.odataServiceUri().toString());
    r.add("SYSPRO_OPERATOR", () -> "STRIPE");
    r.add("SYSPRO_COMPANY", () -> "EDU1");
    r.add("SYSPRO_OPERATOR_PASSWORD", () -> "Op3rator-Pw");
    r.add("SYSPRO_ODATA_PASSWORD", () -> "OData-Pw");
    r.add("STRIPE_API_BASE", stripe::baseUrl);
    r.add("STRIPE_API_KEY", stripe::apiKey);
    r.add("STRIPE_WEBHOOK_SECRET", () -> "whsec_sampleSpringBoot000000000000");
  }

  @AfterAll
  static void stop() {
    stripe.close();
    syspro.close();
  }

  @LocalServerPort
  int port;

  @Test
  void theSampleRunsSysproToStripeAndReportsHealthAndMetrics() throws Exception {
    await().atMost(Duration.ofSeconds(60)).until(() -> stripe.count("invoice", o -> true) == 3);
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> health = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/actuator/health/mlc/billing/acme")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
    // connector-micrometer is on the class path: the engine's meters are in the application's registry
    HttpResponse<String> records = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/actuator/metrics/mlc.records")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(records.statusCode()).isEqualTo(200);
    assertThat(records.body()).contains("\"name\":\"mlc.records\"").contains("syspro-invoices");
  }
}
