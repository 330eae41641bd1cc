package io.mlconnector.testkit.stripe;

import static io.mlconnector.testkit.stripe.StripeTestSupport.client;
import static io.mlconnector.testkit.stripe.StripeTestSupport.customer;
import static io.mlconnector.testkit.stripe.StripeTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Invoice;
import com.stripe.net.RequestOptions;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import io.mlconnector.testkit.http.Fault;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Idempotency keys: replay after a lost response, mismatches, validation failures, key scope. */
class StripeSimulatorIdempotencyTest {
  private static final String OTHER_KEY = "sk_test_otherTenant123";
  private final StripeSimulator sim = StripeSimulator.builder()
      .apiKey(StripeSimulator.DEFAULT_API_KEY).apiKey(OTHER_KEY).build();
  private final StripeClient stripe = client(sim);

  @AfterEach
  void close() {
    sim.close();
  }

  private InvoiceCreateParams invoiceFor(String customerId, String erpRef) {
    return InvoiceCreateParams.builder().setCustomer(customerId)
        .setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE).setDaysUntilDue(14L)
        .putMetadata("erp_ref", erpRef).build();
  }

  private static RequestOptions key(String key) {
    return RequestOptions.builder().setIdempotencyKey(key).build();
  }

  @Test
  void retryAfterALostResponseReplaysTheFirstResultAndCreatesOneInvoice() throws Exception {
    String customerId = customer(stripe, "C-40").getId();
    // two losses: the JDK's HttpURLConnection under stripe-java resends a POST once by itself
    sim.faults().failNext(2, Fault.RESPONSE_LOST_AFTER_COMMIT);
    assertThatThrownBy(() -> stripe.v1().invoices().create(invoiceFor(customerId, "INV-40"), key("op-40")))
        .isInstanceOf(ApiConnectionException.class);
    assertThat(sim.countWithMetadata("invoice", "erp_ref", "INV-40")).as("the write landed").isEqualTo(1);

    Invoice retried = stripe.v1().invoices().create(invoiceFor(customerId, "INV-40"), key("op-40"));
    assertThat(sim.countWithMetadata("invoice", "erp_ref", "INV-40")).isEqualTo(1);
    assertThat(sim.object(retried.getId())).isNotNull();
    assertThat(retried.getLastResponse().headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(retried.getLastResponse().headers().firstValue("Idempotency-Key")).hasValue("op-40");
    assertThat(sim.events()).filteredOn(e -> "invoice.created".equals(e.get("type"))).hasSize(1);
  }

  @Test
  void theTransportsSilentResendOfALostPostIsAbsorbedByTheKey() throws Exception {
    String customerId = customer(stripe, "C-46").getId();
    sim.faults().failNext(1, Fault.RESPONSE_LOST_AFTER_COMMIT);
    Invoice created = stripe.v1().invoices().create(invoiceFor(customerId, "INV-46"), key("op-46"));
    assertThat(created.getLastResponse().headers().firstValue("Idempotent-Replayed"))
        .as("HttpURLConnection resent the POST; the simulator replayed the first result").hasValue("true");
    assertThat(sim.countWithMetadata("invoice", "erp_ref", "INV-46")).isEqualTo(1);
  }

  @Test
  void sameKeyWithOtherParametersIsAnIdempotencyError() throws Exception {
    String customerId = customer(stripe, "C-41").getId();
    stripe.v1().invoices().create(invoiceFor(customerId, "INV-41"), key("op-41"));
    assertThatThrownBy(() -> stripe.v1().invoices().create(invoiceFor(customerId, "INV-42"), key("op-41")))
        .isInstanceOfSatisfying(IdempotencyException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(400);
          assertThat(e.getStripeError().getType()).isEqualTo("idempotency_error");
          assertThat(e.getMessage()).contains("op-41");
        });
    assertThat(sim.countWithMetadata("invoice", "erp_ref", "INV-42")).isZero();
  }

  @Test
  void validationFailuresAreNotStoredButStateErrorsAre() throws Exception {
    assertThatThrownBy(() -> stripe.v1().invoices().create(invoiceFor("cus_unknown", "INV-43"), key("op-43")))
        .isInstanceOf(InvalidRequestException.class);
    String customerId = customer(stripe, "C-43").getId();
    Invoice created = stripe.v1().invoices().create(invoiceFor(customerId, "INV-43"), key("op-43"));
    assertThat(created.getMetadata()).containsEntry("erp_ref", "INV-43");

    stripe.v1().invoices().voidInvoice(
        stripe.v1().invoices().finalizeInvoice(draftWithLine(customerId)).getId());
    String draft = draftWithLine(customerId);
    stripe.v1().invoices().finalizeInvoice(draft);
    try (Response first = post(sim, "/v1/invoices/" + draft + "/finalize", "op-44");
        Response second = post(sim, "/v1/invoices/" + draft + "/finalize", "op-44")) {
      assertThat(first.code()).isEqualTo(400);
      String body = first.body().string();
      assertThat(body).contains("\"code\":\"invoice_not_editable\"");
      assertThat(second.code()).isEqualTo(400);
      assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
      assertThat(second.body().string()).isEqualTo(body);
    }
  }

  private String draftWithLine(String customerId) throws Exception {
    String id = stripe.v1().invoices().create(invoiceFor(customerId, "X")).getId();
    stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
        .setCustomer(customerId).setInvoice(id).setAmount(1000L).build());
    return id;
  }

  @Test
  void concurrentRequestsWithOneKeyCreateOneObject() throws Exception {
    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          start.await();
          try (Response r = post(sim, "/v1/customers", "op-race", "name", "Race", "metadata[erp_ref]", "C-47")) {
            return r.code() + " " + r.body().string();
          }
        }));
      }
      start.countDown();
      Set<String> createdIds = new HashSet<>();
      for (Future<String> f : results) {
        String result = f.get(10, TimeUnit.SECONDS);
        if (result.startsWith("200 ")) {
          createdIds.add(result.replaceAll(".*\"id\":\"(cus_[A-Za-z0-9]+)\".*", "$1"));
        } else {
          assertThat(result).startsWith("409 ").contains("idempotency_key_in_use");
        }
      }
      assertThat(createdIds).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(sim.countWithMetadata("customer", "erp_ref", "C-47")).isEqualTo(1);
  }

  @Test
  void keysAreScopedPerApiKey() throws Exception {
    String customerId = customer(stripe, "C-45").getId();
    Invoice mine = stripe.v1().invoices().create(invoiceFor(customerId, "INV-45"), key("shared-key"));
    StripeClient other = StripeClient.builder().setApiKey(OTHER_KEY).setApiBase(sim.baseUrl()).build();
    Invoice theirs = other.v1().invoices().create(invoiceFor(customerId, "INV-45"), key("shared-key"));
    assertThat(theirs.getId()).isNotEqualTo(mine.getId());
    assertThat(sim.countWithMetadata("invoice", "erp_ref", "INV-45")).isEqualTo(2);
  }
}
