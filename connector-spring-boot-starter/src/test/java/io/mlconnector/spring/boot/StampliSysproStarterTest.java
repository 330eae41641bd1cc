package io.mlconnector.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.testkit.sftp.SftpServer;
import io.mlconnector.testkit.stampli.ExportInvoice;
import io.mlconnector.testkit.stampli.StampliExport;
import io.mlconnector.testkit.syspro.GlAccount;
import io.mlconnector.testkit.syspro.Operator;
import io.mlconnector.testkit.syspro.Supplier;
import io.mlconnector.testkit.syspro.SysproSimulator;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The payables pair from properties only: Stampli's CSV exports on the testkit's SFTP server
 * (host key pinned) into the SYSPRO simulator's AP ledger, every approved invoice posted once.
 */
class StampliSysproStarterTest {
  @TempDir
  Path dataDir;

  @Test
  void propertiesOnlyPostStampliExportsIntoSysproOnce() throws Exception {
    Instant now = Instant.now();
    try (SysproSimulator syspro = SysproSimulator.builder()
            .operator(Operator.of("STRIPE", "Op3rator-Pw").withODataPassword("OData-Pw"))
            .companyId("EDU1").startTime(now).threads(4).start();
        SftpServer sftp = SftpServer.builder().user("stampli", "Sftp-Pw").start()) {
      syspro.setCurrentPeriod(YearMonth.from(now.atZone(ZoneOffset.UTC)));
      for (int v = 1; v <= 50; v++) {
        syspro.addSupplier(Supplier.of(String.format(Locale.ROOT, "V%04d", v), "Supplier " + v));
      }
      for (int g = 0; g < 10; g++) {
        syspro.addGlAccount(GlAccount.of("60" + g + "0", "Expense " + g, "E"));
      }
      List<ExportInvoice> invoices = new ArrayList<>();
      StampliExport.randomInvoices(2026, 6).forEach(invoices::add);
      sftp.put("/outbound/invoices-0001.csv", StampliExport.csv().invoices(invoices));
      // the same export again: nothing is posted twice
      sftp.put("/outbound/invoices-0002-reexport.csv", StampliExport.csv().invoices(invoices));
      String t = "mlc.integrations.ap.tenants.acme.";
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(MlcAutoConfiguration.class))
          .withPropertyValues("MLC_KEY_CURRENT=t1", "MLC_KEY_T1=" + Simulators.KEY, "mlc.data-dir=" + dataDir,
              "mlc.engine.auto-start=false", "mlc.integrations.ap.pair=stampli-syspro",
              t + "stampli.host=" + sftp.host(), t + "stampli.port=" + sftp.port(), t + "stampli.user=stampli",
              t + "stampli.hostkey=" + sftp.hostKeyFingerprint(), t + "stampli.archive=/archive",
              t + "stampli.password=Sftp-Pw",
              t + "syspro.rest-url=" + syspro.restBaseUri(), t + "syspro.odata-url=" + syspro.odataServiceUri(),
              t + "syspro.operator=STRIPE", t + "syspro.company=EDU1", t + "syspro.operator-password=Op3rator-Pw",
              t + "syspro.odata-password=OData-Pw")
          .run(ctx -> {
            assertThat(ctx).hasNotFailed();
            MlcIntegrations.Running ap = ctx.getBean(MlcIntegrations.class).named("ap").orElseThrow();
            assertThat(ap.payables()).isPresent();
            assertThat(ap.receivables()).isEmpty();
            assertThat(ap.ping("acme")).isNotEmpty().allSatisfy(c -> assertThat(c.ok()).as(c.toString()).isTrue());
            for (int round = 0; round < 8 && !sftp.list("/outbound").isEmpty(); round++) {
              ap.runOnce("acme");
            }
            assertThat(sftp.list("/outbound")).isEmpty();
            assertThat(syspro.apInvoiceCount()).isEqualTo(invoices.size());
            assertThat(ap.engine().deadLetters(io.mlconnector.core.state.DeadLetterQuery.all("acme")).items())
                .isEmpty();
          });
    }
  }
}
