package io.mlconnector.stampli;

import io.mlconnector.core.model.CostCenter;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.role.PayablesSource;
import io.mlconnector.core.sync.FileSource;
import io.mlconnector.core.sync.Flow;
import io.mlconnector.core.sync.RecordSource;
import io.mlconnector.core.sync.Sink;
import io.mlconnector.stampli.internal.ImportSink;
import io.mlconnector.stampli.internal.OutboundFiles;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Stampli as a {@link PayablesSource}: approved invoices, payments and vendor changes read from the
 * outbound folder as {@link FileSource}s (the engine's file flows: stable-file check, hash dedup,
 * per-invoice natural-key dedup, archive after posting), and vendor, GL account and cost-centre
 * import files written to the inbound folder.
 *
 * <pre>{@code
 * StampliSource stampli = StampliSource.create(SftpClient.create(config, credentials));
 * Flow.file("stampli-invoices", Invoice.class, t -> (FileSource<Invoice>) stampli.approvedInvoices(), ...);
 * PayablesSource.Provider provider = StampliSource.provider(tenant -> clientOf(tenant));
 * }</pre>
 *
 * <p>An invoice's natural key is company, vendor, normalised number and type; the same invoice in
 * a second file is skipped, and one re-exported with other content is parked as a conflict for a
 * person unless {@link #allowingAdjustments()} is used.
 */
public final class StampliSource implements PayablesSource {
  /** Import column names (unconfirmed: Stampli's import templates are set up per customer). */
  public static final List<String> VENDOR_IMPORT_COLUMNS =
      List.of("Vendor ID", "Vendor Name", "Status", "Email", "Phone", "Currency", "Payment Terms", "Tax ID");
  /** GL account import columns. */
  public static final List<String> GL_IMPORT_COLUMNS = List.of("Account Number", "Account Name", "Type", "Status");
  /** Cost centre import columns. */
  public static final List<String> COST_CENTER_IMPORT_COLUMNS = List.of("Code", "Name", "Status");

  private final SftpClient client;
  private final StampliFiles files;
  private final boolean adjustments;
  private final FileSource<Invoice> invoices;
  private final FileSource<Payment> payments;
  private final FileSource<Vendor> vendors;

  private StampliSource(SftpClient client, boolean adjustments) {
    this.client = Objects.requireNonNull(client, "client");
    this.adjustments = adjustments;
    this.files = new StampliFiles(client.config().tenant(), client.config().template());
    this.invoices = new OutboundFiles<>(client, Entity.INVOICES, files::invoices,
        inv -> adjustments ? inv.ref().id() + "@" + inv.version() : inv.ref().id(), Invoice::ref);
    this.payments = new OutboundFiles<>(client, Entity.PAYMENTS, files::payments,
        p -> p.ref().id() + "@" + p.version(), Payment::ref);
    this.vendors = new OutboundFiles<>(client, Entity.VENDORS, files::vendors,
        v -> v.ref().id() + "@" + v.version(), Vendor::ref);
  }

  /**
   * The source over {@code client}.
   *
   * @param client the tenant's SFTP client
   * @return the source; an invoice re-exported with other content is parked as a conflict
   */
  public static StampliSource create(SftpClient client) {
    return new StampliSource(client, false);
  }

  /**
   * The same source, but an invoice re-exported with other content is offered to the ledger as a
   * change (the ledger decides whether it can adjust) instead of being parked as a conflict.
   *
   * @return a new source over the same client
   */
  public StampliSource allowingAdjustments() {
    return new StampliSource(client, true);
  }

  /**
   * The SFTP client.
   *
   * @return the client the source reads and writes through
   */
  public SftpClient client() {
    return client;
  }

  /**
   * The parser of this tenant's files.
   *
   * @return the parser, with the client's template
   */
  public StampliFiles files() {
    return files;
  }

  /** A {@link FileSource} of approved invoices and credit memos. */
  @Override
  public RecordSource<Invoice> approvedInvoices() {
    return invoices;
  }

  /** A {@link FileSource} of payments made in Stampli. */
  @Override
  public Optional<RecordSource<Payment>> payments() {
    return Optional.of(payments);
  }

  /** A {@link FileSource} of vendors created or changed in Stampli. */
  @Override
  public Optional<RecordSource<Vendor>> vendors() {
    return Optional.of(vendors);
  }

  @Override
  public Sink<Vendor> vendorImport() {
    return new ImportSink<>(client, "vendors", VENDOR_IMPORT_COLUMNS, v -> v.ref().id(),
        v -> Arrays.asList(v.ref().id(), v.name(), v.active() ? "Active" : "Inactive", v.email(), v.phone(),
            v.currency() == null ? null : v.currency().getCurrencyCode(), v.paymentTerms(), v.taxId()),
        code -> StampliRefs.vendor(client.config().tenant(), code));
  }

  @Override
  public Sink<GlAccount> glAccountImport() {
    return new ImportSink<>(client, "glaccounts", GL_IMPORT_COLUMNS, g -> g.ref().id(),
        g -> Arrays.asList(g.number(), g.name(), g.type() == null ? null : g.type().name(),
            g.active() ? "Active" : "Inactive"),
        code -> StampliRefs.glAccount(client.config().tenant(), code));
  }

  @Override
  public Optional<Sink<CostCenter>> costCenterImport() {
    return Optional.of(new ImportSink<>(client, "costcenters", COST_CENTER_IMPORT_COLUMNS, c -> c.ref().id(),
        c -> Arrays.asList(c.code(), c.name(), c.active() ? "Active" : "Inactive"),
        code -> StampliRefs.costCenter(client.config().tenant(), code)));
  }

  /**
   * The provider for the payables integration: {@code clients} gives each tenant's {@link
   * SftpClient} (called once per tenant by the integration).
   *
   * @param clients gives the SFTP client of a tenant
   * @return the provider
   */
  public static PayablesSource.Provider provider(Function<String, SftpClient> clients) {
    Objects.requireNonNull(clients, "clients");
    return new PayablesSource.Provider() {
      @Override
      public String system() {
        return StampliConfig.SYSTEM;
      }

      @Override
      public Flow.Kind inputKind() {
        return Flow.Kind.FILE;
      }

      @Override
      public PayablesSource forTenant(String tenant) {
        return create(clients.apply(tenant));
      }
    };
  }

  /**
   * Like {@link #provider(Function)}, but for the tenants {@code adjustmentsAllowed} accepts an
   * invoice re-exported with other content is offered to the ledger as a change ({@link
   * #allowingAdjustments()}) instead of being parked as a conflict.
   *
   * @param clients gives the SFTP client of a tenant
   * @param adjustmentsAllowed whether a tenant's re-exported invoices are offered as changes
   * @return the provider
   */
  public static PayablesSource.Provider provider(
      Function<String, SftpClient> clients, java.util.function.Predicate<String> adjustmentsAllowed) {
    Objects.requireNonNull(adjustmentsAllowed, "adjustmentsAllowed");
    PayablesSource.Provider plain = provider(clients);
    return new PayablesSource.Provider() {
      @Override
      public String system() {
        return plain.system();
      }

      @Override
      public Flow.Kind inputKind() {
        return plain.inputKind();
      }

      @Override
      public PayablesSource forTenant(String tenant) {
        StampliSource s = create(clients.apply(tenant));
        return adjustmentsAllowed.test(tenant) ? s.allowingAdjustments() : s;
      }
    };
  }
}
