package io.mlconnector.samples.pairs;

import io.mlconnector.core.credential.CredentialStore;
import io.mlconnector.core.credential.Credentials;
import io.mlconnector.core.credential.KeyProvider;
import io.mlconnector.core.credential.Secret;
import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.state.JdbcStateStore;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.sync.FileRow;
import io.mlconnector.core.sync.RunReport;
import io.mlconnector.integrations.PayablesIntegration;
import io.mlconnector.integrations.PayablesReconciliation;
import io.mlconnector.samples.SampleConfig;
import io.mlconnector.samples.systems.PingLine;
import io.mlconnector.samples.systems.SysproSimulation;
import io.mlconnector.samples.systems.SysproSystem;
import io.mlconnector.stampli.HostKeyPolicy;
import io.mlconnector.stampli.PingReport;
import io.mlconnector.stampli.SftpClient;
import io.mlconnector.stampli.StampliConfig;
import io.mlconnector.stampli.StampliCredentials;
import io.mlconnector.stampli.StampliFiles;
import io.mlconnector.stampli.StampliSource;
import io.mlconnector.stampli.StampliTemplate;
import io.mlconnector.syspro.SysproPayables;
import io.mlconnector.syspro.SysproSync;
import io.mlconnector.testkit.sftp.SftpServer;
import io.mlconnector.testkit.stampli.ExportInvoice;
import io.mlconnector.testkit.stampli.ExportVendor;
import io.mlconnector.testkit.stampli.StampliExport;
import io.mlconnector.testkit.syspro.GlAccount;
import io.mlconnector.testkit.syspro.Supplier;
import io.mlconnector.testkit.syspro.SysproSimulator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stampli -&gt; SYSPRO: approved AP invoices exported by Stampli over SFTP posted to SYSPRO
 * (APSTIN) through the published {@link PayablesIntegration}; SYSPRO's GL accounts and suppliers
 * written to Stampli as import files, Stampli's new vendors set up in SYSPRO (APSSSP).
 *
 * <p>The demo runs a real SFTP server (embedded, on loopback) with generated exports: files of 50
 * invoices, one file exported twice under another name, a credit memo, a new vendor and a
 * payment file; then reconciles (every approved invoice in the exports posted once, totals per
 * vendor and currency equal) and counts SYSPRO's AP invoices. The payments are taken up to the
 * SYSPRO posting and parked with the reason (AP payment posting, APSTPM, is unconfirmed).
 *
 * <p>Settings for real systems: {@code syspro.*} as for the other SYSPRO pairs; {@code stampli.host},
 * {@code stampli.port} (22), {@code stampli.user}, {@code stampli.hostkey} (a {@code SHA256:}
 * fingerprint) or {@code stampli.known.hosts} (a file), {@code stampli.outbound}, {@code
 * stampli.inbound}, {@code stampli.archive}, {@code stampli.payments} ({@code true} to take Stampli
 * payments and park them in SYSPRO with the reason; default off); secrets {@code
 * stampli.password}, or {@code stampli.private.key} with {@code stampli.passphrase}.
 */
public final class StampliSysproPair implements Pair {
  private static final int PER_FILE = 50;

  @Override
  public String name() {
    return "stampli-syspro";
  }

  @Override
  public DemoResult demo(PrintStream out, Path dataDir, int invoices) throws InterruptedException {
    String tenant = "demo";
    try (SysproSimulation sim = SysproSimulation.builder().start();
        SftpServer sftp = SftpServer.builder().user("stampli", "Sftp-Demo-Pw").start();
        JdbcStateStore store = JdbcStateStore.embeddedH2(dataDir).build()) {
      SysproSimulator syspro = sim.simulator();
      for (int v = 1; v <= 50; v++) {
        syspro.addSupplier(Supplier.of(String.format(Locale.ROOT, "V%04d", v), "Supplier " + v));
      }
      for (int g = 0; g < 10; g++) {
        syspro.addGlAccount(GlAccount.of("60" + g + "0", "Expense " + g, "E"));
      }
      List<ExportInvoice> all = new ArrayList<>();
      StampliExport.randomInvoices(2026, Math.max(1, invoices)).forEach(all::add);
      StampliExport csv = StampliExport.csv();
      List<Invoice> exported = new ArrayList<>();
      int files = 0;
      for (int from = 0; from < all.size(); from += PER_FILE) {
        byte[] file = csv.invoices(all.subList(from, Math.min(all.size(), from + PER_FILE)));
        sftp.put(String.format(Locale.ROOT, "/outbound/invoices-%04d.csv", ++files), file);
        exported.addAll(parse(tenant, file));
      }
      byte[] again = csv.invoices(all.subList(0, Math.min(all.size(), PER_FILE)));
      sftp.put("/outbound/invoices-9999-reexport.csv", again);
      ExportInvoice first = all.get(0);
      byte[] credit = csv.invoices(List.of(new ExportInvoice(first.company(), null, first.number(), first.vendorCode(),
          first.vendorName(), "Credit Memo", first.invoiceDate(), null, first.currency(), first.tax(),
          first.lines().get(0).amount(), "Approved", "credit for a damaged delivery", null, List.of(first.lines().get(0)))));
      sftp.put("/outbound/invoices-zz-credits.csv", credit);
      exported.addAll(parse(tenant, credit));
      // Stampli payments of the first two invoices: taken up to the SYSPRO posting, then parked
      // with the reason (SYSPRO AP payment posting is unconfirmed in the reference)
      List<io.mlconnector.testkit.stampli.ExportPayment> paid = new ArrayList<>();
      for (ExportInvoice inv : all.subList(0, Math.min(2, all.size()))) {
        paid.add(new io.mlconnector.testkit.stampli.ExportPayment(inv.company(), "PAY-" + inv.number(), inv.number(),
            inv.vendorCode(), inv.invoiceDate().plusDays(30), inv.total(), inv.currency(), "Check",
            "CHK-" + inv.number(), "Paid"));
      }
      sftp.put("/outbound/payments-0001.csv", csv.payments(paid));
      sftp.put("/outbound/vendors-0001.csv", csv.vendors(List.of(
          new ExportVendor("V0900", "Trail Maps Ltd", true, "ap@trailmaps.example", null, "USD", "30"))));
      out.println("exports on the SFTP server: " + (files + 2) + " invoice files (" + all.size()
          + " invoices, one file exported twice, one credit memo), a payment file (" + paid.size()
          + " payments) and a vendor file");

      SftpClient client = SftpClient.create(StampliConfig.builder(tenant, sftp.host(), "stampli").port(sftp.port())
          .hostKeys(HostKeyPolicy.pinned(sftp.hostKeyFingerprint())).archive("/archive").build(),
          StampliCredentials.password("Sftp-Demo-Pw"));
      SysproSystem sys = SysproSystem.open(SampleConfig.of(sysproSettings(sim, tenant), "demo"),
          memoryCredentials(sim, tenant), HttpTransport.builder().build());
      try (PayablesIntegration payables = PayablesIntegration.builder().store(store)
          .source(StampliSource.provider(t -> client))
          .ledger(SysproPayables.provider(t -> SysproSync.builder(sys.client()).build()))
          .tenants(List.of(tenant)).parallelism(8).payments(true).build()) {
        for (int round = 1; round <= 8 && !sftp.list("/outbound").isEmpty(); round++) {
          Map<String, RunReport> reports = payables.runOnce(tenant);
          out.println("run " + round + ": " + summary(reports));
        }
        PayablesReconciliation r = payables.reconcile(tenant, exported);
        out.println("SYSPRO AP invoices: " + syspro.apInvoiceCount() + "; import files for Stampli: "
            + sftp.list("/inbound").size() + "; new supplier V0900 in SYSPRO: " + syspro.supplier("V0900").isPresent());
        long parkedPayments = store.audit(io.mlconnector.core.state.AuditQuery.all(tenant)
            .withOutcome(io.mlconnector.core.state.AuditEntry.Outcome.PARKED)).items().stream()
            .filter(a -> a.flow().equals(PayablesIntegration.PAYMENTS)).count();
        out.println("Stampli payments parked, not posted: " + parkedPayments + " (SYSPRO AP payment posting,"
            + " APSTPM, is unconfirmed in the reference; see connector-stampli's README)");
        out.println("reconciliation: " + r.posted() + " of " + r.exported() + " exported invoices posted once"
            + (r.parked().isEmpty() ? "" : ", parked " + r.parked()));
        int failing = r.notPosted().size() + r.postedTwice().size()
            + (r.exportedTotals().equals(r.postedTotals()) ? 0 : 1) + (sftp.list("/outbound").isEmpty() ? 0 : 1);
        String detail = failing == 0 ? "" : "not posted " + r.notPosted().size() + ", posted twice " + r.postedTwice()
            + ", files left " + sftp.list("/outbound");
        return new DemoResult(name(), r.exported(), failing, detail);
      } finally {
        sys.close();
      }
    }
  }

  private static String summary(Map<String, RunReport> reports) {
    StringBuilder sb = new StringBuilder();
    reports.forEach((flow, rep) -> {
      if (rep.written() + rep.parked() > 0) {
        sb.append(sb.length() == 0 ? "" : ", ").append(flow).append(" wrote ").append(rep.written())
            .append(rep.parked() > 0 ? " parked " + rep.parked() : "");
      }
    });
    return sb.length() == 0 ? "nothing to write (files not stable yet, or done)" : sb.toString();
  }

  private static List<Invoice> parse(String tenant, byte[] file) {
    try {
      return new StampliFiles(tenant, StampliTemplate.defaults()).invoices("x.csv", new ByteArrayInputStream(file))
          .map(FileRow::document).filter(d -> d != null).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> sysproSettings(SysproSimulation sim, String tenant) {
    Map<String, String> p = new java.util.LinkedHashMap<>();
    p.put("tenant", tenant);
    sim.properties(tenant).forEach((k, v) -> {
      if (!k.endsWith("password")) {
        p.put(k, v);
      }
    });
    return p;
  }

  private static CredentialStore memoryCredentials(SysproSimulation sim, String tenant) {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    CredentialStore store = CredentialStore.builder(
        KeyProvider.of("demo", Map.of("demo", new javax.crypto.spec.SecretKeySpec(key, "AES")))).build();
    Map<String, String> p = sim.properties(tenant);
    store.put(tenant, SysproSystem.NAME, Credentials.builder()
        .put("operatorPassword", Secret.of(p.get("syspro.operator.password")))
        .put("companyPassword", Secret.of(p.get("syspro.company.password")))
        .put("odataPassword", Secret.of(p.get("syspro.odata.password"))).build());
    return store;
  }

  /** Opens SFTP and SYSPRO from the settings. */
  static SftpClient stampli(SampleConfig config, CredentialStore credentials) {
    StampliConfig.Builder b = StampliConfig.builder(config.tenant(), config.require("stampli.host"),
        config.require("stampli.user"));
    config.value("stampli.port").ifPresent(v -> b.port(Integer.parseInt(v)));
    config.value("stampli.outbound").ifPresent(b::outbound);
    config.value("stampli.inbound").ifPresent(b::inbound);
    config.value("stampli.archive").ifPresent(b::archive);
    if (config.value("stampli.hostkey").isPresent()) {
      b.hostKeys(HostKeyPolicy.pinned(config.require("stampli.hostkey")));
    } else {
      b.hostKeys(HostKeyPolicy.knownHosts(Path.of(config.require("stampli.known.hosts"))));
    }
    Credentials c = config.credentials(credentials, StampliConfig.SYSTEM, "stampli.password or stampli.private.key");
    return SftpClient.create(b.build(), StampliCredentials.from(c));
  }

  @Override
  public PairApp open(SampleConfig config, KeyProvider keys) {
    CredentialStore credentials = CredentialStore.builder(keys)
        .storage(io.mlconnector.core.credential.CredentialStorage.directory(config.dataDir().resolve("credentials")))
        .build();
    if (config.hasSecrets()) {
      config.storeSecrets(credentials);
    }
    SftpClient client = stampli(config, credentials);
    SysproSystem sys = SysproSystem.open(config, credentials, HttpTransport.builder().build());
    StateStore store = JdbcStateStore.embeddedH2(config.dataDir()).build();
    PayablesIntegration.Builder b = PayablesIntegration.builder().store(store)
        .source(StampliSource.provider(t -> client))
        .ledger(SysproPayables.provider(t -> SysproSync.builder(sys.client()).build()))
        .tenants(List.of(config.tenant())).schedule(config.pollInterval(), config.pollInterval().dividedBy(10));
    config.value("engine.parallelism").ifPresent(v -> b.parallelism(Integer.parseInt(v)));
    config.value("node.id").ifPresent(b::nodeId);
    // Stampli payments: parked in SYSPRO with the reason until AP payment posting is confirmed
    config.value("stampli.payments").map(Boolean::parseBoolean).ifPresent(b::payments);
    java.time.Duration grace = config.duration("engine.pending.grace").orElse(java.time.Duration.ofMinutes(2));
    java.time.Duration leaseTtl = config.duration("engine.lease.ttl").orElse(null);
    b.engine(e -> {
      e.pendingGracePeriod(grace);
      if (leaseTtl != null) {
        e.leaseTtl(leaseTtl);
      }
      return e;
    });
    PayablesIntegration payables = b.build();
    return new PairApp() {
      @Override
      public String tenant() {
        return config.tenant();
      }

      @Override
      public URI webhookUrl() {
        return null;
      }

      @Override
      public Map<String, RunReport> runOnce() {
        return payables.runOnce(config.tenant());
      }

      @Override
      public void start() {
        payables.engine().start();
      }

      @Override
      public void close() {
        payables.close();
        sys.close();
        store.close();
      }
    };
  }

  @Override
  public List<PingLine> ping(SampleConfig config, CredentialStore credentials, HttpTransport transport) {
    List<PingLine> out = new ArrayList<>();
    try (SysproSystem sys = SysproSystem.open(config, credentials, transport)) {
      out.addAll(sys.ping());
    }
    PingReport report = stampli(config, credentials).ping();
    for (PingReport.Check c : report.checks()) {
      out.add(new PingLine("Stampli SFTP", c.name(), c.ok(), c.latency(), c.detail()));
    }
    return out;
  }
}
