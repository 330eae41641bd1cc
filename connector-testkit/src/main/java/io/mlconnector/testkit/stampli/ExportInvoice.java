package io.mlconnector.testkit.stampli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An approved invoice (or credit memo) as the generator writes it. The generator's own model: it
 * shares nothing with the client's classes.
 *
 * @param company the company id, or null (written empty)
 * @param stampliId Stampli's own document id, or null
 * @param number the invoice number as the vendor printed it
 * @param vendorCode the ERP vendor code
 * @param vendorName the vendor name, or null
 * @param type {@code Invoice} or {@code Credit Memo}
 * @param invoiceDate the invoice date
 * @param dueDate the due date, or null
 * @param currency the ISO currency code, or null
 * @param tax the header tax amount
 * @param total the invoice total as written (normally lines + tax)
 * @param status the approval status ({@code Approved}), or null
 * @param memo a free-text description (may hold commas, quotes and newlines), or null
 * @param poNumber the purchase order number, or null
 * @param lines the GL distribution lines
 */
public record ExportInvoice(
    @Nullable String company,
    @Nullable String stampliId,
    String number,
    String vendorCode,
    @Nullable String vendorName,
    String type,
    LocalDate invoiceDate,
    @Nullable LocalDate dueDate,
    @Nullable String currency,
    BigDecimal tax,
    BigDecimal total,
    @Nullable String status,
    @Nullable String memo,
    @Nullable String poNumber,
    List<ExportLine> lines) {

  /**
   * Checks the required fields and copies the lines.
   *
   * @param company the company id, or null (written empty)
   * @param stampliId Stampli's own document id, or null
   * @param number the invoice number as the vendor printed it
   * @param vendorCode the ERP vendor code
   * @param vendorName the vendor name, or null
   * @param type {@code Invoice} or {@code Credit Memo}
   * @param invoiceDate the invoice date
   * @param dueDate the due date, or null
   * @param currency the ISO currency code, or null
   * @param tax the header tax amount
   * @param total the invoice total as written (normally lines + tax)
   * @param status the approval status ({@code Approved}), or null
   * @param memo a free-text description (may hold commas, quotes and newlines), or null
   * @param poNumber the purchase order number, or null
   * @param lines the GL distribution lines (copied); the XML form needs at least one
   */
  public ExportInvoice {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(vendorCode, "vendorCode");
    Objects.requireNonNull(invoiceDate, "invoiceDate");
    lines = List.copyOf(lines);
  }

  /**
   * An approved invoice whose total is its lines plus {@code tax}, due 30 days after its date, with
   * Stampli id {@code ST-<vendor>-<number>} and vendor name {@code Vendor <vendor>}.
   *
   * @param company the company id
   * @param number the invoice number
   * @param vendorCode the ERP vendor code
   * @param date the invoice date
   * @param currency the ISO currency code
   * @param tax the header tax as a decimal string, for example {@code "12.50"}
   * @param lines the GL distribution lines
   * @return the invoice, without memo or purchase order number
   * @throws NumberFormatException if {@code tax} is not a decimal number
   */
  public static ExportInvoice approved(
      String company, String number, String vendorCode, LocalDate date, String currency,
      String tax, List<ExportLine> lines) {
    BigDecimal t = new BigDecimal(tax);
    BigDecimal sum = lines.stream().map(ExportLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new ExportInvoice(
        company, "ST-" + vendorCode + "-" + number, number, vendorCode, "Vendor " + vendorCode,
        "Invoice", date, date.plusDays(30), currency, t, sum.add(t), "Approved", null, null, lines);
  }

  /**
   * The same invoice as a credit memo (amounts stay positive; see {@link
   * StampliExport#creditMemoBySign}).
   *
   * @return a copy of type {@code Credit Memo}
   */
  public ExportInvoice asCreditMemo() {
    return new ExportInvoice(company, stampliId, number, vendorCode, vendorName, "Credit Memo",
        invoiceDate, dueDate, currency, tax, total, status, memo, poNumber, lines);
  }

  /**
   * The same invoice with another memo.
   *
   * @param text the memo (commas, quotes and newlines allowed), or null for none
   * @return a copy; this invoice is unchanged
   */
  public ExportInvoice withMemo(@Nullable String text) {
    return new ExportInvoice(company, stampliId, number, vendorCode, vendorName, type, invoiceDate,
        dueDate, currency, tax, total, status, text, poNumber, lines);
  }

  /**
   * The same invoice with a total that does not match its lines (a broken invoice).
   *
   * @param value the total as a decimal string
   * @return a copy; this invoice is unchanged
   * @throws NumberFormatException if {@code value} is not a decimal number
   */
  public ExportInvoice withTotal(String value) {
    return new ExportInvoice(company, stampliId, number, vendorCode, vendorName, type, invoiceDate,
        dueDate, currency, tax, new BigDecimal(value), status, memo, poNumber, lines);
  }

  /**
   * The same invoice with another approval status.
   *
   * @param value the status, for example {@code Pending}; null writes it empty
   * @return a copy; this invoice is unchanged
   */
  public ExportInvoice withStatus(@Nullable String value) {
    return new ExportInvoice(company, stampliId, number, vendorCode, vendorName, type, invoiceDate,
        dueDate, currency, tax, total, value, memo, poNumber, lines);
  }

  /**
   * The invoice edited after export: line 1's amount changed by {@code delta}, the total following
   * (a re-export with other content). A raw amount on line 1 is dropped.
   *
   * @param delta the change as a decimal string, for example {@code "-10.00"}
   * @return a copy; this invoice is unchanged
   * @throws NumberFormatException if {@code delta} is not a decimal number
   */
  public ExportInvoice edited(String delta) {
    BigDecimal d = new BigDecimal(delta);
    List<ExportLine> changed = new ArrayList<>(lines);
    ExportLine first = changed.get(0);
    changed.set(0, new ExportLine(first.number(), first.glAccount(), first.amount().add(d),
        first.description(), first.costCenter(), null));
    return new ExportInvoice(company, stampliId, number, vendorCode, vendorName, type, invoiceDate,
        dueDate, currency, tax, total.add(d), status, memo, poNumber, changed);
  }

  /**
   * The same invoice with one line replaced; the total is not changed.
   *
   * @param index the line's position in {@link #lines()}, from 0
   * @param line the new line
   * @return a copy; this invoice is unchanged
   * @throws IndexOutOfBoundsException if there is no line at {@code index}
   */
  public ExportInvoice withLine(int index, ExportLine line) {
    List<ExportLine> changed = new ArrayList<>(lines);
    changed.set(index, line);
    return new ExportInvoice(company, stampliId, number, vendorCode, vendorName, type, invoiceDate,
        dueDate, currency, tax, total, status, memo, poNumber, changed);
  }
}
