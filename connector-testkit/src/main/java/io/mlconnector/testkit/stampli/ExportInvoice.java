package io.mlconnector.testkit.stampli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An approved invoice (or credit memo) as the generator writes it. The generator's own model: it
 * shares nothing with the client's classes.
 *
 * @param company the company id
 * @param stampliId Stampli's own document id, or null
 * @param number the invoice number as the vendor printed it
 * @param vendorCode the ERP vendor code
 * @param vendorName the vendor name
 * @param type {@code Invoice} or {@code Credit Memo}
 * @param invoiceDate the invoice date
 * @param dueDate the due date, or null
 * @param currency the ISO currency code
 * @param tax the header tax amount
 * @param total the invoice total as written (normally lines + tax)
 * @param status the approval status ({@code Approved})
 * @param memo a free-text description (may hold commas, quotes and newlines), or null
 * @param poNumber the purchase order number, or null
 * @param lines the GL distribution lines
 */
public record ExportInvoice(
    String company,
    String stampliId,
    String number,
    String vendorCode,
    String vendorName,
    String type,
    LocalDate invoiceDate,
    LocalDate dueDate,
    String currency,
    BigDecimal tax,
    BigDecimal total,
    String status,
    String memo,
    String poNumber,
    List<ExportLine> lines) {

  public ExportInvoice {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(vendorCode, "vendorCode");
    Objects.requireNonNull(invoiceDate, "invoiceDate");
    lines = List.copyOf(lines);
  }

  /** An approved invoice whose total is its lines plus {@code tax}. */
  public static ExportInvoice approved(
      String company, String number, String vendorCode, LocalDate date, String currency,
      String tax, List<ExportLine> lines) {
    BigDecimal t = new BigDecimal(tax);
    BigDecimal sum = lines.stream().map(ExportLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new ExportInvoice(
        company, "ST-" + vendorCode + "-" + number, number, vendorCode, "Vendor " + vendorCode,
        "Invoice", date, date.plusDays(30), currency, t, sum.add(t), "Approved", null, null, lines);
  }

  /** The same invoice as a credit memo. */
  public ExportInvoice asCreditMemo() {
    return new ExportInvoice(company, stampliId, number, vendorCode, vendorName, "Credit Memo",
        invoiceDate, dueDate, currency, tax, total, status, memo, poNumber, lines);
  }

  /** The same invoice with another memo. */
  public ExportInvoice withMemo(String text) {
    return new ExportInvoice(company, stampliId, number, vendorCode, vendorName, type, invoiceDate,
        dueDate, currency, tax, total, status, text, poNumber, lines);
  }

  /** The same invoice with a total that does not match its lines (a broken invoice). */
  public ExportInvoice withTotal(String value) {
    return new ExportInvoice(company, stampliId, number, vendorCode, vendorName, type, invoiceDate,
        dueDate, currency, tax, new BigDecimal(value), status, memo, poNumber, lines);
  }

  /** The same invoice with another approval status. */
  public ExportInvoice withStatus(String value) {
    return new ExportInvoice(company, stampliId, number, vendorCode, vendorName, type, invoiceDate,
        dueDate, currency, tax, total, value, memo, poNumber, lines);
  }

  /**
   * The invoice edited after export: line 1's amount changed by {@code delta}, the total following
   * (a re-export with other content).
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

  /** The same invoice with line {@code index} (0-based) replaced. */
  public ExportInvoice withLine(int index, ExportLine line) {
    List<ExportLine> changed = new ArrayList<>(lines);
    changed.set(index, line);
    return new ExportInvoice(company, stampliId, number, vendorCode, vendorName, type, invoiceDate,
        dueDate, currency, tax, total, status, memo, poNumber, changed);
  }
}
