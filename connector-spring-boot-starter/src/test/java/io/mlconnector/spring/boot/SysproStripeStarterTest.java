package io.mlconnector.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.core.mapping.Mapper;
import io.mlconnector.core.mapping.MappingRefusedException;
import io.mlconnector.core.model.Customer;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.stripe.StripeCustomerRequest;
import io.mlconnector.stripe.StripeMappers;
import io.mlconnector.core.state.JdbcStateStore;
import io.mlconnector.testkit.stripe.WebhookDelivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real Spring Boot application on a random port, configured by properties only: SYSPRO <-> Stripe
 * against the testkit's simulators for tenant {@code acme}, and tenant {@code bad} whose Stripe key
 * the simulator refuses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SysproStripeStarterTest {
  static final Simulators sims = new Simulators(4, Duration.ZERO);
  static final Path dataDir;

  static {
    // a customer the application's mapper refuses (see App): parked with its reason, its invoice never sent
    sims.syspro.addCustomer(io.mlconnector.testkit.syspro.Customer.of("C9999", "No Billing Contact Ltd")
        .withCurrency("USD"));
    sims.syspro.addArInvoice(io.mlconnector.testkit.syspro.ArInvoice.of("C9999", "199999",
        java.time.LocalDate.now(java.time.ZoneOffset.UTC), new java.math.BigDecimal("10.00"))
        .withLines(List.of(new io.mlconnector.testkit.syspro.ArInvoiceLine(1, "S300", "Service",
            java.math.BigDecimal.ONE, new java.math.BigDecimal("10.00"), null))));
    try {
      dataDir = Files.createTempDirectory("mlc-starter-test");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {
    /** The application's own rule, through a customizer bean: tenant acme's customer C9999 is refused. */
    @org.springframework.context.annotation.Bean
    ReceivablesIntegrationCustomizer refuseC9999() {
      Mapper<Customer, StripeCustomerRequest> defaults = StripeMappers.customer();
      return (name, b) -> b.mappers(r -> r.override("acme", Customer.class, StripeCustomerRequest.class,
          (customer, context) -> {
            if (customer.ref().id().equals("C9999")) {
              throw new MappingRefusedException("customer C9999 has no billing contact (test rule)");
            }
            return defaults.map(customer, context);
          }));
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    sims.properties("billing", "acme", null).forEach((k, v) -> registry.add(k, () -> v));
    sims.properties("billing", "bad", "sk_test_refusedByTheSimulator").forEach((k, v) -> registry.add(k, () -> v));
    registry.add("mlc.data-dir", dataDir::toString);
    registry.add("management.endpoints.web.exposure.include", () -> "health,deadletters");
    registry.add("management.endpoint.health.show-details", () -> "always");
    registry.add("mlc.health.cache-ttl", () -> "0s");
  }

  @AfterAll
  static void stopSimulators() {
    sims.close();
  }

  @LocalServerPort
  int port;

  @Autowired
  MlcIntegrations integrations;

  @Autowired
  StateStore store;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void propertiesOnlyRunTheSysproStripeIntegrationOnTheEmbeddedStore() {
    assertThat(integrations.all()).singleElement().satisfies(r -> {
      assertThat(r.pair()).isEqualTo("syspro-stripe");
      assertThat(r.tenants()).containsExactly("acme", "bad");
    });
    assertThat(store).isInstanceOfSatisfying(JdbcStateStore.class, s -> assertThat(s.databaseKind()).isEqualTo("H2"));
    assertThat(dataDir.resolve("state")).isDirectory();
    // the engine was started by the context: every SYSPRO invoice reaches Stripe, once
    await().atMost(Duration.ofSeconds(60)).until(() -> sims.stripeInvoices() == 4);
    assertThat(sims.stripe.count("customer", o -> true)).isEqualTo(2); // C9999 refused
    // the secrets given in the properties are stored encrypted, never in clear text
    assertThat(dataDir.resolve("credentials")).isDirectory();
  }

  @Test
  void signedWebhooksPostedOverHttpAreStoredAndPostedOnce() throws Exception {
    await().atMost(Duration.ofSeconds(60)).until(() -> sims.stripeInvoices() == 4);
    sims.stripe.webhooks().addEndpoint(URI.create("http://127.0.0.1:" + port + "/webhooks/stripe/acme"),
        Simulators.WEBHOOK_SECRET);
    sims.stripe.webhooks().duplicateNext(20);
    String invoice = openInvoice();
    sims.stripe.payInvoice(invoice);
    await().atMost(Duration.ofSeconds(60)).until(() -> sims.syspro.arPayments().size() == 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> sims.stripe.webhooks().pending() == 0);
    List<WebhookDelivery> deliveries = sims.stripe.webhooks().deliveries();
    assertThat(deliveries).isNotEmpty().allSatisfy(d -> assertThat(d.statusCode()).isEqualTo(200));
    assertThat(deliveries.stream().map(WebhookDelivery::eventId).distinct().count()).isLessThan(deliveries.size());
    // another run of every flow (webhook inbox and events backstop) posts nothing more
    integrations.named("billing").orElseThrow().runOnce("acme");
    assertThat(sims.syspro.arPayments()).hasSize(1);
  }

  @Test
  void aDeliveryWithABadSignatureOrForAnUnknownTenantIsRefusedAndNotStored() throws Exception {
    HttpResponse<String> forged = post("/webhooks/stripe/acme", "{\"id\":\"evt_1\",\"type\":\"invoice.paid\"}",
        "t=1,v1=00");
    assertThat(forged.statusCode()).isEqualTo(401);
    HttpResponse<String> unknown = post("/webhooks/stripe/nobody", "{}", "t=1,v1=00");
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.body()).isEqualTo(forged.body());
    assertThat(post("/webhooks/chargebee/acme", "{}", "t=1,v1=00").statusCode()).isEqualTo(404);
  }

  @Test
  void healthIsUpPerTenantAndDownWhenTheSimulatorRefusesTheCredentials() throws Exception {
    HttpResponse<String> acme = get("/actuator/health/mlc/billing/acme");
    assertThat(acme.statusCode()).isEqualTo(200);
    assertThat(acme.body()).contains("\"status\":\"UP\"").contains("syspro.").contains("stripe.");
    HttpResponse<String> bad = get("/actuator/health/mlc/billing/bad");
    assertThat(bad.statusCode()).isEqualTo(503);
    assertThat(bad.body()).contains("\"status\":\"DOWN\"").doesNotContain("sk_test_refusedByTheSimulator");
    HttpResponse<String> all = get("/actuator/health/mlc");
    assertThat(all.statusCode()).isEqualTo(503);
  }

  @Test
  void deadLettersAreListedAndReplayedThroughActuator() throws Exception {
    await().atMost(Duration.ofSeconds(60))
        .until(() -> get("/actuator/deadletters/billing/acme").body().contains("C9999"));
    HttpResponse<String> list = get("/actuator/deadletters/billing/acme");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("\"tenant\":\"acme\"").contains("\"flow\":\"syspro-customers\"")
        .contains("customer C9999 has no billing contact (test rule)");
    java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(list.body());
    assertThat(id.find()).isTrue();
    HttpResponse<String> replay = http.send(HttpRequest.newBuilder(url("/actuator/deadletters/billing/acme"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":" + id.group(1) + "}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(replay.body()).contains("\"replayed\":1");
    assertThat(get("/actuator/deadletters").body()).contains("\"billing\"").contains("syspro-stripe");
    assertThat(get("/actuator/deadletters/billing/nobody").statusCode()).isEqualTo(400);
  }

  @SuppressWarnings("unchecked")
  private String openInvoice() {
    for (Map<String, Object> e : sims.stripe.events()) {
      if ("invoice.finalized".equals(e.get("type"))) {
        Map<String, Object> data = (Map<String, Object>) e.get("data");
        Map<String, Object> object = (Map<String, Object>) data.get("object");
        return (String) object.get("id");
      }
    }
    throw new AssertionError("no finalized invoice in " + sims.stripe.events().size() + " events");
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, String signature) throws Exception {
    return http.send(HttpRequest.newBuilder(url(path)).header("Stripe-Signature", signature)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
