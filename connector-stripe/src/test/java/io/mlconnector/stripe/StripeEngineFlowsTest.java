package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.net.Webhook;
import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.InvoiceLine;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.sync.ChangeDetection;
import io.mlconnector.core.sync.Checkpoint;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.PollRequest;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.SourcePage;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.WebhookResponse;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import io.mlconnector.core.model.CanonicalRecord;
import io.mlconnector.testkit.stripe.StripeSimulator;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Stripe adapters inside the engine: ERP customers and invoices out, payments back. */
class StripeEngineFlowsTest {
  private static final String SECRET = "whsec_engineFlows";
  private static final ExternalRef C100 = ExternalRef.of("syspro", "acme", "customer", "C100");
  private static final ExternalRef INV1 = ExternalRef.of("syspro", "acme", "invoice", "INV1");

  private final StripeSimulator sim = Sim.start();
  private final StripeConnector stripe = Sim.connector(sim);
  private final InMemoryStateStore store = new InMemoryStateStore();
  private final List<Payment> erpPayments = new CopyOnWriteArrayList<>();
  private final List<Customer> customers = new ArrayList<>();
  private final List<Invoice> invoices = new ArrayList<>();
  private SyncEngine engine;

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
    sim.close();
  }

  /** An ERP table read by position (a monotonic key). */
  private static <S extends CanonicalRecord> PollSource<S> listSource(List<S> rows) {
    return new PollSource<>() {
      @Override
      public ChangeDetection changeDetection() {
        return ChangeDetection.MONOTONIC_KEY;
      }

      @Override
      public SourcePage<S> read(PollRequest request) {
        int from = request.after() == null ? 0 : Integer.parseInt(request.after().value()) + 1;
        int to = Math.min(rows.size(), from + request.pageSize());
        if (from >= to) {
          return SourcePage.empty();
        }
        return new SourcePage<>(rows.subList(from, to), Checkpoint.of(String.format("%09d", to - 1), ""), to < rows.size());
      }

      @Override
      public Optional<S> fetch(ExternalRef ref) {
        return rows.stream().filter(r -> r.ref().equals(ref)).reduce((a, b) -> b);
      }
    };
  }

  /** The ERP side of the payment flow: records what it is asked to post. */
  private final class ErpPayments implements Sink<Payment> {
    @Override
    public String system() {
      return "syspro";
    }

    @Override
    public WriteResult create(Payment record, WriteContext context) {
      erpPayments.add(record);
      return WriteResult.of(ExternalRef.of("syspro", "acme", "payment", "P" + erpPayments.size()));
    }

    @Override
    public WriteResult update(ExternalRef target, Payment record, WriteContext context) {
      erpPayments.add(record);
      return WriteResult.of(target);
    }

    @Override
    public Optional<WriteResult> findByStamp(ExternalRef source, WriteContext context) {
      return Optional.empty();
    }
  }

  private void startEngine() {
    startEngine(stripe);
  }

  /** The engine with {@code invoicesTo} as the invoice sink's connector. */
  private void startEngine(StripeConnector invoicesTo) {
    engine =
        SyncEngine.builder()
            .store(store)
            .tenants(List.of("acme"))
            .addFlow(
                Flow.poll("customers", Customer.class, t -> listSource(customers), StripeCustomerRequest.class, t -> new StripeCustomerSink(stripe))
                    .mapper(StripeMappers.customer())
                    .handles("syspro", "customer")
                    .build())
            .addFlow(
                Flow.poll("invoices", Invoice.class, t -> listSource(invoices), StripeInvoiceRequest.class, t -> new StripeInvoiceSink(invoicesTo))
                    .mapper(StripeMappers.invoice())
                    .build())
            .addFlow(
                Flow.webhook(
                        "payments",
                        Payment.class,
                        t -> StripeSources.payments(stripe),
                        t -> StripeWebhookVerifier.builder().secret(SECRET).build(),
                        Payment.class,
                        t -> new ErpPayments())
                    .mapper((p, ctx) -> p)
                    .build())
            .build();
  }

  private static Invoice invoice(String version, String amount) {
    return Invoice.builder()
        .ref(INV1)
        .version(version)
        .customer(C100)
        .number("INV1")
        .issueDate(LocalDate.of(2026, 11, 1))
        .dueDate(LocalDate.of(2026, 12, 1))
        .currency("USD")
        .addLine(InvoiceLine.of(1, "Consulting", Money.of(amount, "USD")))
        .build();
  }

  @Test
  void erpRecordsGoOutOncePaymentsComeBackOnce() throws Exception {
    customers.add(Customer.builder().ref(C100).version("v1").name("Acme Ltd").email("ap@acme.test").build());
    invoices.add(invoice("v1", "250.00"));
    startEngine();

    assertThat(engine.runOnce("acme", "customers").status()).isEqualTo(RunReport.Status.COMPLETED);
    RunReport inv = engine.runOnce("acme", "invoices");
    assertThat(inv.written()).isEqualTo(1);

    Mapping mapping = store.mappingBySource(INV1, "stripe").orElseThrow();
    StripeInvoice issued = stripe.retrieveInvoice(mapping.target().id());
    assertThat(issued.status()).isEqualTo("open");
    assertThat(mapping.attributes()).containsEntry("number", issued.number()).containsEntry("hosted_invoice_url", issued.hostedInvoiceUrl());

    // a second run writes nothing new
    assertThat(engine.runOnce("acme", "invoices").written()).isZero();
    assertThat(sim.countWithMetadata("invoice", StripeMetadata.SOURCE_REF, INV1.key())).isEqualTo(1);

    // the customer pays; Stripe's webhook arrives (and again, as Stripe may deliver twice)
    sim.payInvoice(issued.id());
    String paid =
        sim.events().stream().filter(e -> "invoice.paid".equals(e.get("type"))).map(e -> (String) e.get("id")).findFirst().orElseThrow();
    String body = stripe.reads().retrieveEvent(paid).getRawJsonObject().toString();
    String header = Webhook.Signature.generateSignatureHeader(body, SECRET);
    for (int i = 0; i < 2; i++) {
      WebhookResponse r =
          engine.webhookEndpoint("payments").handle("acme", Map.of("Stripe-Signature", List.of(header)), body.getBytes(StandardCharsets.UTF_8));
      assertThat(r.accepted()).isTrue();
    }
    WebhookResponse forged =
        engine.webhookEndpoint("payments").handle("acme", Map.of("Stripe-Signature", List.of(header)), body.replace("paid", "PAID").getBytes(StandardCharsets.UTF_8));
    assertThat(forged.accepted()).isFalse();

    engine.runOnce("acme", "payments");
    engine.runOnce("acme", "payments");

    assertThat(erpPayments).hasSize(1);
    Payment p = erpPayments.get(0);
    assertThat(p.amount()).isEqualTo(Money.of("250.00", "USD"));
    assertThat(p.applications()).singleElement().satisfies(a -> assertThat(a.invoice()).isEqualTo(mapping.target()));
  }

  @Test
  void anErpChangeOfAnOpenInvoiceIsReissuedAndItsPaymentComesBackToTheSameMapping() throws Exception {
    customers.add(Customer.builder().ref(C100).version("v1").name("Acme Ltd").build());
    invoices.add(invoice("v1", "250.00"));
    startEngine();
    engine.runOnce("acme", "customers");
    engine.runOnce("acme", "invoices");
    ExternalRef first = store.mappingBySource(INV1, "stripe").orElseThrow().target();

    invoices.add(invoice("v2", "275.00"));
    RunReport changed = engine.runOnce("acme", "invoices");

    assertThat(changed.written()).isEqualTo(1);
    Mapping mapping = store.mappingBySource(INV1, "stripe").orElseThrow();
    assertThat(mapping.target()).isEqualTo(first);
    String current = mapping.attributes().get(StripeInvoiceSink.ATTR_INVOICE);
    assertThat(current).isNotEqualTo(first.id());
    assertThat(mapping.attributes()).containsEntry(StripeInvoiceSink.ATTR_REPLACES, first.id()).containsEntry("status", "open");
    assertThat(stripe.retrieveInvoice(first.id()).status()).isEqualTo("void");
    assertThat(stripe.retrieveInvoice(current).total()).isEqualTo(27500);

    sim.payInvoice(current);
    engine.runOnce("acme", "payments");

    assertThat(erpPayments).singleElement().satisfies(p -> {
      assertThat(p.amount()).isEqualTo(Money.of("275.00", "USD"));
      assertThat(p.applications()).singleElement().satisfies(a -> assertThat(a.invoice()).isEqualTo(first));
    });
    assertThat(store.mappingByTarget(first).map(Mapping::source)).contains(INV1);
  }

  @Test
  void underTheCreditNotePolicyAnErpDecreaseCreditsTheSameInvoice() throws Exception {
    StripeConnector crediting =
        StripeConnector.create(Sim.config(sim).openInvoicePolicy(OpenInvoicePolicy.CREDIT_NOTE_FOR_DECREASE).build());
    customers.add(Customer.builder().ref(C100).version("v1").name("Acme Ltd").build());
    invoices.add(invoice("v1", "250.00"));
    startEngine(crediting);
    engine.runOnce("acme", "customers");
    engine.runOnce("acme", "invoices");
    ExternalRef first = store.mappingBySource(INV1, "stripe").orElseThrow().target();

    invoices.add(invoice("v2", "200.00"));
    RunReport changed = engine.runOnce("acme", "invoices");

    assertThat(changed.written()).isEqualTo(1);
    Mapping mapping = store.mappingBySource(INV1, "stripe").orElseThrow();
    assertThat(mapping.target()).isEqualTo(first);
    String note = mapping.attributes().get(StripeInvoiceSink.ATTR_CREDIT_NOTE);
    assertThat(note).startsWith("cn_");
    assertThat(sim.object(note).get("amount")).isEqualTo(5000L);
    StripeInvoice credited = stripe.retrieveInvoice(first.id());
    assertThat(credited.status()).isEqualTo("open");
    assertThat(credited.amountDue()).isEqualTo(20000);
    assertThat(sim.count("invoice", i -> true)).isEqualTo(1);

    sim.payInvoice(first.id());
    engine.runOnce("acme", "payments");

    assertThat(erpPayments).singleElement().satisfies(p -> {
      assertThat(p.amount()).isEqualTo(Money.of("200.00", "USD"));
      assertThat(p.applications()).singleElement().satisfies(a -> assertThat(a.invoice()).isEqualTo(first));
    });
  }

  @Test
  void anEventTypeTheFlowDoesNotHandleIsAcceptedAndIgnored() throws Exception {
    startEngine();
    stripe.createCustomer(StripeCustomerRequest.of("syspro:customer:C7", "v1", "Seven"), "op-c7");
    String created =
        sim.events().stream().filter(e -> "customer.created".equals(e.get("type"))).map(e -> (String) e.get("id")).findFirst().orElseThrow();
    String body = stripe.reads().retrieveEvent(created).getRawJsonObject().toString();

    WebhookResponse r =
        engine.webhookEndpoint("payments").handle("acme",
            Map.of("Stripe-Signature", List.of(Webhook.Signature.generateSignatureHeader(body, SECRET))),
            body.getBytes(StandardCharsets.UTF_8));
    RunReport run = engine.runOnce("acme", "payments");

    assertThat(r.accepted()).isTrue();
    assertThat(run.status()).isEqualTo(RunReport.Status.COMPLETED);
    assertThat(erpPayments).isEmpty();
  }
}
