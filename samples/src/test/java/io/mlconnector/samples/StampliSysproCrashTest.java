package io.mlconnector.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.samples.systems.SysproSimulation;
import io.mlconnector.testkit.sftp.SftpServer;
import io.mlconnector.testkit.stampli.ExportInvoice;
import io.mlconnector.testkit.stampli.StampliExport;
import io.mlconnector.testkit.syspro.ApInvoice;
import io.mlconnector.testkit.syspro.GlAccount;
import io.mlconnector.testkit.syspro.Supplier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stampli-syspro sample runs in its own JVM and is killed (SIGKILL) while it posts one file of
 * approved invoices from a real SFTP server; the SFTP server and the SYSPRO simulator live in the
 * test JVM and survive. Kill {@code k} of {@code K} lands once about {@code (k+1)/(K+1)} of the file
 * is posted (plus a seeded random delay), so the kills spread over the whole file. After the last
 * restart every invoice is posted exactly once, for its exported total, and the file is archived.
 * The default suite runs a short variant (60 invoices, one kill); {@code -Dmlc.crash=true} runs the
 * proof of the issue (5,000 invoices, four kills; about 11 minutes on a loaded 2-core machine).
 * {@code -Dmlc.crash.invoices=N -Dmlc.crash.kills=K} override either.
 */
class StampliSysproCrashTest {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path tempDir;

  private static final boolean FULL = Boolean.getBoolean("mlc.crash");
  private static final int INVOICES = Integer.getInteger("mlc.crash.invoices", FULL ? 5_000 : 60);
  private static final int KILLS = Integer.getInteger("mlc.crash.kills", FULL ? 4 : 1);

  @Test
  void killsDuringAFileOfInvoicesPostEachOnce() throws Exception {
    Random random = new Random(20261207);
    try (SysproSimulation sim = SysproSimulation.builder().start();
        SftpServer sftp = SftpServer.builder().user("stampli", "Sftp-Crash-Pw").start()) {
      for (int v = 1; v <= 50; v++) {
        sim.simulator().addSupplier(Supplier.of(String.format(Locale.ROOT, "V%04d", v), "Supplier " + v));
      }
      for (int g = 0; g < 10; g++) {
        sim.simulator().addGlAccount(GlAccount.of("60" + g + "0", "Expense " + g, "E"));
      }
      List<ExportInvoice> all = new ArrayList<>();
      StampliExport.randomInvoices(5, INVOICES).forEach(all::add);
      sftp.put("/outbound/invoices-5000.csv", StampliExport.csv().invoices(all));

      Map<String, String> p = new HashMap<>();
      p.putAll(sim.properties("acme"));
      p.put("pair", "stampli-syspro");
      p.put("tenant", "acme");
      p.put("data.dir", tempDir.resolve("data").toString());
      p.put("poll.interval", "PT0.5S");
      p.put("node.id", "crash-node");
      p.put("engine.pending.grace", "PT1S");
      p.put("engine.lease.ttl", "PT3S");
      p.put("engine.parallelism", "8");
      p.put("stampli.host", sftp.host());
      p.put("stampli.port", String.valueOf(sftp.port()));
      p.put("stampli.user", "stampli");
      p.put("stampli.hostkey", sftp.hostKeyFingerprint());
      p.put("stampli.archive", "/archive");
      p.put("stampli.password", "Sftp-Crash-Pw");
      Path config = SampleProcess.writeConfig(tempDir, "sample.properties", p);
      Map<String, String> env = SampleProcess.keyEnv(random);

      List<Integer> progress = new ArrayList<>();
      long started = System.nanoTime();
      for (int kill = 0; kill < KILLS; kill++) {
        Path log = tempDir.resolve("child-" + kill + ".log");
        Process child = SampleProcess.startRun(config, env, log);
        SampleProcess.awaitRunning(child, log);
        // kill while the file is being posted: once this child posted something and about
        // (kill+1)/(KILLS+1) of the file is in SYSPRO, after a random delay
        int before = sim.simulator().apInvoiceCount();
        int mark = Math.max(before + 1, (int) ((long) INVOICES * (kill + 1) / (KILLS + 1)));
        SampleProcess.awaitWhileAlive(child, log, Duration.ofSeconds(1800), Duration.ofMillis(20), "not posting",
            () -> sim.simulator().apInvoiceCount() >= Math.min(mark, INVOICES - 1), SampleProcess.NOTHING);
        Thread.sleep(random.nextInt(1000));
        SampleProcess.kill(child);
        progress.add(sim.simulator().apInvoiceCount());
      }
      int beforeLast = sim.simulator().apInvoiceCount();
      long lastStarted = System.nanoTime();
      Process last = SampleProcess.startRun(config, env, tempDir.resolve("child-last.log"));
      try {
        // liveness bound only
        SampleProcess.awaitWhileAlive(last, tempDir, Duration.ofSeconds(3600), Duration.ofMillis(200), "not settled",
            () -> sftp.list("/outbound").isEmpty() && sim.simulator().apInvoiceCount() >= INVOICES,
            SampleProcess.NOTHING);
      } finally {
        last.destroy();
        last.waitFor(30, TimeUnit.SECONDS);
      }
      double lastSeconds = (System.nanoTime() - lastStarted) / 1e9;
      System.out.printf(Locale.ROOT, "stampli crash test: %d invoices, %d kills in %.0f s; the last run (JVM start"
              + " included) posted the remaining %d in %.1f s (%.1f invoices/s)%n", INVOICES, KILLS,
          (System.nanoTime() - started) / 1e9, INVOICES - beforeLast, lastSeconds, (INVOICES - beforeLast) / lastSeconds);
      System.out.println("stampli crash test, AP invoices in SYSPRO after each kill: " + progress);
      // every kill landed while the file was being posted, spread over it
      assertThat(progress.get(0)).isPositive();
      assertThat(progress).isSorted();
      assertThat(progress.get(KILLS - 1)).isLessThan(INVOICES);
      Map<String, Long> perInvoice = sim.simulator().apInvoices().stream()
          .collect(Collectors.groupingBy(a -> a.supplier() + "/" + a.invoice(), Collectors.counting()));
      assertThat(perInvoice).hasSize(INVOICES);
      assertThat(perInvoice.values()).containsOnly(1L);
      for (ExportInvoice inv : all) {
        ApInvoice posted = sim.simulator().apInvoices().stream()
            .filter(a -> a.supplier().equals(inv.vendorCode()) && a.invoice().equals(inv.number())).findFirst().orElseThrow();
        assertThat(posted.value()).isEqualByComparingTo(inv.total());
      }
      assertThat(sftp.list("/archive")).containsExactly("/archive/invoices-5000.csv");
    }
  }
}
