package io.mlconnector.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.mlconnector.testkit.SimClock;
import java.time.Instant;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A write carrying an idempotency key is retried, and every attempt carries the same key. */
class IdempotencyKeyRetryTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final SimClock clock = SimClock.at(Instant.parse("2026-11-21T06:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final HttpTransport transport =
      HttpTransport.builder().clock(clock).sleeper(sleeper).build();

  @AfterEach
  void tearDown() {
    transport.close();
  }

  private static void stubFlakyThenOk(String path) {
    ResponseDefinitionBuilder[] failures = {
      aResponse().withStatus(503), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)
    };
    String state = Scenario.STARTED;
    for (int i = 0; i < failures.length; i++) {
      wm.stubFor(
          post(path)
              .inScenario("flaky")
              .whenScenarioStateIs(state)
              .willReturn(failures[i])
              .willSetStateTo("failure-" + i));
      state = "failure-" + i;
    }
    wm.stubFor(
        post(path)
            .inScenario("flaky")
            .whenScenarioStateIs(state)
            .willReturn(okJson("{\"id\":\"in_1\",\"object\":\"invoice\"}")));
  }

  private static Request createInvoice(TenantClient client, String header, String key) {
    return new Request.Builder()
        .url(client.url("v1/invoices"))
        .header(header, key)
        .post(new FormBody.Builder().add("customer", "cus_1").add("collection_method", "send_invoice").build())
        .build();
  }

  @Test
  void retriesWithTheSameIdempotencyKeyOnEveryAttempt() {
    stubFlakyThenOk("/v1/invoices");
    TenantClient client =
        transport.newClient(
            TenantConfig.builder("stripe", "acme", "acme/live").baseUrl(wm.baseUrl()).build());
    String key = "op-7f3c2a9e-acme-invoice-SYS-000123-v4";

    String body =
        client.execute(createInvoice(client, "Idempotency-Key", key), r -> r.body().string());

    assertThat(body).contains("in_1");
    List<LoggedRequest> journal = Journal.findAll(wm, postRequestedFor(urlEqualTo("/v1/invoices")), 3);
    assertThat(journal).hasSize(3);
    assertThat(journal).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(key);
    assertThat(journal)
        .extracting(LoggedRequest::getBodyAsString)
        .containsOnly("customer=cus_1&collection_method=send_invoice");
    assertThat(sleeper.sleeps()).hasSize(2);
  }

  @Test
  void theKeyHeaderNameIsConfigurable() {
    stubFlakyThenOk("/api/v2/invoices/import_invoice");
    TenantClient client =
        transport.newClient(
            TenantConfig.builder("chargebee", "acme", "acme-test")
                .baseUrl(wm.baseUrl())
                .retryPolicy(
                    RetryPolicy.builder().idempotencyKeyHeader("chargebee-idempotency-key").build())
                .build());
    Request request =
        new Request.Builder()
            .url(client.url("api/v2/invoices/import_invoice"))
            .header("chargebee-idempotency-key", "k-42")
            .post(new FormBody.Builder().add("id", "SYS-000123").build())
            .build();

    client.execute(request, r -> r.body().string());

    List<LoggedRequest> journal =
        Journal.findAll(wm, postRequestedFor(urlEqualTo("/api/v2/invoices/import_invoice")), 3);
    assertThat(journal).hasSize(3);
    assertThat(journal).extracting(r -> r.getHeader("chargebee-idempotency-key")).containsOnly("k-42");
  }

  @Test
  void aPostExplicitlyMarkedRepeatableIsRetried() {
    stubFlakyThenOk("/b1s/v1/Login");
    TenantClient client =
        transport.newClient(
            TenantConfig.builder("sap-b1", "acme", "acme/manager").baseUrl(wm.baseUrl()).build());
    Request request =
        new Request.Builder()
            .url(client.url("b1s/v1/Login"))
            .post(new FormBody.Builder().add("CompanyDB", "SBODEMOUS").build())
            .tag(RequestOptions.class, RequestOptions.builder().operation("login").repeatable(true).build())
            .build();

    client.execute(request, r -> r.body().string());

    Journal.verify(wm, 3, postRequestedFor(urlEqualTo("/b1s/v1/Login")));
  }

  @Test
  void aBlankKeyDoesNotMakeAPostRepeatable() {
    TenantClient client =
        transport.newClient(
            TenantConfig.builder("stripe", "acme", "acme/live").baseUrl(wm.baseUrl()).build());

    assertThat(client.isRepeatable(createInvoice(client, "Idempotency-Key", " "))).isFalse();
    assertThat(client.isRepeatable(createInvoice(client, "Idempotency-Key", "k"))).isTrue();
    Request put = new Request.Builder().url(client.url("x")).put(new FormBody.Builder().build()).build();
    assertThat(client.isRepeatable(put)).isTrue();
    Request notRepeatablePut =
        put.newBuilder()
            .tag(RequestOptions.class, RequestOptions.builder().repeatable(false).build())
            .build();
    assertThat(client.isRepeatable(notRepeatablePut)).isFalse();
  }
}
