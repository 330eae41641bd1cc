package io.mlconnector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.mapping.MappingContext;
import io.mlconnector.core.mapping.MappingDeferredException;
import io.mlconnector.core.mapping.MappingRefusedException;
import io.mlconnector.core.model.Address;
import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.InvoiceLine;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.TaxLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StripeMappersTest {
  private static final ExternalRef ERP_CUSTOMER = ExternalRef.of("syspro", "acme", "customer", "C100");

  /** A context with fixed mappings and reference tables. */
  private static final class Context implements MappingContext {
    final Map<ExternalRef, ExternalRef> mappings = new HashMap<>();
    final Map<String, String> table = new HashMap<>();

    @Override
    public String tenant() {
      return "acme";
    }

    @Override
    public String flow() {
      return "invoices";
    }

    @Override
    public String targetSystem() {
      return "stripe";
    }

    @Override
    public ExternalRef source() {
      return ERP_CUSTOMER;
    }

    @Override
    public boolean dryRun() {
      return false;
    }

    @Override
    public Optional<ExternalRef> resolve(ExternalRef ref, String targetSystem) {
      return Optional.ofNullable(mappings.get(ref));
    }

    @Override
    public Optional<ExternalRef> sourceOf(ExternalRef target, String sourceSystem) {
      return mappings.entrySet().stream().filter(e -> e.getValue().equals(target))
          .map(Map.Entry::getKey).filter(k -> k.system().equals(sourceSystem)).findFirst();
    }

    @Override
    public Optional<String> reference(String table, String key) {
      return Optional.ofNullable(StripeMappers.TABLE.equals(table) ? this.table.get(key) : null);
    }
  }

  private final Context context = new Context();

  private static Invoice.Builder invoice() {
    return Invoice.builder()
        .ref(ExternalRef.of("syspro", "acme", "invoice", "100234"))
        .version("2026-11-20T10:00:00Z")
        .customer(ERP_CUSTOMER)
        .number("INV-100234")
        .issueDate(LocalDate.of(2026, 11, 1))
        .dueDate(LocalDate.of(2026, 11, 15))
        .currency("ZAR")
        .addLine(
            InvoiceLine.builder()
                .number(1)
                .description("Widgets")
                .quantity(new BigDecimal("3"))
                .unitPrice(Money.of("12.50", "ZAR"))
                .amount(Money.of("37.50", "ZAR"))
                .taxAmount(Money.of("5.63", "ZAR"))
                .taxCode("VAT15")
                .build())
        .addLine(InvoiceLine.builder().number(2).itemCode("FREIGHT").amount(Money.of("10.00", "ZAR")).build());
  }

  @Test
  void mapsACustomerWithItsAddress() {
    Customer c =
        Customer.builder()
            .ref(ERP_CUSTOMER)
            .version("v3")
            .name("Acme Ltd")
            .email("ap@acme.test")
            .phone("+27 21 555 0100")
            .billingAddress(new Address(List.of("1 Main St", "Unit 4", "Block B"), "Cape Town", "WC", "8001", "ZA"))
            .build();

    StripeCustomerRequest r = StripeMappers.customer().map(c, context);

    assertThat(r.sourceRef()).isEqualTo("syspro:customer:C100");
    assertThat(r.sourceVersion()).isEqualTo("v3");
    assertThat(r.name()).isEqualTo("Acme Ltd");
    assertThat(r.email()).isEqualTo("ap@acme.test");
    assertThat(r.address()).isEqualTo(new StripeAddress("1 Main St", "Unit 4, Block B", "Cape Town", "WC", "8001", "ZA"));
  }

  @Test
  void mapsAReceivableInvoiceOnceItsCustomerIsInStripe() {
    context.mappings.put(ERP_CUSTOMER, ExternalRef.of("stripe", "acme", "customer", "cus_123"));

    StripeInvoiceRequest r = StripeMappers.invoice().map(invoice().build(), context);

    assertThat(r.sourceRef()).isEqualTo("syspro:invoice:100234");
    assertThat(r.sourceVersion()).isEqualTo("2026-11-20T10:00:00Z");
    assertThat(r.customerId()).isEqualTo("cus_123");
    assertThat(r.currency()).isEqualTo("zar");
    assertThat(r.daysUntilDue()).isEqualTo(14);
    assertThat(r.description()).isEqualTo("Invoice INV-100234");
    assertThat(r.metadata()).containsEntry("erp_number", "INV-100234");
    assertThat(r.cancelled()).isFalse();
    assertThat(r.lines()).hasSize(2);
    StripeInvoiceLine widgets = r.lines().get(0);
    assertThat(widgets.description()).isEqualTo("Widgets");
    assertThat(widgets.quantity()).isEqualByComparingTo("3");
    assertThat(widgets.taxAmount()).isEqualTo(Money.of("5.63", "ZAR"));
    assertThat(widgets.taxLabel()).isEqualTo("Tax VAT15");
    assertThat(r.lines().get(1).description()).isEqualTo("FREIGHT");
    assertThat(r.total()).isEqualTo(Money.of("53.13", "ZAR"));
  }

  @Test
  void invoiceLevelTaxBecomesItsOwnLineAndTheDueDaysComeFromTheTable() {
    context.mappings.put(ERP_CUSTOMER, ExternalRef.of("stripe", "acme", "customer", "cus_123"));
    context.table.put(StripeMappers.KEY_DAYS_UNTIL_DUE, "45");
    Invoice inv =
        invoice()
            .dueDate(null)
            .lines(List.of(InvoiceLine.of(1, "Service", Money.of("100.00", "ZAR"))))
            .addTax(new TaxLine("VAT", "VAT 15%", new BigDecimal("15"), Money.of("100.00", "ZAR"), Money.of("15.00", "ZAR")))
            .build();

    StripeInvoiceRequest r = StripeMappers.invoice().map(inv, context);

    assertThat(r.daysUntilDue()).isEqualTo(45);
    assertThat(r.lines()).extracting(StripeInvoiceLine::description).containsExactly("Service", "VAT 15%");
    assertThat(r.total()).isEqualTo(Money.of("115.00", "ZAR"));
  }

  @Test
  void anInvoiceWhoseCustomerIsNotSyncedIsDeferred() {
    assertThatThrownBy(() -> StripeMappers.invoice().map(invoice().build(), context))
        .isInstanceOf(MappingDeferredException.class)
        .satisfies(e -> assertThat(((MappingDeferredException) e).dependency()).isEqualTo(ERP_CUSTOMER));
  }

  @Test
  void aCancelledInvoiceMapsToACancellation() {
    context.mappings.put(ERP_CUSTOMER, ExternalRef.of("stripe", "acme", "customer", "cus_123"));

    assertThat(StripeMappers.invoice().map(invoice().status(Invoice.Status.CANCELLED).build(), context).cancelled()).isTrue();
  }

  @Test
  void whatStripeCannotCollectIsRefusedWithAReason() {
    context.mappings.put(ERP_CUSTOMER, ExternalRef.of("stripe", "acme", "customer", "cus_123"));

    assertThatThrownBy(() -> StripeMappers.invoice().map(invoice().documentType(Invoice.DocumentType.CREDIT_NOTE).build(), context))
        .isInstanceOf(MappingRefusedException.class)
        .hasMessageContaining("credit note");
    assertThatThrownBy(() -> StripeMappers.invoice().map(invoice().status(Invoice.Status.DRAFT).build(), context))
        .isInstanceOf(MappingRefusedException.class)
        .hasMessageContaining("draft");
    Invoice oddAmount = invoice().lines(List.of(InvoiceLine.of(1, "Odd", Money.of("1.005", "ZAR")))).build();
    // the request is built, the amount is refused when it is sent
    assertThat(StripeMappers.invoice().map(oddAmount, context).lines()).hasSize(1);
    context.table.put(StripeMappers.KEY_DAYS_UNTIL_DUE, "soon");
    assertThatThrownBy(() -> StripeMappers.invoice().map(invoice().dueDate(null).build(), context))
        .isInstanceOf(MappingRefusedException.class)
        .hasMessageContaining("not a number");
  }

  @Test
  void theFactoryOffersOnlyItsPairs() {
    assertThat(StripeMappers.factory().create(Customer.class, StripeCustomerRequest.class, "acme")).isNotNull();
    assertThat(StripeMappers.factory().create(Invoice.class, StripeInvoiceRequest.class, "acme")).isNotNull();
    assertThat(StripeMappers.factory().create(Invoice.class, StripeCustomerRequest.class, "acme")).isNull();
  }
}
