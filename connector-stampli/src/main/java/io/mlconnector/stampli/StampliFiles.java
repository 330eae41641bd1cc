package io.mlconnector.stampli;

import io.mlconnector.core.model.Invoice;
import io.mlconnector.core.model.Payment;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.sync.FileRow;
import io.mlconnector.stampli.internal.Columns;
import io.mlconnector.stampli.internal.CsvRows;
import io.mlconnector.stampli.internal.InvoiceAssembler;
import io.mlconnector.stampli.internal.RecordAssemblers;
import io.mlconnector.stampli.internal.Row;
import io.mlconnector.stampli.internal.TextInput;
import io.mlconnector.stampli.internal.Values;
import io.mlconnector.stampli.internal.XmlRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Parses Stampli export files by a tenant's {@link StampliTemplate}, streaming: rows are read as the
 * stream is consumed, so a file of any size parses in constant memory. A file is XML when its name
 * ends in {@code .xml}, CSV otherwise. A malformed invoice (or vendor, payment) comes out as a
 * {@link FileRow#malformed} naming the lines and the reason; the rest of the file goes on. A file
 * that cannot be read on at all (not well-formed XML, a CSV quote never closed, bytes that are not
 * valid in the encoding) throws {@link UncheckedIOException} or {@link IllegalStateException} from
 * the stream.
 *
 * <pre>{@code
 * StampliFiles files = new StampliFiles("acme", StampliTemplate.defaults());
 * try (InputStream in = ...; Stream<FileRow<Invoice>> rows = files.invoices("invoices-1.csv", in)) {
 *   rows.forEach(...);
 * }
 * }</pre>
 */
public final class StampliFiles {
  private final String tenant;
  private final StampliTemplate template;

  /**
   * Parser of {@code tenant}'s files.
   *
   * @param tenant the tenant the records' refs are stamped with
   * @param template how the tenant's files are laid out
   */
  public StampliFiles(String tenant, StampliTemplate template) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.template = Objects.requireNonNull(template, "template");
  }

  /**
   * The template.
   *
   * @return the template files are parsed by
   */
  public StampliTemplate template() {
    return template;
  }

  /**
   * Approved invoices (one per group of consecutive rows with the same company, vendor, number and
   *     type).
   *
   * @param fileName the file's name; {@code .xml} selects the XML reader
   * @param in the file's bytes; closed when the stream is closed
   * @return the rows, each an invoice or a malformed group; close it when done. A file the template
   *     cannot read at all (no record path for XML, a CSV header it cannot map) gives one malformed
   *     row.
   * @throws IOException when the start of the file cannot be read
   */
  public Stream<FileRow<Invoice>> invoices(String fileName, InputStream in) throws IOException {
    Rows rows = rows(fileName, in, Entity.INVOICES, template.xmlLinePath());
    if (rows.missing != null) {
      return Stream.of(FileRow.<Invoice>malformed(1, rows.missing));
    }
    return stream(new InvoiceAssembler(rows.iterator, tenant, template), rows.closer);
  }

  /**
   * Vendors, one per row.
   *
   * @param fileName the file's name; {@code .xml} selects the XML reader
   * @param in the file's bytes; closed when the stream is closed
   * @return the rows, each a vendor or a malformed row; close it when done
   * @throws IOException when the start of the file cannot be read
   */
  public Stream<FileRow<Vendor>> vendors(String fileName, InputStream in) throws IOException {
    Rows rows = rows(fileName, in, Entity.VENDORS, null);
    if (rows.missing != null) {
      return Stream.of(FileRow.<Vendor>malformed(1, rows.missing));
    }
    return stream(map(rows.iterator, r -> RecordAssemblers.vendor(r, tenant, template)), rows.closer);
  }

  /**
   * Payments, one per row (one invoice paid).
   *
   * @param fileName the file's name; {@code .xml} selects the XML reader
   * @param in the file's bytes; closed when the stream is closed
   * @return the rows, each a payment or a malformed row; close it when done
   * @throws IOException when the start of the file cannot be read
   */
  public Stream<FileRow<Payment>> payments(String fileName, InputStream in) throws IOException {
    Rows rows = rows(fileName, in, Entity.PAYMENTS, null);
    if (rows.missing != null) {
      return Stream.of(FileRow.<Payment>malformed(1, rows.missing));
    }
    Values values = new Values(template);
    return stream(map(rows.iterator, r -> RecordAssemblers.payment(r, tenant, template, values)), rows.closer);
  }

  private record Rows(@Nullable Iterator<Row> iterator, @Nullable AutoCloseable closer, @Nullable String missing) {}

  private Rows rows(String fileName, InputStream in, Entity entity, @Nullable String linePath) throws IOException {
    Columns columns = new Columns(template.aliases(entity));
    if (fileName.toLowerCase(Locale.ROOT).endsWith(".xml")) {
      String path = template.xmlRecordPath(entity);
      if (path == null) {
        return new Rows(null, null, "the template has no xmlRecordPath for " + entity);
      }
      XmlRows xml = new XmlRows(in, path, linePath, columns);
      return new Rows(xml, xml, null);
    }
    CsvRows csv;
    try {
      csv = new CsvRows(TextInput.reader(in, template.charset()), template, columns);
    } catch (IllegalArgumentException e) {
      return new Rows(null, null, "file " + fileName + ": " + e.getMessage());
    }
    for (String required : required(entity)) {
      if (!csv.index().containsKey(required)) {
        csv.close();
        return new Rows(null, null, "file " + fileName + " has no column for " + required + " (looked for "
            + columns.aliasesOf(required) + "); fix the tenant's template and drop the file again");
      }
    }
    return new Rows(csv, csv, null);
  }

  private static java.util.List<String> required(Entity entity) {
    return switch (entity) {
      case INVOICES -> java.util.List.of(StampliTemplate.INVOICE_NUMBER, StampliTemplate.VENDOR_CODE,
          StampliTemplate.INVOICE_DATE, StampliTemplate.TOTAL, StampliTemplate.LINE_AMOUNT, StampliTemplate.GL_ACCOUNT);
      case VENDORS -> java.util.List.of(StampliTemplate.VENDOR_CODE, StampliTemplate.VENDOR_NAME);
      case PAYMENTS -> java.util.List.of(StampliTemplate.PAYMENT_ID, StampliTemplate.INVOICE_NUMBER,
          StampliTemplate.VENDOR_CODE, StampliTemplate.AMOUNT, StampliTemplate.PAYMENT_DATE);
      default -> java.util.List.of();
    };
  }

  private static <A, B> Iterator<B> map(Iterator<A> in, Function<A, B> f) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return in.hasNext();
      }

      @Override
      public B next() {
        return f.apply(in.next());
      }
    };
  }

  private static <T> Stream<T> stream(Iterator<T> it, AutoCloseable closer) {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(() -> {
          try {
            closer.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
