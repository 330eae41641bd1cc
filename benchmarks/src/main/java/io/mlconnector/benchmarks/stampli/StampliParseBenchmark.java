package io.mlconnector.benchmarks.stampli;

import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.sync.FileRow;
import io.mlconnector.stampli.StampliFiles;
import io.mlconnector.stampli.StampliTemplate;
import io.mlconnector.testkit.stampli.ExportInvoice;
import io.mlconnector.testkit.stampli.StampliExport;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Parses a large Stampli invoice export (default 1 GiB of CSV, generated once into a temp file)
 * the way the connector does (BOM check, reporting decoder, Commons CSV, alias resolution, invoice
 * grouping and validation, SHA-256 of the bytes on the fly) and reports rows and invoices per
 * second, the peak heap after the run, and the ratio against a baseline measured in the same run:
 * Commons CSV alone iterating the same file's records (no grouping, no validation, no hash). Run it
 * with {@code -Xmx64m} to prove the parse streams.
 *
 * <p>Arguments (optional): {@code bytes=1073741824 file=/path/to/existing.csv format=csv|xml keep=false}.
 */
public final class StampliParseBenchmark {
  private StampliParseBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      a.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    long target = Long.parseLong(a.getOrDefault("bytes", String.valueOf(1L << 30)));
    String format = a.getOrDefault("format", "csv");
    Path file = a.containsKey("file") ? Path.of(a.get("file")) : generate(target, format);
    long size = Files.size(file);
    System.out.printf(Locale.ROOT, "file %s: %.1f MiB, max heap %d MiB%n", file, size / 1048576.0,
        Runtime.getRuntime().maxMemory() >> 20);

    // baseline: Commons CSV alone over the same bytes
    long rowsBase = 0;
    long t0 = System.nanoTime();
    if (format.equals("csv")) {
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
          CSVParser p = CSVParser.builder().setReader(new InputStreamReader(in, StandardCharsets.UTF_8))
              .setFormat(CSVFormat.DEFAULT).get()) {
        for (CSVRecord r : p) {
          rowsBase += r.size() > 0 ? 1 : 0;
        }
      }
    }
    double baseSeconds = (System.nanoTime() - t0) / 1e9;
    resetPeaks();

    // the connector's parse
    StampliFiles files = new StampliFiles("bench", StampliTemplate.defaults());
    long invoices = 0;
    long lines = 0;
    long malformed = 0;
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    long t1 = System.nanoTime();
    try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), sha);
        Stream<FileRow<Invoice>> rows = files.invoices(file.getFileName().toString(), in)) {
      Iterator<FileRow<Invoice>> it = rows.iterator();
      while (it.hasNext()) {
        FileRow<Invoice> r = it.next();
        if (r.document() != null) {
          invoices++;
          lines += r.document().lines().size();
        } else {
          malformed++;
        }
      }
    }
    double seconds = (System.nanoTime() - t1) / 1e9;
    long peak = peakHeap();
    System.out.printf(Locale.ROOT, "connector parse: %d invoices, %d rows (%d malformed) in %.1f s = %.0f rows/s,"
        + " %.1f MiB/s, sha256 %s...%n", invoices, lines, malformed, seconds, lines / seconds, size / 1048576.0 / seconds,
        java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 16));
    if (rowsBase > 0) {
      System.out.printf(Locale.ROOT, "baseline (Commons CSV records only): %d records in %.1f s = %.0f rows/s;"
          + " connector at %.1f%% of the baseline rate%n", rowsBase, baseSeconds, rowsBase / baseSeconds,
          100.0 * (lines / seconds) / (rowsBase / baseSeconds));
    }
    System.out.printf(Locale.ROOT, "peak heap in use during the connector parse: %.1f MiB of %d MiB max%n",
        peak / 1048576.0, Runtime.getRuntime().maxMemory() >> 20);
    if (!a.containsKey("file") && !Boolean.parseBoolean(a.getOrDefault("keep", "false"))) {
      Files.deleteIfExists(file);
    }
  }

  private static Path generate(long target, String format) throws Exception {
    Path file = Files.createTempFile("stampli-bench-", "." + format);
    StampliExport export = format.equals("xml") ? StampliExport.xml() : StampliExport.csv();
    long t0 = System.nanoTime();
    try (OutputStream raw = Files.newOutputStream(file);
        CountingStream out = new CountingStream(new BufferedOutputStream(raw, 1 << 16))) {
      Iterator<ExportInvoice> all = StampliExport.randomInvoices(42, Long.MAX_VALUE).iterator();
      Iterator<ExportInvoice> bounded = new Iterator<>() {
        @Override
        public boolean hasNext() {
          return out.count < target;
        }

        @Override
        public ExportInvoice next() {
          return all.next();
        }
      };
      export.writeInvoices(bounded, out);
    }
    System.out.printf(Locale.ROOT, "generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    return file;
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static final class CountingStream extends java.io.FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws java.io.IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
