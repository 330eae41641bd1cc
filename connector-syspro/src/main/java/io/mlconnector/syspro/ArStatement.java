package io.mlconnector.syspro;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The ARSQRY customer statement ({@code ARStatement}) read into values: the customer master fields,
 * each open invoice with its balance and (computed by SYSPRO) due date, and the current balance.
 * The whole document stays available in {@link #document()}.
 *
 * @param customer the customer code
 * @param name the customer name
 * @param currency the customer's currency code as SYSPRO holds it, or empty
 * @param onHold whether the customer is on hold
 * @param invoices the invoices the query returned, in SYSPRO's order
 * @param currentBalance {@code TotalSection/CurrentBalance}, or null when absent
 * @param document the whole output
 */
public record ArStatement(
    String customer,
    String name,
    String currency,
    boolean onHold,
    List<Invoice> invoices,
    @Nullable BigDecimal currentBalance,
    SysproElement document) {

  /**
   * Copies the list.
   *
   * @param customer the customer code
   * @param name the customer name
   * @param currency the customer's currency code as SYSPRO holds it, or empty
   * @param onHold whether the customer is on hold
   * @param invoices the invoices the query returned, in SYSPRO's order
   * @param currentBalance {@code TotalSection/CurrentBalance}, or null when absent
   * @param document the whole output
   */
  public ArStatement {
    invoices = List.copyOf(Objects.requireNonNull(invoices, "invoices"));
  }

  /**
   * One {@code InvoiceDetail}.
   *
   * @param documentType {@code I} invoice, {@code C} credit note, {@code D} debit note
   * @param invoice the invoice number
   * @param invoiceDate the invoice date, or null
   * @param dueDate the due date SYSPRO computed, or null
   * @param value the invoice value ({@code CurrencyValue}), or null
   * @param balance the open balance ({@code InvoiceBal})
   * @param customerPoNumber the customer's purchase order number, or empty
   */
  public record Invoice(
      String documentType,
      String invoice,
      LocalDate invoiceDate,
      LocalDate dueDate,
      BigDecimal value,
      BigDecimal balance,
      String customerPoNumber) {}

  /**
   * Reads an {@code ARStatement} document.
   *
   * @param statement the {@code ARStatement} root element of the ARSQRY output
   * @return the statement
   * @throws SysproFormatException when it has no {@code Header/Customer} or a value is malformed
   */
  public static ArStatement of(SysproElement statement) {
    SysproElement header =
        statement
            .child("Header")
            .orElseThrow(() -> new SysproFormatException("ARStatement has no Header"));
    String customer =
        header
            .text("Customer")
            .orElseThrow(() -> new SysproFormatException("ARStatement Header has no Customer"));
    List<Invoice> invoices = new ArrayList<>();
    for (SysproElement d : statement.descendants("InvoiceDetail")) {
      invoices.add(
          new Invoice(
              d.textOr("DocumentType", "I"),
              d.textOr("Invoice", ""),
              d.date("InvoiceDate").orElse(null),
              d.date("DueDate").orElse(null),
              d.decimal("CurrencyValue").orElse(null),
              d.decimal("InvoiceBal").orElse(BigDecimal.ZERO),
              d.textOr("CustomerPoNumber", "")));
    }
    return new ArStatement(
        customer,
        header.textOr("Name", customer),
        header.textOr("Currency", ""),
        "Y".equalsIgnoreCase(header.textOr("CustomerOnHold", "N")),
        invoices,
        statement.find("TotalSection").flatMap(t -> t.decimal("CurrentBalance")).orElse(null),
        statement);
  }
}
