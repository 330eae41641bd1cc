package io.mlconnector.testkit.stampli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes Stampli-style export files: invoices one row per GL line with the header fields repeated
 * (CSV) or one element per invoice with nested lines (XML), vendors and payments. Streams: a file of
 * any size is written from an {@link Iterator} without holding it.
 *
 * <pre>{@code
 * StampliExport csv = StampliExport.csv().delimiter(';').bom(true).dateFormat("dd/MM/yyyy");
 * byte[] file = csv.invoices(List.of(inv1, inv2));
 * csv.writeInvoices(StampliExport.randomInvoices(42, 5_000_000).iterator(), out);   // ~1 GB
 * }</pre>
 */
public final class StampliExport {
  /** Default invoice column names (the proposal's first alias of each field). */
  public static final List<String> INVOICE_COLUMNS =
      List.of("Company ID", "Stampli ID", "Invoice Number", "Vendor ID", "Vendor Name", "Document Type",
          "Invoice Date", "Due Date", "Currency", "Invoice Total", "Tax Amount", "Approval Status",
          "Description", "PO Number", "Line Number", "GL Account", "Line Amount", "Line Description",
          "Cost Center");
  /** Default vendor column names. */
  public static final List<String> VENDOR_COLUMNS =
      List.of("Vendor ID", "Vendor Name", "Status", "Email", "Phone", "Currency", "Payment Terms");
  /** Default payment column names. */
  public static final List<String> PAYMENT_COLUMNS =
      List.of("Company ID", "Payment ID", "Invoice Number", "Vendor ID", "Payment Date", "Amount",
          "Currency", "Method", "Reference", "Status");

  private final boolean xml;
  private char delimiter = ',';
  private boolean bom;
  private boolean quoteAll;
  private Charset charset = StandardCharsets.UTF_8;
  private DateTimeFormatter dates = DateTimeFormatter.ISO_LOCAL_DATE;
  private char decimalSeparator = '.';
  private boolean creditBySign;
  private String lineEnd = "\r\n";
  private final Map<String, String> renamed = new LinkedHashMap<>();

  private StampliExport(boolean xml) {
    this.xml = xml;
  }

  /**
   * A CSV writer with the defaults: comma, no BOM, UTF-8, ISO dates, CRLF, quotes where needed.
   *
   * @return a new writer; its settings change in place
   */
  public static StampliExport csv() {
    return new StampliExport(false);
  }

  /**
   * An XML writer: {@code <Invoices><Invoice>...<Lines><Line>...}, element names without spaces;
   * empty values are left out.
   *
   * @return a new writer; its settings change in place
   */
  public static StampliExport xml() {
    return new StampliExport(true);
  }

  /**
   * The field delimiter (CSV).
   *
   * @param value the delimiter; default {@code ,}
   * @return this writer
   */
  public StampliExport delimiter(char value) {
    this.delimiter = value;
    return this;
  }

  /**
   * Whether the file starts with a UTF-8 byte order mark (as Excel's "CSV UTF-8" writes).
   *
   * @param value true for a BOM; default false
   * @return this writer
   */
  public StampliExport bom(boolean value) {
    this.bom = value;
    return this;
  }

  /**
   * Whether every field is quoted (CSV).
   *
   * @param value true to quote all; default false (only fields that need it)
   * @return this writer
   */
  public StampliExport quoteAll(boolean value) {
    this.quoteAll = value;
    return this;
  }

  /**
   * The encoding.
   *
   * @param value the charset; default UTF-8
   * @return this writer
   */
  public StampliExport charset(Charset value) {
    this.charset = Objects.requireNonNull(value, "charset");
    return this;
  }

  /**
   * The date pattern.
   *
   * @param pattern a {@link DateTimeFormatter} pattern such as {@code dd/MM/yyyy}; default ISO
   *     {@code yyyy-MM-dd}
   * @return this writer
   * @throws IllegalArgumentException if the pattern is invalid
   */
  public StampliExport dateFormat(String pattern) {
    this.dates = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
    return this;
  }

  /**
   * The decimal separator of amounts.
   *
   * @param value the separator; default {@code .}
   * @return this writer
   */
  public StampliExport decimalSeparator(char value) {
    this.decimalSeparator = value;
    return this;
  }

  /**
   * Credit memos written as negative amounts with type {@code Invoice} (true) instead of positive
   * amounts with type {@code Credit Memo} (false, default).
   *
   * @param value true to write credit memos by sign
   * @return this writer
   */
  public StampliExport creditMemoBySign(boolean value) {
    this.creditBySign = value;
    return this;
  }

  /**
   * The line ending (CSV).
   *
   * @param value the line ending; default CRLF
   * @return this writer
   */
  public StampliExport lineEnding(String value) {
    this.lineEnd = Objects.requireNonNull(value, "lineEnding");
    return this;
  }

  /**
   * Writes column (or element) {@code column} under another name, as a customer template may.
   *
   * @param column a default column name, from {@link #INVOICE_COLUMNS}, {@link #VENDOR_COLUMNS} or
   *     {@link #PAYMENT_COLUMNS}
   * @param as the name to write (spaces are removed for XML elements)
   * @return this writer
   */
  public StampliExport rename(String column, String as) {
    renamed.put(column, as);
    return this;
  }

  /**
   * An invoices file.
   *
   * @param invoices the invoices, in file order
   * @return the file's bytes; a header row (CSV) or empty root (XML) when there are none
   */
  public byte[] invoices(List<ExportInvoice> invoices) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeInvoices(invoices.iterator(), out);
    return out.toByteArray();
  }

  /**
   * Streams an invoices file to {@code out} (not closed), so a file of any size never sits in
   * memory.
   *
   * @param invoices the invoices, in file order
   * @param out where the file goes; flushed, not closed
   * @throws UncheckedIOException if writing fails
   */
  public void writeInvoices(Iterator<ExportInvoice> invoices, OutputStream out) {
    try {
      Writer w = writer(out);
      if (xml) {
        w.write("<?xml version=\"1.0\" encoding=\"" + charset.name() + "\"?>\n<Invoices>\n");
        while (invoices.hasNext()) {
          xmlInvoice(w, invoices.next());
        }
        w.write("</Invoices>\n");
      } else {
        row(w, INVOICE_COLUMNS.stream().map(this::name).toList());
        while (invoices.hasNext()) {
          ExportInvoice inv = invoices.next();
          for (ExportLine line : inv.lines()) {
            row(w, invoiceRow(inv, line));
          }
        }
      }
      w.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A vendors file.
   *
   * @param vendors the vendors, in file order
   * @return the file's bytes
   */
  public byte[] vendors(List<ExportVendor> vendors) {
    return table(VENDOR_COLUMNS, "Vendors", "Vendor", vendors, v -> List.of(
        v.code(), v.name(), v.active() ? "Active" : "Inactive", nz(v.email()), nz(v.phone()),
        nz(v.currency()), nz(v.terms())));
  }

  /**
   * A payments file.
   *
   * @param payments the payments, in file order
   * @return the file's bytes
   */
  public byte[] payments(List<ExportPayment> payments) {
    return table(PAYMENT_COLUMNS, "Payments", "Payment", payments, p -> List.of(
        nz(p.company()), p.paymentId(), p.invoiceNumber(), p.vendorCode(), dates.format(p.date()), amount(p.amount()),
        p.currency(), p.method(), nz(p.reference()), p.status()));
  }

  /**
   * The first {@code fraction} of a file's bytes (a file caught half-written).
   *
   * @param file the whole file, at least two bytes
   * @param fraction the share to keep, 0 to 1
   * @return at least one byte and at most all but the last
   */
  public static byte[] truncated(byte[] file, double fraction) {
    int n = (int) Math.max(1, Math.min(file.length - 1, file.length * fraction));
    byte[] out = new byte[n];
    System.arraycopy(file, 0, out, 0, n);
    return out;
  }

  /**
   * {@code count} valid approved invoices, generated lazily from {@code seed} (1 to 4 lines each,
   * vendors {@code V0001}.. {@code V0050}, GL accounts {@code 6000}..{@code 6090}, cost centres
   * {@code CC10}..{@code CC40}, USD, numbers {@code INV-<seed>-<n>}).
   *
   * @param seed the generator's seed; the same seed gives the same invoices
   * @param count how many invoices
   * @return an iterable whose every iterator starts again from {@code seed}
   */
  public static Iterable<ExportInvoice> randomInvoices(long seed, long count) {
    return () -> new Iterator<>() {
      private final Random random = new Random(seed);
      private long n;

      @Override
      public boolean hasNext() {
        return n < count;
      }

      @Override
      public ExportInvoice next() {
        n++;
        int lines = 1 + random.nextInt(4);
        List<ExportLine> ls = new ArrayList<>(lines);
        for (int i = 1; i <= lines; i++) {
          BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(99_900), 2);
          ls.add(new ExportLine(i, "60" + (random.nextInt(10)) + "0", amount, "Item " + i,
              "CC" + (10 * (1 + random.nextInt(4))), null));
        }
        String vendor = String.format(Locale.ROOT, "V%04d", 1 + random.nextInt(50));
        LocalDate date = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300));
        return ExportInvoice.approved("ACME", "INV-" + seed + "-" + n, vendor, date, "USD", "0.00", ls);
      }
    };
  }

  // ------------------------------------------------------------------ internals

  private List<String> invoiceRow(ExportInvoice inv, ExportLine line) {
    boolean credit = "Credit Memo".equals(inv.type());
    boolean negate = credit && creditBySign;
    String type = negate ? "Invoice" : inv.type();
    List<String> r = new ArrayList<>();
    r.add(nz(inv.company()));
    r.add(nz(inv.stampliId()));
    r.add(inv.number());
    r.add(inv.vendorCode());
    r.add(nz(inv.vendorName()));
    r.add(type);
    r.add(dates.format(inv.invoiceDate()));
    r.add(inv.dueDate() == null ? "" : dates.format(inv.dueDate()));
    r.add(nz(inv.currency()));
    r.add(amount(negate ? inv.total().negate() : inv.total()));
    r.add(amount(negate ? inv.tax().negate() : inv.tax()));
    r.add(nz(inv.status()));
    r.add(nz(inv.memo()));
    r.add(nz(inv.poNumber()));
    r.add(Integer.toString(line.number()));
    r.add(line.glAccount());
    r.add(line.rawAmount() != null ? line.rawAmount() : amount(negate ? line.amount().negate() : line.amount()));
    r.add(nz(line.description()));
    r.add(nz(line.costCenter()));
    return r;
  }

  private void xmlInvoice(Writer w, ExportInvoice inv) throws IOException {
    w.write("  <Invoice>\n");
    List<String> header = invoiceRow(inv, inv.lines().get(0));
    for (int i = 0; i < 14; i++) {
      element(w, "    ", INVOICE_COLUMNS.get(i), header.get(i));
    }
    w.write("    <Lines>\n");
    for (ExportLine line : inv.lines()) {
      List<String> r = invoiceRow(inv, line);
      w.write("      <Line>\n");
      for (int i = 14; i < INVOICE_COLUMNS.size(); i++) {
        element(w, "        ", INVOICE_COLUMNS.get(i), r.get(i));
      }
      w.write("      </Line>\n");
    }
    w.write("    </Lines>\n  </Invoice>\n");
  }

  private void element(Writer w, String indent, String column, String value) throws IOException {
    if (value.isEmpty()) {
      return;
    }
    String tag = name(column).replace(" ", "");
    w.write(indent + "<" + tag + ">" + escapeXml(value) + "</" + tag + ">\n");
  }

  private <T> byte[] table(List<String> columns, String root, String element, List<T> items,
      Function<T, List<String>> values) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Writer w = writer(out);
      if (xml) {
        w.write("<?xml version=\"1.0\" encoding=\"" + charset.name() + "\"?>\n<" + root + ">\n");
        for (T item : items) {
          w.write("  <" + element + ">\n");
          List<String> v = values.apply(item);
          for (int i = 0; i < columns.size(); i++) {
            element(w, "    ", columns.get(i), v.get(i));
          }
          w.write("  </" + element + ">\n");
        }
        w.write("</" + root + ">\n");
      } else {
        row(w, columns.stream().map(this::name).toList());
        for (T item : items) {
          row(w, values.apply(item));
        }
      }
      w.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Writer writer(OutputStream out) throws IOException {
    if (bom) {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    return new java.io.BufferedWriter(new OutputStreamWriter(out, charset), 1 << 16);
  }

  private void row(Writer w, List<String> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        w.write(delimiter);
      }
      String v = values.get(i);
      boolean quote = quoteAll || v.indexOf(delimiter) >= 0 || v.indexOf('"') >= 0
          || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
      w.write(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
    }
    w.write(lineEnd);
  }

  private String name(String column) {
    return renamed.getOrDefault(column, column);
  }

  private String amount(BigDecimal value) {
    String s = value.setScale(Math.max(2, value.scale()), java.math.RoundingMode.UNNECESSARY).toPlainString();
    return decimalSeparator == '.' ? s : s.replace('.', decimalSeparator);
  }

  private static String nz(@Nullable String s) {
    return s == null ? "" : s;
  }

  private static String escapeXml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
