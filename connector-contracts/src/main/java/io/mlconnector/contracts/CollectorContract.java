package io.mlconnector.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.mapping.Mapper;
import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.InvoiceLine;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.PaymentApplication;
import io.mlconnector.core.role.CollectedInvoice;
import io.mlconnector.core.role.Collector;
import io.mlconnector.core.state.Mapping;
import io.mlconnector.core.sync.EventPage;
import io.mlconnector.core.sync.WebhookEvent;
import io.mlconnector.core.sync.WebhookSource;
import io.mlconnector.core.sync.WebhookVerificationException;
import io.mlconnector.core.sync.WriteContext;
import io.mlconnector.core.sync.WriteResult;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a receivables integration needs of every {@link Collector}, run against the collector's
 * simulator: the default mappers turn canonical customers and invoices into its requests; the
 * sinks issue them and find them by their stamps; {@link Collector#collected} reads the invoice's
 * total and what is owed; an unsigned or forged delivery is refused; and a payment made in the
 * collector is reported by the backstop as a succeeded payment applied to the ERP invoice (by its
 * stamp) or to the collector's invoice, after which nothing is owed.
 *
 * @param <C> the collector's customer request type
 * @param <I> the collector's invoice request type
 */
public abstract class CollectorContract<C, I> {
  /** The ERP system name the test's canonical records come from. */
  protected static final String ERP = "erp";

  private Collector.Provider<C, I> provider;
  private Collector<C, I> collector;

  /**
   * The provider under test, over a client of the collector's simulator.
   *
   * @return the provider; called once before each test
   */
  protected abstract Collector.Provider<C, I> provider();

  /**
   * The tenant the provider serves in the test.
   *
   * @return the tenant id
   */
  protected abstract String tenant();

  /**
   * The customer pays collector invoice {@code invoiceId} in full, in the simulator.
   *
   * @param invoiceId the collector's own id of the invoice (the target id the sink returned)
   */
  protected abstract void payInFull(String invoiceId);

  /**
   * The currency the test invoices are in (default EUR).
   *
   * @return an ISO 4217 code the collector accepts
   */
  protected String currency() {
    return "EUR";
  }

  @BeforeEach
  void openCollector() {
    provider = provider();
    collector = provider.forTenant(tenant());
  }

  @Test
  void theProviderNamesItsSystemAndRequestTypes() {
    assertThat(provider.system()).isNotBlank().isEqualTo(provider.system().toLowerCase(Locale.ROOT));
    assertThat(provider.customerType()).isNotNull();
    assertThat(provider.invoiceType()).isNotNull();
    assertThat(provider.defaultMappers().create(Customer.class, provider.customerType(), tenant())).isNotNull();
    assertThat(provider.defaultMappers().create(Invoice.class, provider.invoiceType(), tenant())).isNotNull();
    assertThat(provider.defaultMappers().create(Customer.class, Invoice.class, tenant())).as("not its pair").isNull();
  }

  @Test
  void anIssuedInvoiceIsCollectedForItsTotal() {
    Issued issued = issue();
    assertThat(collector.invoices().findByStamp(issued.invoice().ref(), context(issued.invoice().ref())))
        .map(WriteResult::target).contains(issued.target());
    CollectedInvoice c = collector.collected(issued.mapping()).orElseThrow();
    assertThat(c.total()).isEqualByComparingTo(issued.invoice().total());
    assertThat(c.owed()).isEqualByComparingTo(issued.invoice().total());
    assertThat(c.status()).isNotBlank();
  }

  @Test
  void aDeliveryWithoutValidCredentialsIsRefused() {
    byte[] body = "{\"id\":\"evt_forged\",\"type\":\"invoice.paid\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> collector.webhookVerifier().verify(Map.of(), body))
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> collector.webhookVerifier().verify(
            Map.of("Authorization", List.of("Basic Zm9yZ2VkOmZvcmdlZA=="),
                "Stripe-Signature", List.of("t=1,v1=00")), body))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void aPaymentIsReportedAgainstTheInvoiceAndNothingIsOwedAfter() {
    Issued issued = issue();
    CollectedInvoice before = collector.collected(issued.mapping()).orElseThrow();
    payInFull(before.id());
    WebhookSource<Payment> payments = collector.payments(null);
    List<Payment> reported = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 100; pages++) {
      EventPage page = payments.eventsSince(cursor);
      for (WebhookEvent e : page.events()) {
        payments.objectOf(e).flatMap(payments::fetch).ifPresent(reported::add);
      }
      cursor = page.nextCursor();
      if (!page.hasMore()) {
        break;
      }
    }
    assertThat(reported).as("payments the backstop reports").anySatisfy(p -> {
      assertThat(p.status()).isEqualTo(Payment.Status.SUCCEEDED);
      assertThat(p.applications()).extracting(PaymentApplication::invoice)
          .anyMatch(i -> i.equals(issued.invoice().ref()) || i.equals(issued.target())
              || (i.system().equals(provider.system()) && i.id().equals(before.id())));
    });
    CollectedInvoice after = collector.collected(issued.mapping()).orElseThrow();
    assertThat(after.owed().isZero()).as("owed after paying in full: " + after.owed()).isTrue();
  }

  /** An invoice issued in the collector, with its customer. */
  protected record Issued(Invoice invoice, ExternalRef target, Mapping mapping) {}

  /**
   * Issues a fresh customer and a two-line invoice through the default mappers and the sinks.
   *
   * @return the canonical invoice, its target in the collector and the mapping between them
   */
  protected Issued issue() {
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    ExternalRef customerRef = ExternalRef.of(ERP, tenant(), "customer", "C" + id);
    Customer customer = Customer.builder().ref(customerRef).version("1").name("Contract Customer " + id)
        .email("ap-" + id + "@contract.test").currency(currency()).build();
    TestMappingContext context = new TestMappingContext(tenant(), provider.system());
    C customerRequest = mapper(Customer.class, provider.customerType()).map(customer, context.source(customerRef));
    WriteResult customerTarget = collector.customers().create(customerRequest, context(customerRef));
    context.map(customerRef, customerTarget.target());

    ExternalRef invoiceRef = ExternalRef.of(ERP, tenant(), "invoice", "I" + id);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Invoice invoice = Invoice.builder().ref(invoiceRef).version("1").customer(customerRef).number("INV-" + id)
        .status(Invoice.Status.OPEN).issueDate(today).dueDate(today.plusDays(30)).currency(currency())
        .addLine(InvoiceLine.of(1, "Espresso machine service", Money.of("180.00", currency())))
        .addLine(InvoiceLine.of(2, "Arabica beans 1 kg", Money.of("37.80", currency())))
        .build();
    I invoiceRequest = mapper(Invoice.class, provider.invoiceType()).map(invoice, context.source(invoiceRef));
    WriteResult target = collector.invoices().create(invoiceRequest, context(invoiceRef));
    return new Issued(invoice, target.target(), new Mapping(invoiceRef, target.target(), target.attributes()));
  }

  @SuppressWarnings("unchecked")
  private <S, T> Mapper<S, T> mapper(Class<S> source, Class<T> target) {
    return (Mapper<S, T>) provider.defaultMappers().create(source, target, tenant());
  }

  private WriteContext context(ExternalRef source) {
    return new WriteContext(tenant(), "contract", "op-" + UUID.randomUUID(), source, "1");
  }

  /**
   * The collector under test (for subclasses' own checks).
   *
   * @return the collector of {@link #tenant()}; empty before the first test has opened it
   */
  protected Optional<Collector<C, I>> collector() {
    return Optional.ofNullable(collector);
  }
}
