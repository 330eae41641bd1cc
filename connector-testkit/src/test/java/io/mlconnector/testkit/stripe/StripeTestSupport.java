package io.mlconnector.testkit.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import okhttp3.FormBody;
import org.awaitility.Awaitility;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Helpers shared by the simulator tests: a stripe-java client, an ERP-like invoice, raw HTTP. */
final class StripeTestSupport {
  static final OkHttpClient HTTP = new OkHttpClient.Builder()
      .retryOnConnectionFailure(false)
      .readTimeout(Duration.ofSeconds(5))
      .build();

  private StripeTestSupport() {}

  static StripeClient client(StripeSimulator sim) {
    return StripeClient.builder().setApiKey(sim.apiKey()).setApiBase(sim.baseUrl()).build();
  }

  static Customer customer(StripeClient stripe, String erpRef) throws StripeException {
    return stripe.v1().customers().create(CustomerCreateParams.builder()
        .setName("Customer " + erpRef)
        .setEmail(erpRef.toLowerCase() + "@example.com")
        .putMetadata("erp_ref", erpRef)
        .build());
  }

  /** A draft send_invoice invoice with two lines: 2 x 12.50 and 40.00 = 65.00. */
  static Invoice draftInvoice(StripeClient stripe, String customerId, String erpRef) throws StripeException {
    Invoice inv = stripe.v1().invoices().create(InvoiceCreateParams.builder()
        .setCustomer(customerId)
        .setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE)
        .setDaysUntilDue(30L)
        .setCurrency("usd")
        .putMetadata("erp_ref", erpRef)
        .build());
    stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
        .setCustomer(customerId)
        .setInvoice(inv.getId())
        .setDescription("Widget")
        .setUnitAmountDecimal(new BigDecimal("1250"))
        .setQuantity(2L)
        .build());
    stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
        .setCustomer(customerId)
        .setInvoice(inv.getId())
        .setDescription("Service")
        .setAmount(4000L)
        .build());
    return stripe.v1().invoices().retrieve(inv.getId());
  }

  /** A raw request to the simulator; {@code form} pairs name, value, name, value ... */
  static Response post(StripeSimulator sim, String path, String idempotencyKey, String... form) throws IOException {
    FormBody.Builder body = new FormBody.Builder();
    for (int i = 0; i < form.length; i += 2) {
      body.add(form[i], form[i + 1]);
    }
    Request.Builder r = new Request.Builder().url(sim.baseUrl() + path).post(body.build())
        .header("Authorization", "Bearer " + sim.apiKey());
    if (idempotencyKey != null) {
      r.header("Idempotency-Key", idempotencyKey);
    }
    return HTTP.newCall(r.build()).execute();
  }

  static Response get(StripeSimulator sim, String pathAndQuery) throws IOException {
    return HTTP.newCall(new Request.Builder().url(sim.baseUrl() + pathAndQuery)
        .header("Authorization", "Bearer " + sim.apiKey()).build()).execute();
  }

  /** Polls until {@code condition} holds or 5 s pass. */
  static void await(BooleanSupplier condition, String what) {
    Awaitility.await(what).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
        .until(condition::getAsBoolean);
  }

}
