package io.mlconnector.sapb1;

import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.Dispute;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.role.ReceivablesLedger;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.TenantScoped;
import io.mlconnector.sapb1.internal.ChangeSource;
import io.mlconnector.sapb1.internal.CurrencyCodes;
import io.mlconnector.sapb1.internal.PaymentSinks;
import io.mlconnector.sapb1.internal.RecordMappers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * SAP Business One as a {@link ReceivablesLedger}: customer business partners and A/R invoices out
 * (incremental on UpdateDate + UpdateTime), incoming payments applied to the invoices in; refunds
 * and disputes that withdraw funds reduce the incoming payment (cancelled and re-posted for the
 * remainder in one atomic change set); a won dispute re-posts what came back.
 *
 * <pre>{@code
 * ReceivablesLedger.Provider sapB1 = SapB1Ledger.provider(tenant -> SapB1Client.create(transport, configOf(tenant)));
 * ReceivablesIntegration.builder(sapB1, StripeCollector.provider(...)).build();
 * }</pre>
 *
 * <p><b>Stamps.</b> Every write carries the stamp of its source ({@link SapB1Refs#stamp}) in the
 * client's {@link SapB1Config#paymentStampField()} ({@code Remarks} by default: long enough, free
 * text unused by B1's logic, present on every install, filterable with {@code eq}); a
 * user-defined field {@code U_...} is better where an administrator can add and index one. Every
 * sink finds its writes by that stamp.
 *
 * <p><b>Reference data both ways.</b> SAP B1 is the system of record for customers: names,
 * e-mail, addresses, currency and payment terms flow from the business partner to the collector
 * only. A customer who changes an e-mail address or payment terms in the collector's portal does
 * not change the business partner: such a change would be undone by the next change in B1, and
 * master data in the ERP is changed by people who own it. The next change of the business partner
 * in B1 overwrites what the collector holds.
 *
 * <p>An A/R invoice's ref carries only its DocEntry, so {@link Provider#customerOf} is empty and
 * the payment sink reads the invoice's CardCode.
 */
public final class SapB1Ledger implements ReceivablesLedger {
  private final SapB1Client client;
  private final PollSource<Customer> customers;
  private final PollSource<Invoice> invoices;
  private final PaymentSinks sinks;

  private SapB1Ledger(SapB1Client client, Options options) {
    this(client, new CurrencyCodes(client.config().tenant(), options.currencies, client));
  }

  private SapB1Ledger(SapB1Client client, CurrencyCodes currencies) {
    this.client = Objects.requireNonNull(client, "client");
    SapB1Config c = client.config();
    if (c.transferAccount() == null) {
      throw new IllegalArgumentException(
          "SapB1Config of tenant " + c.tenant() + " has no transferAccount: incoming payments need the G/L account"
              + " they are booked to (SapB1Config.Builder.transferAccount)");
    }
    RecordMappers mappers = new RecordMappers(c.tenant(), c.localCurrency(), currencies);
    this.customers = new ChangeSource<>(client, "BusinessPartners", "CardCode",
        client.enumEquals("CardType", "BoCardTypes", "cCustomer"),
        e -> SapB1Refs.customer(c.tenant(), e.string("CardCode")),
        e -> mappers.customer(BusinessPartner.of(e)),
        ref -> client.businessPartner(ref.id()).filter(BusinessPartner::isCustomer).map(mappers::customer));
    this.invoices = new ChangeSource<>(client, "Invoices", "DocEntry", null,
        e -> SapB1Refs.invoice(c.tenant(), Long.parseLong(e.string("DocEntry"))),
        e -> mappers.invoice(Document.of(e)),
        ref -> client.invoice(SapB1Refs.docEntry(ref, SapB1Refs.AR_INVOICE)).map(mappers::invoice));
    this.sinks = new PaymentSinks(client, c.tenant(), mappers, c.paymentStampField(), c.transferAccount());
  }

  /**
   * The ledger over {@code client} with default options.
   *
   * @param client the tenant's client; its config must name a transfer account
   * @return the ledger
   * @throws IllegalArgumentException if the client's config has no transfer account
   */
  public static SapB1Ledger of(SapB1Client client) {
    return new SapB1Ledger(client, Options.defaults());
  }

  /**
   * The ledger over {@code client}.
   *
   * @param client the tenant's client; its config must name a transfer account
   * @param options the currency mapping
   * @return the ledger
   * @throws IllegalArgumentException if the client's config has no transfer account
   */
  public static SapB1Ledger of(SapB1Client client, Options options) {
    return new SapB1Ledger(client, Objects.requireNonNull(options, "options"));
  }

  /**
   * The provider a receivables integration takes; {@code clients} is asked once per tenant.
   *
   * @param clients builds the client of a tenant; must not answer null
   * @return the provider
   */
  public static ReceivablesLedger.Provider provider(TenantScoped<SapB1Client> clients) {
    return provider(clients, Options.defaults());
  }

  /**
   * The provider with {@code options} for every tenant.
   *
   * @param clients builds the client of a tenant; must not answer null
   * @param options the currency mapping of every tenant
   * @return the provider
   */
  public static ReceivablesLedger.Provider provider(TenantScoped<SapB1Client> clients, Options options) {
    Objects.requireNonNull(clients, "clients");
    Objects.requireNonNull(options, "options");
    ConcurrentMap<String, CurrencyCodes> currencies = new ConcurrentHashMap<>();
    return new ReceivablesLedger.Provider() {
      @Override
      public String system() {
        return SapB1Refs.SYSTEM;
      }

      @Override
      public String customerType() {
        return SapB1Refs.CUSTOMER;
      }

      @Override
      public String invoiceType() {
        return SapB1Refs.AR_INVOICE;
      }

      @Override
      public Optional<ExternalRef> customerOf(ExternalRef invoice) {
        return Optional.empty();
      }

      @Override
      public ReceivablesLedger forTenant(String tenant) {
        SapB1Client client = Objects.requireNonNull(clients.forTenant(tenant), "client of tenant " + tenant);
        if (!client.config().tenant().equals(tenant)) {
          throw new IllegalStateException("the client for tenant " + tenant + " is configured for tenant "
              + client.config().tenant());
        }
        // the company's currencies are read once per tenant and kept across the ledgers of that tenant
        return new SapB1Ledger(client, currencies.computeIfAbsent(tenant,
            t -> new CurrencyCodes(t, options.currencies, client)).readFrom(client));
      }
    };
  }

  /**
   * The client underneath.
   *
   * @return the client this ledger reads and writes through
   */
  public SapB1Client client() {
    return client;
  }

  @Override
  public PollSource<Customer> customers() {
    return customers;
  }

  @Override
  public PollSource<Invoice> invoices() {
    return invoices;
  }

  @Override
  public Sink<Payment> payments() {
    return sinks.payments();
  }

  @Override
  public Sink<Refund> refunds() {
    return sinks.refunds();
  }

  @Override
  public Sink<Dispute> disputes() {
    return sinks.disputes();
  }

  /**
   * What the customer still owes on {@code invoice} in B1: nothing on a cancelled invoice (its
   * cancellation document offsets it), else the total less {@code PaidToDate}.
   */
  @Override
  public Money openBalance(Invoice invoice) {
    return invoice.status() == Invoice.Status.CANCELLED ? Money.zero(invoice.currency()) : invoice.amountDue();
  }

  /** Options of a ledger. Immutable. */
  public static final class Options {
    private final Map<String, String> currencies;

    private Options(Map<String, String> currencies) {
      this.currencies = Map.copyOf(currencies);
    }

    /**
     * No configured currency mapping: each B1 currency code is resolved from the company's {@code
     * Currencies} (its {@code InternationalDescription}, {@code DocumentsCode} or {@code Code},
     * whichever is an ISO 4217 code; see {@link B1Currency#iso()}), read once per tenant.
     *
     * @return the options
     */
    public static Options defaults() {
      return new Options(Map.of());
    }

    /**
     * These options with the B1 currency code {@code b1Code} ({@code US$}, user-defined in B1)
     * standing for the ISO 4217 code {@code iso} ({@code USD}); it wins over what the company's
     * {@code Currencies} say.
     *
     * @param b1Code the B1 currency code, e.g. {@code US$}
     * @param iso the ISO 4217 code, e.g. {@code USD}
     * @return a copy with the mapping added or replaced
     * @throws IllegalArgumentException if {@code iso} is not an ISO 4217 code
     */
    public Options currency(String b1Code, String iso) {
      Objects.requireNonNull(b1Code, "b1Code");
      java.util.Currency.getInstance(Objects.requireNonNull(iso, "iso"));
      Map<String, String> m = new LinkedHashMap<>(currencies);
      m.put(b1Code, iso);
      return new Options(m);
    }
  }
}
