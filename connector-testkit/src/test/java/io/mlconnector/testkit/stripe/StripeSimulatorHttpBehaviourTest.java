package io.mlconnector.testkit.stripe;

import static io.mlconnector.testkit.stripe.StripeTestSupport.HTTP;
import static io.mlconnector.testkit.stripe.StripeTestSupport.client;
import static io.mlconnector.testkit.stripe.StripeTestSupport.customer;
import static io.mlconnector.testkit.stripe.StripeTestSupport.get;
import static io.mlconnector.testkit.stripe.StripeTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.RateLimitException;
import com.stripe.model.Customer;
import io.mlconnector.testkit.http.Fault;
import okhttp3.FormBody;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** Authentication, versions, 429s, faults and the HTTP test-control API. */
class StripeSimulatorHttpBehaviourTest {

  @Test
  void unknownOrMissingKeysGet401WithStripesErrorJson() throws Exception {
    try (StripeSimulator sim = StripeSimulator.builder().build()) {
      StripeClient wrong = StripeClient.builder().setApiKey("sk_test_wrongKey98765")
          .setApiBase(sim.baseUrl()).build();
      assertThatThrownBy(() -> wrong.v1().customers().list())
          .isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(401);
            assertThat(e.getMessage()).contains("Invalid API Key provided: sk_test_*********8765")
                .doesNotContain("wrongKey");
            assertThat(e.getRequestId()).startsWith("req_");
          });
      try (Response r = HTTP.newCall(new Request.Builder().url(sim.baseUrl() + "/v1/customers").build()).execute()) {
        assertThat(r.code()).isEqualTo(401);
        assertThat(r.header("Request-Id")).startsWith("req_");
        assertThat(r.body().string()).contains("\"type\":\"invalid_request_error\"", "You did not provide an API key");
      }
      try (Response r = HTTP.newCall(new Request.Builder().url(sim.baseUrl() + "/v1/customers")
          .header("Authorization", "Bearer " + sim.apiKey()).header("Stripe-Version", "yesterday").build())
          .execute()) {
        assertThat(r.code()).isEqualTo(400);
        assertThat(r.body().string()).contains("Invalid Stripe API version: yesterday");
      }
      try (Response r = get(sim, "/v1/nothing_here")) {
        assertThat(r.code()).isEqualTo(404);
        assertThat(r.header("Request-Id")).startsWith("req_");
        assertThat(r.body().string()).contains("Unrecognized request URL (GET: /v1/nothing_here)");
      }
      try (Response r = post(sim, "/v1/customers", null, "nickname", "x")) {
        assertThat(r.code()).isEqualTo(400);
        assertThat(r.body().string()).contains("\"code\":\"parameter_unknown\"", "\"param\":\"nickname\"");
      }
    }
  }

  @Test
  void rateLimitStormsAnswer429AndStripeJavaRetriesWhenToldTo() throws Exception {
    try (StripeSimulator sim = StripeSimulator.builder().build()) {
      sim.rateLimitStorm(1);
      try (Response r = get(sim, "/v1/customers")) {
        assertThat(r.code()).isEqualTo(429);
        assertThat(r.header("Stripe-Rate-Limited-Reason")).isEqualTo("global-rate");
        assertThat(r.header("Stripe-Should-Retry")).as("not sent unless configured").isNull();
        assertThat(r.body().string()).contains("\"code\":\"rate_limit\"");
      }
      sim.rateLimitStorm(1);
      assertThatThrownBy(() -> client(sim).v1().customers().list())
          .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.getCode()).isEqualTo("rate_limit"));
    }
    try (StripeSimulator sim = StripeSimulator.builder().rateLimitShouldRetry(true).build()) {
      StripeClient retrying = StripeClient.builder().setApiKey(sim.apiKey()).setApiBase(sim.baseUrl())
          .setMaxNetworkRetries(2).build();
      sim.rateLimitStorm(1);
      Customer c = customer(retrying, "C-50");
      assertThat(sim.countWithMetadata("customer", "erp_ref", "C-50")).isEqualTo(1);
      assertThat(c.getId()).startsWith("cus_");
    }
  }

  @Test
  void scriptedErrorsExerciseStripeJavasRetryRules() throws Exception {
    try (StripeSimulator sim = StripeSimulator.builder().build()) {
      StripeClient retrying = StripeClient.builder().setApiKey(sim.apiKey()).setApiBase(sim.baseUrl())
          .setMaxNetworkRetries(1).build();
      sim.failNextWith(1, 409, "lock_timeout", null);
      assertThat(retrying.v1().customers().list().getData()).as("a 409 is retried").isEmpty();
      long before = sim.requestCount();
      sim.failNextWith(1, 503, null, false);
      assertThatThrownBy(() -> retrying.v1().customers().list())
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(503));
      assertThat(sim.requestCount() - before).as("Stripe-Should-Retry: false stops the retry").isEqualTo(1);
      assertThat(retrying.v1().accounts().retrieveCurrent().getId()).startsWith("acct_");
    }
  }

  @Test
  void injectedFaultsLookLikeStripeOutages() throws Exception {
    try (StripeSimulator sim = StripeSimulator.builder().build()) {
      StripeClient stripe = client(sim);
      sim.faults().failNext(1, Fault.SERVER_ERROR);
      assertThatThrownBy(() -> stripe.v1().customers().list())
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(500);
            assertThat(e.getStripeError().getType()).isEqualTo("api_error");
            assertThat(e.getRequestId()).startsWith("req_");
          });
      // two drops: the JDK's HttpURLConnection (stripe-java's default transport) silently resends a
      // request once when the connection closes without an answer
      sim.faults().failNext(2, Fault.CONNECTION_DROP);
      assertThatThrownBy(() -> customer(stripe, "C-51")).isInstanceOf(ApiConnectionException.class);
      assertThat(sim.countWithMetadata("customer", "erp_ref", "C-51")).as("a dropped request changes nothing")
          .isZero();

      // the control API is never faulted
      sim.faults().failNext(1, Fault.CONNECTION_DROP);
      try (Response r = HTTP.newCall(new Request.Builder().url(sim.baseUrl() + "/_sim/count/customer").build())
          .execute()) {
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.body().string()).isEqualTo("{\"count\":0}");
      }
      assertThat(stripe.v1().customers().list().getData()).isEmpty();
    }
  }

  @Test
  void httpControlApiDrivesTheAccount() throws Exception {
    try (StripeSimulator sim = StripeSimulator.builder().build()) {
      StripeClient stripe = client(sim);
      Customer c = customer(stripe, "C-52");
      String inv = StripeTestSupport.draftInvoice(stripe, c.getId(), "INV-52").getId();
      stripe.v1().invoices().finalizeInvoice(inv);
      try (Response r = control(sim, "/_sim/invoices/" + inv + "/pay", "amount", "500")) {
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.body().string()).contains("\"amount_paid\":500");
      }
      try (Response r = control(sim, "/_sim/invoices/in_missing/pay")) {
        assertThat(r.code()).isEqualTo(400);
        assertThat(r.body().string()).contains("No such invoice");
      }
      try (Response r = control(sim, "/_sim/clock/advance", "seconds", "86400")) {
        assertThat(r.code()).isEqualTo(200);
      }
      try (Response r = HTTP.newCall(new Request.Builder()
          .url(sim.baseUrl() + "/_sim/count/invoice?status=open&metadata[erp_ref]=INV-52").build()).execute()) {
        assertThat(r.body().string()).isEqualTo("{\"count\":1}");
      }
    }
  }

  private static Response control(StripeSimulator sim, String path, String... form) throws Exception {
    FormBody.Builder body = new FormBody.Builder();
    for (int i = 0; i < form.length; i += 2) {
      body.add(form[i], form[i + 1]);
    }
    return HTTP.newCall(new Request.Builder().url(sim.baseUrl() + path).post(body.build()).build()).execute();
  }
}
