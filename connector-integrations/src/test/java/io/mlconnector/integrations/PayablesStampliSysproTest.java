package io.mlconnector.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.http.HttpTransport;
import io.mlconnector.core.http.RetryPolicy;
import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.state.AuditEntry;
import io.mlconnector.core.state.AuditQuery;
import io.mlconnector.core.state.InMemoryStateStore;
import io.mlconnector.core.state.JdbcStateStore;
import io.mlconnector.core.state.StateStore;
import io.mlconnector.core.sync.FileRow;
import io.mlconnector.stampli.HostKeyPolicy;
import io.mlconnector.stampli.SftpClient;
import io.mlconnector.stampli.StampliConfig;
import io.mlconnector.stampli.StampliCredentials;
import io.mlconnector.stampli.StampliFiles;
import io.mlconnector.stampli.StampliSource;
import io.mlconnector.stampli.StampliTemplate;
import io.mlconnector.syspro.SysproClient;
import io.mlconnector.syspro.SysproConfig;
import io.mlconnector.syspro.SysproCredentials;
import io.mlconnector.syspro.SysproPayables;
import io.mlconnector.syspro.SysproSync;
import io.mlconnector.testkit.TestPostgres;
import io.mlconnector.testkit.sftp.SftpServer;
import io.mlconnector.testkit.stampli.ExportInvoice;
import io.mlconnector.testkit.stampli.ExportLine;
import io.mlconnector.testkit.stampli.StampliExport;
import io.mlconnector.testkit.syspro.ApInvoice;
import io.mlconnector.testkit.syspro.GlAccount;
import io.mlconnector.testkit.syspro.Operator;
import io.mlconnector.testkit.syspro.Supplier;
import io.mlconnector.testkit.syspro.SysproSimulator;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stampli (real SFTP server, generated exports) into SYSPRO (simulator) through the payables integration. */
class PayablesStampliSysproTest {
  static final String T = "acme";
  SysproSimulator syspro;
  SftpServer sftp;
  HttpTransport transport;
  final List<PayablesIntegration> opened = new ArrayList<>();

  @BeforeEach
  void start() {
    syspro = SysproSimulator.builder().operator(Operator.of("INTEG", "pw").withODataPassword("odata")).start();
    syspro.setCurrentPeriod(YearMonth.of(2026, 3));
    for (int i = 1; i <= 10; i++) {
      syspro.addSupplier(Supplier.of(String.format("V%04d", i), "Vendor V" + i));
    }
    for (int g = 0; g < 3; g++) {
      syspro.addGlAccount(GlAccount.of("60" + g + "0", "Expense " + g, "E"));
    }
    sftp = SftpServer.builder().user("stampli", "pw").start();
    transport = HttpTransport.builder().sleeper(d -> {}).build();
  }

  @AfterEach
  void stop() {
    opened.forEach(PayablesIntegration::close);
    sftp.close();
    syspro.close();
  }

  SftpClient stampliClient() {
    return SftpClient.create(StampliConfig.builder(T, sftp.host(), "stampli").port(sftp.port())
        .hostKeys(HostKeyPolicy.pinned(sftp.hostKeyFingerprint())).archive("/archive").build(),
        StampliCredentials.password("pw"));
  }

  PayablesIntegration integration(StateStore store, String node) {
    return integration(store, node, b -> b);
  }

  PayablesIntegration integration(StateStore store, String node,
      java.util.function.UnaryOperator<PayablesIntegration.Builder> custom) {
    SysproClient client = SysproClient.create(transport, SysproConfig.builder(T, "acme/syspro")
        .restBaseUrl(syspro.restBaseUri().toString())
        .odata(syspro.odataServiceUri().toString(), "INTEG", "odata")
        .credentials(SysproCredentials.of("INTEG", "pw", syspro.companyId(), ""))
        .acquireTimeout(Duration.ofSeconds(10))
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).build());
    SftpClient stampli = stampliClient();
    PayablesIntegration p = custom.apply(PayablesIntegration.builder().store(store)
        .source(StampliSource.provider(t -> stampli))
        .ledger(SysproPayables.provider(t -> SysproSync.builder(client).build()))
        .tenants(List.of(T)).nodeId(node).parallelism(4)).build();
    opened.add(p);
    return p;
  }

  static ExportInvoice invoice(String number, String vendor, String... amounts) {
    List<ExportLine> lines = new ArrayList<>();
    for (int i = 0; i < amounts.length; i++) {
      lines.add(ExportLine.of(i + 1, "60" + i + "0", amounts[i], "Line " + (i + 1), "CC10"));
    }
    return ExportInvoice.approved("ACME", number, vendor, LocalDate.of(2026, 3, 2), "USD", "0.00", lines);
  }

  static List<Invoice> parsed(byte[] file) throws Exception {
    return new StampliFiles(T, StampliTemplate.defaults()).invoices("x.csv", new ByteArrayInputStream(file))
        .map(FileRow::document).filter(d -> d != null).toList();
  }

  Map<String, Long> postedPerInvoice() {
    return syspro.apInvoices().stream().collect(Collectors.groupingBy(a -> a.supplier() + "/" + a.invoice(), Collectors.counting()));
  }

  @Test
  void happyPathReferenceDataFirstThenInvoicesReconciled() throws Exception {
    byte[] file = StampliExport.csv().invoices(List.of(invoice("INV-1", "V0001", "100.00", "20.00"),
        invoice("INV-2", "V0002", "55.10")));
    // a credit memo against INV-1 (APSTIN credits an existing invoice), exported the next day
    byte[] credit = StampliExport.csv().invoices(List.of(invoice("INV-1", "V0001", "10.00").asCreditMemo()));
    sftp.put("/outbound/invoices-20260302.csv", file);
    sftp.put("/outbound/invoices-20260303.csv", credit);
    PayablesIntegration p = integration(new InMemoryStateStore(), "n1");

    p.runOnce(T);                      // first look: the file is not taken yet
    assertThat(syspro.apInvoiceCount()).isZero();
    p.runOnce(T);                      // unchanged on the second look: taken

    assertThat(syspro.apInvoices()).extracting(ApInvoice::invoice).contains("INV-1", "INV-2");
    assertThat(p.engine().runOnce(T, PayablesIntegration.INVOICES).parked()).isZero();
    assertThat(sftp.list("/outbound")).isEmpty();
    assertThat(sftp.list("/archive")).containsExactly("/archive/invoices-20260302.csv", "/archive/invoices-20260303.csv");
    assertThat(sftp.list("/inbound")).anyMatch(f -> f.startsWith("/inbound/glaccounts-6000-"))
        .anyMatch(f -> f.startsWith("/inbound/vendors-V0001-"));
    List<Invoice> exported = new ArrayList<>(parsed(file));
    exported.addAll(parsed(credit));
    PayablesReconciliation r = p.reconcile(T, exported);
    assertThat(r.balanced()).as(r.toString()).isTrue();
    assertThat(r.exportedTotals()).containsEntry("V0001 USD", new BigDecimal("110.00"));
    // vendors imported into Stampli and read back do not bounce into SYSPRO
    sftp.put("/outbound/vendors-1.csv", StampliExport.csv().vendors(List.of(
        new io.mlconnector.testkit.stampli.ExportVendor("V0001", "Vendor V1", true, null, null, null, null),
        new io.mlconnector.testkit.stampli.ExportVendor("V0900", "New Supplies Ltd", true, null, null, null, null))));
    p.runOnce(T);
    p.runOnce(T);
    assertThat(syspro.supplier("V0900")).isPresent();
    assertThat(syspro.supplier("V0001").orElseThrow().name()).isEqualTo("Vendor V1");
  }

  @Test
  void glOnlyTenantsGetBalancedJournalsAndAMissingGlMappingIsParkedNamingTheCode() {
    syspro.addGlAccount(GlAccount.of("2100", "AP control", "L"));
    syspro.addGlAccount(GlAccount.of("2200", "Input tax", "A"));
    syspro.addGlAccount(GlAccount.of("00-7000-CC10", "Travel, cost centre 10", "E"));
    StateStore store = new InMemoryStateStore();
    PayablesIntegration p = integration(store, "n1", b -> b.postingMode(PayablesIntegration.PostingMode.GL_JOURNALS)
        .referenceTables(io.mlconnector.core.mapping.ReferenceTables.builder()
            .put(T, "accounts", "ap-control", "2100").put(T, "accounts", "ap-tax", "2200")
            .put(T, "gl-accounts", "7000|CC10", "00-7000-CC10").build()));
    ExportInvoice travel = ExportInvoice.approved("ACME", "INV-40", "V0007", LocalDate.of(2026, 3, 5), "USD", "8.00",
        List.of(ExportLine.of(1, "7000", "92.00", "Train", "CC10")));
    ExportInvoice unknown = ExportInvoice.approved("ACME", "INV-41", "V0007", LocalDate.of(2026, 3, 5), "USD", "0.00",
        List.of(ExportLine.of(1, "9999", "5.00", "Mystery", null)));
    sftp.put("/outbound/invoices-gl.csv", StampliExport.csv().invoices(List.of(travel, invoice("INV-42", "V0008", "30.00"), unknown)));
    p.runOnce(T);
    p.runOnce(T);
    assertThat(syspro.apInvoiceCount()).isZero();
    assertThat(syspro.glJournals()).hasSize(2);
    assertThat(store.audit(AuditQuery.all(T).withOutcome(AuditEntry.Outcome.PARKED)).items()).singleElement()
        .satisfies(a -> assertThat(a.error()).contains("GL account '9999'").contains("gl-accounts"));
  }

  @Test
  void aCreditNoteWhoseAnswerIsLostAfterCommitCreditsOnce() {
    PayablesIntegration p = integration(new InMemoryStateStore(), "n1", b -> b
        .retryPolicy(new io.mlconnector.core.sync.RetryQueuePolicy(Duration.ZERO, Duration.ZERO, 5))
        .engine(e -> e.pendingGracePeriod(Duration.ZERO)));
    sftp.put("/outbound/invoices-20260302.csv", StampliExport.csv().invoices(List.of(invoice("INV-7", "V0004", "100.00"))));
    p.runOnce(T);
    p.runOnce(T);
    assertThat(syspro.apInvoices()).singleElement().satisfies(a -> assertThat(a.balance()).isEqualByComparingTo("100.00"));
    // APSTIN keeps no duplicate check for a credit note: only its stamp, read back, stops a second credit
    sftp.put("/outbound/invoices-20260303.csv",
        StampliExport.csv().invoices(List.of(invoice("INV-7", "V0004", "30.00").asCreditMemo())));
    syspro.faults().exempt(r -> !("APSTIN".equals(r.queryParam("BusinessObject"))
        || r.path().toLowerCase(java.util.Locale.ROOT).endsWith("/transaction/postld")));
    syspro.faults().failNext(1, io.mlconnector.testkit.http.Fault.RESPONSE_LOST_AFTER_COMMIT);
    p.runOnce(T);
    p.runOnce(T);                                   // the note posts; its answer is lost
    assertThat(syspro.faults().injectedCount()).isEqualTo(1);
    assertThat(syspro.apInvoices()).singleElement().satisfies(a -> assertThat(a.balance()).isEqualByComparingTo("70.00"));
    for (int i = 0; i < 4; i++) {
      p.runOnce(T);                                 // the retry finds the note by its stamp and adopts it
    }
    assertThat(syspro.apInvoices()).singleElement().satisfies(a -> assertThat(a.balance()).isEqualByComparingTo("70.00"));
    assertThat(p.engine().runOnce(T, PayablesIntegration.INVOICES).parked()).isZero();
    assertThat(sftp.list("/archive")).containsExactly("/archive/invoices-20260302.csv", "/archive/invoices-20260303.csv");
  }

  @Test
  void paymentsAreTakenUpToThePostingAndParkedNamingWhatSysproLacks() {
    StateStore store = new InMemoryStateStore();
    PayablesIntegration p = integration(store, "n1", b -> b.payments(true));
    sftp.put("/outbound/invoices-20260302.csv", StampliExport.csv().invoices(List.of(invoice("INV-8", "V0005", "80.00"))));
    p.runOnce(T);
    p.runOnce(T);
    sftp.put("/outbound/payments-20260310.csv", StampliExport.csv().payments(List.of(
        new io.mlconnector.testkit.stampli.ExportPayment("ACME", "PAY-1", "INV-8", "V0005", LocalDate.of(2026, 3, 10),
            new BigDecimal("80.00"), "USD", "Check", "CHK-1001", "Paid"),
        new io.mlconnector.testkit.stampli.ExportPayment("ACME", "PAY-2", "INV-8", "V0005", LocalDate.of(2026, 3, 11),
            new BigDecimal("5.00"), "USD", "ACH", null, "Voided"))));
    p.runOnce(T);
    p.runOnce(T);
    List<AuditEntry> parked = store.audit(AuditQuery.all(T).withOutcome(AuditEntry.Outcome.PARKED)).items();
    assertThat(parked).hasSize(2).allSatisfy(a -> assertThat(a.flow()).isEqualTo(PayablesIntegration.PAYMENTS));
    // mapped to the SYSPRO supplier and the AP invoice it pays, then parked naming what the reference lacks
    assertThat(parked).anySatisfy(a -> assertThat(a.error()).contains("APSTPM").contains("unconfirmed")
        .contains("80.00 USD to supplier V0005").contains("(CHK-1001)").contains("AP invoice(s) V0005|INV-8 80.00"));
    assertThat(parked).anySatisfy(a -> assertThat(a.error()).contains("voided"));
    assertThat(syspro.apInvoices()).singleElement().satisfies(a -> assertThat(a.balance()).isEqualByComparingTo("80.00"));
    assertThat(sftp.list("/archive")).contains("/archive/payments-20260310.csv");
  }

  @Test
  void aPostingSysproRefusesIsParkedWithSysprosMessageAndTheInvoiceNumber() {
    StateStore store = new InMemoryStateStore();
    PayablesIntegration p = integration(store, "n1");
    sftp.put("/outbound/invoices-20260304.csv", StampliExport.csv().invoices(List.of(
        invoice("INV-20", "V0099", "12.00"), invoice("INV-21", "V0006", "13.00"))));
    p.runOnce(T);
    p.runOnce(T);
    assertThat(postedPerInvoice()).containsExactly(Map.entry("V0006/INV-21", 1L));
    assertThat(store.audit(AuditQuery.all(T).withOutcome(AuditEntry.Outcome.PARKED)).items()).singleElement()
        .satisfies(a -> assertThat(a.error()).contains("Supplier 'V0099' not found").contains("INV-20"));
  }

  @Test
  void theSameFileFetchedThreeTimesAndRenamedOncePostsOnce() {
    byte[] file = StampliExport.csv().invoices(List.of(invoice("INV-10", "V0003", "42.00")));
    PayablesIntegration p = integration(new InMemoryStateStore(), "n1");
    sftp.put("/outbound/invoices-a.csv", file);
    p.runOnce(T);
    p.runOnce(T);
    sftp.put("/outbound/invoices-a.csv", file);     // re-exported under the same name
    p.runOnce(T);
    p.runOnce(T);
    sftp.put("/outbound/invoices-b.csv", file);     // and once renamed
    p.runOnce(T);
    p.runOnce(T);
    assertThat(postedPerInvoice()).containsExactly(Map.entry("V0003/INV-10", 1L));
    assertThat(sftp.list("/outbound")).isEmpty();
    assertThat(sftp.list("/archive")).hasSize(3);
  }

  @Test
  void theSameInvoiceInTwoFilesPostsOnceAndAnEditIsParkedAsAConflict() {
    StateStore store = new InMemoryStateStore();
    PayablesIntegration p = integration(store, "n1");
    ExportInvoice inv = invoice("INV-20", "V0004", "80.00");
    sftp.put("/outbound/invoices-1.csv", StampliExport.csv().invoices(List.of(inv, invoice("INV-21", "V0004", "1.00"))));
    sftp.put("/outbound/invoices-2.csv", StampliExport.csv().invoices(List.of(inv, invoice("INV-22", "V0005", "2.00"))));
    sftp.put("/outbound/invoices-3.csv", StampliExport.csv().invoices(List.of(inv.edited("5.00"))));
    p.runOnce(T);
    p.runOnce(T);
    assertThat(postedPerInvoice()).containsOnly(Map.entry("V0004/INV-20", 1L), Map.entry("V0004/INV-21", 1L),
        Map.entry("V0005/INV-22", 1L));
    assertThat(store.audit(AuditQuery.all(T).withOutcome(AuditEntry.Outcome.PARKED)).items()).anySatisfy(a -> {
      assertThat(a.error()).contains("already taken from another file with other content");
    });
  }

  @Test
  void anEditedReExportGoesToSysproWhenTheTenantAllowsAdjustmentsAndSysproRefusesAChangedTotal() {
    StateStore store = new InMemoryStateStore();
    PayablesIntegration p = integration(store, "n1",
        b -> b.source(StampliSource.provider(t -> stampliClient(), T::equals)));
    ExportInvoice inv = invoice("INV-30", "V0004", "80.00");
    sftp.put("/outbound/invoices-1.csv", StampliExport.csv().invoices(List.of(inv)));
    p.runOnce(T);
    p.runOnce(T);
    sftp.put("/outbound/invoices-2.csv", StampliExport.csv().invoices(List.of(inv.edited("5.00"))));
    p.runOnce(T);
    p.runOnce(T);
    assertThat(postedPerInvoice()).containsOnly(Map.entry("V0004/INV-30", 1L));
    assertThat(syspro.apInvoices()).singleElement().satisfies(a -> assertThat(a.value()).isEqualByComparingTo("80.00"));
    // not a conflict for a person: SYSPRO's sink says what to do with a posted invoice whose total changed
    assertThat(store.audit(AuditQuery.all(T).withOutcome(AuditEntry.Outcome.PARKED)).items()).singleElement()
        .satisfies(a -> assertThat(a.error()).contains("post an adjustment (TransactionCode A)")
            .doesNotContain("already taken from another file"));
  }

  @Test
  void aHalfWrittenFileIsTakenOnlyOnceComplete() {
    byte[] file = StampliExport.csv().invoices(List.of(invoice("INV-30", "V0006", "10.00"), invoice("INV-31", "V0006", "11.00")));
    PayablesIntegration p = integration(new InMemoryStateStore(), "n1");
    SftpServer.GrowingFile growing = sftp.grow("/outbound/invoices-growing.csv");
    growing.append(java.util.Arrays.copyOf(file, file.length / 3));
    p.runOnce(T);
    growing.append(java.util.Arrays.copyOfRange(file, file.length / 3, 2 * file.length / 3));
    p.runOnce(T);
    growing.append(java.util.Arrays.copyOfRange(file, 2 * file.length / 3, file.length));
    p.runOnce(T);
    assertThat(syspro.apInvoiceCount()).isZero();
    p.runOnce(T);
    assertThat(postedPerInvoice()).containsOnly(Map.entry("V0006/INV-30", 1L), Map.entry("V0006/INV-31", 1L));
  }

  @Test
  void aMalformedRowAmongManyGoodOnesIsParkedAndTheRestPosts() {
    List<ExportInvoice> all = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      all.add(invoice("INV-M" + i, String.format("V%04d", 1 + i % 10), "1" + i + ".00"));
    }
    ExportInvoice bad = all.get(150);
    all.set(150, bad.withLine(0, bad.lines().get(0).withRawAmount("1O.00")));
    StateStore store = new InMemoryStateStore();
    PayablesIntegration p = integration(store, "n1");
    sftp.put("/outbound/invoices-many.csv", StampliExport.csv().invoices(all));
    p.runOnce(T);
    p.runOnce(T);
    assertThat(syspro.apInvoiceCount()).isEqualTo(299);
    assertThat(store.audit(AuditQuery.all(T).withOutcome(AuditEntry.Outcome.PARKED)).items()).anySatisfy(a -> {
      assertThat(a.error()).contains("invoices-many.csv").contains("INV-M150").contains("'1O.00'");
    });
    assertThat(sftp.list("/archive")).hasSize(1);
  }

  @Test
  void twoEnginesOnOneH2StorePollingOneFolderClaimEachFileOnce(@TempDir Path dir) throws Exception {
    try (JdbcStateStore store = JdbcStateStore.embeddedH2(dir).build()) {
      twoEngines(store);
    }
  }

  /** The same on PostgreSQL ({@link TestPostgres}); skipped when there is none, except under CI=true. */
  @Test
  void twoEnginesOnOnePostgresqlStorePollingOneFolderClaimEachFileOnce() throws Exception {
    DataSource ds = TestPostgres.require().dataSource();
    try (JdbcStateStore store = JdbcStateStore.builder(ds)
        .tablePrefix("mlc_pay_" + java.util.UUID.randomUUID().toString().substring(0, 8) + "_").build()) {
      twoEngines(store);
    }
  }

  private void twoEngines(StateStore store) throws Exception {
    {
      PayablesIntegration a = integration(store, "node-a");
      PayablesIntegration b = integration(store, "node-b");
      for (int f = 0; f < 4; f++) {
        List<ExportInvoice> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          batch.add(invoice("INV-P" + f + "-" + i, String.format("V%04d", 1 + i), "2" + i + ".00"));
        }
        sftp.put("/outbound/invoices-p" + f + ".csv", StampliExport.csv().invoices(batch));
      }
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < 3; round++) {
          Future<?> fa = pool.submit(() -> a.runOnce(T));
          Future<?> fb = pool.submit(() -> b.runOnce(T));
          fa.get();
          fb.get();
        }
      } finally {
        pool.shutdownNow();
      }
      a.runOnce(T);
      b.runOnce(T);
      a.runOnce(T);
      assertThat(syspro.apInvoiceCount()).isEqualTo(40);
      assertThat(postedPerInvoice().values()).containsOnly(1L);
    }
  }
}
