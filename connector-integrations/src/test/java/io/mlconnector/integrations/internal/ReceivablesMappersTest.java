package io.mlconnector.integrations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.contracts.TestMappingContext;
import io.mlconnector.core.mapping.Mapper;
import io.mlconnector.core.mapping.MappingDeferredException;
import io.mlconnector.core.mapping.MappingRefusedException;
import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.InvoiceLine;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.role.Collector;
import io.mlconnector.core.role.ReceivablesLedger;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReceivablesMappersTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

  /** A ledger whose invoice refs are "customer|number", as SYSPRO's carry the customer. */
  private static final ReceivablesLedger.Provider LEDGER = new ReceivablesLedger.Provider() {
    @Override
    public String system() {
      return "erp";
    }

    @Override
    public String displayName() {
      return "ERP";
    }

    @Override
    public String customerType() {
      return "customer";
    }

    @Override
    public String invoiceType() {
      return "invoice";
    }

    @Override
    public Optional<ExternalRef> customerOf(ExternalRef invoice) {
      return Optional.of(ExternalRef.of("erp", invoice.tenant(), "customer", invoice.id().split("\\|")[0]));
    }

    @Override
    public ReceivablesLedger forTenant(String tenant) {
      throw new UnsupportedOperationException();
    }
  };

  private static final Collector.Provider<Customer, Invoice> COLLECTOR = new Collector.Provider<>() {
    @Override
    public String system() {
      return "pay";
    }

    @Override
    public Class<Customer> customerType() {
      return Customer.class;
    }

    @Override
    public Class<Invoice> invoiceType() {
      return Invoice.class;
    }

    @Override
    public Mapper.Factory defaultMappers() {
      Mapper<Invoice, Invoice> same = (i, c) -> i;
      return (s, t, tenant) -> s == Invoice.class && t == Invoice.class ? same : null;
    }

    @Override
    public Collector<Customer, Invoice> forTenant(String tenant) {
      throw new UnsupportedOperationException();
    }
  };

  private final ReceivablesMappers mappers = new ReceivablesMappers(LEDGER, COLLECTOR);
  private final TestMappingContext context = new TestMappingContext("acme", "erp");

  @SuppressWarnings("unchecked")
  private <S, T> Mapper<S, T> mapper(Class<S> s, Class<T> t) {
    return (Mapper<S, T>) mappers.create(s, t, "acme");
  }

  private static ExternalRef erpInvoice(String customer, String number) {
    return ExternalRef.of("erp", "acme", "invoice", customer + "|" + number);
  }

  private static Payment.Builder payment(String id) {
    return Payment.builder().ref(ExternalRef.of("pay", "acme", "payment", id)).version("1")
        .direction(Payment.Direction.RECEIVED).status(Payment.Status.SUCCEEDED).method(Payment.Method.CARD)
        .amount(Money.of("100.00", "USD")).date(DAY);
  }

  @Test
  void aPaymentOfAnIssuedInvoiceNamesTheInvoicesCustomer() {
    ExternalRef inv = erpInvoice("C1", "1001");
    context.map(inv, ExternalRef.of("pay", "acme", "invoice", "in_1"));
    Payment p = mapper(Payment.class, Payment.class)
        .map(payment("p1").apply(inv, Money.of("100.00", "USD")).build(), context);
    assertThat(p.party()).isEqualTo(ExternalRef.of("erp", "acme", "customer", "C1"));
    assertThat(p.applications()).singleElement().satisfies(a -> assertThat(a.invoice()).isEqualTo(inv));
  }

  @Test
  void aCollectorInvoiceRefIsLedBackToTheLedgerInvoice() {
    ExternalRef inv = erpInvoice("C1", "1001");
    ExternalRef collected = ExternalRef.of("pay", "acme", "invoice", "in_1");
    context.map(inv, collected);
    Payment p = mapper(Payment.class, Payment.class)
        .map(payment("p1").apply(collected, Money.of("100.00", "USD")).build(), context);
    assertThat(p.applications()).singleElement().satisfies(a -> assertThat(a.invoice()).isEqualTo(inv));
  }

  @Test
  void aPaymentOfAnInvoiceNotYetIssuedIsDeferred() {
    assertThatThrownBy(() -> mapper(Payment.class, Payment.class)
            .map(payment("p1").apply(erpInvoice("C1", "1001"), Money.of("100.00", "USD")).build(), context))
        .isInstanceOf(MappingDeferredException.class).hasMessageContaining("not (yet) issued in pay");
  }

  @Test
  void aPaymentOfTwoCustomersInvoicesIsRefusedNamingBoth() {
    ExternalRef a = erpInvoice("C1", "1001");
    ExternalRef b = erpInvoice("C2", "1002");
    context.map(a, ExternalRef.of("pay", "acme", "invoice", "in_1")).map(b, ExternalRef.of("pay", "acme", "invoice", "in_2"));
    assertThatThrownBy(() -> mapper(Payment.class, Payment.class).map(payment("p1")
            .apply(a, Money.of("50.00", "USD")).apply(b, Money.of("50.00", "USD")).build(), context))
        .isInstanceOf(MappingRefusedException.class).hasMessageContaining("C1").hasMessageContaining("C2");
  }

  @Test
  void aFailedPaymentIsRefusedWithItsStatus() {
    assertThatThrownBy(() -> mapper(Payment.class, Payment.class)
            .map(payment("p1").status(Payment.Status.FAILED).apply(erpInvoice("C1", "1"), Money.of("100.00", "USD"))
                .build(), context))
        .isInstanceOf(MappingRefusedException.class).hasMessageContaining("FAILED");
  }

  @Test
  void aRefundWaitsUntilItsPaymentIsPosted() {
    ExternalRef inv = erpInvoice("C1", "1001");
    context.map(inv, ExternalRef.of("pay", "acme", "invoice", "in_1"));
    ExternalRef paid = ExternalRef.of("pay", "acme", "payment", "p1");
    Refund r = new Refund(ExternalRef.of("pay", "acme", "refund", "re_1"), "1", paid, null, inv,
        Refund.Status.SUCCEEDED, Money.of("10.00", "USD"), DAY, null, null, null);
    assertThatThrownBy(() -> mapper(Refund.class, Refund.class).map(r, context))
        .isInstanceOf(MappingDeferredException.class);
    context.map(paid, ExternalRef.of("erp", "acme", "ar-payment", "P1"));
    Refund mapped = mapper(Refund.class, Refund.class).map(r, context);
    assertThat(mapped.party()).isEqualTo(ExternalRef.of("erp", "acme", "customer", "C1"));
    assertThat(mapped.invoice()).isEqualTo(inv);
  }

  @Test
  void anInvoicePaidOrCancelledBeforeItReachedTheCollectorIsRefused() {
    Invoice paid = Invoice.builder().ref(erpInvoice("C1", "1001")).version("1").customer(ExternalRef.of("erp", "acme",
            "customer", "C1")).number("1001").status(Invoice.Status.PAID).issueDate(DAY).currency("USD")
        .addLine(InvoiceLine.of(1, "Service", Money.of("100.00", "USD"))).build();
    assertThatThrownBy(() -> mapper(Invoice.class, Invoice.class).map(paid, context))
        .isInstanceOf(MappingRefusedException.class).hasMessageContaining("1001").hasMessageContaining("paid in ERP");
    context.map(paid.ref(), ExternalRef.of("pay", "acme", "invoice", "in_1"));
    assertThat(mapper(Invoice.class, Invoice.class).map(paid, context)).as("once issued, a paid invoice maps").isSameAs(paid);
  }
}
