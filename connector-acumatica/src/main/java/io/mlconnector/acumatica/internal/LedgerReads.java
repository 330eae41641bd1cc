package io.mlconnector.acumatica.internal;

import io.mlconnector.acumatica.AcumaticaClient;
import io.mlconnector.acumatica.AcumaticaCustomer;
import io.mlconnector.acumatica.AcumaticaExtensions;
import io.mlconnector.acumatica.AcumaticaInvoice;
import io.mlconnector.acumatica.AcumaticaInvoiceLine;
import io.mlconnector.acumatica.AcumaticaRefs;
import io.mlconnector.acumatica.EntityType;
import io.mlconnector.core.model.Address;
import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.Extensions;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.InvoiceLine;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.odata.ODataFilter;
import io.mlconnector.core.odata.ODataQuery;
import io.mlconnector.core.sync.PollSource;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The ledger's sources: customers and released AR invoices, mapped to canonical records. */
public final class LedgerReads {
  private static final DateTimeFormatter VERSION =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final AcumaticaClient client;
  private final LedgerSettings settings;
  private final EntityType<AcumaticaInvoice> invoiceType;

  public LedgerReads(AcumaticaClient client, LedgerSettings settings) {
    this.client = client;
    this.settings = settings;
    this.invoiceType = EntityType.of(settings.invoiceEntity());
  }

  /** Customers in change order. */
  public PollSource<Customer> customers() {
    return new ModifiedSource<>("acumatica customers", new ModifiedSource.Spec<AcumaticaCustomer, Customer>() {
      @Override
      public List<AcumaticaCustomer> changedSince(@Nullable OffsetDateTime since) {
        return client.listAll(EntityType.CUSTOMER,
            ModifiedSource.since(client.query(), since).expand("MainContact", "MainContact/Address"));
      }

      @Override
      public @Nullable OffsetDateTime modified(AcumaticaCustomer c) {
        return c.lastModified();
      }

      @Override
      public String key(AcumaticaCustomer c) {
        return c.customerId();
      }

      @Override
      public ExternalRef ref(AcumaticaCustomer c) {
        return AcumaticaRefs.customer(settings.tenant(), c.customerId());
      }

      @Override
      public Customer map(AcumaticaCustomer c) {
        return customer(c);
      }

      @Override
      public Optional<Customer> fetch(ExternalRef ref) {
        return client.get(EntityType.CUSTOMER, List.of(ref.id()), "MainContact", "MainContact/Address")
            .map(LedgerReads.this::customer);
      }
    });
  }

  /** Released AR invoices (open, paid or cancelled) in change order. */
  public PollSource<Invoice> invoices() {
    return new ModifiedSource<>("acumatica invoices", new ModifiedSource.Spec<AcumaticaInvoice, Invoice>() {
      @Override
      public List<AcumaticaInvoice> changedSince(@Nullable OffsetDateTime since) {
        List<ODataFilter> statuses = new ArrayList<>();
        for (String s : released()) {
          statuses.add(ODataFilter.eq("Status", s));
        }
        ODataQuery q = client.query()
            .filter(ODataFilter.and(ODataFilter.eq("Type", "Invoice"), ODataFilter.or(statuses.toArray(ODataFilter[]::new))))
            .expand("Details");
        return client.listAll(invoiceType, ModifiedSource.since(q, since));
      }

      @Override
      public @Nullable OffsetDateTime modified(AcumaticaInvoice i) {
        return i.lastModified();
      }

      @Override
      public String key(AcumaticaInvoice i) {
        return i.type() + "|" + i.referenceNbr();
      }

      @Override
      public ExternalRef ref(AcumaticaInvoice i) {
        // an invoice without a customer is named by type and number alone
        return AcumaticaRefs.invoice(settings.tenant(), i.customerId() == null ? "-" : i.customerId(), i.type(),
            i.referenceNbr());
      }

      @Override
      public Invoice map(AcumaticaInvoice i) {
        return invoice(i);
      }

      @Override
      public Optional<Invoice> fetch(ExternalRef ref) {
        String[] parts = AcumaticaRefs.invoiceParts(ref);
        return client.get(invoiceType, List.of(parts[1], parts[2]), "Details")
            .filter(i -> released().contains(i.status()))
            .map(LedgerReads.this::invoice);
      }
    });
  }

  private List<String> released() {
    List<String> s = new ArrayList<>(settings.openStatuses());
    s.addAll(settings.closedStatuses());
    s.addAll(settings.cancelledStatuses());
    return s;
  }

  Customer customer(AcumaticaCustomer c) {
    Customer.Builder b = Customer.builder()
        .ref(AcumaticaRefs.customer(settings.tenant(), c.customerId()))
        .version(VERSION.format(c.lastModified()))
        .name(c.name() == null || c.name().isBlank() ? c.customerId() : c.name())
        .email(c.email() == null || c.email().isBlank() ? null : c.email().trim())
        .phone(c.phone() == null || c.phone().isBlank() ? null : c.phone())
        .active(c.status() == null || "Active".equalsIgnoreCase(c.status()))
        .extensions(Extensions.of(AcumaticaExtensions.STATUS, String.valueOf(c.status())));
    if (c.currencyId() != null && c.currencyId().matches("[A-Z]{3}")) {
      b.currency(c.currencyId());
    }
    if (c.address() != null && c.address().line1() != null) {
      List<String> lines = new ArrayList<>();
      lines.add(c.address().line1());
      if (c.address().line2() != null && !c.address().line2().isBlank()) {
        lines.add(c.address().line2());
      }
      String country = c.address().country() != null && c.address().country().matches("[A-Za-z]{2}")
          ? c.address().country().toUpperCase(Locale.ROOT) : null;
      b.billingAddress(new Address(lines, c.address().city(), c.address().state(), c.address().postalCode(), country));
    }
    return b.build();
  }

  Invoice invoice(AcumaticaInvoice i) {
    String currencyCode = i.currency() != null ? i.currency() : settings.defaultCurrency();
    java.util.Currency currency = Money.currency(currencyCode);
    List<InvoiceLine> lines = new ArrayList<>();
    int n = 0;
    for (AcumaticaInvoiceLine l : i.lines()) {
      n++;
      int number = l.lineNbr() != null && l.lineNbr() > 0 ? l.lineNbr() : n;
      BigDecimal amount = l.amount() != null ? l.amount()
          : (l.quantity() == null ? BigDecimal.ONE : l.quantity()).multiply(l.unitPrice());
      lines.add(InvoiceLine.builder().number(number)
          .description(l.description() == null || l.description().isBlank() ? null : l.description())
          .itemCode(l.inventoryId() == null || l.inventoryId().isBlank() ? null : l.inventoryId())
          .quantity(l.quantity())
          .unitPrice(l.unitPrice() == null ? null : Money.of(l.unitPrice(), currency))
          .amount(Money.of(amount, currency)).build());
    }
    Invoice.Status status;
    if (settings.cancelledStatuses().contains(i.status())) {
      status = Invoice.Status.CANCELLED;
    } else if (settings.closedStatuses().contains(i.status())) {
      status = Invoice.Status.PAID;
    } else {
      status = Invoice.Status.OPEN;
    }
    BigDecimal total = i.amount();
    BigDecimal balance = i.balance() == null ? total : i.balance();
    Money paid = total == null ? null : Money.of(total.subtract(balance).max(BigDecimal.ZERO), currency);
    return Invoice.builder()
        .ref(AcumaticaRefs.invoice(settings.tenant(), i.customerId(), i.type(), i.referenceNbr()))
        .version(VERSION.format(i.lastModified()))
        .customer(AcumaticaRefs.customer(settings.tenant(), i.customerId()))
        .number(i.referenceNbr())
        .status(status)
        .issueDate(i.date())
        .dueDate(i.dueDate() != null && !i.dueDate().isBefore(i.date()) ? i.dueDate() : null)
        .currency(currency)
        .lines(lines)
        .total(total == null ? null : Money.of(total, currency))
        .amountPaid(status == Invoice.Status.CANCELLED ? null : paid)
        .memo(i.description() == null || i.description().isBlank() ? null : i.description())
        .extensions(Extensions.builder().put(AcumaticaExtensions.BALANCE, balance)
            .put(AcumaticaExtensions.STATUS, i.status()).build())
        .build();
  }
}
