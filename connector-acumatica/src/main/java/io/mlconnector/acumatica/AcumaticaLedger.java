package io.mlconnector.acumatica;

import io.mlconnector.acumatica.internal.LedgerReads;
import io.mlconnector.acumatica.internal.LedgerSettings;
import io.mlconnector.acumatica.internal.LedgerWrites;
import io.mlconnector.core.model.Customer;
import io.mlconnector.core.model.Dispute;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.JournalEntry;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Refund;
import io.mlconnector.core.role.ReceivablesLedger;
import io.mlconnector.core.sync.PollSource;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.core.sync.TenantScoped;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Acumatica as a {@link ReceivablesLedger}: customers and released AR invoices (SalesInvoice by
 * default, or the AR Invoice entity) out; payments in as AR payments applied to the invoices and
 * released; refunds, disputes and the collector's fee and payout journals in as released GL
 * batches ({@code JournalTransaction}).
 *
 * <pre>{@code
 * ReceivablesLedger.Provider acumatica = AcumaticaLedger.provider(tenant -> AcumaticaLedger.builder(clientOf(tenant))
 *     .payments("STRIPE", "10250")                     // payment method, cash account = Stripe clearing
 *     .accounts("10250", "41000", "41100")             // clearing, refunds, disputes
 *     .build());
 * }</pre>
 *
 * <p><b>Exactly once.</b> Acumatica takes no idempotency key. Each write carries the stamp of its
 * source ({@link AcumaticaRefs#stamp}: payments in {@code ExternalRef}, GL batches at the start of
 * {@code Description}) and its operation key in the note; the engine records a PENDING intent
 * before it writes and, after a crash or a lost answer, asks {@code findByStamp}, which finds the
 * record, releases it if the release did not happen, and hands back the operation key it carries.
 *
 * <p><b>Amounts.</b> Money arrives in decimal form (the collector converted its minor units by the
 * currency's exponent); an amount with more decimals than its currency takes is refused, never
 * rounded.
 *
 * <p><b>Payment and cash.</b> Payments are entered with the tenant's payment method and cash
 * account; make the cash account the collector's clearing account, so that each payout journal
 * (debit bank, credit clearing) equals what the payments, refunds and fees of that payout left in
 * clearing.
 */
public final class AcumaticaLedger implements ReceivablesLedger {
  private final LedgerReads reads;
  private final LedgerWrites writes;
  private final boolean journals;

  private AcumaticaLedger(Builder b) {
    if (b.entity == InvoiceEntity.SALES_INVOICE && b.client.config().endpointVersion().equals("22.200.001")) {
      throw new IllegalStateException("SalesInvoice has no LastModifiedDateTime in endpoint 22.200.001:"
          + " read InvoiceEntity.INVOICE or use 23.200.001 or later");
    }
    LedgerSettings settings = new LedgerSettings(b.client.config().tenant(), b.entity, b.paymentMethod,
        b.cashAccount, b.clearingAccount, b.refundAccount, b.disputeAccount, b.branch, b.defaultCurrency,
        Set.copyOf(b.open), Set.copyOf(b.closed), Set.copyOf(b.cancelled), b.collector);
    this.reads = new LedgerReads(b.client, settings);
    this.writes = new LedgerWrites(b.client, settings);
    this.journals = b.journals;
  }

  /**
   * A builder for the ledger over {@code client}.
   *
   * @param client the tenant's client
   * @return a builder with the defaults documented on each setter
   */
  public static Builder builder(AcumaticaClient client) {
    return new Builder(client);
  }

  /**
   * The provider a receivables integration takes; {@code ledgers} is asked once per tenant.
   *
   * @param ledgers builds the ledger of a tenant; must not answer null
   * @return the provider
   */
  public static ReceivablesLedger.Provider provider(TenantScoped<AcumaticaLedger> ledgers) {
    Objects.requireNonNull(ledgers, "ledgers");
    return new ReceivablesLedger.Provider() {
      @Override
      public String system() {
        return AcumaticaRefs.SYSTEM;
      }

      @Override
      public String displayName() {
        return "Acumatica";
      }

      /** Refunds and lost disputes are GL journals here; the released invoice stays settled. */
      @Override
      public boolean refundsReopenInvoices() {
        return false;
      }

      @Override
      public String customerType() {
        return AcumaticaRefs.CUSTOMER;
      }

      @Override
      public String invoiceType() {
        return AcumaticaRefs.AR_INVOICE;
      }

      @Override
      public Optional<ExternalRef> customerOf(ExternalRef invoice) {
        if (!isInvoice(invoice)) {
          return Optional.empty();
        }
        return Optional.of(AcumaticaRefs.customer(invoice.tenant(), AcumaticaRefs.invoiceParts(invoice)[0]));
      }

      @Override
      public ReceivablesLedger forTenant(String tenant) {
        return Objects.requireNonNull(ledgers.forTenant(tenant), "ledger of tenant " + tenant);
      }
    };
  }

  @Override
  public PollSource<Customer> customers() {
    return reads.customers();
  }

  @Override
  public PollSource<Invoice> invoices() {
    return reads.invoices();
  }

  @Override
  public Sink<Payment> payments() {
    return writes.payments();
  }

  @Override
  public Sink<Refund> refunds() {
    return writes.refunds();
  }

  @Override
  public Sink<Dispute> disputes() {
    return writes.disputes();
  }

  @Override
  public Optional<Sink<JournalEntry>> journals() {
    return journals ? Optional.of(writes.journals()) : Optional.empty();
  }

  /** Acumatica's own {@code Balance} of the invoice. */
  @Override
  public Money openBalance(Invoice invoice) {
    return Money.of(invoice.extensions().get(AcumaticaExtensions.BALANCE).orElse(BigDecimal.ZERO), invoice.currency());
  }

  /** Builds an {@link AcumaticaLedger}. */
  public static final class Builder {
    private final AcumaticaClient client;
    private InvoiceEntity entity = InvoiceEntity.SALES_INVOICE;
    private @Nullable String paymentMethod;
    private @Nullable String cashAccount;
    private @Nullable String clearingAccount;
    private @Nullable String refundAccount;
    private @Nullable String disputeAccount;
    private @Nullable String branch;
    private String defaultCurrency = "USD";
    private Set<String> open = new LinkedHashSet<>(List.of("Open"));
    private Set<String> closed = new LinkedHashSet<>(List.of("Closed"));
    private Set<String> cancelled = new LinkedHashSet<>(List.of("Voided", "Canceled"));
    private String collector = "Stripe";
    private boolean journals = true;

    private Builder(AcumaticaClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Which AR document entity to read (default {@link InvoiceEntity#SALES_INVOICE}).
     *
     * @param entity the entity
     * @return this builder
     */
    public Builder invoiceEntity(InvoiceEntity entity) {
      this.entity = Objects.requireNonNull(entity, "entity");
      return this;
    }

    /**
     * The payment method and cash account of the payments written (required for payments); make
     * the cash account the collector's clearing account.
     *
     * @param paymentMethod the {@code PaymentMethod}, not blank
     * @param cashAccount the {@code CashAccount}, not blank
     * @return this builder
     * @throws IllegalArgumentException if either is blank
     */
    public Builder payments(String paymentMethod, String cashAccount) {
      this.paymentMethod = text(paymentMethod, "paymentMethod");
      this.cashAccount = text(cashAccount, "cashAccount");
      return this;
    }

    /**
     * The GL accounts of refund and dispute journals: each credits {@code clearing} and debits
     * {@code refunds} or {@code disputes} (null leaves that kind refused until it is set).
     *
     * @param clearing the clearing account, not blank
     * @param refunds the account refunds are debited to, or null
     * @param disputes the account disputed funds are debited to, or null
     * @return this builder
     * @throws IllegalArgumentException if {@code clearing} is blank
     */
    public Builder accounts(String clearing, @Nullable String refunds, @Nullable String disputes) {
      this.clearingAccount = text(clearing, "clearing");
      this.refundAccount = refunds;
      this.disputeAccount = disputes;
      return this;
    }

    /**
     * The {@code BranchID} of journals (default: the user's branch).
     *
     * @param branch the branch, or null for the user's
     * @return this builder
     */
    public Builder branch(@Nullable String branch) {
      this.branch = branch;
      return this;
    }

    /**
     * The currency of invoices whose entity carries none (the AR {@code Invoice}; default USD).
     *
     * @param currency ISO 4217 code, not blank
     * @return this builder
     * @throws IllegalArgumentException if {@code currency} is blank
     */
    public Builder defaultCurrency(String currency) {
      this.defaultCurrency = text(currency, "defaultCurrency");
      return this;
    }

    /**
     * Status names (unconfirmed beyond {@code Balanced}): released with a balance (default {@code
     * Open}), paid (default {@code Closed}), voided or cancelled (default {@code Voided}, {@code
     * Canceled}).
     *
     * @param open names of released invoices with a balance
     * @param closed names of paid invoices
     * @param cancelled names of voided or cancelled invoices
     * @return this builder
     */
    public Builder statuses(Set<String> open, Set<String> closed, Set<String> cancelled) {
      this.open = new LinkedHashSet<>(open);
      this.closed = new LinkedHashSet<>(closed);
      this.cancelled = new LinkedHashSet<>(cancelled);
      return this;
    }

    /**
     * The collector's name in descriptions (default {@code Stripe}).
     *
     * @param name the name, not blank
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public Builder collector(String name) {
      this.collector = text(name, "collector");
      return this;
    }

    /**
     * Whether the ledger takes fee and payout journals (default true).
     *
     * @param on false to refuse fee and payout journals
     * @return this builder
     */
    public Builder journals(boolean on) {
      this.journals = on;
      return this;
    }

    /**
     * The ledger.
     *
     * @return the ledger
     * @throws IllegalStateException if the SalesInvoice entity is read on endpoint 22.200.001,
     *     which lacks its {@code LastModifiedDateTime}
     */
    public AcumaticaLedger build() {
      return new AcumaticaLedger(this);
    }

    private static String text(@Nullable String v, String name) {
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return v;
    }
  }
}
